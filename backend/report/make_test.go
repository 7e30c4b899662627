package report_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"ruche/backend/account"
	"ruche/backend/analytics"
	"ruche/backend/analytics/metric"
	"ruche/backend/boot"
	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/report"
	"ruche/backend/secrets"
)

// Figures seeded in a real store come out in the PDF as the language
// writes them: the followers at the end of the period and their growth,
// computed here from the seed.
func TestMakeFromSeededFigures(t *testing.T) {
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	app, err := boot.Open(context.Background(), boot.Config{DataDir: filepath.Join(dir, "data"), KeyFile: filepath.Join(dir, "key"),
		Vault: secrets.NewMemory(), Now: func() time.Time { return now }, System: locale.System{Lang: locale.French, Zone: "Europe/Paris"}})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	ctx := context.Background()
	ws, err := app.Workspaces.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seed := map[string][2]int{"bluesky": {1200, 1350}, "mastodon": {800, 840}} // followers on Nov 1 and Nov 30
	for net, f := range seed {
		acc, err := app.Accounts.Add(ctx, ws.ID, account.Input{Network: net, Handle: "fournil." + net + ".test"})
		if err != nil {
			t.Fatal(err)
		}
		for i, day := range []int{1, 30} {
			at := time.Date(2026, 11, day, 8, 0, 0, 0, time.UTC)
			if err := app.Store.PutAccountDays(ctx, metric.AccountDay{AccountID: acc.ID, Day: calendar.Day{Year: 2026, Month: 11, Day: day},
				Followers: f[i], RefreshedAt: at}); err != nil {
				t.Fatal(err)
			}
		}
	}
	start, end := 0, 0
	for _, f := range seed {
		start, end = start+f[0], end+f[1]
	}
	growth := end - start
	percent := strings.Replace(strconv.FormatFloat(100*float64(growth)/float64(start), 'f', 1, 64), ".", ",", 1) + " %"
	req := report.Request{Workspace: ws, Period: analytics.MonthPeriod(calendar.Day{Year: 2026, Month: 11, Day: 1}), Lang: locale.French,
		Agency: "Agence Ruche", Analysis: "Une belle progression sur Bluesky."}
	var pdf bytes.Buffer
	pages := 0
	if err := report.Make(ctx, app.Analytics, app.Store, req, now, &pdf, func(done, total int) { pages = total }); err != nil {
		t.Fatal(err)
	}
	path := report.WritePDF(t, pdf.Bytes())
	text := report.PDFText(t, path)
	for _, want := range []string{
		frenchCount(end),    // followers at the end: 2 190
		frenchCount(growth), // followers won: 190
		percent,             // their growth: 9,5 %
		"Une belle progression sur Bluesky.",
		"Agence Ruche",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report's text lacks %q:\n%s", want, text)
		}
	}
	if n := report.PageCount(t, path); n != pages || n < 3 {
		t.Errorf("pdfinfo says %d pages, progress said %d; want the same, at least 3", n, pages)
	}
	report.RenderPages(t, path, "make-fr", pages)
}

// frenchCount writes n as French does, thousands apart (pdftotext reads
// the narrow no-break space as a space).
func frenchCount(n int) string {
	digits := strconv.Itoa(n)
	for i := len(digits) - 3; i > 0; i -= 3 {
		digits = digits[:i] + " " + digits[i:]
	}
	return digits
}
