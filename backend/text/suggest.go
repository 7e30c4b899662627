package text

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// The suggester: candidates come from cheap edits of the misspelled word
// looked up in the accent-folded index of the dictionary (so "evenement"
// finds "événement" in one look-up), from doubled or undoubled consonants
// (apeller → appeler), from the .aff file's REP pairs (connection →
// connexion), from a missing space or apostrophe (biensur → bien sûr,
// dailleurs → d'ailleurs) and from the workspace's own words. They are then
// ranked by a weighted edit distance where an accent costs little and a
// neighbouring key less than a distant one, and each is checked again by the
// speller before it is offered.

const (
	maxSuggestions = 5
	maxSuggestCost = 2.6
)

type suggester struct {
	d     *dictionary
	lw    string // the misspelled word in lower case
	cands map[string]float64
}

func (s *suggester) consider(form string) { s.considerAt(form, 99) }

// considerAt adds form with its distance to the misspelled word, or at
// most ceiling: a candidate from a known kind of mistake (a REP pair of the
// dictionary, two letters swapped) costs less than its letters say.
func (s *suggester) considerAt(form string, ceiling float64) {
	if form == "" || form == s.lw || s.d.noSuggest.has(form) {
		return
	}
	c := min(s.d.distance(s.lw, lower(form)), ceiling)
	if old, ok := s.cands[form]; !ok || c < old {
		s.cands[form] = c
	}
}

// lookupFolded adds every form whose folded spelling is f.
func (s *suggester) lookupFolded(f string) { s.d.folded.lookup(f, s.consider) }

// lookupFoldedAt adds every form whose folded spelling is f, at most at
// ceiling.
func (s *suggester) lookupFoldedAt(f string, ceiling float64) {
	s.d.folded.lookup(f, func(form string) { s.considerAt(form, ceiling) })
}

const editAlphabet = "abcdefghijklmnopqrstuvwxyz"

// edits1 calls fn with every word one deletion, transposition, substitution
// or insertion away from w (in folded spelling).
func edits1(w string, fn func(string)) {
	b := []byte(w)
	buf := make([]byte, 0, len(b)+1)
	for i := range b {
		buf = append(append(buf[:0], b[:i]...), b[i+1:]...)
		fn(string(buf))
		if i+1 < len(b) && b[i] != b[i+1] {
			buf = append(buf[:0], b...)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			fn(string(buf))
		}
		for j := 0; j < len(editAlphabet); j++ {
			c := editAlphabet[j]
			if c == b[i] {
				continue
			}
			buf = append(buf[:0], b...)
			buf[i] = c
			fn(string(buf))
		}
	}
	for i := 0; i <= len(b); i++ {
		for j := 0; j < len(editAlphabet)+2; j++ {
			c := byte('\'')
			if j < len(editAlphabet) {
				c = editAlphabet[j]
			} else if j == len(editAlphabet)+1 {
				c = '-'
			}
			buf = append(append(append(buf[:0], b[:i]...), c), b[i:]...)
			fn(string(buf))
		}
	}
}

