package importing

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"ruche/backend/fault"
	"ruche/backend/locale"
)

// TestMessagesGetTheirValues makes each error of the package and checks its
// message, in French and English, has every {placeholder} filled.
func TestMessagesGetTheirValues(t *testing.T) {
	var errs []error
	add := func(_ any, err error) { errs = append(errs, err) }
	add(Format{MaxBytes: 1}.ReadText(strings.NewReader("ab")))
	add(Format{}.ReadText(failingReader{}))
	for _, in := range []string{"", "a,b\n", "hashtags,text\n", "text\n", "text,texte\n", "datetime,text\n\"\n",
		"datetime,text\n" + strings.Repeat("a,b\n", DefaultMaxRows+1)} {
		add(posts.Parse(in))
	}
	tbl, _ := posts.Parse("datetime,text\na,b,c\n")
	errs = append(errs, tbl.Rows[0].Problems[0])

	seen := map[string]bool{}
	left := regexp.MustCompile(`\{[a-z]+\}`)
	for _, err := range errs {
		var fe *fault.Error
		if !errors.As(err, &fe) {
			t.Errorf("error %v is not a *fault.Error", err)
			continue
		}
		seen[fe.Code] = true
		for _, lang := range locale.Langs {
			msg := locale.Message(lang, fe.Code, fe.Args)
			if !locale.Has(fe.Code) || left.MatchString(msg) {
				t.Errorf("%s message of %s with %v = %q", lang, fe.Code, fe.Args, msg)
			}
		}
	}
	if len(seen) != 10 {
		t.Errorf("made %d distinct errors, want every one of the package's 10", len(seen))
	}
}
