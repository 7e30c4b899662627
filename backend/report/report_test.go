package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"ruche/backend/analytics/chart"
	"slices"
	"strings"
	"testing"
	"time"

	"ruche/backend/locale"
)

// figure writes v with dec decimals the way the report must, computed here
// with fmt rather than with the package's formatter: French "1 234,5"
// (U+202F between thousands), English "1,234.5", minus sign U+2212.
func figure(lang locale.Lang, v float64, dec int) string {
	s := fmt.Sprintf("%.*f", dec, v)
	sign := ""
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sign, s = "\u2212", rest
	}
	whole, frac, _ := strings.Cut(s, ".")
	sep, point := ",", "."
	if lang == locale.French {
		sep, point = "\u202f", ","
	}
	var groups []string
	for len(whole) > 3 {
		groups = append([]string{whole[len(whole)-3:]}, groups...)
		whole = whole[:len(whole)-3]
	}
	out := sign + strings.Join(append([]string{whole}, groups...), sep)
	if frac != "" {
		out += point + frac
	}
	return out
}

func pct(lang locale.Lang, n string) string {
	if lang == locale.French {
		return n + "\u00a0%"
	}
	return n + "%"
}

// evolution is the tile's change line: arrow, sign and percentage.
func evolution(lang locale.Lang, cur, prev float64) string {
	d := (cur - prev) / prev * 100
	switch {
	case d > 0:
		return "▲ " + pct(lang, "+"+figure(lang, d, 1))
	case d < 0:
		return "▼ " + pct(lang, figure(lang, d, 1))
	}
	return "= " + pct(lang, figure(lang, 0, 1))
}

// wantFigures are the KPI figures of seeded(lang), as the tiles show them.
func wantFigures(lang locale.Lang) []string {
	euros := func(cents float64) string {
		if lang == locale.French {
			return figure(lang, cents/100, 2) + "\u00a0€"
		}
		return "€" + figure(lang, cents/100, 2)
	}
	prev := "Previous period: "
	if lang == locale.French {
		prev = "Période précédente\u00a0: "
	}
	hm := func(h, m string) string { // "2 h 05" in French, "2 h 05 min" in English
		if lang == locale.French {
			return h + "\u00a0h\u00a0" + m
		}
		return h + "\u00a0h " + m + "\u00a0min"
	}
	return []string{
		figure(lang, 12345, 0), evolution(lang, 12345, 11000), prev + figure(lang, 11000, 0),
		pct(lang, figure(lang, 4.237, 1)), evolution(lang, 0.04237, 0.05), prev + pct(lang, figure(lang, 5, 1)),
		figure(lang, 1234567, 0),
		euros(123456), evolution(lang, 123456, 100000), prev + euros(100000),
		hm("2", "05"), evolution(lang, 7500, 9000), prev + hm("2", "30"),
		"42", evolution(lang, 42, 42),
		pct(lang, figure(lang, 1234.5, 1)), evolution(lang, 12.345, 8),
	}
}

