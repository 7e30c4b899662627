package bluesky

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
)

// The limits of link cards.
const (
	maxPageBytes  = 1 << 20  // read of a linked page; its <head> is well within
	maxThumbBytes = 10 << 20 // download of its image, before fitting
	maxRedirects  = 5
	cardTimeout   = 10 * time.Second // per download, within the client's timeout
	maxTitle      = 300              // runes
	maxDesc       = 1000             // runes
)

// card is what a link card shows: app.bsky.embed.external before its
// thumbnail is uploaded.
type card struct {
	URL, Title, Description string
	Image                   string // absolute http(s) URL of the thumbnail, "" for none
}

// parseCard reads a page's Open Graph title, description and image,
// falling back to <title> and <meta name="description">. The page is
// untrusted: it is tokenized, never rendered, and what it says is kept as
// plain text, trimmed and bounded.
func parseCard(page io.Reader, pageURL *url.URL) card {
	og, meta := map[string]string{}, map[string]string{}
	var title strings.Builder
	inTitle := false
	z := html.NewTokenizer(page)
	z.SetMaxBuf(maxPageBytes)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return buildCard(pageURL, og, meta, title.String())
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			switch t.Data {
			case "meta":
				var key, content string
				hasContent := false
				for _, a := range t.Attr {
					switch strings.ToLower(a.Key) {
					case "property", "name":
						if key == "" {
							key = strings.ToLower(strings.TrimSpace(a.Val))
						}
					case "content":
						content, hasContent = a.Val, true
					}
				}
				if !hasContent || key == "" {
					continue
				}
				if strings.HasPrefix(key, "og:") {
					if _, seen := og[key]; !seen {
						og[key] = content
					}
				} else if _, seen := meta[key]; !seen {
					meta[key] = content
				}
			case "title":
				inTitle = tt == html.StartTagToken && title.Len() == 0
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "title" {
				inTitle = false
			}
		case html.TextToken:
			if inTitle && title.Len() < 4*maxTitle {
				title.Write(z.Text())
			}
		}
	}
}

func buildCard(pageURL *url.URL, og, meta map[string]string, title string) card {
	c := card{URL: pageURL.String()}
	c.Title = plain(og["og:title"], maxTitle)
	if c.Title == "" {
		c.Title = plain(title, maxTitle)
	}
	if c.Title == "" {
		c.Title = plain(meta["twitter:title"], maxTitle)
	}
	c.Description = plain(og["og:description"], maxDesc)
	if c.Description == "" {
		c.Description = plain(meta["description"], maxDesc)
	}
	for _, key := range []string{"og:image", "og:image:url", "og:image:secure_url"} {
		if img := strings.TrimSpace(og[key]); img != "" {
			if u, err := pageURL.Parse(img); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
				c.Image = u.String()
				break
			}
		}
	}
	return c
}

// plain returns s as one line of text: valid UTF-8, no control or
// invisible formatting characters (but the emoji joiner), no replacement
// character, spaces collapsed, at most n runes.
func plain(s string, n int) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	space, runes := false, 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), r == '\ufffd', unicode.Is(unicode.Cf, r) && r != '\u200d':
			continue
		}
		if space {
			b.WriteByte(' ')
			runes++
			space = false
		}
		if runes >= n {
			return strings.TrimSpace(b.String()) + "…"
		}
		b.WriteRune(r)
		runes++
	}
	return b.String()
}

// fetchCard returns the card of link. It never fails: a page that cannot
// be fetched or read gives a card with the link as its title.
func (c *Client) fetchCard(ctx context.Context, link string) card {
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return card{URL: link, Title: link}
	}
	body, final, contentType, err := c.download(ctx, u, maxPageBytes, true, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	if err != nil || !strings.Contains(strings.ToLower(contentType), "html") && contentType != "" {
		return card{URL: link, Title: link}
	}
	k := parseCard(pageText(body, contentType), final)
	k.URL = link // the link as written, which the facet also points at
	if k.Title == "" {
		k.Title = link
	}
	return k
}

// errTooBig: a download went over its limit.
var errTooBig = errors.New("bluesky: download too large")

// download fetches u (http or https, through at most maxRedirects
// redirects to http or https) and returns the body, the final URL and the
// Content-Type. A body over limit bytes is cut there when truncate (a page:
// its head is what counts), else errTooBig.
func (c *Client) download(ctx context.Context, u *url.URL, limit int64, truncate bool, accept string) ([]byte, *url.URL, string, error) {
	ctx, cancel := context.WithTimeout(ctx, min(cardTimeout, c.cfg.Timeout))
	defer cancel()
	hc := *c.http
	hc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return fmt.Errorf("bluesky: more than %d redirects", maxRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("bluesky: redirect to %s refused", req.URL.Scheme)
		}
		return nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, "", err
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", accept)
	resp, err := hc.Do(req)
	if err != nil {
		return nil, nil, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, nil, "", fmt.Errorf("bluesky: GET %s: %s", u.Redacted(), resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, nil, "", err
	}
	if int64(len(body)) > limit {
		if !truncate {
			return nil, nil, "", errTooBig
		}
		body = body[:limit]
	}
	return body, resp.Request.URL, resp.Header.Get("Content-Type"), nil
}

// pageText reads a page as UTF-8: as it is when it is UTF-8 (whatever it
// says), else as the Western encoding it names or, failing that,
// Windows-1252 — the pages whose link cards are made here. Other encodings
// give a card with fewer accents right, never a failure.
func pageText(body []byte, contentType string) io.Reader {
	if utf8.Valid(body) {
		return bytes.NewReader(body)
	}
	enc := charmap.Windows1252
	if strings.Contains(strings.ToLower(contentType), "8859-15") {
		enc = charmap.ISO8859_15
	}
	return enc.NewDecoder().Reader(bytes.NewReader(body))
}
