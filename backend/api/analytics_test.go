package api

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

type events struct{ got []ReportProgress }

func (e *events) Emit(name string, data any) {
	if p, ok := data.(ReportProgress); ok && name == EventReportProgress {
		e.got = append(e.got, p)
	}
}

// The demo's dashboard is alive; the analysis is kept per period and goes
// into the PDF, whose progress reaches the window.
func TestAnalyticsFacade(t *testing.T) {
	s, d := newFacade(t)
	must(s.CreateDemo())
	ev := &events{}
	a := NewAnalytics(s, ev)
	choices := must(a.Choices())
	if len(choices.Accounts) != 3 || len(choices.Networks) != 3 || choices.Today != "2026-11-23" {
		t.Errorf("Choices() = %+v, want the demo's 3 accounts and today", choices)
	}
	dash := must(a.Dashboard("2026-10-01", "2026-10-31", DashboardFilter{}))
	if dash.Empty || len(dash.Tiles) < 6 || len(dash.Charts) != 6 {
		t.Fatalf("Dashboard() = empty %v, %d tiles, %d charts; want the demo's figures", dash.Empty, len(dash.Tiles), len(dash.Charts))
	}
	only := must(a.Dashboard("2026-10-01", "2026-10-31", DashboardFilter{Networks: []string{"bluesky"}}))
	if len(only.TopPosts) == 0 || only.TopPosts[0].Network != "bluesky" {
		t.Errorf("Dashboard(bluesky only) top posts = %+v", only.TopPosts)
	}
	if _, err := a.Dashboard("2026-10-31", "2026-10-01", DashboardFilter{}); err == nil {
		t.Error("Dashboard(backwards) = nil error, want one")
	}

	noErr(t, a.SaveAnalysis("2026-10-01", "2026-10-31", "Octobre très actif sur Bluesky."))
	if got := must(a.Analysis("2026-10-01", "2026-10-31")); got != "Octobre très actif sur Bluesky." {
		t.Errorf("Analysis() = %q", got)
	}
	d.save = filepath.Join(t.TempDir(), "rapport")
	path := must(a.ExportPDF("2026-10-01", "2026-10-31", "fr", "Agence Ruche"))
	if path != d.save+".pdf" {
		t.Errorf("ExportPDF() path = %q, want the chosen one with .pdf", path)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("the report is not a PDF: %v", err)
	}
	if n := len(ev.got); n < 3 || ev.got[n-1].Done != ev.got[n-1].Total {
		t.Errorf("progress events = %+v, want several, the last complete", ev.got)
	}
	d.save = ""
	if p := must(a.ExportCSV("2026-10-01", "2026-10-31")); p != "" {
		t.Errorf("ExportCSV() cancelled = %q, want \"\"", p)
	}
}
