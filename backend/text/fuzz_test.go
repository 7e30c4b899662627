package text

import (
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"", "L'acceuil d’hier était super !!! 😍 #Soldes @ruche https://ruche.fr",
	"Pourriez-vous m'aider ? Y a-t-il un problème avec ma commande n°1234 ?",
	"Oh great, another delay 🙄 thanks for nothing", "c0nnard f*ck s.a.l.o.p.e",
	"Bon\xffjour \xc3\x28", "👨‍👩‍👧🇫🇷👍🏽", "www.", "#", "@", "l'", "-t-", ":-)))", "a.b.c.d.e.f",
	"Gagnez 500€ par jour 💰 bit.ly/x DM moi", "ÉTÉ SOLIDAIRE", "qu'", "xD<3:/",
}

// FuzzTokenize: tokens cover valid ranges of the input, in order.
func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, tok := range Tokenize(s) {
			if tok.Start < last || tok.End <= tok.Start || tok.End > len(s) || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("Tokenize(%q): token %+v out of order or range (after %d)", s, tok, last)
			}
			last = tok.End
		}
	})
}

// FuzzCheck: Check answers any text with a well-formed result.
func FuzzCheck(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	a := loadedAnalyzer(f)
	opts := Options{Words: []string{"Ruche"}, Voice: &Voice{Address: "vous", MaxEmoji: intp(1), MaxExclamations: intp(0),
		NoAllCaps: true, Forbidden: []VoiceWord{{Word: "pas cher"}}, Signature: "^CM", MinReadingEase: 60}}
	f.Fuzz(func(t *testing.T, s string) {
		checkResult(t, s, a.Check(s, opts))
	})
}

// FuzzClassifyBeforeLoad: without dictionaries too.
func FuzzClassifyBeforeLoad(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	a := newAnalyzer(f)
	f.Fuzz(func(t *testing.T, s string) {
		c := a.Classify(s, Options{Fallback: French})
		if c.Language == "" || len(c.Intents) == 0 || c.Sentiment.Score < -1 || c.Sentiment.Score > 1 {
			t.Fatalf("Classify(%q) = %+v", s, c)
		}
	})
}

// FuzzSuggest: suggestions are words the dictionary accepts.
func FuzzSuggest(f *testing.F) {
	for _, s := range []string{"acceuil", "recieve", "dailleurs", "biensur", "Merciiii", "x", "ÉÉÉ", "qu'", "a-b"} {
		f.Add(s)
	}
	a := loadedAnalyzer(f)
	f.Fuzz(func(t *testing.T, w string) {
		if len(w) > 64 {
			return
		}
		for _, lang := range []string{French, English} {
			d := a.dict(lang)
			for _, s := range d.suggest(w, nil, nil) {
				if !utf8.ValidString(s) || !d.acceptsPhrase(s, nil) {
					t.Fatalf("suggest(%q) gave %q, which the %s dictionary refuses", w, s, lang)
				}
			}
		}
	})
}
