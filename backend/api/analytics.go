package api

import (
	"bytes"
	"fmt"
	"os"
	"slices"

	"ruche/backend/analytics"
	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/importing"
	"ruche/backend/locale"
	"ruche/backend/network"
	"ruche/backend/report"
	"ruche/backend/workspace"
)

// Events sends events to the window.
type Events interface {
	Emit(name string, data any)
}

// Analytics is the facade of the Analytics screen: the dashboard of the
// current workspace, its client report as a PDF and its figures as CSV.
type Analytics struct {
	s       *Settings
	events  Events
	imports importing.Previews[analytics.ImportRow] // previews waiting for ConfirmFiguresImport
}

// NewAnalytics returns the facade; events carries the report's progress.
func NewAnalytics(s *Settings, events Events) *Analytics { return &Analytics{s: s, events: events} }

// DashboardFilter narrows the dashboard; empty lists keep everything.
type DashboardFilter struct {
	Networks  []string `json:"networks"`
	Accounts  []string `json:"accounts"`
	Pillars   []string `json:"pillars"`
	Campaigns []string `json:"campaigns"`
}

// FilterChoice is one value a filter can take.
type FilterChoice struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// DashboardChoices are what the filters offer.
type DashboardChoices struct {
	Networks []FilterChoice `json:"networks"`
	Accounts []FilterChoice `json:"accounts"`
	// Today is the current local day in the workspace's zone, YYYY-MM-DD:
	// the period picker starts from it.
	Today string `json:"today"`
}

// ReportProgress is the payload of EventReportProgress.
type ReportProgress struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// Choices returns what the dashboard's filters offer for the current
// workspace.
func (a *Analytics) Choices() (DashboardChoices, error) {
	sc, err := a.s.current()
	if err != nil {
		return DashboardChoices{}, err
	}
	all, err := sc.app.Accounts.List(sc.ctx, sc.ws.ID)
	if err != nil {
		return DashboardChoices{}, err
	}
	out := DashboardChoices{Networks: []FilterChoice{}, Accounts: []FilterChoice{},
		Today: calendar.DayOf(sc.app.Now(), sc.loc).String()}
	for _, acc := range all {
		out.Accounts = append(out.Accounts, FilterChoice{Value: acc.ID, Label: acc.DisplayName + " · " + network.DisplayName(acc.Network)})
		if !slices.ContainsFunc(out.Networks, func(c FilterChoice) bool { return c.Value == acc.Network }) {
			out.Networks = append(out.Networks, FilterChoice{Value: acc.Network, Label: network.DisplayName(acc.Network)})
		}
	}
	return out, nil
}

// ReportPlan is the monthly client report written by itself to a folder.
type ReportPlan struct {
	Folder string `json:"folder"` // "" when there is none
	Lang   string `json:"lang"`   // "fr", "en"; "" the workspace's
	Agency string `json:"agency"`
	Last   string `json:"last"` // the last month written, "YYYY-MM"
}

// ReportPlan returns the current workspace's monthly report plan.
func (a *Analytics) ReportPlan() (ReportPlan, error) {
	sc, err := a.s.current()
	if err != nil {
		return ReportPlan{}, err
	}
	p, err := sc.app.Monthly.Plan(sc.ctx, sc.ws.ID)
	return reportPlanDTO(p), err
}

func reportPlanDTO(p metric.ReportPlan) ReportPlan {
	return ReportPlan{Folder: p.Folder, Lang: p.Lang, Agency: p.Agency, Last: p.Last}
}

// PlanMonthlyReport asks for a folder and writes the current workspace's
// report there once each month is over, in lang, prepared by agency; the
// month just over is written at the next poll. A cancelled dialog changes
// nothing.
func (a *Analytics) PlanMonthlyReport(lang, agency string) (ReportPlan, error) {
	sc, err := a.s.current()
	if err != nil {
		return ReportPlan{}, err
	}
	old, err := sc.app.Monthly.Plan(sc.ctx, sc.ws.ID)
	if err != nil {
		return ReportPlan{}, err
	}
	start := old.Folder // the chooser opens where the reports go, else at home
	if start == "" {
		start, _ = os.UserHomeDir()
	}
	folder, err := a.s.d.Dialogs.OpenFolder(locale.Message(sc.lang, "dialog.report_folder_title", nil), start)
	if err != nil || folder == "" {
		p, _ := a.ReportPlan()
		return p, err
	}
	p, err := sc.app.Monthly.SetPlan(sc.ctx, sc.ws, folder, lang, agency)
	if err != nil {
		return ReportPlan{}, err
	}
	return reportPlanDTO(p), nil
}

