package text

import (
	"math"
	"strings"
)

// Readability is the reading ease of a text: 100 reads like a children's
// book, 0 like a legal contract. French uses the formula of Kandel and
// Moles (1958), English that of Flesch (1948); both weigh the words per
// sentence and the syllables per word.
type Readability struct {
	Score     float64 `json:"score"`
	Level     string  `json:"level"` // very_easy, easy, standard, difficult, very_difficult; "" for an empty text
	Formula   string  `json:"formula"`
	Words     int     `json:"words"`
	Sentences int     `json:"sentences"`
	Syllables int     `json:"syllables"`
}

// The readability formulas.
const (
	KandelMoles = "kandel-moles"
	Flesch      = "flesch"
)

func readability(text string, toks []Token, lang string) Readability {
	r := Readability{Formula: Flesch}
	if lang == French {
		r.Formula = KandelMoles
	}
	inSentence := false
	for _, t := range toks {
		switch t.Kind {
		case KindWord:
			for part := range strings.FieldsFuncSeq(t.Text, isHyphen) {
				r.Words++
				r.Syllables += syllables(lower(part), lang)
			}
			inSentence = true
		case KindNumber:
			r.Words++
			r.Syllables += 2
			inSentence = true
		case KindPunct:
			if inSentence && strings.ContainsAny(t.Text, ".!?…") {
				r.Sentences++
				inSentence = false
			}
		}
	}
	if inSentence {
		r.Sentences++
	}
	if r.Words == 0 {
		return r
	}
	wps := float64(r.Words) / float64(r.Sentences)
	spw := float64(r.Syllables) / float64(r.Words)
	if lang == French {
		r.Score = 207 - 1.015*wps - 73.6*spw
	} else {
		r.Score = 206.835 - 1.015*wps - 84.6*spw
	}
	r.Score = math.Round(math.Max(0, math.Min(100, r.Score))*10) / 10
	switch {
	case r.Score >= 80:
		r.Level = "very_easy"
	case r.Score >= 65:
		r.Level = "easy"
	case r.Score >= 50:
		r.Level = "standard"
	case r.Score >= 30:
		r.Level = "difficult"
	default:
		r.Level = "very_difficult"
	}
	return r
}

func isVowelRune(r rune, lang string) bool {
	if f, ok := foldRune(r); ok {
		r = rune(f[0])
	}
	return strings.ContainsRune("aeiouy", r)
}

// syllables estimates the syllables of a lower-case word: its groups of
// vowels, less a silent final e (French "table", English "make").
func syllables(w string, lang string) int {
	n := 0
	prev := false
	runes := []rune(w)
	for _, r := range runes {
		v := isVowelRune(r, lang)
		if v && !prev {
			n++
		}
		prev = v
	}
	if n > 1 {
		switch lang {
		case French:
			if strings.HasSuffix(w, "e") || strings.HasSuffix(w, "es") {
				n--
			} else if strings.HasSuffix(w, "ent") && len(runes) > 4 && !strings.HasSuffix(w, "ment") {
				n-- // ils parlent
			}
		default:
			if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && !strings.HasSuffix(w, "ee") {
				n--
			} else if strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ted") && !strings.HasSuffix(w, "ded") {
				n--
			} else if strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses") && !strings.HasSuffix(w, "ces") && !strings.HasSuffix(w, "ges") {
				n--
			}
		}
	}
	if n < 1 {
		n = 1
	}
	return n
}
