// Package analytics collects the figures of a workspace's accounts and
// publications and turns them into the KPIs, charts and tables of the
// dashboard and of the monthly client report.
//
// The Collector reads, once a day, each connected account's counters, and
// each publication's counters 1 hour, 24 hours, 7 days and 30 days after it
// went out (package metric holds the figures, package store keeps them).
// The Service computes the KPIs for a Period of local days in the
// workspace's zone, compared with the period before, builds the charts as
// ECharts 5 options (go-echarts, validated, plain JSON without functions),
// exports every figure as CSV, and keeps the figures a community manager
// types or imports (Google Analytics CSV) and the workspace's objectives.
//
// Every KPI's formula is written in the doc comment of the function that
// computes it, and in words for users under the message code
// "analytics.how.<kpi>" (package locale).
package analytics

import (
	"slices"
	"strings"
	"time"

	"ruche/backend/account"
	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/fault"
)

// MaxPeriodDays is the longest period, in days: a year, leap or not.
const MaxPeriodDays = 366

// The errors about periods.
var (
	ErrPeriod        = fault.New(fault.Invalid, "analytics.period_invalid")
	ErrPeriodTooLong = fault.New(fault.Invalid, "analytics.period_too_long")
)

// Period is a span of local days in the workspace's zone, From and To both
// included: "1 to 30 November".
type Period struct {
	From calendar.Day `json:"from"`
	To   calendar.Day `json:"to"` // included
}

// MonthPeriod returns the month holding d, from its first to its last day.
func MonthPeriod(d calendar.Day) Period {
	first := calendar.Day{Year: d.Year, Month: d.Month, Day: 1}
	next := calendar.Day{Year: d.Year, Month: d.Month + 1, Day: 1}
	if d.Month == time.December {
		next = calendar.Day{Year: d.Year + 1, Month: time.January, Day: 1}
	}
	return Period{From: first, To: next.AddDays(-1)}
}

// Validate reports a period whose days are invalid, reversed, or longer
// than MaxPeriodDays.
func (p Period) Validate() error {
	switch {
	case !p.From.Valid() || !p.To.Valid() || p.To.Before(p.From):
		return ErrPeriod.With(map[string]any{"from": p.From.String(), "to": p.To.String()}, nil)
	case p.Days() > MaxPeriodDays:
		return ErrPeriodTooLong.With(map[string]any{"max": MaxPeriodDays}, nil)
	}
	return nil
}

// Days returns the number of days of p.
func (p Period) Days() int { return p.From.DaysUntil(p.To) + 1 }

// Previous returns what p is compared with: the month before when p is a
// whole calendar month (November with October, as a monthly report reads),
// else the period of the same length that ends the day before p starts.
func (p Period) Previous() Period {
	if p.From.Day == 1 && p.To.AddDays(1).Day == 1 && p.From.Month == p.To.Month && p.From.Year == p.To.Year {
		return MonthPeriod(p.From.AddDays(-1))
	}
	return Period{From: p.From.AddDays(-p.Days()), To: p.From.AddDays(-1)}
}

// Contains reports whether day d is in p.
func (p Period) Contains(d calendar.Day) bool { return !d.Before(p.From) && !d.After(p.To) }

// Window returns the calendar window of p in loc: the UTC instants
// [Start, End) of its local days, right across daylight saving changes.
func (p Period) Window(loc *time.Location) (calendar.Window, error) {
	if err := p.Validate(); err != nil {
		return calendar.Window{}, err
	}
	return calendar.NewWindow(p.From, p.To.AddDays(1), loc)
}

// Filter narrows the dashboard to some networks, accounts, pillars and
// campaigns; an empty list keeps everything. Pillars and campaigns apply
// to publications only: an account's followers have neither.
type Filter struct {
	Networks  []string `json:"networks,omitempty"`
	Accounts  []string `json:"accounts,omitempty"` // account identifiers
	Pillars   []string `json:"pillars,omitempty"`
	Campaigns []string `json:"campaigns,omitempty"`
}

// PostsOnly reports whether f narrows by pillar or campaign, which the
// follower figures cannot follow.
func (f Filter) PostsOnly() bool { return len(f.Pillars) > 0 || len(f.Campaigns) > 0 }

// Account reports whether account a passes f.
func (f Filter) Account(a account.Account) bool {
	return (len(f.Networks) == 0 || slices.Contains(f.Networks, a.Network)) &&
		(len(f.Accounts) == 0 || slices.Contains(f.Accounts, a.ID))
}

// Network reports whether a figure of network n (a manual one, tied to no
// account) passes f.
func (f Filter) Network(n string) bool {
	return len(f.Accounts) == 0 && (len(f.Networks) == 0 || slices.Contains(f.Networks, n))
}

// Post reports whether publication m passes f. Pillars and campaigns are
// compared ignoring case.
func (f Filter) Post(m metric.PostMetrics) bool {
	if len(f.Networks) > 0 && !slices.Contains(f.Networks, m.Network) {
		return false
	}
	if len(f.Accounts) > 0 && !slices.Contains(f.Accounts, m.AccountID) {
		return false
	}
	if len(f.Pillars) > 0 && !slices.ContainsFunc(f.Pillars, func(p string) bool { return strings.EqualFold(p, m.Pillar) }) {
		return false
	}
	if len(f.Campaigns) > 0 && !slices.ContainsFunc(f.Campaigns, func(c string) bool {
		return slices.ContainsFunc(m.Campaigns, func(x string) bool { return strings.EqualFold(x, c) })
	}) {
		return false
	}
	return true
}