// StopMonthlyReport ends the current workspace's monthly report.
func (a *Analytics) StopMonthlyReport() error {
	sc, err := a.s.current()
	if err != nil {
		return err
	}
	return sc.app.Monthly.StopPlan(sc.ctx, sc.ws.ID)
}

// Dashboard returns the dashboard of the current workspace over the local
// days from..to (YYYY-MM-DD, both included), compared with the period
// before, narrowed by f. The figures are written in the window's language.
func (a *Analytics) Dashboard(from, to string, f DashboardFilter) (analytics.Dashboard, error) {
	sc, p, err := a.period(from, to)
	if err != nil {
		return analytics.Dashboard{}, err
	}
	ws := sc.ws
	ws.Language = string(sc.lang)
	return sc.app.Analytics.Dashboard(sc.ctx, ws, p, analytics.Filter(f))
}

// Analysis returns the "analysis and recommendations" written for the
// report of from..to.
func (a *Analytics) Analysis(from, to string) (string, error) {
	sc, p, err := a.period(from, to)
	if err != nil {
		return "", err
	}
	return sc.app.Analytics.Analysis(sc.ctx, sc.ws, p)
}

// SaveAnalysis keeps the analysis of the report of from..to.
func (a *Analytics) SaveAnalysis(from, to, text string) error {
	sc, p, err := a.period(from, to)
	if err != nil {
		return err
	}
	return sc.app.Analytics.SaveAnalysis(sc.ctx, sc.ws, p, text)
}

// ExportPDF asks where to save the client report of from..to, in lang
// ("fr" or "en"; "" is the workspace's), prepared by agency, and writes it
// there with the saved analysis, telling its progress (EventReportProgress).
// It returns the path, "" when cancelled.
func (a *Analytics) ExportPDF(from, to, lang, agency string) (string, error) {
	sc, p, err := a.period(from, to)
	if err != nil {
		return "", err
	}
	l, ok := locale.ParseLang(lang)
	if !ok {
		l = locale.Lang(sc.ws.Language)
	}
	analysis, err := sc.app.Analytics.Analysis(sc.ctx, sc.ws, p)
	if err != nil {
		return "", err
	}
	name := fmt.Sprintf("%s-%s-%s_%s.pdf", workspace.FileName(sc.ws.Name), locale.Message(l, "report.file", nil), p.From, p.To)
	progress := func(done, total int) {
		if a.events != nil {
			a.events.Emit(EventReportProgress, ReportProgress{Done: done, Total: total})
		}
	}
	req := report.Request{Workspace: sc.ws, Period: p, Lang: l, Agency: agency, Analysis: analysis}
	return a.s.saveAs(sc, "dialog.export_report_title", name, FileFilter{Pattern: "*.pdf"}, "dialog.pdf", func(b *bytes.Buffer) error {
		return report.Make(sc.ctx, sc.app.Analytics, sc.app.Store, req, sc.app.Now(), b, progress)
	})
}

// ExportCSV asks where to save every figure behind the dashboard of
// from..to, and writes them there as CSV. It returns the path, "" when
// cancelled.
func (a *Analytics) ExportCSV(from, to string) (string, error) {
	sc, p, err := a.period(from, to)
	if err != nil {
		return "", err
	}
	name := fmt.Sprintf("%s-%s_%s.csv", workspace.FileName(sc.ws.Name), p.From, p.To)
	return a.s.saveAs(sc, "dialog.export_figures_title", name, FileFilter{Pattern: "*.csv"}, "dialog.csv", func(b *bytes.Buffer) error {
		return sc.app.Analytics.ExportCSV(sc.ctx, sc.ws, p, b)
	})
}

func (a *Analytics) period(from, to string) (scope, analytics.Period, error) {
	sc, err := a.s.current()
	if err != nil {
		return scope{}, analytics.Period{}, err
	}
	f, err := calendar.ParseDay(from)
	if err != nil {
		return scope{}, analytics.Period{}, err
	}
	t, err := calendar.ParseDay(to)
	if err != nil {
		return scope{}, analytics.Period{}, err
	}
	p := analytics.Period{From: f, To: t}
	return sc, p, p.Validate()
}
