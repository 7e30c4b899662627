package network

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// SplitThread cuts text into the posts of a thread, each within the limits
// of caps as Count measures it, its " 1/3" number included. It cuts after a
// sentence when that keeps at least half of what fits, else between words,
// and inside a word only when a word alone is too long. A text that fits
// whole is returned alone, unnumbered; an empty text gives nil.
func SplitThread(text string, caps Capabilities) []string {
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return nil
	case !Count(text, caps).Over:
		return []string{text}
	}
	// The numbers' width depends on how many parts there are: guess, split,
	// and split again with the count found until it holds.
	total := 2
	var parts []string
	for range 8 {
		parts = splitNumbered(text, caps, total)
		if len(parts) == total {
			break
		}
		total = len(parts)
	}
	return parts
}

// splitNumbered splits text greedily into parts numbered " k/total".
func splitNumbered(text string, caps Capabilities, total int) []string {
	var parts []string
	rest := text
	for rest != "" {
		suffix := fmt.Sprintf(" %d/%d", len(parts)+1, total)
		fits := func(s string) bool { return !Count(s+suffix, caps).Over }
		if fits(rest) {
			parts = append(parts, rest+suffix)
			break
		}
		cut := longestFit(rest, fits)
		parts = append(parts, strings.TrimSpace(rest[:cut])+suffix)
		rest = strings.TrimSpace(rest[cut:])
	}
	return parts
}

// longestFit returns where to cut s so that s[:cut] fits and cut > 0: after
// the last sentence that fits when it keeps at least half of what fits,
// else after the last word that fits, else after the last grapheme.
func longestFit(s string, fits func(string) bool) int {
	best, sentence := 0, 0
	for _, c := range cutPoints(s) {
		if !fits(strings.TrimSpace(s[:c.at])) {
			break
		}
		best = c.at
		if c.sentence {
			sentence = c.at
		}
	}
	switch {
	case best == 0:
		return graphemeFit(s, fits)
	case sentence*2 >= best:
		return sentence
	}
	return best
}

// graphemeFit returns the end of the longest run of whole graphemes at the
// start of s that fits; at least one grapheme, so that splitting ends.
func graphemeFit(s string, fits func(string) bool) int {
	cut := 0
	for g := uniseg.NewGraphemes(s); g.Next(); {
		_, end := g.Positions()
		if cut > 0 && !fits(s[:end]) {
			break
		}
		cut = end
	}
	return cut
}

// cutPoint is a place between two words of a text: the start of the spaces
// after a word, and whether a sentence or a line ends there.
type cutPoint struct {
	at       int
	sentence bool
}

// cutPoints returns the places where s may be cut, in order, the end of s
// last.
func cutPoints(s string) []cutPoint {
	var out []cutPoint
	prevSpace := true
	for i, r := range s {
		space := unicode.IsSpace(r)
		if space && !prevSpace {
			run := s[i:]
			if j := strings.IndexFunc(run, func(r rune) bool { return !unicode.IsSpace(r) }); j >= 0 {
				run = run[:j]
			}
			out = append(out, cutPoint{at: i, sentence: strings.Contains(run, "\n") || isSentenceEnd(s[:i])})
		}
		prevSpace = space
	}
	return append(out, cutPoint{at: len(s), sentence: true})
}

// isSentenceEnd reports whether before ends a sentence: a full stop, a
// question or exclamation mark or an ellipsis, maybe followed by a closing
// quote or bracket.
func isSentenceEnd(before string) bool {
	t := strings.TrimRight(before, "\"'”’»)]")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") ||
		strings.HasSuffix(t, "…")
}
