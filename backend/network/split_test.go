package network

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

func TestSplitThread(t *testing.T) {
	bluesky, _ := Defaults(Bluesky)
	mastodon, _ := Defaults(Mastodon)
	sentences := strings.Repeat("Le levain de Gaston a douze ans et il mange du seigle bio deux fois par jour. ", 12)
	tests := []struct {
		name      string
		text      string
		caps      Capabilities
		wantParts int // 0: only check that every part fits
	}{
		{"fits whole", "Bonjour !", bluesky, 1},
		{"empty", "  ", bluesky, 0},
		{"sentences on Bluesky", sentences, bluesky, 4},
		{"emoji families count as graphemes", strings.Repeat("👨‍👩‍👧‍👦 ", 150), bluesky, 0},
		{"one word longer than the limit", strings.Repeat("a", 700), bluesky, 3},
		{"links count 23 on Mastodon", strings.Repeat("Voir https://fournil.example/"+strings.Repeat("x", 80)+" ", 30), mastodon, 0},
		{"a paragraph break is a good place", strings.Repeat("mot ", 60) + "\n\n" + strings.Repeat("pain ", 50), bluesky, 2},
	}
	number := regexp.MustCompile(` (\d+)/(\d+)$`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := SplitThread(tt.text, tt.caps)
			if tt.wantParts > 0 && len(parts) != tt.wantParts {
				t.Errorf("SplitThread() = %d parts, want %d: %q", len(parts), tt.wantParts, parts)
			}
			if strings.TrimSpace(tt.text) == "" {
				if parts != nil {
					t.Errorf("SplitThread(blank) = %q, want nil", parts)
				}
				return
			}
			var words []string
			for i, p := range parts {
				if l := Count(p, tt.caps); l.Over {
					t.Errorf("part %d is over the limit: %+v", i+1, l)
				}
				if len(parts) > 1 {
					m := number.FindStringSubmatch(p)
					if want := fmt.Sprintf(" %d/%d", i+1, len(parts)); m == nil || m[0] != want {
						t.Errorf("part %d ends %q, want %q", i+1, p[max(0, len(p)-8):], want)
						continue
					}
					p = strings.TrimSuffix(p, m[0])
				}
				words = append(words, strings.Fields(p)...)
			}
			if got, want := strings.Join(words, ""), strings.Join(strings.Fields(tt.text), ""); got != want {
				t.Errorf("the parts do not hold the text:\n got %.80q…\nwant %.80q…", got, want)
			}
		})
	}
}

func TestSplitThreadCutsAfterSentences(t *testing.T) {
	bluesky, _ := Defaults(Bluesky)
	text := strings.Repeat("Une phrase courte qui parle de pain. ", 20)
	for i, p := range SplitThread(text, bluesky) {
		body := p[:strings.LastIndex(p, " ")]
		if !strings.HasSuffix(body, ".") {
			t.Errorf("part %d = %q, want it to end after a sentence", i+1, p)
		}
	}
}
