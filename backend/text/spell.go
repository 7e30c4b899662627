package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Misspelling is a word the dictionary does not know, with its byte range in
// the text and the corrections it accepts, best first (possibly none).
type Misspelling struct {
	Word        string   `json:"word"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Suggestions []string `json:"suggestions"`
}

// wordList is a workspace's own words (brands, products, names), matched
// without regard to case.
type wordList map[string]bool

func newWordList(words []string) wordList {
	if len(words) == 0 {
		return nil
	}
	m := make(wordList, len(words))
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			m[lower(w)] = true
		}
	}
	return m
}

func (l wordList) has(w string) bool { return len(l) > 0 && l[lower(w)] }

// accepts reports whether the dictionary knows w as written, or w with its
// first letter or all its letters in lower case (a capital at the start of
// a sentence, a word shouted in capitals).
func (d *dictionary) accepts(w string) bool {
	if d == nil || w == "" {
		return false
	}
	if strings.ContainsAny(w, "’ʼ") {
		w = strings.NewReplacer("’", "'", "ʼ", "'").Replace(w)
	}
	if d.words.has(w) {
		return true
	}
	switch styleOf(w) {
	case caseTitle:
		r, n := utf8.DecodeRuneInString(w)
		return d.words.has(string(unicode.ToLower(r)) + w[n:])
	case caseUpper:
		l := strings.ToLower(w)
		if d.words.has(l) {
			return true
		}
		return d.words.has(applyStyle(l, caseTitle))
	}
	return false
}

// span is a byte range inside a word.
type span struct{ start, end int }

// check returns the parts of the word w that are misspelled, as ranges in
// w; none when w is fine. It handles elisions (l'accueil, qu'on) and
// hyphenated words (Pourriez-vous, a-t-il, grand-mère).
func (d *dictionary) check(w string, own wordList) []span {
	if d.accepts(w) || own.has(w) || skipWord(w) {
		return nil
	}
	if head, rest, ok := splitElision(w); ok && startsWithVowelSound(rest) {
		var out []span
		for _, s := range d.check(rest, own) {
			out = append(out, span{s.start + len(head), s.end + len(head)})
		}
		return out
	}
	if strings.IndexFunc(w, isHyphen) < 0 {
		return []span{{0, len(w)}}
	}
	var out []span
	start := 0
	for i := 0; i <= len(w); {
		r, n := utf8.DecodeRuneInString(w[i:])
		if i < len(w) && !isHyphen(r) {
			i += n
			continue
		}
		part := w[start:i]
		// The euphonic t of "a-t-il" and the empty part of a double hyphen.
		if part != "" && !(strings.EqualFold(part, "t") && start > 0 && i < len(w)) {
			for _, s := range d.check(part, own) {
				out = append(out, span{s.start + start, s.end + start})
			}
		}
		if i == len(w) {
			break
		}
		i += n
		start = i
	}
	return out
}

// skipWord reports words a speller should leave alone: a single letter,
// acronyms of up to five capitals, words with capitals inside (iPhone,
// McDonald), words in another script.
func skipWord(w string) bool {
	n := 0
	for _, r := range w {
		if isLetter(r) && !isLatin(r) {
			return true
		}
		n++
	}
	if n <= 1 {
		return true
	}
	switch styleOf(w) {
	case caseUpper:
		return n <= 5
	case caseMixed:
		return true
	}
	return false
}

// spellTokens returns the misspelled words of tokens, with suggestions.
func (a *Analyzer) spellTokens(d *dictionary, text string, toks []Token, own wordList, lang string) []Misspelling {
	out := []Misspelling{}
	for _, t := range toks {
		if t.Kind != KindWord {
			continue
		}
		for _, s := range d.check(t.Text, own) {
			w := t.Text[s.start:s.end]
			out = append(out, Misspelling{Word: w, Start: t.Start + s.start, End: t.Start + s.end,
				Suggestions: a.suggestions(d, w, own, lang)})
		}
	}
	return out
}
