package backend

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ruche/backend/locale"
)

var faultCode = regexp.MustCompile(`fault\.New\(fault\.\w+, "([^"]+)"\)`)

// TestEveryErrorCodeHasAMessage reads the sources: each code given to
// fault.New must have a translated message, or the user would read the
// generic one.
func TestEveryErrorCodeHasAMessage(t *testing.T) {
	found := 0
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range faultCode.FindAllStringSubmatch(string(src), -1) {
			found++
			if !locale.Has(m[1]) {
				t.Errorf("%s: code %q has no message in package locale", path, m[1])
			}
		}
		return nil
	})
	if found < 20 {
		t.Errorf("found %d error codes, want the backend's (the pattern may be stale)", found)
	}
}
