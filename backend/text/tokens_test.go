package text

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	type tok struct {
		Kind Kind
		Text string
	}
	tests := []struct {
		in   string
		want []tok
	}{
		{"", nil},
		{"L'accueil d’hier", []tok{{KindWord, "L'accueil"}, {KindWord, "d’hier"}}},
		{"Pourriez-vous m'aider ?", []tok{{KindWord, "Pourriez-vous"}, {KindWord, "m'aider"}, {KindPunct, "?"}}},
		{"#SoldesÉté @ruche @alice@mastodon.social", []tok{{KindHashtag, "#SoldesÉté"}, {KindMention, "@ruche"}, {KindMention, "@alice@mastodon.social"}}},
		{"Voir https://ex.com/a?b=1. Ou www.ruche.fr!", []tok{{KindWord, "Voir"}, {KindURL, "https://ex.com/a?b=1"}, {KindPunct, "."}, {KindWord, "Ou"}, {KindURL, "www.ruche.fr"}, {KindPunct, "!"}}},
		{"bit.ly/x1 et contact@shop.fr", []tok{{KindURL, "bit.ly/x1"}, {KindWord, "et"}, {KindEmail, "contact@shop.fr"}}},
		{"10h30, 3,5 € et 1er", []tok{{KindNumber, "10h30"}, {KindPunct, ","}, {KindNumber, "3,5"}, {KindPunct, "€"}, {KindWord, "et"}, {KindNumber, "1er"}}},
		{"👍🏽👨‍👩‍👧🇫🇷❤️", []tok{{KindEmoji, "👍🏽"}, {KindEmoji, "👨‍👩‍👧"}, {KindEmoji, "🇫🇷"}, {KindEmoji, "❤️"}}},
		{"top :) <3 xD!!!", []tok{{KindWord, "top"}, {KindEmoticon, ":)"}, {KindEmoticon, "<3"}, {KindEmoticon, "xD"}, {KindPunct, "!!!"}}},
		{"a\xffb", []tok{{KindWord, "a"}, {KindWord, "b"}}},
	}
	for _, tt := range tests {
		var got []tok
		for _, x := range Tokenize(tt.in) {
			if tt.in[x.Start:x.End] != x.Text {
				t.Errorf("Tokenize(%q): token %q has range %d–%d", tt.in, x.Text, x.Start, x.End)
			}
			got = append(got, tok{x.Kind, x.Text})
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Tokenize(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestSplitElision(t *testing.T) {
	tests := []struct {
		in, head, rest string
		ok             bool
	}{
		{"l'entreprise", "l'", "entreprise", true},
		{"Qu’on", "Qu’", "on", true},
		{"jusqu'à", "jusqu'", "à", true},
		{"aujourd'hui", "", "", false},
		{"don't", "", "", false},
	}
	for _, tt := range tests {
		head, rest, ok := splitElision(tt.in)
		if head != tt.head || rest != tt.rest || ok != tt.ok {
			t.Errorf("splitElision(%q) = %q, %q, %v; want %q, %q, %v", tt.in, head, rest, ok, tt.head, tt.rest, tt.ok)
		}
	}
}