func isVowelByte(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// toggles calls fn with w where one consonant is doubled or a doubled one
// made single, then two such changes: "apeller" → "appeler".
func toggles(w string, fn func(string)) {
	one := map[string]bool{}
	step := func(x string, emit func(string)) {
		for i := 0; i < len(x); i++ {
			c := x[i]
			if c < 'a' || c > 'z' || isVowelByte(c) {
				continue
			}
			if i+1 < len(x) && x[i+1] == c {
				emit(x[:i] + x[i+1:])
				i++
				continue
			}
			emit(x[:i+1] + x[i:])
		}
	}
	step(w, func(v string) { one[v] = true })
	for v := range one {
		step(v, fn)
	}
}

// nearSwaps calls fn with w where two letters two or three places apart
// are swapped: "rénumération" → "rémunération".
func nearSwaps(w string, fn func(string)) {
	b := []byte(w)
	for i := range b {
		for gap := 2; gap <= 3 && i+gap < len(b); gap++ {
			if b[i] == b[i+gap] {
				continue
			}
			c := append([]byte(nil), b...)
			c[i], c[i+gap] = c[i+gap], c[i]
			fn(string(c))
		}
	}
}

// suggest returns up to maxSuggestions corrections of word, best first.
func (d *dictionary) suggest(word string, own wordList, common func(string) bool) []string {
	lw := lower(word)
	fw := fold(lw)
	s := &suggester{d: d, lw: lw, cands: map[string]float64{}}
	s.lookupFolded(fw)
	if len(fw) <= 40 && isASCII(fw) {
		edits1(fw, s.lookupFolded)
		toggles(fw, s.lookupFolded)
		nearSwaps(fw, func(v string) { s.lookupFoldedAt(v, 0.9) })
	}
	// Stretched letters: merciiii → merci.
	if two, one, ok := squeeze(fw); ok {
		s.lookupFoldedAt(two, 0.4)
		s.lookupFoldedAt(one, 0.4)
	}
	bases := []string{lw}
	if strings.Contains(lw, "'") { // chaqu'un → chacun
		bases = append(bases, strings.ReplaceAll(lw, "'", ""))
	}
	for _, rep := range d.rep {
		for _, lw := range bases {
			s.replaceOnce(lw, rep)
		}
	}
	s.missingApostrophe(fw)
	s.missingSpace(fw)
	for w := range own {
		if c := d.distance(lw, w); c <= 1.5 {
			s.cands[w] = c - 0.1
		}
	}
	// Nothing close: two insertions or deletions (basicly → basically).
	if s.best() > 1.05 && len(fw) <= 14 && isASCII(fw) {
		deep := func(v string) {
			s.lookupFolded(v)
			insertDelete(v, s.lookupFolded)
		}
		insertDelete(fw, deep)
	}
	return s.ranked(word, own, common)
}

// best returns the cost of the best candidate so far.
func (s *suggester) best() float64 {
	b := 99.0
	for _, c := range s.cands {
		b = min(b, c)
	}
	return b
}

// insertDelete calls fn with w less one letter and w plus one letter.
func insertDelete(w string, fn func(string)) {
	for i := 0; i < len(w); i++ {
		fn(w[:i] + w[i+1:])
	}
	for i := 0; i <= len(w); i++ {
		for j := 0; j < len(editAlphabet); j++ {
			fn(w[:i] + editAlphabet[j:j+1] + w[i:])
		}
	}
}

// replaceOnce applies a REP pair of the dictionary at each place it fits.
func (s *suggester) replaceOnce(lw string, rep [2]string) {
	d := s.d
	if rep[0] == "" {
		return
	}
	for i := 0; ; {
		k := strings.Index(lw[i:], rep[0])
		if k < 0 || rep[0] == "" {
			break
		}
		k += i
		v := lw[:k] + rep[1] + lw[k+len(rep[0]):]
		switch {
		case strings.Contains(v, " "): // alot → a lot
			if d.acceptsPhrase(v, nil) {
				s.considerAt(v, 0.7)
			}
		case !strings.Contains(v, "'"):
			s.lookupFoldedAt(fold(v), 0.7)
		}
		i = k + len(rep[0])
	}
}

// missingApostrophe adds the elisions missing their apostrophe:
// dailleurs → d'ailleurs.
func (s *suggester) missingApostrophe(fw string) {
	d, lw := s.d, s.lw
	for head := range elisionHeads {
		if !d.elides {
			break
		}
		if rest, ok := strings.CutPrefix(fw, head); ok && len(rest) > 1 && startsWithVowelSound(rest) {
			d.folded.lookup(rest, func(form string) {
				if !d.noSuggest.has(form) {
					s.cands[head+"'"+form] = d.distance(lw, head+"'"+lower(form))
				}
			})
		}
	}
}

// missingSpace adds two words run together: biensur → bien sûr, alot → a lot.
func (s *suggester) missingSpace(fw string) {
	d, lw := s.d, s.lw
	n := len(fw)
	if n < 4 || n > 30 {
		return
	}
	for k := 1; k < n; k++ {
		lefts, rights := s.foldedForms(fw[:k]), s.foldedForms(fw[k:])
		for _, left := range lefts {
			for _, right := range rights {
				if utf8.RuneCountInString(left)+utf8.RuneCountInString(right) < 4 {
					continue
				}
				if (len(left) == 1 && !strings.Contains("aày", left)) || (len(right) == 1 && !strings.Contains("aày", right)) {
					continue
				}
				// A missing space is a rarer mistake than a wrong letter.
				pair := left + " " + right
				if _, ok := s.cands[pair]; !ok {
					s.cands[pair] = d.distance(lw, lower(pair)) + 0.8
				}
			}
		}
	}
}

// ranked sorts the candidates and returns the best, re-checked.
func (s *suggester) ranked(word string, own wordList, common func(string) bool) []string {
	d, fw := s.d, fold(s.lw)
	type scored struct {
		w string
		c float64
	}
	list := make([]scored, 0, len(s.cands))
	first, _ := utf8.DecodeRuneInString(fw)
	lowerWord := styleOf(word) == caseLower
	for w, c := range s.cands {
		if f, _ := utf8.DecodeRuneInString(fold(w)); f != first {
			c += 0.3 // a typo rarely hits the first letter
		}
		if lowerWord && styleOf(w) != caseLower {
			c += 0.3 // a name for a common word
		}
		if common != nil && common(w) {
			c -= 0.15
		}
		if c <= maxSuggestCost {
			list = append(list, scored{w, c})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].c != list[j].c {
			return list[i].c < list[j].c
		}
		return list[i].w < list[j].w
	})
	style := styleOf(word)
	out := []string{}
	seen := map[string]bool{}
	for _, sc := range list {
		w := sc.w
		if style == caseTitle || style == caseUpper {
			w = applyStyle(w, style)
		}
		if seen[w] || !d.acceptsPhrase(w, own) {
			continue
		}
		seen[w] = true
		out = append(out, w)
		if len(out) == maxSuggestions {
			break
		}
	}
	return out
}

