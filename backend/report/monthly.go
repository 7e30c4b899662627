package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/analytics"
	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/fault"
	"ruche/backend/locale"
	"ruche/backend/workspace"
)

// ErrFolder: the folder of the monthly report cannot be written to.
var ErrFolder = fault.New(fault.Invalid, "report.folder_unwritable")

// WriteAfter is how long into a new month its previous month's report
// waits: the last day's figures are read in the night.
const WriteAfter = 6 * time.Hour

// Plans keeps the workspaces' monthly report plans.
type Plans interface {
	ReportPlans(ctx context.Context) ([]metric.ReportPlan, error)
	ReportPlan(ctx context.Context, wsID string) (metric.ReportPlan, bool, error)
	PutReportPlan(ctx context.Context, p metric.ReportPlan) error
}

// Workspaces finds a workspace.
type Workspaces interface {
	Get(ctx context.Context, id string) (workspace.Workspace, error)
}

// Analyses gives the analysis written for a period's report.
type Analyses interface {
	Analysis(ctx context.Context, wsID string, from, to calendar.Day) (string, error)
}

// Monthly writes each planned workspace's report of the month just over
// into its folder, once: `<workspace>-<report>-YYYY-MM.pdf`. The scheduler
// runs it before each poll; it does nothing until a month is due.
type Monthly struct {
	plans      Plans
	workspaces Workspaces
	figures    Figures
	logos      Logos
	analyses   Analyses
	now        func() time.Time
	log        zerolog.Logger
}

// NewMonthly returns the monthly writer over its collaborators.
func NewMonthly(plans Plans, workspaces Workspaces, figures Figures, logos Logos, analyses Analyses, now func() time.Time, log zerolog.Logger) *Monthly {
	return &Monthly{plans: plans, workspaces: workspaces, figures: figures, logos: logos, analyses: analyses, now: now, log: log}
}

// Run writes the reports that are due; a workspace whose report fails is
// tried again at the next run, the others go on.
func (m *Monthly) Run(ctx context.Context) error {
	plans, err := m.plans.ReportPlans(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, p := range plans {
		if err := m.runPlan(ctx, p); err != nil {
			errs = append(errs, fmt.Errorf("monthly report of %s: %w", p.WorkspaceID, err))
		}
	}
	return errors.Join(errs...)
}

func (m *Monthly) runPlan(ctx context.Context, p metric.ReportPlan) error {
	ws, err := m.workspaces.Get(ctx, p.WorkspaceID)
	if err != nil {
		return err
	}
	zone, err := time.LoadLocation(ws.TimeZone)
	if err != nil {
		zone = time.UTC
	}
	now := m.now().In(zone)
	// The month before the current one, once WriteAfter into the new one.
	month := analytics.MonthPeriod(calendar.DayOf(now.Add(-WriteAfter), zone)).Previous()
	key := fmt.Sprintf("%04d-%02d", month.From.Year, month.From.Month)
	if p.Last >= key {
		return nil
	}
	path, err := m.Write(ctx, p, ws, month)
	if err != nil {
		return err
	}
	p.Last = key
	if err := m.plans.PutReportPlan(ctx, p); err != nil {
		return err
	}
	m.log.Info().Str("workspace", ws.ID).Str("month", key).Str("path", path).Msg("monthly report written")
	return nil
}

// Write writes the report of workspace ws for period month into plan p's
// folder and returns its path; the file appears whole or not at all.
func (m *Monthly) Write(ctx context.Context, p metric.ReportPlan, ws workspace.Workspace, month analytics.Period) (string, error) {
	lang, ok := locale.ParseLang(p.Lang)
	if !ok {
		lang = locale.Lang(ws.Language)
	}
	analysis, err := m.analyses.Analysis(ctx, ws.ID, month.From, month.To)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	req := Request{Workspace: ws, Period: month, Lang: lang, Agency: p.Agency, Analysis: analysis}
	if err := Make(ctx, m.figures, m.logos, req, m.now(), &b, nil); err != nil {
		return "", err
	}
	name := fmt.Sprintf("%s-%s-%04d-%02d.pdf", workspace.FileName(ws.Name), locale.Message(lang, "report.file", nil), month.From.Year, month.From.Month)
	path := filepath.Join(p.Folder, name)
	tmp, err := os.CreateTemp(p.Folder, ".ruche-report-*")
	if err != nil {
		return "", ErrFolder.With(map[string]any{"folder": p.Folder, "reason": err}, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b.Bytes()); err != nil {
		tmp.Close()
		return "", ErrFolder.With(map[string]any{"folder": p.Folder, "reason": err}, err)
	}
	if err := tmp.Close(); err != nil {
		return "", ErrFolder.With(map[string]any{"folder": p.Folder, "reason": err}, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", ErrFolder.With(map[string]any{"folder": p.Folder, "reason": err}, err)
	}
	return path, nil
}

// The window's panel and `ruche report plan` set the plan by the same
// rules: Plan, SetPlan, StopPlan.

// Plan returns workspace wsID's monthly report plan (no folder: none).
func (m *Monthly) Plan(ctx context.Context, wsID string) (metric.ReportPlan, error) {
	p, _, err := m.plans.ReportPlan(ctx, wsID)
	return p, err
}

// SetPlan has workspace ws's report written each month to folder, which
// must exist, in lang ("" for the workspace's) under agency's name. The
// months already written stay so; a first plan starts with the month
// just over (older ones are exported by hand).
func (m *Monthly) SetPlan(ctx context.Context, ws workspace.Workspace, folder, lang, agency string) (metric.ReportPlan, error) {
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		if err == nil {
			err = fmt.Errorf("%s is not a folder", folder)
		}
		return metric.ReportPlan{}, ErrFolder.With(map[string]any{"folder": folder, "reason": fmt.Sprint(err)}, err)
	}
	old, _, err := m.plans.ReportPlan(ctx, ws.ID)
	if err != nil {
		return metric.ReportPlan{}, err
	}
	p := metric.ReportPlan{WorkspaceID: ws.ID, Folder: folder, Lang: lang, Agency: agency, Last: old.Last}
	if p.Last == "" {
		loc, err := calendar.Zone(ws.TimeZone)
		if err != nil {
			return metric.ReportPlan{}, err
		}
		p.Last = analytics.MonthPeriod(calendar.DayOf(m.now(), loc)).Previous().Previous().From.String()[:7]
	}
	if err := m.plans.PutReportPlan(ctx, p); err != nil {
		return metric.ReportPlan{}, err
	}
	return p, nil
}

// StopPlan ends workspace wsID's monthly report.
func (m *Monthly) StopPlan(ctx context.Context, wsID string) error {
	return m.plans.PutReportPlan(ctx, metric.ReportPlan{WorkspaceID: wsID})
}
