package report

import (
	"context"
	"io"
	"net/http"
	"time"

	"ruche/backend/analytics"
	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/network"
	"ruche/backend/workspace"
)

// Brand is who the report is for and by.
type Brand struct {
	Workspace string
	Color     string
	Logo      []byte
	LogoType  string
	Agency    string
	Zone      *time.Location // the workspace's: dates of publications
}

// FromAnalytics returns the report of the figures r, for brand b, with the
// community manager's analysis, generated at at.
func FromAnalytics(r analytics.Report, b Brand, analysis string, at time.Time) Data {
	zone := b.Zone
	if zone == nil {
		zone = time.UTC
	}
	d := Data{Workspace: b.Workspace, Color: b.Color, Logo: b.Logo, LogoType: b.LogoType, Agency: b.Agency,
		Lang: r.Lang, From: date(r.Period.From), To: date(r.Period.To),
		PrevFrom: date(r.Previous.From), PrevTo: date(r.Previous.To),
		Analysis: analysis, GeneratedAt: at,
		Community: community(r.Community)}
	for _, t := range r.Tiles {
		if !t.Known {
			continue
		}
		unit, scale := tileUnit(t.Unit)
		k := KPI{Label: t.Label, Unit: unit, Value: t.Value * scale, LowerIsBetter: t.LowerIsBetter}
		if t.PreviousKnown {
			k.Previous = t.Previous * scale
		}
		d.KPIs = append(d.KPIs, k)
	}
	for _, c := range r.Charts {
		d.Charts = append(d.Charts, Chart{Title: c.Title, Chart: c.Chart})
	}
	for _, p := range r.TopPosts {
		row := Post{Network: network.DisplayName(p.Network), Date: p.PublishedAt.In(zone), Text: p.Title,
			Likes: p.Latest.Likes, Reposts: p.Latest.Reposts, Replies: p.Latest.Replies}
		if p.RateKnown {
			row.EngagementRate = p.Rate / 100
		}
		d.TopPosts = append(d.TopPosts, row)
	}
	for _, o := range r.Objectives {
		unit, scale := objectiveUnit(o.Objective.Kind)
		obj := Objective{Label: o.Label, Unit: unit, Target: o.Objective.Target * scale, Progress: o.Percent / 100,
			Due: date(o.Objective.Deadline)}
		if o.Known {
			obj.Current = o.Current * scale
		}
		d.Objectives = append(d.Objectives, obj)
	}
	return d
}

// community returns the community section of figures c.
func community(c analytics.Community) Community {
	cur, prev := c.Responses, c.PreviousResponses
	out := Community{RepliesReceived: c.Replies, PreviousRepliesReceived: c.PreviousReplies, Received: cur.Received, Answered: cur.Answered,
		AnsweredShare: cur.AnsweredShare / 100, PreviousAnsweredShare: prev.AnsweredShare / 100,
		FirstResponse: cur.MedianMinutes * 60, PreviousFirstResponse: prev.MedianMinutes * 60}
	for _, f := range c.Fans {
		out.TopFollowers = append(out.TopFollowers, Follower{Name: f.Name, Handle: f.Handle, Network: network.DisplayName(f.Network),
			Interactions: f.Interactions, Replies: f.Replies})
	}
	return out
}

// tileUnit is how a tile's figure is written, and the factor from the
// tile's value to the report's (a percentage 4.2 is the ratio 0.042).
func tileUnit(u analytics.Unit) (Unit, float64) {
	switch u {
	case analytics.UnitPercent:
		return Percent, 0.01
	case analytics.UnitCents:
		return Money, 1
	case analytics.UnitMinutes:
		return Duration, 60
	case analytics.UnitPerWeek, analytics.UnitPerPost:
		return Average, 1
	}
	return Count, 1
}

func objectiveUnit(k metric.ObjectiveKind) (Unit, float64) {
	switch k {
	case metric.EngagementRate:
		return Percent, 0.01
	case metric.ResponseTime:
		return Duration, 60 // minutes, written in seconds
	}
	return Count, 1
}

func date(d calendar.Day) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// Figures gives the figures of a report (analytics.Service does).
type Figures interface {
	ReportData(ctx context.Context, ws workspace.Workspace, p analytics.Period, f analytics.Filter, lang locale.Lang) (analytics.Report, error)
}

// Logos gives a workspace's logo; nil when it has none.
type Logos interface {
	WorkspaceLogo(ctx context.Context, id string) ([]byte, error)
}

// Request is a report to make.
type Request struct {
	Workspace workspace.Workspace
	Period    analytics.Period
	Filter    analytics.Filter
	Lang      locale.Lang
	Agency    string
	Analysis  string
}

// Make writes the report req asks for to w: its figures from figures, the
// workspace's logo from logos, generated at at.
func Make(ctx context.Context, figures Figures, logos Logos, req Request, at time.Time, w io.Writer, progress func(done, total int)) error {
	r, err := figures.ReportData(ctx, req.Workspace, req.Period, req.Filter, req.Lang)
	if err != nil {
		return err
	}
	zone, err := time.LoadLocation(req.Workspace.TimeZone)
	if err != nil {
		zone = time.UTC
	}
	logo, _ := logos.WorkspaceLogo(ctx, req.Workspace.ID) // a report without its logo rather than none
	b := Brand{Workspace: req.Workspace.Name, Color: req.Workspace.Color, Logo: logo, LogoType: http.DetectContentType(logo),
		Agency: req.Agency, Zone: zone}
	return Render(ctx, FromAnalytics(r, b, req.Analysis, at.In(zone)), w, progress)
}
