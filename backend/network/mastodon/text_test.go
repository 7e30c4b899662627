package mastodon

import (
	"errors"
	"testing"

	"ruche/backend/network/mastodon/mastodontest"
	"ruche/backend/post"
)

func TestNormalizeServer(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"piaille.fr", "https://piaille.fr"},
		{"  Piaille.FR  ", "https://piaille.fr"},
		{"https://piaille.fr/", "https://piaille.fr"},
		{"https://piaille.fr/@fournil", "https://piaille.fr"},
		{"@fournil@piaille.fr", "https://piaille.fr"},
		{"fournil@piaille.fr", "https://piaille.fr"},
		{"http://piaille.fr", "https://piaille.fr"},
		{"mastodon.example:8443", "https://mastodon.example:8443"},
		{"http://127.0.0.1:3000/", "http://127.0.0.1:3000"},
		{"http://localhost:3000", "http://localhost:3000"},
		{"http://[::1]:3000", "http://[::1]:3000"},
	}
	for _, tt := range tests {
		got, err := NormalizeServer(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("NormalizeServer(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "   ", "piaille", "ftp://piaille.fr", "piaille fr", "@fournil@", "https://", "exa_mple.fr", "javascript:alert(1)"} {
		if got, err := NormalizeServer(bad); !errors.Is(err, ErrAddress) {
			t.Errorf("NormalizeServer(%q) = %q, %v; want ErrAddress", bad, got, err)
		}
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"paragraph", "<p>Hello world</p>", "Hello world"},
		{"line break", "<p>one<br>two<br />three</p>", "one\ntwo\nthree"},
		{"paragraphs", "<p>one</p><p>two</p>", "one\n\ntwo"},
		{"paragraphs with spaces between", "<p>one</p>\n  <p>two</p>", "one\n\ntwo"},
		{"entities", "<p>Caf&eacute; &amp; cr&egrave;me &lt;b&gt; &quot;x&quot; &#39;y&#39; &#x1F41D;</p>", "Café & crème <b> \"x\" 'y' 🐝"},
		{"link, its hidden parts included", `<p>Lisez <a href="https://example.com/page/that/is/very/long" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.com/page/that/is/very</span><span class="invisible">/long</span></a> !</p>`,
			"Lisez https://example.com/page/that/is/very/long !"},
		{"mention and hashtag", `<p><span class="h-card" translate="no"><a href="https://piaille.fr/@fournil" class="u-url mention">@<span>fournil</span></a></span> merci <a href="https://piaille.fr/tags/pain" class="mention hashtag" rel="tag">#<span>pain</span></a></p>`,
			"@fournil merci #pain"},
		{"script dropped", `<p>hi</p><script>alert("x")</script><p>there</p>`, "hi\n\nthere"},
		{"style dropped", `<style>p{color:red}</style><p>ok</p>`, "ok"},
		{"nested hidden", `<p>a<svg><script>evil()</script><text>no</text></svg>b</p>`, "ab"},
		{"event handlers and images", `<p onclick="evil()">x<img src=x onerror="evil()">y</p>`, "xy"},
		{"javascript link keeps its text", `<a href="javascript:evil()">click</a>`, "click"},
		{"unclosed tags", `<p><b><i>bold`, "bold"},
		{"comment", `<p>a<!-- <script>evil()</script> -->b</p>`, "ab"},
		{"escaped markup stays text", `<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>`, "<script>alert(1)</script>"},
		{"bidi override and controls dropped", "<p>a\u202Eb\u0007c</p>", "abc"},
		{"blank lines collapsed", "<p>a</p><p></p><p></p><br><br><br><p>b</p>", "a\n\nb"},
		{"plain text", "just text", "just text"},
		{"empty", "", ""},
		{"list", "<ul><li>one</li><li>two</li></ul>", "one\ntwo"},
		{"unterminated script", "<p>a</p><script>never closed", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PlainText(tt.html); got != tt.want {
				t.Errorf("PlainText(%q) = %q, want %q", tt.html, got, tt.want)
			}
		})
	}
}

func TestPlainTextReadsWhatTheInstanceWrites(t *testing.T) {
	for _, text := range []string{
		"Le fournil ouvre à 7 h.\n\nVenez tôt : https://example.com/une/tres/longue/adresse/de/page?x=1 #pain",
		"ligne 1\nligne 2 <pas du HTML> & co",
		"@fan@elsewhere.example merci !",
	} {
		html := mastodontest.Format(text, "mastodon.test")
		if got := PlainText(html); !sameText(got, text) {
			t.Errorf("PlainText(Format(%q)) = %q, want the same text", text, got)
		}
	}
}

func TestStatusText(t *testing.T) {
	tests := []struct {
		v    post.Variant
		want string
	}{
		{post.Variant{Text: "Hello"}, "Hello"},
		{post.Variant{Text: "Hello  \n", Link: "https://ex.com/a"}, "Hello\n\nhttps://ex.com/a"},
		{post.Variant{Text: "See https://ex.com/a now", Link: "https://ex.com/a"}, "See https://ex.com/a now"},
		{post.Variant{Text: "", Link: "https://ex.com/a"}, "https://ex.com/a"},
	}
	for _, tt := range tests {
		if got := StatusText(tt.v); got != tt.want {
			t.Errorf("StatusText(%+v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestLinkParam(t *testing.T) {
	h := `<https://m.test/api/v1/notifications?max_id=10&types%5B%5D=mention>; rel="next", <https://m.test/api/v1/notifications?min_id=20>; rel="prev"`
	tests := []struct {
		rel, param, base, want string
	}{
		{"prev", "min_id", "https://m.test", "20"},
		{"next", "max_id", "https://m.test", "10"},
		{"prev", "min_id", "https://other.test", ""}, // another host: ignored
		{"last", "min_id", "https://m.test", ""},
	}
	for _, tt := range tests {
		if got := linkParam(h, tt.rel, tt.param, tt.base); got != tt.want {
			t.Errorf("linkParam(%s, %s, %s) = %q, want %q", tt.rel, tt.param, tt.base, got, tt.want)
		}
	}
}

func TestIDLess(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"9", "10", true}, {"10", "9", false}, {"103", "104", true}, {"5", "5", false},
		{"109999999999999999", "110000000000000000", true},
	}
	for _, tt := range tests {
		if got := idLess(tt.a, tt.b); got != tt.want {
			t.Errorf("idLess(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
