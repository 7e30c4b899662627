package bluesky

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseCard(t *testing.T) {
	page, _ := url.Parse("https://ruche.test/blog/post?id=1")
	tests := []struct {
		name string
		html string
		want card
	}{
		{"open graph", `<html><head>
			<meta property="og:title" content="Le fournil &amp; ses pains">
			<meta property="og:description" content="  Levain,
			   farine   bio ">
			<meta property="og:image" content="/img/pain.jpg">
			<title>Ignored</title></head></html>`,
			card{Title: "Le fournil & ses pains", Description: "Levain, farine bio", Image: "https://ruche.test/img/pain.jpg"}},
		{"fallbacks", `<title>Mon   titre</title><meta name="description" content="Desc">`,
			card{Title: "Mon titre", Description: "Desc"}},
		{"script and comments are not tags", `<script>document.write('<meta property="og:title" content="evil">')</script>
			<!-- <meta property="og:title" content="comment"> --><title>Vrai</title>`,
			card{Title: "Vrai"}},
		{"first value wins, case and whitespace", `<META PROPERTY=" OG:TITLE " CONTENT="Un"><meta property="og:title" content="Deux">`,
			card{Title: "Un"}},
		{"hostile image URLs", `<meta property="og:image" content="javascript:alert(1)"><meta property="og:title" content="x">`,
			card{Title: "x"}},
		{"data image refused, secure_url kept", `<meta property="og:image" content="data:image/png;base64,AAAA">
			<meta property="og:image:secure_url" content="https://cdn.test/a.png">`,
			card{Image: "https://cdn.test/a.png"}},
		{"controls and bidi overrides removed", "<title>A\u0000B\u202eC\tD</title>", card{Title: "ABC D"}},
		{"unclosed everything", `<title>Sans fin <meta property="og:description" content="x`, card{Title: "Sans fin <meta property=\"og:description\" content=\"x"}},
		{"title in body svg ignored after the first", `<title>Un</title><svg><title>Deux</title></svg>`, card{Title: "Un"}},
		{"empty", ``, card{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseCard(strings.NewReader(tt.html), page)
			tt.want.URL = page.String()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseCard() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseCardBoundsTheText(t *testing.T) {
	page, _ := url.Parse("https://ruche.test/")
	html := `<meta property="og:title" content="` + strings.Repeat("é", 5000) + `">`
	got := parseCard(strings.NewReader(html), page)
	if n := len([]rune(got.Title)); n != maxTitle+1 || !strings.HasSuffix(got.Title, "…") {
		t.Errorf("title has %d runes, want %d and an ellipsis", n, maxTitle+1)
	}
}

func TestFetchCard(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<title>Caf\xe9</title>")) // Latin-1
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<title>Gros</title>"))
		w.Write([]byte(strings.Repeat("x", 3<<20)))
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF<title>no</title>"))
	})
	mux.HandleFunc("/redirect-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := NewClient(srv.Client(), NewMemorySessions(), Config{Timeout: 300 * time.Millisecond})
	tests := []struct {
		path string
		want string // the title
	}{
		{"/page", "Café"},
		{"/big", "Gros"},
		{"/pdf", srv.URL + "/pdf"},
		{"/missing", srv.URL + "/missing"},
		{"/redirect-file", srv.URL + "/redirect-file"},
		{"/slow", srv.URL + "/slow"},
	}
	for _, tt := range tests {
		got := c.fetchCard(context.Background(), srv.URL+tt.path)
		if got.Title != tt.want || got.URL != srv.URL+tt.path {
			t.Errorf("fetchCard(%s) = %q at %q, want %q", tt.path, got.Title, got.URL, tt.want)
		}
	}
	if got := c.fetchCard(context.Background(), "ftp://ruche.test/x"); got.Title != "ftp://ruche.test/x" {
		t.Errorf("fetchCard(ftp) = %+v, want the URL as title", got)
	}
}
