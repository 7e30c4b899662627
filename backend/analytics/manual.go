package analytics

import (
	"context"
	"math"
	"slices"
	"strings"
	"time"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/fault"
)

// The errors about manual figures.
var (
	ErrManualKind     = fault.New(fault.Invalid, "analytics.manual_kind")
	ErrManualDay      = fault.New(fault.Invalid, "analytics.manual_day")
	ErrManualValue    = fault.New(fault.Invalid, "analytics.manual_value")
	ErrManualNetwork  = fault.New(fault.Invalid, "analytics.manual_network")
	ErrManualNotFound = fault.New(fault.NotFound, "analytics.manual_not_found")
)

// MaxSubjectLen is the longest subject of a manual figure, in bytes.
const MaxSubjectLen = 200

// ManualInput is a figure a user types: ad spend in cents, website
// sessions or users, or the followers of a network Ruche cannot read
// (Subject is then the network).
type ManualInput struct {
	Day     calendar.Day      `json:"day"`
	Kind    metric.ManualKind `json:"kind"`
	Subject string            `json:"subject,omitempty"`
	Value   float64           `json:"value"`
}

// Normalize trims the subject; a network is lowercased.
func (in ManualInput) Normalize() ManualInput {
	in.Subject = strings.Join(strings.Fields(in.Subject), " ")
	if in.Kind == metric.Followers {
		in.Subject = strings.ToLower(in.Subject)
	}
	return in
}

// Validate returns the first problem of a normalised input.
func (in ManualInput) Validate() error {
	switch {
	case !in.Kind.Valid():
		return ErrManualKind.With(map[string]any{"kind": string(in.Kind)}, nil)
	case !in.Day.Valid() || in.Day.Year < 1970 || in.Day.Year >= 2200:
		return ErrManualDay.With(map[string]any{"date": in.Day.String()}, nil)
	case in.Value < 0 || math.IsNaN(in.Value) || math.IsInf(in.Value, 0) || in.Value > 1e15:
		return ErrManualValue.With(map[string]any{"value": in.Value}, nil)
	case in.Kind == metric.Followers && !slices.Contains(networks, in.Subject):
		return ErrManualNetwork.With(map[string]any{"network": in.Subject}, nil)
	case len(in.Subject) > MaxSubjectLen:
		return ErrManualValue.With(map[string]any{"value": in.Subject[:20] + "…"}, nil)
	}
	return nil
}

// SaveManual saves typed figures for workspace wsID, each replacing the
// figure of its day, kind and subject; nothing is saved when one is
// invalid.
func (s *Service) SaveManual(ctx context.Context, wsID string, ins ...ManualInput) ([]metric.Manual, error) {
	return s.saveManual(ctx, wsID, metric.SourceTyped, ins)
}

func (s *Service) saveManual(ctx context.Context, wsID, source string, ins []ManualInput) ([]metric.Manual, error) {
	now := s.now().UTC()
	ms := make([]metric.Manual, len(ins))
	for i, in := range ins {
		in = in.Normalize()
		if err := in.Validate(); err != nil {
			return nil, err
		}
		ms[i] = metric.Manual{WorkspaceID: wsID, Day: in.Day, Kind: in.Kind, Subject: in.Subject, Value: in.Value, Source: source, UpdatedAt: now}
	}
	if err := s.store.PutManuals(ctx, ms...); err != nil {
		return nil, err
	}
	return ms, nil
}

// DeleteManual removes a manual figure of workspace wsID.
func (s *Service) DeleteManual(ctx context.Context, wsID string, d calendar.Day, kind metric.ManualKind, subject string) error {
	if err := s.store.DeleteManual(ctx, wsID, d, kind, subject); err != nil {
		if fault.KindOf(err) == fault.NotFound {
			return ErrManualNotFound.With(nil, err)
		}
		return err
	}
	return nil
}

// Manuals returns the manual figures of workspace wsID over p.
func (s *Service) Manuals(ctx context.Context, wsID string, p Period) ([]metric.Manual, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return s.store.Manuals(ctx, wsID, p.From, p.To.AddDays(1))
}

// ImportGoogleAnalytics saves the good rows of a Google Analytics import
// (see ParseGoogleAnalytics) as website sessions and users of their day
// and "source / medium", replacing what an earlier import of the same day
// and source gave. Rows with a problem are skipped; it returns the number
// of rows saved.
func (s *Service) ImportGoogleAnalytics(ctx context.Context, wsID string, rows []ImportRow) (int, error) {
	var ins []ManualInput
	n := 0
	for _, r := range rows {
		if !r.OK() {
			continue
		}
		n++
		if r.HasSessions {
			ins = append(ins, ManualInput{Day: r.Day, Kind: metric.WebsiteSessions, Subject: r.Source, Value: r.Sessions})
		}
		if r.HasUsers {
			ins = append(ins, ManualInput{Day: r.Day, Kind: metric.WebsiteUsers, Subject: r.Source, Value: r.Users})
		}
	}
	if _, err := s.saveManual(ctx, wsID, metric.SourceGA, ins); err != nil {
		return 0, err
	}
	return n, nil
}

// manualTotal returns the sum of the figures of kind on the days of p,
// and whether there was any.
func manualTotal(ms []metric.Manual, kind metric.ManualKind, p Period) (float64, bool) {
	sum, any := 0.0, false
	for _, m := range ms {
		if m.Kind == kind && p.Contains(m.Day) {
			sum += m.Value
			any = true
		}
	}
	return sum, any
}

// manualSeries returns the typed followers of each network as a series
// read at noon of its day, for the networks f keeps.
func manualSeries(ms []metric.Manual, loc *time.Location, f Filter) []Series {
	byNet := map[string]*Series{}
	var order []string
	for _, m := range ms {
		if m.Kind != metric.Followers || !f.Network(m.Subject) {
			continue
		}
		s := byNet[m.Subject]
		if s == nil {
			s = &Series{Key: "manual:" + m.Subject, Network: m.Subject}
			byNet[m.Subject] = s
			order = append(order, m.Subject)
		}
		at := calendar.Instant(m.Day, calendar.Clock{Hour: 12}, loc)
		s.Points = append(s.Points, Point{At: at, Followers: int(math.Round(m.Value))})
	}
	out := make([]Series, 0, len(order))
	for _, n := range order {
		s := byNet[n]
		slices.SortStableFunc(s.Points, func(a, b Point) int { return a.At.Compare(b.At) })
		out = append(out, *s)
	}
	return out
}
