package api

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
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

func TestFiguresAndObjectives(t *testing.T) {
	s, d := newFacade(t)
	a := NewAnalytics(s, nil)
	f := must(a.SaveFigure(Figure{Day: "2026-11-02", Kind: "ad_spend", Value: 1250}))
	if f.Source != "typed" || f.Value != 1250 {
		t.Errorf("SaveFigure() = %+v", f)
	}
	if _, err := a.SaveFigure(Figure{Day: "2026-11-02", Kind: "nonsense", Value: 1}); err == nil {
		t.Error("SaveFigure(unknown kind) = nil error, want one")
	}

	csv := filepath.Join(t.TempDir(), "ga.csv")
	noErr(t, os.WriteFile(csv, []byte("Date;Sessions;Utilisateurs;Source/Support\n03/11/2026;1 234;1 001,0;google / organic\n31/02/2026;5;4;direct / (none)\n"), 0o600))
	d.open = csv
	prev := must(a.PreviewFiguresImport())
	if len(prev.Rows) != 2 || prev.Valid != 1 || len(prev.Rows[1].Problems) == 0 || prev.Rows[0].Sessions == nil || *prev.Rows[0].Sessions != 1234 {
		t.Fatalf("PreviewFiguresImport() = %+v, want the French row read and the 31 February refused", prev)
	}
	if n := must(a.ConfirmFiguresImport(prev.Token)); n == 0 {
		t.Errorf("ConfirmFiguresImport() = %d, want the good row's figures", n)
	}
	if _, err := a.ConfirmFiguresImport(prev.Token); err == nil {
		t.Error("ConfirmFiguresImport() twice = nil error, want the preview gone")
	}
	figs := must(a.Figures("2026-11-01", "2026-11-30"))
	if len(figs) < 2 {
		t.Errorf("Figures() = %+v, want the typed and the imported ones", figs)
	}
	noErr(t, a.DeleteFigure("2026-11-02", "ad_spend", ""))

	o := must(a.SaveObjective("", Objective{Kind: "follower_growth", Network: "bluesky", Target: 500, Start: "2026-11-01", Deadline: "2027-06-30"}))
	if o.ID == "" || o.Deadline != "2027-06-30" {
		t.Errorf("SaveObjective() = %+v", o)
	}
	if _, err := a.SaveObjective("", Objective{Kind: "follower_growth", Target: 500, Start: "2027-06-30", Deadline: "2026-11-01"}); err == nil {
		t.Error("SaveObjective(deadline before start) = nil error, want one")
	}
	if all := must(a.Objectives()); len(all) != 1 {
		t.Errorf("Objectives() = %+v, want 1", all)
	}
	noErr(t, a.DeleteObjective(o.ID))
	if all := must(a.Objectives()); len(all) != 0 {
		t.Errorf("Objectives() after delete = %+v", all)
	}
}

func TestMonthlyReportPlan(t *testing.T) {
	s, d := newFacade(t)
	a := NewAnalytics(s, nil)
	if p := must(a.PlanMonthlyReport("fr", "Agence")); p.Folder != "" {
		t.Errorf("PlanMonthlyReport() cancelled = %+v, want no plan", p)
	}
	d.folder = t.TempDir()
	p := must(a.PlanMonthlyReport("fr", "Agence"))
	// Today is 2026-11-23: October's report is the next one written.
	if p.Folder != d.folder || p.Last != "2026-09" {
		t.Errorf("PlanMonthlyReport() = %+v, want the folder, October next", p)
	}
	// The chooser opened at home the first times, then where the reports go.
	must(a.PlanMonthlyReport("fr", "Agence"))
	home, _ := os.UserHomeDir()
	if want := []string{home, home, d.folder}; !slices.Equal(d.starts, want) {
		t.Errorf("folder choosers opened in %q, want %q", d.starts, want)
	}
	noErr(t, a.StopMonthlyReport())
	if p := must(a.ReportPlan()); p.Folder != "" {
		t.Errorf("ReportPlan() after stop = %+v", p)
	}
}
