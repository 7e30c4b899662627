package report

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"ruche/backend/locale"
)

// yearData is a full monthly report: 8 charts of a year of daily points,
// ten top posts with thumbnails and two pages of analysis: 10 pages.
func yearData(t testing.TB) Data {
	d := seeded(t, locale.French)
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	days := make([]string, 365)
	for i := range days {
		days[i] = start.AddDate(0, 0, i).Format("2/1")
	}
	d.Charts = nil
	for c := range 8 {
		values := make([]int, len(days))
		for i := range values {
			values[i] = 1000 + c*300 + i*(c+1) + (i*7919+c*104729)%97
		}
		opt := lineOption(fmt.Sprintf("Compte %d", c+1), days, values)
		if c%2 == 1 {
			opt = strings.Replace(opt, `"type":"line"`, `"type":"bar"`, 1)
		}
		d.Charts = append(d.Charts, Chart{Title: fmt.Sprintf("Série %d", c+1), Chart: fromJSON(t, opt)})
	}
	d.TopPosts = nil
	for i := range 10 {
		d.TopPosts = append(d.TopPosts, Post{
			Network: "Bluesky", Date: start.AddDate(0, 10, i), Text: strings.Repeat("Une publication qui a bien marché. ", 4),
			Likes: 1000 - i*50, Reposts: 40 - i, Replies: 30 - i, EngagementRate: 0.05 - float64(i)/1000,
			Thumbnail: testPhoto(t, 800, 600, i%2 == 0),
		})
	}
	d.Analysis = strings.Repeat(strings.Repeat("Le samedi matin reste le meilleur moment pour publier. ", 8)+"\n\n", 10)
	return d
}

// BenchmarkRender10Pages renders the 10-page report with 8 charts of a year
// of daily points; the issue asks for 1 s at most.
func BenchmarkRender10Pages(b *testing.B) {
	d := yearData(b)
	var buf bytes.Buffer
	pages := 0
	for b.Loop() {
		buf.Reset()
		if err := Render(context.Background(), d, &buf, func(_, total int) { pages = total }); err != nil {
			b.Fatal(err)
		}
	}
	if pages != 10 {
		b.Fatalf("%d pages, want 10", pages)
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(buf.Len())/1024, "KiB")
}

// The year's report is the benchmark's ten pages; its speed is measured by
// BenchmarkRender10Pages, not here.
func TestYearReportIsTenPages(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a full report")
	}
	path := writePDF(t, render(t, yearData(t)))
	if n := pageCount(t, path); n != 10 {
		t.Fatalf("%d pages, want 10", n)
	}
	renderPages(t, path, "year-fr", 10)
	checkLayout(t, path)
}
