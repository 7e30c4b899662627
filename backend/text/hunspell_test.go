package text

import (
	"bytes"
	"io/fs"
	"testing"

	"github.com/client9/gospell"

	"ruche/backend/text/dict"
)

// TestExpansionAgreesWithGospell checks the affix expansion against
// gospell, the Hunspell checker vetted for Ruche, on a sample: every form
// Ruche generates must be one gospell accepts, and the words of the
// labelled comments that gospell accepts Ruche must accept too. (gospell
// checks each new word in one to four milliseconds, which is why Ruche
// expands the dictionaries once instead: see hunspell.go.)
func TestExpansionAgreesWithGospell(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gospell's dictionaries")
	}
	a := loadedAnalyzer(t)
	for lang, base := range dictFiles {
		aff, _ := fs.ReadFile(dict.Files(), base+".aff")
		dic, _ := fs.ReadFile(dict.Files(), base+".dic")
		gs, err := gospell.NewGoSpellReader(bytes.NewReader(aff), bytes.NewReader(dic))
		if err != nil {
			t.Fatalf("gospell %s: %v", lang, err)
		}
		d := a.dict(lang)
		// Every 1500th form Ruche generates.
		i, checked, refused := 0, 0, 0
		d.words.each(func(w string) bool {
			i++
			if i%1500 != 0 {
				return true
			}
			checked++
			if !gs.Spell(w) {
				refused++
				t.Logf("%s: Ruche accepts %q, gospell does not", lang, w)
			}
			return true
		})
		if refused*100 > checked {
			t.Errorf("%s: gospell refuses %d of %d sampled forms, want under 1 %%", lang, refused, checked)
		}
		// The words of the labelled comments.
		words, missed := 0, 0
		for _, name := range []string{"testdata/comments_dev.tsv", "testdata/comments_holdout.tsv"} {
			for _, c := range readLabelled(t, name) {
				if c.lang != lang {
					continue
				}
				for _, tok := range Tokenize(c.text) {
					if tok.Kind != KindWord || skipWord(tok.Text) {
						continue
					}
					w := tok.Text
					if _, rest, ok := splitElision(w); ok {
						w = rest
					}
					for _, part := range bytes.FieldsFunc([]byte(w), isHyphen) {
						p := string(part)
						if !gs.Spell(p) {
							continue
						}
						words++
						if !d.accepts(p) {
							missed++
							t.Logf("%s: gospell accepts %q, Ruche does not", lang, p)
						}
					}
				}
			}
		}
		if missed*50 > words {
			t.Errorf("%s: Ruche refuses %d of %d words gospell accepts, want under 2 %%", lang, missed, words)
		}
		t.Logf("%s: %d sampled forms (%d refused by gospell), %d comment words (%d refused by Ruche)", lang, checked, refused, words, missed)
	}
}
