package api

import (
	"context"
	"os"

	"ruche/backend/analytics"
	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/importing"
	"ruche/backend/locale"
)

// The figures a community manager types or imports (ad spend, website
// visits, followers of a network Ruche cannot read) and the workspace's
// objectives, for the Analytics screen. Days cross the boundary as
// YYYY-MM-DD in the workspace's zone.

// Figure is a typed or imported figure of one day.
type Figure struct {
	Day     string  `json:"day"`
	Kind    string  `json:"kind"`    // "ad_spend" (cents), "website_sessions", "website_users", "followers"
	Subject string  `json:"subject"` // the network of "followers", the source / medium of website figures, "" for the whole
	Value   float64 `json:"value"`
	Source  string  `json:"source"` // "typed", "google_analytics"
}

// Objective is a target of the workspace.
type Objective struct {
	ID       string  `json:"id"`
	Kind     string  `json:"kind"`    // "follower_growth", "engagement_rate", "posts_per_week", "response_time"
	Network  string  `json:"network"` // "" for every network
	Target   float64 `json:"target"`  // followers, %, publications a week, or minutes
	Start    string  `json:"start"`
	Deadline string  `json:"deadline"`
	Note     string  `json:"note"`
}

// FiguresImportRow is one row of a Google Analytics file, with its problems.
type FiguresImportRow struct {
	Line     int       `json:"line"`
	Day      string    `json:"day"`
	Sessions *float64  `json:"sessions"`
	Users    *float64  `json:"users"`
	Source   string    `json:"source"`
	Problems []Problem `json:"problems"` // translated; none: the row is imported
}

// FiguresImportPreview is what a Google Analytics file would import.
type FiguresImportPreview struct {
	Cancelled bool               `json:"cancelled"`
	Path      string             `json:"path"`
	Token     string             `json:"token"` // for ConfirmFiguresImport
	Rows      []FiguresImportRow `json:"rows"`
	Valid     int                `json:"valid"`
}

// Figures returns the figures typed or imported for the local days
// from..to.
func (a *Analytics) Figures(from, to string) ([]Figure, error) {
	sc, p, err := a.period(from, to)
	if err != nil {
		return nil, err
	}
	ms, err := sc.app.Analytics.Manuals(sc.ctx, sc.ws.ID, p)
	if err != nil {
		return nil, err
	}
	out := make([]Figure, len(ms))
	for i, m := range ms {
		out[i] = Figure{Day: m.Day.String(), Kind: string(m.Kind), Subject: m.Subject, Value: m.Value, Source: m.Source}
	}
	return out, nil
}

// SaveFigure types a figure; it replaces the one of the same day, kind and
// subject.
func (a *Analytics) SaveFigure(f Figure) (Figure, error) {
	sc, err := a.s.current()
	if err != nil {
		return Figure{}, err
	}
	d, err := calendar.ParseDay(f.Day)
	if err != nil {
		return Figure{}, err
	}
	saved, err := sc.app.Analytics.SaveManual(sc.ctx, sc.ws.ID, analytics.ManualInput{Day: d, Kind: metric.ManualKind(f.Kind), Subject: f.Subject, Value: f.Value})
	if err != nil || len(saved) == 0 {
		return Figure{}, err
	}
	m := saved[0]
	return Figure{Day: m.Day.String(), Kind: string(m.Kind), Subject: m.Subject, Value: m.Value, Source: m.Source}, nil
}

// DeleteFigure removes a typed or imported figure.
func (a *Analytics) DeleteFigure(day, kind, subject string) error {
	sc, err := a.s.current()
	if err != nil {
		return err
	}
	d, err := calendar.ParseDay(day)
	if err != nil {
		return err
	}
	return sc.app.Analytics.DeleteManual(sc.ctx, sc.ws.ID, d, metric.ManualKind(kind), subject)
}

