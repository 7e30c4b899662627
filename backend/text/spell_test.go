package text

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
)

// readLines returns the lines of a testdata file that are neither empty
// nor comments.
func readLines(t *testing.T, name string) []string { return readFileLines(t, name) }

func readFileLines(t testing.TB, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func TestTrickyFrenchWordsPassClean(t *testing.T) {
	a := loadedAnalyzer(t)
	words := readLines(t, "testdata/spelling_fr_correct.txt")
	if len(words) < 100 {
		t.Fatalf("%d tricky words, want at least 100", len(words))
	}
	for _, w := range words {
		got, err := a.Spelling(w, French, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("Spelling(%q) = %v, want nothing flagged", w, got)
		}
	}
}

func TestCommonMistakesAreCaughtAndCorrected(t *testing.T) {
	a := loadedAnalyzer(t)
	lines := readLines(t, "testdata/spelling_mistakes.tsv")
	if len(lines) < 50 {
		t.Fatalf("%d mistakes, want at least 50", len(lines))
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 3 {
			t.Fatalf("bad line %q", l)
		}
		lang, wrong, right := f[0], f[1], f[2]
		got, err := a.Spelling(wrong, lang, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 {
			t.Errorf("Spelling(%q, %s) = %v, want it flagged once", wrong, lang, got)
			continue
		}
		if i := slices.Index(got[0].Suggestions, right); i < 0 || i > 1 {
			t.Errorf("Spelling(%q, %s) suggests %q, want %q first or second", wrong, lang, got[0].Suggestions, right)
		}
	}
}
