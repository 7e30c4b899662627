//go:build linux || freebsd

package notify

import (
	"errors"
	"testing"
)

func TestBodyEscapesMarkup(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		markup bool
		want   string
	}{
		{"plain text", "Le compte doit être reconnecté.", true, "Le compte doit être reconnecté."},
		{"link", `<a href="https://evil.test">open</a>`, true, "&lt;a href=&#34;https://evil.test&#34;&gt;open&lt;/a&gt;"},
		{"image", `<img src="file:///home/u/.ssh/id_ed25519" alt='k'/>`, true, "&lt;img src=&#34;file:///home/u/.ssh/id_ed25519&#34; alt=&#39;k&#39;/&gt;"},
		{"bold and italics", "<b>urgent</b> <i>now</i>", true, "&lt;b&gt;urgent&lt;/b&gt; &lt;i&gt;now&lt;/i&gt;"},
		{"entities stay text", "AT&T &amp; &#60;b&#62; &lt;", true, "AT&amp;T &amp;amp; &amp;#60;b&amp;#62; &amp;lt;"},
		{"lines kept", "Title\nreason: 5 > 3", true, "Title\nreason: 5 &gt; 3"},
		{"daemon without markup", `<b>it's</b> & "q"`, false, `<b>it's</b> & "q"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := body(tt.text, tt.markup); got != tt.want {
				t.Errorf("body(%q, %t) = %q, want %q", tt.text, tt.markup, got, tt.want)
			}
		})
	}
}

func TestReadsMarkup(t *testing.T) {
	tests := []struct {
		name string
		caps []string
		err  error
		want bool
	}{
		{"announced", []string{"actions", "body", "body-markup", "body-hyperlinks"}, nil, true},
		{"not announced", []string{"actions", "body"}, nil, false},
		{"no capabilities", nil, nil, false},
		{"the daemon did not answer", nil, errors.New("no such method"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readsMarkup(tt.caps, tt.err); got != tt.want {
				t.Errorf("readsMarkup(%v, %v) = %t, want %t", tt.caps, tt.err, got, tt.want)
			}
		})
	}
}