func TestSeededReport(t *testing.T) {
	tests := []struct {
		lang     locale.Lang
		literals []string // figures and typography written out by hand
		sections []string
		period   string
		page     string
	}{
		{
			lang: locale.French,
			literals: []string{
				"12\u202f345", "▲ +12,2\u00a0%", "▼ \u221215,3\u00a0%", "1\u202f234\u202f567", "1\u202f234,56\u00a0€",
				"1\u202f234,5\u00a0%", "= 0,0\u00a0%", "— pas de comparaison", "Période\u00a0: 1er – 30 novembre 2026",
				"Comparée à\u00a0: 1er – 31 octobre 2026", "412 sur 500 · échéance\u00a0: 30 juin 2027", "1\u202f045",
				"Bluesky · 12 nov. 2026", "Généré le 1er décembre 2026 à 09:30", "Boulangerie Lœuf & Fils",
			},
			sections: []string{"Synthèse", "Abonnés au fil du temps", "Engagement par réseau", "Interactions par type",
				"Meilleurs moments pour publier", "Un seul point", "Visites du site", "Graphique cassé",
				"Meilleures publications", "Communauté", "Abonnés les plus actifs", "Objectifs", "Analyse et recommandations"},
			period: "1er – 30 novembre 2026",
			page:   "page %d sur 8",
		},
		{
			lang: locale.English,
			literals: []string{
				"12,345", "▲ +12.2%", "▼ \u221215.3%", "1,234,567", "€1,234.56", "1,234.5%", "= 0.0%",
				"— no comparison", "Period: November 1 – 30, 2026", "Compared with: October 1 – 31, 2026",
				"412 of 500 · due June 30, 2027", "1,045", "Bluesky · Nov 12, 2026", "Generated on December 1, 2026 at 9:30 AM",
			},
			sections: []string{"Summary", "Followers over time", "Engagement per network", "Interactions by type",
				"Best time to post", "Top posts", "Community", "Most active followers", "Objectives", "Analysis and recommendations"},
			period: "November 1 – 30, 2026",
			page:   "page %d / 8",
		},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			d := seeded(t, tt.lang)
			var calls [][2]int
			var buf bytes.Buffer
			if err := Render(context.Background(), d, &buf, func(done, total int) { calls = append(calls, [2]int{done, total}) }); err != nil {
				t.Fatal(err)
			}
			path := writePDF(t, buf.Bytes())

			// cover, summary, charts on three pages (two per page, then
			// the one point chart with the two notes), top posts,
			// community with objectives, analysis
			const pages = 8
			if got := pageCount(t, path); got != pages {
				t.Errorf("pdfinfo: %d pages, want %d", got, pages)
			}
			if len(calls) != pages+1 || calls[0] != [2]int{0, pages} || calls[pages] != [2]int{pages, pages} {
				t.Errorf("progress calls %v, want (0, %d) to (%[2]d, %[2]d)", calls, pages)
			}
			for i, c := range calls {
				if c[0] != i || c[1] != pages {
					t.Errorf("progress call %d = %v, want (%d, %d)", i, c, i, pages)
				}
			}

			text := pdfText(t, path)
			shown := shownText(t, buf.Bytes())
			for _, want := range append(wantFigures(tt.lang), tt.literals...) {
				if !strings.Contains(text, squash(want)) {
					t.Errorf("pdftotext has no %q", want)
				}
				if !contains(shown, want) {
					t.Errorf("no text shows exactly %q (typography)", want)
				}
			}
			for _, s := range tt.sections {
				if !strings.Contains(text, s) {
					t.Errorf("section %q is missing", s)
				}
			}
			for n := 1; n <= pages; n++ {
				if !strings.Contains(text, fmt.Sprintf(tt.page, n)) {
					t.Errorf("footer %q is missing", fmt.Sprintf(tt.page, n))
				}
			}
			if got := strings.Count(text, "Boulangerie Lœuf & Fils"); got != pages {
				t.Errorf("the workspace's name shows %d times, want on the cover and in %d headers", got, pages-1)
			}
			if !strings.Contains(text, tt.period) {
				t.Errorf("the period %q is missing", tt.period)
			}
			// user text is printed as it is, markup included; the emoji the
			// font lacks is left out rather than printed as a box
			joined := strings.Join(shown, " ")
			if !strings.Contains(joined, "<b>pas de gras</b> **ni") {
				t.Errorf("the post's markup is not printed as text: %s", quote(shown))
			}
			if strings.ContainsAny(joined, "🥖\ufffd") {
				t.Errorf("a rune the font lacks was printed")
			}
			renderPages(t, path, "seeded-"+string(tt.lang), pages)
			checkLayout(t, path)
		})
	}
}

