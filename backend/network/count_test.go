package network

import (
	"strings"
	"testing"
)

func defaults(t *testing.T, network string) Capabilities {
	t.Helper()
	caps, ok := Defaults(network)
	if !ok {
		t.Fatalf("Defaults(%q) unknown", network)
	}
	return caps
}

func TestDefaults(t *testing.T) {
	tests := []struct {
		network   string
		limit     int
		counting  Counting
		byteLimit int
		urlLength int
	}{
		{Bluesky, 300, Graphemes, 3000, 0},
		{Mastodon, 500, Graphemes, 0, 23},
		{X, 280, Weighted, 0, 23},
		{Threads, 500, Graphemes, 0, 0},
		{LinkedIn, 3000, Graphemes, 0, 0},
		{Instagram, 2200, Graphemes, 0, 0},
		{Testnet, 500, Graphemes, 0, 0},
	}
	for _, tt := range tests {
		c := defaults(t, tt.network)
		if c.Network != tt.network || c.TextLimit != tt.limit || c.Counting != tt.counting || c.ByteLimit != tt.byteLimit || c.URLLength != tt.urlLength {
			t.Errorf("Defaults(%s) = %s %d %s, bytes %d, URL %d; want %d %s, bytes %d, URL %d", tt.network,
				c.Network, c.TextLimit, c.Counting, c.ByteLimit, c.URLLength, tt.limit, tt.counting, tt.byteLimit, tt.urlLength)
		}
		if c.MaxMedia == 0 || c.MaxMediaBytes == 0 || len(c.MediaTypes) == 0 {
			t.Errorf("Defaults(%s) has no media limits", tt.network)
		}
	}
	if _, ok := Defaults("myspace"); ok {
		t.Errorf("Defaults(myspace) ok, want unknown")
	}
	a, b := defaults(t, Mastodon), defaults(t, X)
	a.MediaTypes[0] = "changed"
	if b.MediaTypes[0] == "changed" {
		t.Errorf("Defaults() share their MediaTypes slices")
	}
}

func TestCount(t *testing.T) {
	long := "https://fournil.example/recettes/pain-au-levain-de-lea-en-douze-etapes"
	family, thumb, flag, heart, keycap := "👨‍👩‍👧", "👍🏽", "🇫🇷", "❤️", "1️⃣"
	bytesCaps := Capabilities{Counting: Bytes, TextLimit: 10}
	tests := []struct {
		network string
		caps    *Capabilities // instead of the network's defaults
		text    string
		used    int
		over    bool
	}{
		// Bluesky: graphemes, and bytes too.
		{Bluesky, nil, "Bonjour", 7, false},
		{Bluesky, nil, "cafe\u0301 é", 6, false},
		{Bluesky, nil, family + thumb + flag, 3, false},
		{Bluesky, nil, long, len(long), false},
		{Bluesky, nil, strings.Repeat("a", 300), 300, false},
		{Bluesky, nil, strings.Repeat("a", 301), 301, true},
		{Bluesky, nil, strings.Repeat(thumb, 300), 300, false}, // 2,400 bytes
		{Bluesky, nil, strings.Repeat(family, 200), 200, true}, // 3,600 bytes
		// Mastodon: links count 23, remote mentions their user name.
		{Mastodon, nil, "Voir " + long, 5 + 23, false},
		{Mastodon, nil, "Voir " + long + " et http://a.example", 5 + 23 + 4 + 23, false},
		{Mastodon, nil, "ftp://a.example/un/fichier/lointain", 35, false},
		{Mastodon, nil, "@lea@piaille.fr merci !", len("@lea merci !"), false},
		{Mastodon, nil, "écrivez à lea@piaille.fr", 24, false},
		{Mastodon, nil, strings.Repeat("é", 477) + " " + long, 501, true},
		// X: twitter-text weights.
		{X, nil, "Bonjour", 7, false},
		{X, nil, "日本語", 6, false},
		{X, nil, thumb + family + flag + heart + keycap, 10, false},
		{X, nil, "cafe\u0301", 4, false},
		{X, nil, "— “ok” …", 1 + 1 + 1 + 2 + 1 + 1 + 2, false},
		{X, nil, "fournil.example et " + long, 23 + 4 + 23, false},
		{X, nil, "lea@example.com", 15, false},
		{X, nil, strings.Repeat("語", 140), 280, false},
		{X, nil, strings.Repeat("語", 141), 282, true},
		// Bytes.
		{"", &bytesCaps, "ééééé", 10, false},
		{"", &bytesCaps, "éééééé", 12, true},
	}
	for _, tt := range tests {
		caps := Capabilities{}
		if tt.caps != nil {
			caps = *tt.caps
		} else {
			caps = defaults(t, tt.network)
		}
		got := Count(tt.text, caps)
		if got.Used != tt.used || got.Over != tt.over || got.Bytes != len(tt.text) || got.Limit != caps.TextLimit {
			t.Errorf("Count(%q, %s) = %+v; want used %d, over %v, %d bytes", tt.text, caps.Network, got, tt.used, tt.over, len(tt.text))
		}
	}
}
