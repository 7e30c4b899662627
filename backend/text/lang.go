package text

import (
	"strings"

	"github.com/abadojack/whatlanggo"
)

// Language detection, for French and English, counts the words only one of
// the two knows: their most frequent words always, and their dictionaries
// once loaded. Elisions and accents vote French. When the counts tie, the
// trigram detector whatlanggo decides between the two; when it cannot
// either, the workspace's language does. A text in neither language
// (Spanish, German, Russian…) is "other".

var frenchOnly = whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{whatlanggo.Fra: true, whatlanggo.Eng: true}}

// foreignWords are frequent words of Spanish, German, Italian and
// Portuguese that are no French or English word: evidence of a third
// language.
var foreignWords = map[string]bool{
	// Spanish
	"el": true, "los": true, "las": true, "muy": true, "gracias": true, "pero": true, "para": true, "esta": true,
	"este": true, "está": true, "muchas": true, "muchos": true, "nunca": true, "nadie": true, "hola": true, "usted": true,
	"qué": true, "cómo": true, "hacen": true, "envíos": true, "pedido": true, "llegó": true, "encanta": true, "producto": true,
	"también": true, "porque": true, "todo": true, "bueno": true, "buena": true, "hay": true, "del": true,
	// German
	"und": true, "ist": true, "nicht": true, "das": true, "die": true, "der": true, "ich": true, "sie": true, "mit": true,
	"auch": true, "gibt": true, "danke": true, "bitte": true, "sehr": true, "nur": true, "noch": true, "seit": true,
	"kein": true, "keine": true, "ein": true, "eine": true, "wir": true, "haben": true, "wird": true, "schon": true, "aber": true,
	// Italian
	"di": true, "che": true, "è": true, "sono": true, "anche": true, "grazie": true, "molto": true, "questo": true,
	"questa": true, "della": true, "gli": true, "spedite": true, "bellissimo": true, "bellissima": true, "ciao": true,
	"perché": true, "tutto": true, "sempre": true,
	// Portuguese
	"obrigado": true, "obrigada": true, "não": true, "muito": true, "você": true, "uma": true, "chegou": true,
	"adorei": true, "rápido": true, "isso": true, "olá": true,
}

// langVotes is what the words of a text say about its language.
type langVotes struct {
	fr, en   float64
	foreign  float64 // votes for a third language
	words    int     // words that can vote (not names, not acronyms)
	known    [2]int
	nonLatin int
	latin    int
}

func (a *Analyzer) votes(toks []Token) langVotes {
	var v langVotes
	fr, en := a.langs[French], a.langs[English]
	dfr, den := a.dict(French), a.dict(English)
	for _, t := range toks {
		if t.Kind != KindWord {
			continue
		}
		for _, r := range t.Text {
			if isLetter(r) {
				if isLatin(r) {
					v.latin++
				} else {
					v.nonLatin++
				}
			}
		}
		w := t.Text
		style := styleOf(w)
		if style == caseMixed || (style == caseUpper && len(w) <= 5) {
			continue
		}
		if _, rest, ok := splitElision(w); ok && startsWithVowelSound(rest) {
			v.fr += 1.5
			w = rest
		}
		lw := lower(w)
		if strings.ContainsAny(lw, "éèêàçùûîôœëï") {
			v.fr += 0.5
		}
		if strings.Contains(lw, "'") && (strings.HasSuffix(lw, "n't") || strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "'m") || strings.HasSuffix(lw, "'re") || strings.HasSuffix(lw, "'ve") || strings.HasSuffix(lw, "'ll")) {
			v.en += 1
		}
		v.words++
		if foreignWords[lw] {
			v.foreign += 2
		}
		if strings.ContainsAny(lw, "ßñ¿¡ãõ") {
			v.foreign += 1
		}
		ff, ef := fr.function[lw], en.function[lw]
		switch {
		case ff && !ef:
			v.fr += 2
		case ef && !ff:
			v.en += 2
		}
		if dfr == nil || den == nil {
			continue
		}
		// A capitalised word inside a sentence is likely a name: it knows no language.
		if style == caseTitle && !ff && !ef {
			continue
		}
		fd, ed := dfr.accepts(w), den.accepts(w)
		if fd {
			v.known[0]++
		}
		if ed {
			v.known[1]++
		}
		if !fd && !ed && style == caseLower && len(lw) >= 4 {
			v.foreign += 0.5 // neither knows it: a third language, or a typo
		}
		switch {
		case fd && !ed:
			v.fr++
		case ed && !fd:
			v.en++
		}
	}
	return v
}

// detectLanguage returns fr, en or other for the text; fallback (the
// workspace's language) when the text does not say.
func (a *Analyzer) detectLanguage(s string, toks []Token, fallback string) string {
	if fallback != French && fallback != English {
		fallback = ""
	}
	v := a.votes(toks)
	if strings.ContainsAny(s, "¿¡") {
		v.foreign += 2
	}
	orFallback := func() string {
		if fallback != "" {
			return fallback
		}
		return Other
	}
	if v.nonLatin > v.latin {
		return Other
	}
	if v.words == 0 {
		return orFallback()
	}
	best, margin := French, v.fr-v.en
	if margin < 0 {
		best, margin = English, -margin
	}
	// Words of a third language outweigh those of French and English.
	if v.foreign >= 2 && v.foreign > v.fr && v.foreign > v.en {
		return Other
	}
	if margin >= 1 {
		return best
	}
	if len(s) >= 12 {
		info := whatlanggo.DetectWithOptions(s, frenchOnly)
		if info.Confidence >= 0.2 {
			if info.Lang == whatlanggo.Fra {
				return French
			}
			return English
		}
	}
	if margin > 0 {
		return best
	}
	return orFallback()
}

// isForeignLatin reports the languages a comment to a French or English
// brand is most often written in otherwise; whatlanggo's guesses of rarer
// ones on a short text are mostly noise.
func isForeignLatin(l whatlanggo.Lang) bool {
	switch l {
	case whatlanggo.Spa, whatlanggo.Deu, whatlanggo.Ita, whatlanggo.Por, whatlanggo.Nld, whatlanggo.Pol, whatlanggo.Tur, whatlanggo.Swe, whatlanggo.Dan, whatlanggo.Nob, whatlanggo.Ron, whatlanggo.Ces:
		return true
	}
	return false
}