// TestReportIsDeterministic renders the same data twice: same text, same
// pictures. The files may differ in the order of their image objects: fpdf
// writes images of the same width in map order.
func TestReportIsDeterministic(t *testing.T) {
	d := seeded(t, locale.French)
	var pages [2][]string
	for i := range pages {
		path := writePDF(t, render(t, d))
		dir := t.TempDir()
		poppler(t, "pdftoppm", "-png", "-r", "30", path, filepath.Join(dir, "p"))
		files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			pages[i] = append(pages[i], string(b))
		}
		pages[i] = append(pages[i], poppler(t, "pdftotext", path, "-"))
	}
	if len(pages[0]) != 9 || !slices.Equal(pages[0], pages[1]) {
		t.Error("the same data gave two different reports")
	}
}

func TestEmptyPeriod(t *testing.T) {
	for _, lang := range locale.Langs {
		t.Run(string(lang), func(t *testing.T) {
			d := Data{
				Workspace: "Atelier vide", Lang: lang, Color: "#f5a623",
				From: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC),
				Charts: []Chart{{Title: "report.chart.followers", Chart: fromJSON(t, `{"xAxis":{"type":"category","data":[]},"yAxis":{},"series":[{"type":"line","data":[]}]}`)}},
			}
			pdf := render(t, d)
			path := writePDF(t, pdf)
			// cover, summary, the chart, top posts, community with objectives
			if got := pageCount(t, path); got != 5 {
				t.Errorf("%d pages, want 5", got)
			}
			text := pdfText(t, path)
			for _, code := range []string{"report.empty_period", "report.chart_empty", "report.no_posts", "report.no_followers", "report.no_objectives"} {
				if want := squash(locale.Message(lang, code, nil)); !strings.Contains(text, firstWords(want, 6)) {
					t.Errorf("the report does not say %q", want)
				}
			}
			renderPages(t, path, "empty-"+string(lang), 5)
			checkLayout(t, path)
		})
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func TestBadInput(t *testing.T) {
	d := seeded(t, locale.French)
	d.Logo = []byte("\x89PNG\r\n\x1a\n but not really")
	d.Color = "blue"
	d.Charts = []Chart{
		{Title: "Type inconnu", Chart: chart.Chart{Kind: "sankey", Series: []chart.Series{{Points: []chart.Point{{Value: 1, Known: true}}}}}},
		{Title: "Sans type", Chart: chart.Chart{Series: []chart.Series{{Points: []chart.Point{{Value: 1, Known: true}}}}}},
		{Title: "Calendrier de dix ans", Chart: chart.Chart{Kind: chart.Calendar, Series: []chart.Series{{Days: tenYears()}}}},
		// the library refuses a negative slice only when drawing
		{Title: "Refusé au dessin", Chart: chart.Chart{Kind: chart.Donut, Categories: []string{"a", "b"},
			Series: []chart.Series{{Points: []chart.Point{{Value: -1, Known: true}, {Value: 2, Known: true}}}}}},
		{Title: "Un point", Chart: fromJSON(t, `{"xAxis":{"data":["1/11"]},"series":[{"type":"bar","data":[3]}]}`)},
	}
	d.TopPosts[0].Thumbnail = d.TopPosts[0].Thumbnail[:len(d.TopPosts[0].Thumbnail)/2] // truncated JPEG
	d.Workspace = strings.Repeat("Nom très long ", 20) + "🐝\x00\x1b[31m\u202e"
	d.Agency = "Agence 🐝 (Ruche) \\ Conseil\r\n"
	d.KPIs = append(d.KPIs, KPI{Label: strings.Repeat("Libellé interminable ", 10), Value: 1e15, Previous: -3})
	pdf := render(t, d)
	path := writePDF(t, pdf)
	text := pdfText(t, path)
	if !strings.Contains(text, "Agence (Ruche) \\ Conseil") {
		t.Error("the agency's name lost its brackets or backslash")
	}
	if got, want := strings.Count(text, "Ce graphique n’a pas pu être dessiné."), 4; got != want {
		t.Errorf("%d charts say they could not be drawn, want %d", got, want)
	}
	if got := bytes.Count(pdf, []byte("/Subtype /Image")); got != 2 {
		// the one point chart and two thumbnails: no logo, no truncated thumbnail
		t.Errorf("%d images in the file, want 2", got)
	}
	n := pageCount(t, path)
	renderPages(t, path, "bad-fr", n)
	checkLayout(t, path)
}

func TestLongAnalysis(t *testing.T) {
	d := seeded(t, locale.English)
	var paras []string
	for i := range 40 {
		paras = append(paras, fmt.Sprintf("Paragraph %d. ", i+1)+strings.Repeat("The community answered well to the weekly bakery stories; keep them on Saturday mornings. ", 6))
	}
	paras = append(paras, "A word far too long for one line: "+strings.Repeat("x", 300), "<script>alert(1)</script> **not bold** END-OF-ANALYSIS")
	d.Analysis = strings.Join(paras, "\n\n")
	pdf := render(t, d)
	path := writePDF(t, pdf)
	n := pageCount(t, path)
	if n < 11 {
		t.Errorf("%d pages, want the analysis on several pages (11 or more)", n)
	}
	text := pdfText(t, path)
	for _, want := range []string{"Paragraph 1.", "Paragraph 40.", "<script>alert(1)</script> **not bold** END-OF-ANALYSIS", fmt.Sprintf("page %d / %d", n, n)} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext has no %q", want)
		}
	}
	if got := strings.Count(text, "x"); got < 300 {
		t.Errorf("the long word lost letters: %d x, want 300 or more", got)
	}
	renderPages(t, path, "long-en", n)
	checkLayout(t, path)
}

