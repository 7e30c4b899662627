package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Insults are found in the words as written, and again after undoing the
// usual disguises: digits and signs for letters (c0nnard, @ssh0le),
// stretched letters (connaaaard), letters spaced or dotted (c o n n a r d,
// c.o.n), and starred letters (f*ck, s**t), which match an insult of the
// same length.

// leet maps the signs that stand for letters.
var leet = map[rune]rune{'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '€': 'e', '!': 'i', '|': 'l'}

// insults counts the insults of the text: phrases and words of the lexicon,
// plain or disguised.
func (l *lexicon) insults(words []nword, toks []Token) int {
	n := countPhrases(l.insult, words)
	seen := map[string]bool{}
	for _, w := range words {
		if w.kind == KindWord || w.kind == KindHashtag {
			seen[w.w] = true
		}
	}
	for _, cand := range disguised(toks) {
		if seen[cand] {
			continue // already counted as written
		}
		if l.isInsultWord(cand) {
			n++
		}
	}
	return n
}

// disguisedInsults counts the disguised insults of this language in a text
// of another (see strongInsults).
func (l *lexicon) disguisedInsults(toks []Token, home *lexicon) int {
	n := 0
	for _, cand := range disguised(toks) {
		if utf8.RuneCountInString(cand) >= 4 && l.isInsultWord(cand) && !home.knows(cand) {
			n++
		}
	}
	return n
}

// strongInsults counts the single-word insults of this language in words:
// English swearing in a French comment, or the reverse. Only words of four
// letters or more, so that a short word of one language ("con" in Spanish)
// is not taken for an insult of the other.
func (l *lexicon) strongInsults(words []nword, home *lexicon) int {
	n := 0
	for _, w := range words {
		if w.kind == KindWord && utf8.RuneCountInString(w.w) >= 4 && l.isInsultWord(w.w) && !home.knows(w.w) {
			n++
		}
	}
	return n
}

// knows reports a word this language uses in its own sense: "retard"
// (delay) in French is no English slur.
func (l *lexicon) knows(w string) bool {
	if l.insultFolded[fold(w)] {
		return false
	}
	if _, ok := l.valence[w]; ok {
		return true
	}
	if l.function[w] || l.frequent[w] {
		return true
	}
	for _, ps := range l.complaint {
		if _, ok := ps[w]; ok {
			return true
		}
	}
	return false
}

func (l *lexicon) isInsultWord(w string) bool {
	f := fold(w)
	if l.insultFolded[f] {
		return true
	}
	if two, one, ok := squeeze(f); ok {
		return l.insultFolded[two] || l.insultFolded[one]
	}
	if strings.Contains(f, "*") {
		return l.matchesStarred(f)
	}
	return false
}

// matchesStarred matches "f*ck" against the insults of the same length.
func (l *lexicon) matchesStarred(p string) bool {
	rp := []rune(p)
	if len(rp) < 3 || rp[0] == '*' {
		return false
	}
	letters := 0
	for _, r := range rp {
		if r != '*' {
			letters++
		}
	}
	if letters < 2 {
		return false
	}
	for w := range l.insultFolded {
		rw := []rune(w)
		if len(rw) != len(rp) {
			continue
		}
		ok := true
		for i, r := range rp {
			if r != '*' && r != rw[i] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// disguised returns the words of the text with their disguises undone.
func disguised(toks []Token) []string {
	var out []string
	// Letters and signs within a token: c0nnard, @ssh0le, f*ck (which the
	// tokeniser cuts at the star: joined back here).
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != KindWord && t.Kind != KindNumber {
			continue
		}
		raw := t.Text
		j := i
		for j+2 < len(toks) && toks[j+1].Kind == KindPunct && (toks[j+1].Text[0] == '*' || toks[j+1].Text[0] == '@' || toks[j+1].Text[0] == '$') &&
			toks[j+1].Start == toks[j].End && toks[j+2].Start == toks[j+1].End && (toks[j+2].Kind == KindWord || toks[j+2].Kind == KindNumber) {
			raw += toks[j+1].Text + toks[j+2].Text
			j += 2
		}
		if j+1 < len(toks) && toks[j+1].Kind == KindPunct && toks[j+1].Text[0] == '*' && toks[j+1].Start == toks[j].End {
			raw += toks[j+1].Text // s**
		}
		if w := unleet(raw); w != lower(raw) || j > i {
			out = append(out, w)
		}
		i = j
	}
	// Spaced or dotted letters: c o n n a r d, c.o.n.n.a.r.d.
	var run strings.Builder
	count := 0
	flush := func() {
		if count >= 3 {
			out = append(out, unleet(run.String()))
		}
		run.Reset()
		count = 0
	}
	for i, t := range toks {
		single := (t.Kind == KindWord || t.Kind == KindNumber) && utf8.RuneCountInString(t.Text) == 1
		if single && (count == 0 || t.Start-toks[i-1].End <= 2) {
			run.WriteString(t.Text)
			count++
			continue
		}
		if t.Kind == KindPunct && (t.Text == "." || t.Text == "-" || t.Text == "*") && count > 0 {
			continue
		}
		flush()
		if single {
			run.WriteString(t.Text)
			count = 1
		}
	}
	flush()
	return out
}

// unleet lowers w and replaces the signs that stand for letters, keeping
// stars.
func unleet(w string) string {
	var b strings.Builder
	for _, r := range w {
		if x, ok := leet[r]; ok {
			r = x
		}
		if r == '*' || unicode.IsLetter(r) {
			b.WriteRune(toLowerRune(r))
		}
	}
	return fold(b.String())
}

// aimedSoftInsults counts words that insult only when aimed at someone
// ("nuls" in "vous êtes nuls", "clowns" in "bande de clowns"), not when
// they judge a thing ("service nul").
func (l *lexicon) aimedSoftInsults(words []nword) int {
	n := 0
	for i := range words {
		p, ok := l.softInsult.match(words, i)
		if !ok {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if isClauseEnd(words[k]) {
				break
			}
			if _, ok := l.target.match(words, k); ok {
				n++
				break
			}
		}
		i += len(p.words) - 1
	}
	return n
}
