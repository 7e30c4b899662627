package importing

import (
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/fault"
)

func TestPreviewsConfirmExactlyWhatWasPreviewed(t *testing.T) {
	var p Previews[string]
	rows := []string{"row 2", "row 3"}
	tok := p.Keep("ws1", rows)
	if len(tok) != 32 {
		t.Errorf("Keep() = %q, want 32 hex digits", tok)
	}
	rows[0] = "changed after the preview" // the caller's slice is what is kept
	scope, got, ok := p.Take(tok)
	if !ok || scope != "ws1" {
		t.Fatalf("Take() = %q, %v, %v; want ws1's preview", scope, got, ok)
	}
	if diff := cmp.Diff(rows, got); diff != "" {
		t.Errorf("Take() rows (-want +got):\n%s", diff)
	}
	if _, _, ok := p.Take(tok); ok {
		t.Error("Take() twice = ok, want the preview confirmed once")
	}
	for _, bad := range []string{"", "nonsense"} {
		if _, _, ok := p.Take(bad); ok {
			t.Errorf("Take(%q) = ok, want no preview", bad)
		}
	}
}

func TestPreviewsForgetTheOldest(t *testing.T) {
	var p Previews[int]
	var toks []string
	for i := range MaxPreviews + 2 {
		toks = append(toks, p.Keep(fmt.Sprint("ws", i), []int{i}))
	}
	if toks[0] == toks[1] {
		t.Fatalf("Keep() gave the same token twice: %q", toks[0])
	}
	for i, tok := range toks {
		_, rows, ok := p.Take(tok)
		if want := i >= 2; ok != want {
			t.Errorf("Take(preview %d of %d) = %v, want %v (the %d newest are kept)", i, len(toks), ok, want, MaxPreviews)
		}
		if ok && (len(rows) != 1 || rows[0] != i) {
			t.Errorf("Take(preview %d) = %v, want its rows", i, rows)
		}
	}
	// Taking one from the middle keeps the others.
	a, b, c := p.Keep("a", nil), p.Keep("b", nil), p.Keep("c", nil)
	if _, _, ok := p.Take(b); !ok {
		t.Fatal("Take(b) = not ok")
	}
	for _, tok := range []string{a, c} {
		if _, _, ok := p.Take(tok); !ok {
			t.Errorf("Take(%q) after another's = not ok", tok)
		}
	}
}

func TestPreviewsConcurrently(t *testing.T) {
	var p Previews[int]
	var wg sync.WaitGroup
	taken := make(chan bool, 64)
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, ok := p.Take(p.Keep("ws", []int{i}))
			taken <- ok
		}()
	}
	wg.Wait()
	close(taken)
	n := 0
	for ok := range taken {
		if ok {
			n++
		}
	}
	if n < 1 {
		t.Errorf("%d of 64 previews taken back, want some (and no race)", n)
	}
}

type okRow bool

func (r okRow) OK() bool { return bool(r) }

func TestCount(t *testing.T) {
	tests := []struct {
		rows               []okRow
		wantValid, wantBad int
	}{
		{nil, 0, 0},
		{[]okRow{true, false, true}, 2, 1},
		{[]okRow{false, false}, 0, 2},
	}
	for _, tt := range tests {
		if v, b := Count(tt.rows); v != tt.wantValid || b != tt.wantBad {
			t.Errorf("Count(%v) = %d, %d; want %d, %d", tt.rows, v, b, tt.wantValid, tt.wantBad)
		}
	}
	rows := []Row{{Line: 2}, {Line: 3, Problems: []*fault.Error{ErrRowFields}}}
	if v, b := Count(rows); v != 1 || b != 1 {
		t.Errorf("Count(rows) = %d, %d; want 1, 1", v, b)
	}
}
