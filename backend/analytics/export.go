package analytics

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/workspace"
)

// ExportColumns are the columns of ExportCSV, in order.
var ExportColumns = []string{"kind", "date", "account", "network", "post", "title", "pillar", "campaigns",
	"subject", "checkpoint", "metric", "value", "source", "refreshed_at"}

// ExportCSV writes every figure behind the dashboard of workspace ws for
// period p, one figure a row (see ExportColumns):
//
//   - kind "kpi": each tile of the dashboard, date "from/to", metric its
//     key, for the period (checkpoint "current") and the previous one
//     (checkpoint "previous");
//   - kind "account": each reading of an account taken in the period,
//     metrics followers, following, posts;
//   - kind "post": each publication of the period, its counters at each
//     checkpoint read (likes, reposts, replies, quotes, impressions), and
//     at checkpoint "latest" the figures drawn from them (interactions,
//     followers_at_publish, engagement_rate, engagement_rate_impressions);
//   - kind "manual": each typed or imported figure, subject and source
//     with it;
//   - kind "fan": each person who interacted with the accounts in the
//     period, most active first: subject their handle, title their name,
//     date their latest interaction, metrics interactions, likes, reposts,
//     replies (with mentions) and quotes.
//
// A text that came from outside (a title, a name, a handle) and that a
// spreadsheet would read as a formula (=, +, -, or @ and a bracket) is
// written after an apostrophe.
//
// The file is UTF-8 with a BOM (Excel shows the accents), comma-separated
// with CRLF line ends; dates are local days (YYYY-MM-DD) or instants in
// RFC 3339 with the workspace's offset; numbers have a decimal point and
// no grouping; an unknown figure (impressions a network does not count) is
// an empty value.
func (s *Service) ExportCSV(ctx context.Context, ws workspace.Workspace, p Period, w io.Writer) error {
	d, err := s.load(ctx, ws, p, Filter{}, Lang(ws.Language))
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(ExportColumns)
	row := func(kind, date, acc, net, postID, title, pillar, campaigns, subject, checkpoint, name, value, source string, at time.Time) {
		stamp := ""
		if !at.IsZero() {
			stamp = at.In(d.loc).Format(time.RFC3339)
		}
		cw.Write([]string{kind, date, acc, net, postID, inert(title), inert(pillar), inert(campaigns), inert(subject), checkpoint, name, value, source, stamp})
	}
	span := p.From.String() + "/" + p.To.String()
	for _, t := range d.tiles(d.figuresOf(d.period, d.cur), d.figuresOf(d.prev, d.prv)) {
		row("kpi", span, "", "", "", "", "", "", "", "current", t.Key, known(t.Value, t.Known), "", d.now)
		row("kpi", d.prev.From.String()+"/"+d.prev.To.String(), "", "", "", "", "", "", "", "previous", t.Key, known(t.Previous, t.PreviousKnown), "", d.now)
	}
	for _, sr := range d.series {
		a, ok := d.accounts[sr.Key]
		if !ok {
			continue
		}
		for _, pt := range sr.Points {
			if pt.At.Before(d.cur.Start) || !pt.At.Before(d.cur.End) {
				continue
			}
			day := calendar.DayOf(pt.At, d.loc).String()
			for _, m := range []struct {
				name string
				v    int
			}{{"followers", pt.Followers}, {"following", pt.Following}, {"posts", pt.Posts}} {
				row("account", day, a.Handle, a.Network, "", "", "", "", "", "", m.name, strconv.Itoa(m.v), "", pt.At)
			}
		}
	}
	for _, pub := range between(d.pubs, d.cur) {
		handle := d.accounts[pub.AccountID].Handle
		when := pub.PublishedAt.In(d.loc).Format(time.RFC3339)
		campaigns := strings.Join(pub.Campaigns, "|")
		for _, r := range pub.Readings {
			for _, m := range []struct {
				name string
				v    int
			}{{"likes", r.Likes}, {"reposts", r.Reposts}, {"replies", r.Replies}, {"quotes", r.Quotes}, {"impressions", r.Impressions}} {
				row("post", when, handle, pub.Network, pub.PostID, pub.Title, pub.Pillar, campaigns, "", r.Checkpoint.String(), m.name,
					known(float64(m.v), m.v >= 0), "", r.ReadAt)
			}
		}
		latest := pub.Latest.ReadAt
		for _, m := range []struct {
			name  string
			v     float64
			known bool
		}{{"interactions", float64(pub.Interactions), pub.Read()}, {"followers_at_publish", float64(pub.Followers), pub.FollowersKnown},
			{"engagement_rate", pub.Rate, pub.RateKnown}, {"engagement_rate_impressions", pub.ImpressionRate, pub.ImpressionRateKnown}} {
			row("post", when, handle, pub.Network, pub.PostID, pub.Title, pub.Pillar, campaigns, "", "latest", m.name, known(m.v, m.known), "", latest)
		}
	}
	for _, m := range d.manual {
		if !p.Contains(m.Day) {
			continue
		}
		net := ""
		if m.Kind == metric.Followers {
			net = m.Subject
		}
		row("manual", m.Day.String(), "", net, "", "", "", "", m.Subject, "", string(m.Kind), known(m.Value, true), m.Source, m.UpdatedAt)
	}
	for _, f := range d.conv.MostActive(d.cur, "", len(d.conv.Activities)) {
		last := f.Last.In(d.loc).Format(time.RFC3339)
		for _, m := range []struct {
			name string
			v    int
		}{{"interactions", f.Interactions}, {"likes", f.Likes}, {"reposts", f.Reposts}, {"replies", f.Replies}, {"quotes", f.Quotes}} {
			row("fan", last, "", f.Network, "", f.Name, "", "", f.Handle, "", m.name, strconv.Itoa(m.v), "", time.Time{})
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// known writes v with a decimal point and at most 4 decimals, "" when
// unknown.
func known(v float64, ok bool) string {
	if !ok {
		return ""
	}
	return strconv.FormatFloat(round(v, 4), 'f', -1, 64)
}

// inert returns s as a spreadsheet shows it rather than computes it: with
// an apostrophe before a leading =, +, -, tab or carriage return, or a
// leading @ that opens a function call ("@SUM(…)"); a handle such as
// "@ana@piaille.fr" stays as it is.
func inert(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '\t', '\r':
		return "'" + s
	case '@':
		if strings.ContainsAny(s, "(") {
			return "'" + s
		}
	}
	return s
}
