package bluesky

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/fault"
)

func TestFindSpans(t *testing.T) {
	tests := []struct {
		text string
		want []span
	}{
		{"", nil},
		{"Café ☕ https://example.com/a?b=1.", []span{{10, 35, featureLink, "https://example.com/a?b=1"}}},
		{"é🎉 @fan.test salut", []span{{7, 16, featureMention, "fan.test"}}},
		{"(@Fan.Test) merci @fan.test.", []span{{1, 10, featureMention, "fan.test"}, {18, 27, featureMention, "fan.test"}}},
		{"écrire à lea@fan.test ou @bob", nil}, // an e-mail, a name without domain
		{"voir https://ex.com/p#frag #tag", []span{{5, 26, featureLink, "https://ex.com/p#frag"}, {27, 31, featureTag, "tag"}}},
		{"#café! #123 #1er #Été,", []span{{0, 6, featureTag, "café"}, {13, 17, featureTag, "1er"}, {18, 24, featureTag, "Été"}}},
		{"#️⃣ deux##trois mot#pas", nil}, // keycap, no space before
		{"🇫🇷 #Pâtisserie @brand.test (https://a.fr/x_(y)).", []span{
			{9, 21, featureTag, "Pâtisserie"},
			{22, 33, featureMention, "brand.test"},
			{35, 53, featureLink, "https://a.fr/x_(y)"},
		}},
		{"lien https://ex.com/@fan.test/#x fin", []span{{5, 32, featureLink, "https://ex.com/@fan.test/#x"}}},
	}
	for _, tt := range tests {
		got := findSpans(tt.text)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("findSpans(%q) mismatch (-want +got):\n%s", tt.text, diff)
			continue
		}
		for _, s := range got {
			covered := tt.text[s.Start:s.End]
			want := map[string]string{featureLink: s.Value, featureTag: "#" + s.Value, featureMention: "@" + s.Value}[s.Kind]
			if s.Kind == featureMention {
				covered = strings.ToLower(covered)
			}
			if covered != want {
				t.Errorf("findSpans(%q): bytes [%d,%d) = %q, want %q", tt.text, s.Start, s.End, covered, want)
			}
		}
	}
}

func TestTagTooLong(t *testing.T) {
	long := "#" + strings.Repeat("é", 65)
	if got := findSpans(long); got != nil {
		t.Errorf("findSpans(65-letter tag) = %v, want none", got)
	}
	if got := findSpans(long[:len(long)-2]); len(got) != 1 {
		t.Errorf("findSpans(64-letter tag) = %v, want one tag", got)
	}
}

func TestFacetsResolveMentions(t *testing.T) {
	dids := map[string]string{"fan.test": "did:plc:fan"}
	calls := 0
	resolve := func(_ context.Context, h string) (string, error) {
		calls++
		if did, ok := dids[h]; ok {
			return did, nil
		}
		return "", fmt.Errorf("%w: %s", errNoSuchHandle, h)
	}
	text := "Merci @fan.test et encore @FAN.test 🙏 #merci https://ruche.test/"
	got, err := facets(context.Background(), text, resolve, map[string]string{})
	if err != nil {
		t.Fatalf("facets() = %v", err)
	}
	want := []facet{
		{byteSlice{6, 15}, []feature{{Type: featureMention, DID: "did:plc:fan"}}},
		{byteSlice{26, 35}, []feature{{Type: featureMention, DID: "did:plc:fan"}}},
		{byteSlice{41, 47}, []feature{{Type: featureTag, Tag: "merci"}}},
		{byteSlice{48, 67}, []feature{{Type: featureLink, URI: "https://ruche.test/"}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("facets() mismatch (-want +got):\n%s", diff)
	}
	if calls != 1 {
		t.Errorf("resolver calls = %d, want 1 (cached)", calls)
	}

	_, err = facets(context.Background(), "Coucou @nobody.test", resolve, map[string]string{})
	var fe *fault.Error
	if !errors.Is(err, ErrMentionUnknown) || !errors.As(err, &fe) || fe.Args["handle"] != "@nobody.test" {
		t.Errorf("facets(unknown mention) = %v, want ErrMentionUnknown with handle @nobody.test", err)
	}
}
