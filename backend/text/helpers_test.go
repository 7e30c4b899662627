package text

import (
	"context"
	"io/fs"
	"sync"
	"testing"

	"ruche/backend/text/dict"
)

// loaded holds the analyser the tests share once its dictionaries are
// loaded: loading takes about half a second, too long to repeat in every test.
var loaded struct {
	mu sync.Mutex
	a  *Analyzer
}

// loadedAnalyzer returns an analyser whose dictionaries are loaded.
func loadedAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	loaded.mu.Lock()
	defer loaded.mu.Unlock()
	if loaded.a == nil {
		a := newAnalyzer(t)
		if err := a.Load(context.Background()); err != nil {
			t.Fatalf("Load: %v", err)
		}
		loaded.a = a
	}
	return loaded.a
}

// newAnalyzer returns an analyser whose dictionaries are not loaded.
func newAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	a, err := New(dict.Files())
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return a
}

// emptyFS holds no file.
type emptyFS struct{}

func (emptyFS) Open(name string) (fs.File, error) { return nil, fs.ErrNotExist }