// foldedForms returns up to three lower-case forms of folded spelling f.
func (s *suggester) foldedForms(f string) []string {
	var out []string
	s.d.folded.lookup(f, func(form string) {
		if len(out) < 3 && !s.d.noSuggest.has(form) && styleOf(form) == caseLower {
			out = append(out, form)
		}
	})
	return out
}

// acceptsPhrase re-checks a suggestion, which may be two words.
func (d *dictionary) acceptsPhrase(p string, own wordList) bool {
	for _, w := range strings.Fields(p) {
		if len(d.check(w, own)) > 0 {
			return false
		}
	}
	return p != ""
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// distance is a weighted Damerau-Levenshtein distance between two words in
// lower case: an accent or a doubled letter costs less than a wrong letter,
// a neighbouring key less than a distant one.
func (d *dictionary) distance(a, b string) float64 {
	extra := 0.0
	if strings.ContainsAny(a, "œæ") || strings.ContainsAny(b, "œæ") {
		a, b = ligatures.Replace(a), ligatures.Replace(b)
		extra = 0.1
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 99
	}
	var rowsBuf [3][66]float64
	prev2, prev, cur := rowsBuf[0][:len(rb)+1], rowsBuf[1][:len(rb)+1], rowsBuf[2][:len(rb)+1]
	indel := func(s []rune, i int) float64 {
		r := s[i]
		switch {
		case r == '\'' || r == '-' || r == ' ':
			return 0.3
		case (i > 0 && s[i-1] == r) || (i+1 < len(s) && s[i+1] == r):
			return 0.5 // a doubled letter
		case i == len(s)-1 && i > 2 && strings.ContainsRune("sxted", r):
			return 0.6 // a silent last letter: parmis, malgrés
		}
		return 1
	}
	prev[0] = 0
	for j := 1; j <= len(rb); j++ {
		prev[j] = prev[j-1] + indel(rb, j-1)
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = prev[0] + indel(ra, i-1)
		for j := 1; j <= len(rb); j++ {
			x, y := ra[i-1], rb[j-1]
			sub := 0.0
			if x != y {
				sub = d.subCost(x, y)
			}
			v := prev[j-1] + sub
			if c := prev[j] + indel(ra, i-1); c < v {
				v = c
			}
			if c := cur[j-1] + indel(rb, j-1); c < v {
				v = c
			}
			if i > 1 && j > 1 && x == rb[j-2] && ra[i-2] == y {
				if c := prev2[j-2] + 0.7; c < v {
					v = c
				}
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)] + extra
}

var ligatures = strings.NewReplacer("œ", "oe", "æ", "ae")

func (d *dictionary) subCost(x, y rune) float64 {
	fx, okx := foldRune(x)
	if !okx {
		fx = string(x)
	}
	fy, oky := foldRune(y)
	if !oky {
		fy = string(y)
	}
	if fx == fy {
		return 0.2
	}
	if strings.ContainsRune(d.keys[x], y) {
		return 0.8
	}
	if len(fx) == 1 && len(fy) == 1 && isVowelByte(fx[0]) && isVowelByte(fy[0]) {
		return 0.85
	}
	return 1
}
