package mastodon

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// htmlSeeds are the status contents the fuzz target starts from: what
// Mastodon sends, and what other servers or a hostile one could.
var htmlSeeds = []string{
	"",
	`<p>Bonjour <a href="https://piaille.fr/@fan" class="u-url mention">@<span>fan</span></a> !</p><p>Deux<br>lignes</p>`,
	`<p><a href="https://ex.com/long"><span class="invisible">https://</span><span class="ellipsis">ex.com/lo</span><span class="invisible">ng</span></a></p>`,
	`<script>alert(1)</script><style>p{}</style><p>visible</p><svg><title>t</title><text>s</text></svg><math><mi>x</mi></math>`,
	`<ul><li>un</li><li>deux</li></ul><blockquote><p>cité</p></blockquote><pre>  code  </pre><hr>fin`,
	"<p>A\u0000B\u202eC\u2066D\r\nE\tF</p>",
	`&lt;b&gt;pas une balise&lt;/b&gt; &amp;amp; &#x202e; &#0; &#xd800; &nGt; &NotNestedGreaterGreater;`,
	`<p>sans fin <b`, `<title>x`, `<p>a</p><script/>alert(document.cookie)</script><p>b</p>`, `<!-- commentaire --><!DOCTYPE html><?xml?>`, `<plaintext><b>gras</b>`,
	`<noscript><p>caché</p></noscript><template><p>modèle</p></template><textarea><p>zone</p></textarea>`,
	`<script/>reste<svg/>aussi<img src=x onerror=alert(1)>`,
	"\xff\xfe<p>caf\xe9</p>",
	strings.Repeat("<p>", 50) + "x" + strings.Repeat("<br>", 50) + "y",
}

// FuzzPlainText checks that any content gives text to show as text: valid
// UTF-8 of bounded length, trimmed, without control characters (but
// newlines and tabs), bidirectional overrides, trailing spaces or more than
// one blank line in a row. (That no tag is left is no property: "<<a>b"
// is the text "<b" in a browser too.)
func FuzzPlainText(f *testing.F) {
	for _, s := range htmlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		got := PlainText(content)
		if !utf8.ValidString(got) {
			t.Errorf("PlainText(%q) = %q, not valid UTF-8", content, got)
		}
		// At most 3 bytes for each byte read: an invalid byte becomes U+FFFD.
		if limit := 3 * min(len(content), maxHTML); len(got) > limit {
			t.Errorf("PlainText(%d bytes) = %d bytes, want at most %d", len(content), len(got), limit)
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "\n\n\n") {
			t.Errorf("PlainText(%q) = %q, want it trimmed with at most one blank line in a row", content, got)
		}
		for _, l := range strings.Split(got, "\n") {
			if l != strings.TrimRightFunc(l, unicode.IsSpace) {
				t.Errorf("PlainText(%q) = %q: line %q ends in spaces", content, got, l)
			}
		}
		for _, r := range got {
			if (unicode.IsControl(r) && r != '\n' && r != '\t') || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
				t.Errorf("PlainText(%q) = %q, holds %U", content, got, r)
			}
		}
	})
}

// TestPlainTextSelfClosingScript: "<script/>" is no empty script. The
// tokenizer, as browsers, reads what follows it as the script's code up
// to </script>: PlainText must not write that code as the status's text.
// Found by FuzzPlainText.
func TestPlainTextSelfClosingScript(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>a</p><script/>alert(document.cookie)</script><p>b</p>", "a\n\nb"},
		{"<style/>p{color:red}</style>ok", "ok"},
		{"<title/>x</title>y", "y"},
		{"<textarea/>t</textarea>u", "u"},
		{"<iframe/>i</iframe>j", "j"},
		{"<script/>reste<svg/>aussi<img src=x onerror=alert(1)>", ""},
	}
	for _, tt := range tests {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
