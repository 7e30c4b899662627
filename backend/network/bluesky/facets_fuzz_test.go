package bluesky

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/rivo/uniseg"
)

// overlapTexts are texts where a link, a mention and a hashtag could claim
// the same bytes.
var overlapTexts = []struct {
	text string
	want []span
}{
	// A link wins over a hashtag that contains it...
	{"#http://00", []span{{1, 10, featureLink, "http://00"}}},
	{"x #https://a.com/#b c", []span{{3, 19, featureLink, "https://a.com/#b"}}},
	{"＃https://a.com/x", []span{{3, 18, featureLink, "https://a.com/x"}}},
	// ... and over a mention it overlaps.
	{"@a.http://x.com", []span{{3, 15, featureLink, "http://x.com"}}},
	{"@fan.test.https://x.com", []span{{10, 23, featureLink, "https://x.com"}}},
	// A mention inside a link is part of the link.
	{"https://a.com/(@fan.test)", []span{{0, 25, featureLink, "https://a.com/(@fan.test)"}}},
	// A hashtag that starts first keeps the mention it contains.
	{"#a(@b.com", []span{{0, 9, featureTag, "a(@b.com"}}},
	{"#(@fan.test", []span{{0, 11, featureTag, "(@fan.test"}}},
	// Side by side, each keeps its own bytes.
	{"#x https://a.com/ #y @fan.test", []span{
		{0, 2, featureTag, "x"}, {3, 17, featureLink, "https://a.com/"}, {18, 20, featureTag, "y"}, {21, 30, featureMention, "fan.test"},
	}},
}

func TestFindSpansNeverOverlap(t *testing.T) {
	for _, tt := range overlapTexts {
		got := findSpans(tt.text)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("findSpans(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestTagTooManyBytes(t *testing.T) {
	// 64 graphemes, but each a letter with 10 combining accents: 1 + 64×21
	// bytes, over the 640 bytes of app.bsky.richtext.facet#tag.
	long := "#" + strings.Repeat("e"+strings.Repeat("\u0301", 10), 64)
	if got := findSpans(long); got != nil {
		t.Errorf("findSpans(a tag of %d bytes) = %v, want none", len(long)-1, got)
	}
}

// FuzzFacets checks the facets of any text: sorted, within the text's
// bytes, on UTF-8 boundaries, never overlapping, each covering exactly what
// it names, as app.bsky.richtext.facet allows.
func FuzzFacets(f *testing.F) {
	for _, tt := range overlapTexts {
		f.Add(tt.text)
	}
	for _, s := range []string{
		"", "Café ☕ https://example.com/a?b=1.", "(@Fan.Test) merci @fan.test.", "écrire à lea@fan.test ou @bob",
		"#café! #123 #1er #Été,", "#️⃣ deux##trois mot#pas", "🇫🇷 #Pâtisserie @brand.test (https://a.fr/x_(y)).",
		"lien https://ex.com/@fan.test/#x fin", "#ab\u200b#cd", "#é\u0301", "HTTPS://EX.COM/A #Tag", "mailto:@fan.test",
		"#" + strings.Repeat("é", 64), "#\xff\xfe", "@fan.test\xc3", "https://a.com/\xe2\x82", "\u3000#全角\u3000＃タグ",
	} {
		f.Add(s)
	}
	resolve := func(_ context.Context, h string) (string, error) { return "did:plc:" + h, nil }
	f.Fuzz(func(t *testing.T, text string) {
		got, err := facets(context.Background(), text, resolve, map[string]string{})
		if err != nil {
			t.Fatalf("facets(%q) = %v", text, err)
		}
		for i, fc := range got {
			start, end := fc.Index.ByteStart, fc.Index.ByteEnd
			if start < 0 || start >= end || end > len(text) {
				t.Fatalf("facets(%q)[%d] = [%d,%d), want a range within the %d bytes", text, i, start, end, len(text))
			}
			if i > 0 && start < got[i-1].Index.ByteEnd {
				t.Errorf("facets(%q)[%d] = [%d,%d) after [%d,%d), want sorted and apart", text, i, start, end, got[i-1].Index.ByteStart, got[i-1].Index.ByteEnd)
			}
			covered := text[start:end]
			if utf8.ValidString(text) && (!utf8.ValidString(covered) || !boundary(text, start) || !boundary(text, end)) {
				t.Errorf("facets(%q)[%d] = [%d,%d), want UTF-8 boundaries", text, i, start, end)
			}
			if len(fc.Features) != 1 {
				t.Fatalf("facets(%q)[%d] has %d features, want 1", text, i, len(fc.Features))
			}
			switch ft := fc.Features[0]; ft.Type {
			case featureLink:
				lower := strings.ToLower(ft.URI)
				if ft.URI != covered || !(strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")) {
					t.Errorf("facets(%q)[%d] = link %q over %q, want the http(s) link covered", text, i, ft.URI, covered)
				}
			case featureMention:
				h := strings.ToLower(covered[1:])
				if covered[0] != '@' || !validHandle(h) || ft.DID != "did:plc:"+h {
					t.Errorf("facets(%q)[%d] = mention %q over %q, want @ and the handle covered", text, i, ft.DID, covered)
				}
			case featureTag:
				if covered != "#"+ft.Tag && covered != "＃"+ft.Tag {
					t.Errorf("facets(%q)[%d] = tag %q over %q, want # and the tag covered", text, i, ft.Tag, covered)
				}
				if ft.Tag == "" || len(ft.Tag) > maxTagBytes || uniseg.GraphemeClusterCount(ft.Tag) > maxTagGraphemes {
					t.Errorf("facets(%q)[%d] = tag %q, want 1 to %d graphemes and at most %d bytes", text, i, ft.Tag, maxTagGraphemes, maxTagBytes)
				}
			default:
				t.Errorf("facets(%q)[%d] = %q, want a link, mention or tag", text, i, ft.Type)
			}
		}
		var link string
		for _, fc := range got {
			if fc.Features[0].Type == featureLink {
				link = fc.Features[0].URI
				break
			}
		}
		if first := firstLink(text); first != link {
			t.Errorf("firstLink(%q) = %q, want the first link facet %q", text, first, link)
		}
	})
}

// boundary reports whether byte i of s starts a character or ends s.
func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }
