package mastodontest

import (
	"html"
	"regexp"
	"strings"
)

// textToken is a link, a mention or a hashtag in a status's text.
var textToken = regexp.MustCompile(`https?://[^\s<>"]+[^\s<>".,;:!?)\]}'’»]|(^|[^\w/])@(\w+)(@[\w.-]+\w)?|(^|[^\w&/])#(\w+)`)

// Format renders a status's text as Mastodon does: paragraphs for blank
// lines, <br /> for line breaks, links with their invisible parts,
// mentions and hashtags as links, everything else escaped.
func Format(text, domain string) string {
	var b strings.Builder
	for _, para := range regexp.MustCompile(`\n\s*\n`).Split(strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n")), -1) {
		if para == "" {
			continue
		}
		b.WriteString("<p>")
		for i, line := range strings.Split(para, "\n") {
			if i > 0 {
				b.WriteString("<br />")
			}
			b.WriteString(formatLine(line, domain))
		}
		b.WriteString("</p>")
	}
	return b.String()
}

func formatLine(line, domain string) string {
	var b strings.Builder
	last := 0
	for _, m := range textToken.FindAllStringSubmatchIndex(line, -1) {
		start := m[0]
		switch {
		case m[4] >= 0: // mention: keep the character before it
			start = m[3]
		case m[10] >= 0: // hashtag
			start = m[9]
		}
		b.WriteString(html.EscapeString(line[last:start]))
		switch {
		case m[4] >= 0:
			user, host := line[m[4]:m[5]], domain
			if m[6] >= 0 {
				host = line[m[6]+1 : m[7]]
			}
			b.WriteString(`<span class="h-card" translate="no"><a href="https://` + html.EscapeString(host) + `/@` + user +
				`" class="u-url mention">@<span>` + user + `</span></a></span>`)
		case m[10] >= 0:
			tag := line[m[10]:m[11]]
			b.WriteString(`<a href="https://` + html.EscapeString(domain) + `/tags/` + tag + `" class="mention hashtag" rel="tag">#<span>` + tag + `</span></a>`)
		default:
			b.WriteString(link(line[m[0]:m[1]]))
		}
		last = m[1]
	}
	b.WriteString(html.EscapeString(line[last:]))
	return b.String()
}

// link renders a URL as Mastodon does: its scheme (and www.) invisible,
// the first 30 characters visible, the rest invisible with an ellipsis
// class.
func link(u string) string {
	prefix := u[:strings.Index(u, "//")+2]
	rest := u[len(prefix):]
	if strings.HasPrefix(rest, "www.") {
		prefix, rest = prefix+"www.", rest[4:]
	}
	visible, hidden, class := rest, "", ""
	if len(rest) > 30 {
		visible, hidden, class = rest[:30], rest[30:], "ellipsis"
	}
	e := html.EscapeString
	return `<a href="` + e(u) + `" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">` + e(prefix) +
		`</span><span class="` + class + `">` + e(visible) + `</span><span class="invisible">` + e(hidden) + `</span></a>`
}

// mentionsOf returns the accounts a text mentions.
func mentionsOf(text, domain string) []Mention {
	out := []Mention{}
	for _, m := range textToken.FindAllStringSubmatch(text, -1) {
		if m[2] == "" {
			continue
		}
		host, acct := domain, m[2]
		if m[3] != "" {
			host, acct = m[3][1:], m[2]+m[3]
		}
		out = append(out, Mention{Username: m[2], Acct: acct, URL: "https://" + host + "/@" + m[2]})
	}
	return out
}
