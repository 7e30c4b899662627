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
	// The community of the Bluesky account: three replies and mentions,
	// two answered after 30 and 90 min (a median of 1 h); a fan with a
	// hostile name.
	accs, err := app.Store.Accounts(ctx, ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	var bsky string
	for _, a := range accs {
		if a.Network == "bluesky" {
			bsky = a.ID
		}
	}
	t0 := time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC)
	act := func(id string, kind metric.ActivityKind, min int, actor, handle, name, item string) metric.Activity {
		return metric.Activity{WorkspaceID: ws.ID, AccountID: bsky, ID: id, Kind: kind, At: t0.Add(time.Duration(min) * time.Minute),
			ActorID: actor, Handle: handle, Name: name, ItemID: item}
	}
	hostile := "<script>alert(1)</script> Léa"
	acts := []metric.Activity{
		act("n1", metric.ActReply, 0, "did:lea", "lea.bsky.test", hostile, "at://lea/r1"),
		act("n2", metric.ActMention, 60, "did:lea", "lea.bsky.test", hostile, "at://lea/r2"),
		act("n3", metric.ActLike, 70, "did:lea", "lea.bsky.test", hostile, ""),
		act("n4", metric.ActReply, 120, "did:max", "max.bsky.test", "Max", "at://max/r3"),
	}
	answers := []metric.Answer{
		{WorkspaceID: ws.ID, AccountID: bsky, ParentID: "at://lea/r1", ID: "at://brand/a1", At: t0.Add(30 * time.Minute)},
		{WorkspaceID: ws.ID, AccountID: bsky, ParentID: "at://lea/r2", ID: "at://brand/a2", At: t0.Add(150 * time.Minute)},
	}
	if err := app.Store.PutCommunity(ctx, bsky, metric.CommunityCursor{}, acts, answers); err != nil {
		t.Fatal(err)
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
		"Première réponse (médiane)",
		"66,7 %", "2 des 3 réponses et mentions reçues ont eu une réponse.",
		hostile, "lea.bsky.test · Bluesky", // printed as text
		"max.bsky.test · Bluesky",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report's text lacks %q:\n%s", want, text)
		}
	}
	// The tiles: 2 of 3 answered, a median of 1 h (pdftotext may drop the
	// no-break space of "1 h").
	if tight := strings.Join(strings.Fields(text), ""); !strings.Contains(tight, "66,7%1h") {
		t.Errorf("the community tiles lack 66,7 %% answered and a 1 h first response:\n%s", text)
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
