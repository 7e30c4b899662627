package text

import (
	"strings"
	"unicode/utf8"
)

// nword is a token normalised for the lexicons: lower case, straight
// apostrophes, a French elision split from its word ("n'" "importe"),
// hyphenated words split ("ras" "le" "bol").
type nword struct {
	w    string
	tok  int  // index of the token it comes from
	kind Kind // of that token
	caps bool // written in capitals, two letters or more
}

// normWords normalises the tokens of s.
func normWords(s string, toks []Token) []nword {
	out := make([]nword, 0, len(toks)+4)
	skip := -1
	for i, t := range toks {
		if i == skip {
			continue
		}
		switch t.Kind {
		case KindWord:
			text := t.Text
			// An elided word at the end of a lexicon phrase: "bande d'".
			if i+1 < len(toks) && toks[i+1].Kind == KindPunct && toks[i+1].Start == t.End && elisionHeads[lower(text)] {
				if r, _ := utf8.DecodeRuneInString(toks[i+1].Text); isApostrophe(r) {
					out = append(out, nword{w: lower(text) + "'", tok: i, kind: KindWord})
					skip = i + 1
					continue
				}
			}
			if head, rest, ok := splitElision(text); ok {
				out = append(out, nword{w: lower(head), tok: i, kind: KindWord})
				text = rest
			}
			for part := range strings.FieldsFuncSeq(text, isHyphen) {
				caps := styleOf(part) == caseUpper && utf8.RuneCountInString(part) > 1
				out = append(out, nword{w: lower(part), tok: i, kind: KindWord, caps: caps})
			}
		case KindHashtag:
			_, n := utf8.DecodeRuneInString(t.Text)
			out = append(out, nword{w: lower(t.Text[n:]), tok: i, kind: KindHashtag})
		case KindEmoji:
			out = append(out, nword{w: emojiBase(t.Text), tok: i, kind: KindEmoji})
		case KindNumber, KindEmoticon, KindPunct:
			out = append(out, nword{w: t.Text, tok: i, kind: t.Kind})
		default:
			out = append(out, nword{tok: i, kind: t.Kind})
		}
	}
	return out
}

// squeeze shortens runs of three or more of the same letter, to two then to
// one: "trooop" → "troop", "trop"; it returns the candidates, or none when
// w has no such run.
func squeeze(w string) (two, one string, ok bool) {
	var b2, b1 strings.Builder
	var prev rune
	run := 0
	for _, r := range w {
		if r == prev {
			run++
		} else {
			run = 1
		}
		if run >= 3 {
			ok = true
		}
		if run <= 2 {
			b2.WriteRune(r)
		}
		if run == 1 {
			b1.WriteRune(r)
		}
		prev = r
	}
	if !ok {
		return "", "", false
	}
	return b2.String(), b1.String(), true
}

// isClauseEnd reports a word that ends the reach of a negation or a booster.
func isClauseEnd(w nword) bool {
	if w.kind != KindPunct {
		return false
	}
	return strings.ContainsAny(w.w, ".!?;,:…")
}