// PreviewFiguresImport asks for a Google Analytics export (CSV: date,
// sessions, users, source / medium; French exports too) and lists what it
// would import, each row's problems translated; nothing is saved.
func (a *Analytics) PreviewFiguresImport() (FiguresImportPreview, error) {
	sc, err := a.s.current()
	if err != nil {
		return FiguresImportPreview{}, err
	}
	path, err := a.s.d.Dialogs.OpenFile(locale.Message(sc.lang, "dialog.import_figures_title", nil),
		[]FileFilter{{Name: locale.Message(sc.lang, "dialog.csv", nil), Pattern: "*.csv;*.CSV;*.txt;*.tsv"}})
	if err != nil || path == "" {
		return FiguresImportPreview{Cancelled: path == ""}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return FiguresImportPreview{}, analytics.ErrImportUnreadable.Because(err)
	}
	defer f.Close()
	rows, err := analytics.ParseGoogleAnalytics(f)
	if err != nil {
		return FiguresImportPreview{}, err
	}
	out := FiguresImportPreview{Path: path, Rows: make([]FiguresImportRow, len(rows))}
	for i, r := range rows {
		row := FiguresImportRow{Line: r.Line, Source: r.Source, Problems: []Problem{}}
		if !r.Day.IsZero() {
			row.Day = r.Day.String()
		}
		if r.HasSessions {
			row.Sessions = &rows[i].Sessions
		}
		if r.HasUsers {
			row.Users = &rows[i].Users
		}
		for _, p := range r.Problems {
			row.Problems = append(row.Problems, Problem{Code: p.Code, Message: locale.Message(sc.lang, p.Code, p.Args)})
		}
		out.Rows[i] = row
	}
	out.Valid, _ = importing.Count(rows)
	out.Token = a.imports.Keep(sc.ws.ID, rows)
	return out, nil
}

// ConfirmFiguresImport saves the good rows of preview token and returns
// how many figures it saved.
func (a *Analytics) ConfirmFiguresImport(token string) (int, error) {
	app, err := a.s.ready()
	if err != nil {
		return 0, err
	}
	wsID, rows, ok := a.imports.Take(token)
	if !ok {
		return 0, ErrImportExpired.With(nil, nil)
	}
	return app.Analytics.ImportGoogleAnalytics(context.Background(), wsID, rows)
}

// Objectives returns the current workspace's objectives.
func (a *Analytics) Objectives() ([]Objective, error) {
	sc, err := a.s.current()
	if err != nil {
		return nil, err
	}
	os, err := sc.app.Analytics.Objectives(sc.ctx, sc.ws.ID)
	if err != nil {
		return nil, err
	}
	out := make([]Objective, len(os))
	for i, o := range os {
		out[i] = objectiveDTO(o)
	}
	return out, nil
}

// SaveObjective creates (id "") or changes an objective.
func (a *Analytics) SaveObjective(id string, in Objective) (Objective, error) {
	sc, err := a.s.current()
	if err != nil {
		return Objective{}, err
	}
	start, err := calendar.ParseDay(in.Start)
	if err != nil {
		return Objective{}, err
	}
	deadline, err := calendar.ParseDay(in.Deadline)
	if err != nil {
		return Objective{}, err
	}
	o, err := sc.app.Analytics.SaveObjective(sc.ctx, sc.ws.ID, id, analytics.ObjectiveInput{Kind: metric.ObjectiveKind(in.Kind),
		Network: in.Network, Target: in.Target, Start: start, Deadline: deadline, Note: in.Note})
	if err != nil {
		return Objective{}, err
	}
	return objectiveDTO(o), nil
}

// DeleteObjective removes objective id.
func (a *Analytics) DeleteObjective(id string) error {
	sc, err := a.s.current()
	if err != nil {
		return err
	}
	return sc.app.Analytics.DeleteObjective(sc.ctx, sc.ws.ID, id)
}

func objectiveDTO(o metric.Objective) Objective {
	return Objective{ID: o.ID, Kind: string(o.Kind), Network: o.Network, Target: o.Target, Start: o.Start.String(),
		Deadline: o.Deadline.String(), Note: o.Note}
}
