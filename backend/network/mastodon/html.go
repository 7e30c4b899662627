package mastodon

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxHTML bounds the HTML PlainText reads; a status is far shorter.
const maxHTML = 256 << 10

// PlainText returns the text of a status's HTML content (Mastodon sends
// sanitised HTML, other servers of the fediverse may not): a line break
// for <br>, a blank line between paragraphs, the text of links (a link's
// hidden parts included, so that it reads whole), entities decoded,
// every other tag dropped, and nothing of <script>, <style> and the like.
// The result is text, to be shown as text.
func PlainText(content string) string {
	if len(content) > maxHTML {
		content = content[:maxHTML]
	}
	z := html.NewTokenizer(strings.NewReader(content))
	var b strings.Builder
	skip := 0        // depth inside elements whose content is not text
	newlines := 0    // newlines owed before the next text
	started := false // some text was written
	breakLine := func(n int) {
		if started {
			newlines = max(newlines, n)
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return clean(b.String())
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case hidden(a):
				// "<script/>" opens a script all the same: the tokenizer,
				// as browsers do, reads what follows as its raw text.
				if (tt == html.StartTagToken || rawText(a)) && !voidElement(a) {
					skip++
				}
			case skip > 0:
			case a == atom.Br:
				breakLine(1)
			case block(a):
				breakLine(2)
			case a == atom.Li:
				breakLine(1)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case hidden(a):
				if skip > 0 {
					skip--
				}
			case skip > 0:
			case block(a):
				breakLine(2)
			case a == atom.Li:
				breakLine(1)
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			text := string(z.Text()) // entities decoded
			if strings.TrimSpace(text) == "" && (!started || newlines > 0) {
				continue
			}
			if newlines > 0 {
				b.WriteString(strings.Repeat("\n", newlines))
				newlines = 0
			}
			b.WriteString(text)
			started = true
		}
	}
}

// hidden reports whether an element's content is never text.
func hidden(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Iframe, atom.Object, atom.Svg, atom.Math,
		atom.Head, atom.Title, atom.Textarea, atom.Select, atom.Noembed, atom.Noframes, atom.Xmp:
		return true
	}
	return false
}

// rawText reports whether a's content is raw text to the tokenizer, even
// after a self-closing tag.
func rawText(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Iframe, atom.Noembed, atom.Noframes, atom.Noscript, atom.Xmp:
		return true
	}
	return false
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Img, atom.Input, atom.Embed, atom.Source, atom.Track, atom.Hr, atom.Wbr, atom.Meta, atom.Link, atom.Base, atom.Col, atom.Area, atom.Param:
		return true
	}
	return false
}

// block reports whether an element is a paragraph-like block.
func block(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Blockquote, atom.Pre, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Table, atom.Tr, atom.Hr:
		return true
	}
	return false
}

// clean trims the text, keeps at most one blank line in a row, and drops
// control characters other than newlines and tabs, and the invisible
// characters that reorder text (bidirectional overrides).
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return -1
		case unicode.IsControl(r), r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	s = strings.Join(lines, "\n")
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return strings.TrimSpace(s)
}
