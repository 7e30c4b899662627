package bluesky

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"mvdan.cc/xurls/v2"
)

// The features of app.bsky.richtext.facet.
const (
	featureLink    = "app.bsky.richtext.facet#link"
	featureMention = "app.bsky.richtext.facet#mention"
	featureTag     = "app.bsky.richtext.facet#tag"
)

// facet is app.bsky.richtext.facet: a range of the text's UTF-8 bytes
// (start inclusive, end exclusive) and what it is.
type facet struct {
	Index    byteSlice `json:"index"`
	Features []feature `json:"features"`
}

type byteSlice struct {
	ByteStart int `json:"byteStart"`
	ByteEnd   int `json:"byteEnd"`
}

// feature is one of a facet's features; only the field of its type is set.
type feature struct {
	Type string `json:"$type"`
	URI  string `json:"uri,omitempty"` // link
	DID  string `json:"did,omitempty"` // mention
	Tag  string `json:"tag,omitempty"` // tag, without its #
}

// span is a link, mention or hashtag found in a text, before mentions are
// resolved to DIDs.
type span struct {
	Start, End int    // UTF-8 byte offsets in the text
	Kind       string // featureLink, featureMention or featureTag
	Value      string // the URL, the handle (lower case) or the tag (without #)
}

// webLink finds http and https links; xurls leaves out the punctuation
// that ends a sentence and unbalanced closing brackets.
var webLink = xurls.Strict()

// The longest hashtag app.bsky.richtext.facet#tag takes, without its #.
const (
	maxTagGraphemes = 64
	maxTagBytes     = 640
)

// findSpans returns the links, mentions and hashtags of text, ordered by
// position and never overlapping, as facets must not: a link wins over a
// mention or hashtag that overlaps it (the @ or # inside a link is part of
// the link; "#https://..." is the link), and of a mention and a hashtag
// the first one wins ("#a(@b.test" is a hashtag).
func findSpans(text string) []span {
	var links []span
	for _, m := range webLink.FindAllStringIndex(text, -1) {
		u := text[m[0]:m[1]]
		lower := strings.ToLower(u)
		if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
			links = append(links, span{Start: m[0], End: m[1], Kind: featureLink, Value: u})
		}
	}
	spans := slices.Clone(links)
	next := 0 // the first link that does not end before the candidate
	kept := 0 // where the last mention or hashtag kept ends
	for i, r := range text {
		if (r != '@' && r != '#' && r != '＃') || i < kept {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if i > 0 && !unicode.IsSpace(prev) && (r != '@' || prev != '(') {
			continue
		}
		var s span
		var ok bool
		if r == '@' {
			s, ok = mentionAt(text, i)
		} else {
			s, ok = tagAt(text, i, utf8.RuneLen(r))
		}
		if !ok {
			continue
		}
		for next < len(links) && links[next].End <= s.Start {
			next++
		}
		if next < len(links) && links[next].Start < s.End {
			continue // overlaps a link
		}
		spans = append(spans, s)
		kept = s.End
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
	return spans
}

// mentionAt reads the mention whose @ is at byte i: a handle, without the
// dots and dashes that end a sentence.
func mentionAt(text string, i int) (span, bool) {
	j := i + 1
	for j < len(text) && isHandleByte(text[j]) {
		j++
	}
	h := strings.TrimRight(text[i+1:j], ".-")
	if !validHandle(h) {
		return span{}, false
	}
	return span{Start: i, End: i + 1 + len(h), Kind: featureMention, Value: strings.ToLower(h)}, true
}

func isHandleByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '.' || b == '-'
}

// tagAt reads the hashtag whose # (size bytes) is at byte i, as Bluesky's
// app does: up to a space, without the punctuation that ends it; not a
// keycap emoji (#️⃣), not only digits and punctuation, 64 graphemes and
// 640 bytes at most.
func tagAt(text string, i, size int) (span, bool) {
	start := i + size
	end := start
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if unicode.IsSpace(r) || isInvisible(r) {
			break
		}
		end += n
	}
	body := text[start:end]
	for body != "" {
		r, n := utf8.DecodeLastRuneInString(body)
		if !unicode.IsPunct(r) {
			break
		}
		body = body[:len(body)-n]
	}
	if body == "" || strings.HasPrefix(body, "\ufe0f") || strings.HasPrefix(body, "\u20e3") {
		return span{}, false
	}
	if !strings.ContainsFunc(body, func(r rune) bool { return !unicode.IsDigit(r) && !unicode.IsPunct(r) }) {
		return span{}, false
	}
	if len(body) > maxTagBytes || uniseg.GraphemeClusterCount(body) > maxTagGraphemes {
		return span{}, false
	}
	return span{Start: i, End: start + len(body), Kind: featureTag, Value: body}, true
}

// isInvisible reports the invisible characters that end a hashtag.
func isInvisible(r rune) bool {
	switch r {
	case '\u00ad', '\u2060', '\u200a', '\u200b', '\u200c', '\u200d', '\u20e2':
		return true
	}
	return false
}

// resolver finds the DID of a handle; errNoSuchHandle when there is none.
type resolver func(ctx context.Context, handle string) (string, error)

// facets returns the facets of text, resolving its mentions with resolve
// (at most once per handle, through cache). A mention of a handle that
// leads to no account is ErrMentionUnknown: silently dropping it would
// publish an @ that notifies no one.
func facets(ctx context.Context, text string, resolve resolver, cache map[string]string) ([]facet, error) {
	var out []facet
	for _, s := range findSpans(text) {
		f := feature{Type: s.Kind}
		switch s.Kind {
		case featureLink:
			f.URI = s.Value
		case featureTag:
			f.Tag = s.Value
		case featureMention:
			did, ok := cache[s.Value]
			if !ok {
				var err error
				did, err = resolve(ctx, s.Value)
				if errors.Is(err, errNoSuchHandle) {
					return nil, fail(ErrMentionUnknown, map[string]any{"handle": "@" + s.Value}, err)
				}
				if err != nil {
					return nil, err
				}
				cache[s.Value] = did
			}
			f.DID = did
		}
		out = append(out, facet{Index: byteSlice{ByteStart: s.Start, ByteEnd: s.End}, Features: []feature{f}})
	}
	return out, nil
}

// firstLink returns the first web link of text, "" if none.
func firstLink(text string) string {
	for _, s := range findSpans(text) {
		if s.Kind == featureLink {
			return s.Value
		}
	}
	return ""
}
