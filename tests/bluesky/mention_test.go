//go:build bluesky

package bluesky

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"ruche/backend/post"
	"ruche/backend/secrets"
)

// The composer flags a mention of a handle that leads to no account while
// the user can still fix it, and accepts a real one.
func TestComposerFlagsUnknownMentions(t *testing.T) {
	n := localNetwork(t)
	dir := t.TempDir()
	a := open(t, n, filepath.Join(dir, "data"), filepath.Join(dir, "key"), secrets.NewMemory(), nil)
	defer a.Close()
	accID, _ := seed(t, a, n, "Mentions", 0, time.Now().Add(time.Hour))
	fan := os.Getenv("BLUESKY_FAN_HANDLE")
	tests := []struct {
		text string
		want int // problems
	}{
		{"Merci @" + fan + " !", 0},
		{"Merci @personne-ici.test !", 1},
		{"Sans mention", 0},
	}
	for _, tt := range tests {
		got := a.Directory.Problems(t.Context(), post.Variant{AccountID: accID, Network: "bluesky", Text: tt.text})
		if len(got) != tt.want {
			t.Errorf("Problems(%q) = %+v, want %d", tt.text, got, tt.want)
		}
		for _, p := range got {
			if p.Code != "bluesky.mention_unknown" || p.Args["handle"] != "@personne-ici.test" {
				t.Errorf("problem = %+v, want bluesky.mention_unknown for @personne-ici.test", p)
			}
		}
	}
}
