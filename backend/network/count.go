package network

import (
	"regexp"
	"strings"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
	"mvdan.cc/xurls/v2"
)

// Length is how long a text is for a network, with the limits it must keep.
type Length struct {
	Used      int  `json:"used"`  // in the network's unit (Capabilities.Counting)
	Limit     int  `json:"limit"` // Capabilities.TextLimit
	Bytes     int  `json:"bytes"` // UTF-8 bytes
	ByteLimit int  `json:"byteLimit,omitempty"`
	Over      bool `json:"over"` // over either limit
}

// Count measures text as the network of caps does.
func Count(text string, caps Capabilities) Length {
	l := Length{Limit: caps.TextLimit, Bytes: len(text), ByteLimit: caps.ByteLimit}
	switch caps.Counting {
	case Bytes:
		l.Used = len(text)
	case Weighted:
		l.Used = weightedLength(text, caps.URLLength)
	default:
		l.Used = graphemeLength(text, caps)
	}
	l.Over = l.Used > l.Limit || (l.ByteLimit > 0 && l.Bytes > l.ByteLimit)
	return l
}

var (
	// webURL is a link as Mastodon counts it: http or https only.
	webURL = mustCompile(xurls.StrictMatchingScheme(`https?://`))
	// remoteMention is @user@server, which Mastodon counts as @user.
	remoteMention = regexp.MustCompile(`(^|[^=/\w])@(\w+)@[\w.-]+\w`)
)

func mustCompile(re *regexp.Regexp, err error) *regexp.Regexp {
	if err != nil {
		panic("network: " + err.Error()) // a constant expression: caught by the tests
	}
	return re
}

// graphemeLength counts graphemes, each link as caps.URLLength when it is
// set, each remote mention as its user name when caps.ShortMentions.
func graphemeLength(text string, caps Capabilities) int {
	n := 0
	count := func(s string) {
		if caps.ShortMentions {
			s = remoteMention.ReplaceAllString(s, "$1@$2")
		}
		n += uniseg.GraphemeClusterCount(s)
	}
	if caps.URLLength == 0 {
		count(text)
		return n
	}
	last := 0
	for _, m := range webURL.FindAllStringIndex(text, -1) {
		count(text[last:m[0]])
		n += caps.URLLength
		last = m[1]
	}
	count(text[last:])
	return n
}

// weightedLength counts as twitter-text version 3 does.
func weightedLength(text string, urlLength int) int {
	text = norm.NFC.String(text)
	re := xurls.Relaxed()
	email := re.SubexpIndex("relaxedEmail")
	n, last := 0, 0
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		if email >= 0 && m[2*email] >= 0 {
			continue // an e-mail address counts as written
		}
		n += weightedRunes(text[last:m[0]])
		n += urlLength
		last = m[1]
	}
	return n + weightedRunes(text[last:])
}

// weightedRunes weighs each emoji sequence 2 and each other character by
// its code point: 1 in twitter-text's light ranges, 2 elsewhere.
func weightedRunes(s string) int {
	n := 0
	for g := uniseg.NewGraphemes(s); g.Next(); {
		cluster := g.Str()
		if isEmoji(cluster) {
			n += 2
			continue
		}
		for _, r := range cluster {
			n += runeWeight(r)
		}
	}
	return n
}

func runeWeight(r rune) int {
	switch {
	case r <= 0x10FF, // Latin to Georgian, including Greek, Cyrillic, Hebrew, Arabic, Indic
		0x2000 <= r && r <= 0x200D, // spaces and zero-width joiners
		0x2010 <= r && r <= 0x201F, // dashes and quotation marks
		0x2032 <= r && r <= 0x2037: // primes
		return 1
	}
	return 2
}

// isEmoji reports whether a grapheme cluster is an emoji, which
// twitter-text weighs 2 however many code points it has: pictographs,
// flags, keycaps, skin tones and ZWJ sequences.
func isEmoji(cluster string) bool {
	first := true
	for _, r := range cluster {
		switch {
		case r == 0xFE0F, r == 0x200D, r == 0x20E3, // emoji presentation, joiner, keycap
			0x1F1E6 <= r && r <= 0x1F1FF, // regional indicators: flags
			0x1F3FB <= r && r <= 0x1F3FF, // skin tones
			0xE0020 <= r && r <= 0xE007F: // tags: subdivision flags
			return true
		case first && (0x1F000 <= r && r <= 0x1FAFF || 0x2600 <= r && r <= 0x27BF || 0x2300 <= r && r <= 0x23FF || 0x2B00 <= r && r <= 0x2BFF):
			return true
		}
		first = false
	}
	return false
}

// isWebURL reports whether s is one http or https link and nothing else.
func isWebURL(s string) bool {
	s = strings.TrimSpace(s)
	loc := webURL.FindStringIndex(s)
	return loc != nil && loc[0] == 0 && loc[1] == len(s)
}