func TestRenderRefuses(t *testing.T) {
	good := seeded(t, locale.English)
	tests := []struct {
		name string
		edit func(*Data)
		want error
	}{
		{"language", func(d *Data) { d.Lang = "de" }, ErrLanguage},
		{"no period", func(d *Data) { d.From = time.Time{} }, ErrPeriod},
		{"period backwards", func(d *Data) { d.From, d.To = d.To, d.From }, ErrPeriod},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := good
			tt.edit(&d)
			if err := Render(context.Background(), d, &bytes.Buffer{}, nil); !errors.Is(err, tt.want) {
				t.Errorf("Render = %v, want %v", err, tt.want)
			}
		})
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteFailure(t *testing.T) {
	err := Render(context.Background(), seeded(t, locale.French), failingWriter{}, nil)
	if !errors.Is(err, ErrWrite) {
		t.Fatalf("Render = %v, want %v", err, ErrWrite)
	}
	if msg := locale.Message(locale.French, "report.write_failed", map[string]any{"reason": "disk full"}); !strings.Contains(msg, "disk full") {
		t.Errorf("message %q lacks the reason", msg)
	}
}

func TestRenderStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var last int
	err := Render(ctx, seeded(t, locale.French), &bytes.Buffer{}, func(done, total int) {
		last = done
		if done == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Render = %v, want context.Canceled", err)
	}
	if last != 2 {
		t.Errorf("pages went on to %d after the cancel at 2", last)
	}

	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	if err := Render(ctx, seeded(t, locale.French), &bytes.Buffer{}, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Render with a cancelled ctx = %v, want context.Canceled", err)
	}
}

func TestPaginate(t *testing.T) {
	b := func(h float64) *block { return &block{h: h} }
	head := &block{h: 10, keep: true}
	first := &block{h: 100, newPage: true}
	tableHead := b(8)
	row := &block{h: 100, header: tableHead}
	pages := paginate([]*block{first, b(100), head, b(60), row, row})
	var got []string
	for _, p := range pages {
		var hs []string
		for _, pl := range p {
			hs = append(hs, fmt.Sprintf("%g@%g", pl.b.h, pl.y))
		}
		got = append(got, strings.Join(hs, " "))
	}
	want := []string{
		"100@26 100@126",     // the heading does not fit with its block
		"10@26 60@36 100@96", // heading kept with the next block
		"8@26 100@34",        // a row opening a page brings its table's header
	}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("paginate = %q, want %q", got, want)
	}
}
