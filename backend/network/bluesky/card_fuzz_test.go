package bluesky

import (
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzParseCard checks the link card of any page, in any encoding: its
// title and description are one line of plain text (valid UTF-8, no
// control, invisible or replacement character, no doubled or outer space)
// within their bounds, and its image is "" or an absolute http(s) URL.
func FuzzParseCard(f *testing.F) {
	for _, s := range []string{
		``,
		`<html><head><meta property="og:title" content="Le fournil &amp; ses pains"><meta property="og:description" content="  Levain,
		   farine   bio "><meta property="og:image" content="/img/pain.jpg"><title>Ignored</title></head></html>`,
		`<title>Mon   titre</title><meta name="description" content="Desc">`,
		`<script>document.write('<meta property="og:title" content="evil">')</script><!-- <meta property="og:title" content="c"> --><title>Vrai</title>`,
		`<META PROPERTY=" OG:TITLE " CONTENT="Un"><meta property="og:title" content="Deux">`,
		`<meta property="og:image" content="javascript:alert(1)"><meta property="og:image:url" content="//cdn.test/a.png">`,
		`<meta property="og:image" content="data:image/png;base64,AAAA"><meta property="og:image:secure_url" content="https://cdn.test/a.png">`,
		"<title>A\u0000B\u202eC\tD\ufffd\u2028E\u200d</title>",
		`<title>Sans fin <meta property="og:description" content="x`,
		`<title>Un</title><svg><title>Deux</title></svg>`,
		"<title>caf\xe9 \x80 \x96</title><meta name=description content=\"\xff\xfe\">",
		`<meta property="og:title" content="` + strings.Repeat("é ", 400) + `">`,
		`<meta property="og:description" content="` + strings.Repeat("👩‍👩‍👧", 600) + `">`,
		`<meta name="twitter:title" content="&#x202e;&#0;&#xd800;&nbsp;x&nbsp;">`,
		`<meta property="og:image" content=" http://[::1]:80/%zz ">`,
	} {
		f.Add([]byte(s), "text/html; charset=utf-8")
		f.Add([]byte(s), "text/html; charset=iso-8859-15")
	}
	page, err := url.Parse("https://ruche.test/blog/post?id=1")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		c := parseCard(pageText(body, contentType), page)
		if c.URL != page.String() {
			t.Errorf("parseCard().URL = %q, want %q", c.URL, page.String())
		}
		for _, field := range []struct {
			name, text string
			max        int
		}{{"title", c.Title, maxTitle}, {"description", c.Description, maxDesc}} {
			checkPlain(t, field.name, field.text, field.max)
		}
		if c.Image != "" {
			u, err := url.Parse(c.Image)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Errorf("parseCard().Image = %q, want an absolute http(s) URL", c.Image)
			}
		}
	})
}

// FuzzPlain checks that plain gives one line of text within n runes (and
// an ellipsis), the same again when it cut nothing.
func FuzzPlain(f *testing.F) {
	for _, s := range []string{"", " a  b ", "A\u0000B\u202eC\tD", "\xff\xfe", "é\u0301", "👩‍👩‍👧 ", "a\u00a0\u3000b", "abc def ghi"} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 1 || n > 2000 {
			return
		}
		got := plain(s, n)
		checkPlain(t, "plain", got, n)
		if !strings.HasSuffix(got, "…") {
			if again := plain(got, n); again != got {
				t.Errorf("plain(plain(%q, %d)) = %q, want %q unchanged", s, n, again, got)
			}
		}
	})
}

// checkPlain fails t unless text is one line of plain text of at most max
// runes, an ellipsis aside.
func checkPlain(t *testing.T, name, text string, max int) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Errorf("%s %q is not valid UTF-8", name, text)
	}
	if text != strings.TrimSpace(text) || strings.Contains(text, "  ") {
		t.Errorf("%s %q has outer or doubled spaces", name, text)
	}
	body := strings.TrimSuffix(text, "…")
	if n := utf8.RuneCountInString(body); n > max {
		t.Errorf("%s has %d runes, want at most %d (and an ellipsis)", name, n, max)
	}
	for _, r := range text {
		if r == '\ufffd' || unicode.IsControl(r) || (unicode.IsSpace(r) && r != ' ') || (unicode.Is(unicode.Cf, r) && r != '\u200d') {
			t.Errorf("%s %q holds %U", name, text, r)
		}
	}
}
