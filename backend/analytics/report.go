package analytics

import (
	"context"

	"ruche/backend/analytics/metric"
	"ruche/backend/locale"
	"ruche/backend/network"
	"ruche/backend/workspace"
)

// Report is everything a client report of a period needs, in one
// language: the dashboard's tiles, charts and top posts, and the tables
// behind them. Every figure is computed as on the dashboard, so screen and
// paper agree. Texts are translated already; numbers come both as values
// and, where a report prints them, as text in the report's language.
type Report struct {
	Dashboard
	Workspace  ReportWorkspace `json:"workspace"`
	PeriodText string          `json:"periodText"` // e.g. "1 nov. – 30 nov. 2026"
	// The KPIs of the period and of the previous one.
	Followers          Growth     `json:"followers"`
	PreviousFollowers  Growth     `json:"previousFollowers"`
	Engagement         Engagement `json:"engagement"`
	PreviousEngagement Engagement `json:"previousEngagement"`
	Frequency          Frequency  `json:"frequency"`
	PreviousFrequency  Frequency  `json:"previousFrequency"`
	// Accounts are the accounts the filter keeps, with their figures.
	Accounts []AccountRow `json:"accounts"`
	// Networks and Pillars are the shares of voice, largest first;
	// a pillar "" is the posts without one (its label says so).
	Networks []ShareRow `json:"networks"`
	Pillars  []ShareRow `json:"pillars"`
	// BestTime and Daily are the grids of the two heatmaps, which the
	// report draws as tables (go-analyze/charts has no heatmap).
	BestTime   BestTime   `json:"bestTime"`
	Daily      []DayCount `json:"daily"`
	Objectives []Progress `json:"objectives"`
	// Manual are the typed or imported figures of the period, by kind.
	Manual    []ManualRow `json:"manual"`
	Community Community   `json:"community"`
}

// ReportWorkspace is what the report's cover shows of the workspace.
type ReportWorkspace struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Color    string `json:"color"`
	TimeZone string `json:"timeZone"`
	HasLogo  bool   `json:"hasLogo"` // the logo's bytes are the store's (WorkspaceLogo)
}

// AccountRow is one account's figures over the period.
type AccountRow struct {
	ID           string  `json:"id"`
	Network      string  `json:"network"`
	NetworkName  string  `json:"networkName"`
	Handle       string  `json:"handle"`
	DisplayName  string  `json:"displayName"`
	Followers    Growth  `json:"followers"`
	Publications int     `json:"publications"`
	Interactions int     `json:"interactions"`
	Rate         float64 `json:"rate"`
	RateKnown    bool    `json:"rateKnown"`
}

// ShareRow is a share of voice with its label.
type ShareRow struct {
	Share
	Label string `json:"label"` // the network's name, the pillar, or "No pillar"
}

// ManualRow is the sum of one kind of manual figure over the period and
// the previous one.
type ManualRow struct {
	Kind          metric.ManualKind `json:"kind"`
	Label         string            `json:"label"`
	Value         float64           `json:"value"`
	Known         bool              `json:"known"`
	Previous      float64           `json:"previous"`
	PreviousKnown bool              `json:"previousKnown"`
	Text          string            `json:"text"`
	PreviousText  string            `json:"previousText"`
}

// Community is the replies the publications received, how soon the
// accounts answered what people said to them, and the most active people.
type Community struct {
	Replies               int     `json:"replies"`
	PreviousReplies       int     `json:"previousReplies"`
	RepliesPerPublication float64 `json:"repliesPerPublication"`
	// PerPost are the publications that received replies, most first.
	PerPost           []TopPost `json:"perPost"`
	Responses         Responses `json:"responses"`
	PreviousResponses Responses `json:"previousResponses"`
	// Fans are the most active people of the period, most first.
	Fans []Fan `json:"fans"`
}

// ReportData returns the figures of the client report of workspace ws for
// period p narrowed by f, in language lang.
func (s *Service) ReportData(ctx context.Context, ws workspace.Workspace, p Period, f Filter, lang locale.Lang) (Report, error) {
	d, err := s.load(ctx, ws, p, f, lang)
	if err != nil {
		return Report{}, err
	}
	db, cur, prev, err := d.dashboard(TopPostsReport)
	if err != nil {
		return Report{}, err
	}
	pubs := between(d.pubs, d.cur)
	r := Report{Dashboard: db, PeriodText: FormatPeriod(lang, p),
		Workspace: ReportWorkspace{ID: ws.ID, Name: ws.Name, Color: ws.Color, TimeZone: ws.TimeZone, HasLogo: ws.Logo != nil},
		Followers: cur.followers, PreviousFollowers: prev.followers, Engagement: cur.eng, PreviousEngagement: prev.eng,
		Frequency: cur.freq, PreviousFrequency: prev.freq,
		BestTime: d.bestTime(), Daily: DailyPublications(pubs, p, d.loc), Objectives: d.progress()}

	byAccount := map[string][]Publication{}
	for _, pub := range pubs {
		byAccount[pub.AccountID] = append(byAccount[pub.AccountID], pub)
	}
	for _, sr := range d.series {
		a, ok := d.accounts[sr.Key]
		if !ok {
			continue
		}
		e := EngagementOf(byAccount[a.ID])
		r.Accounts = append(r.Accounts, AccountRow{ID: a.ID, Network: a.Network, NetworkName: network.DisplayName(a.Network),
			Handle: a.Handle, DisplayName: a.DisplayName, Followers: FollowerGrowth([]Series{sr}, d.cur.Start, d.cur.End),
			Publications: e.Publications, Interactions: e.Interactions, Rate: e.Rate, RateKnown: e.RateKnown})
	}
	for _, sh := range SharesBy(pubs, func(p Publication) string { return p.Network }) {
		r.Networks = append(r.Networks, ShareRow{Share: sh, Label: network.DisplayName(sh.Key)})
	}
	for _, sh := range SharesBy(pubs, func(p Publication) string { return p.Pillar }) {
		label := sh.Key
		if label == "" {
			label = message(lang, "analytics.no_pillar", nil)
		}
		r.Pillars = append(r.Pillars, ShareRow{Share: sh, Label: label})
	}
	for _, k := range []metric.ManualKind{metric.AdSpend, metric.WebsiteSessions, metric.WebsiteUsers} {
		if !cur.hasManual[k] && !prev.hasManual[k] {
			continue
		}
		t := d.tile(string(k), unitOf(k), cur.manual[k], cur.hasManual[k], prev.manual[k], prev.hasManual[k])
		r.Manual = append(r.Manual, ManualRow{Kind: k, Label: t.Label, Value: t.Value, Known: t.Known, Previous: t.Previous,
			PreviousKnown: t.PreviousKnown, Text: t.Text, PreviousText: t.PreviousText})
	}
	r.Community = Community{Replies: cur.eng.Replies, PreviousReplies: prev.eng.Replies, RepliesPerPublication: cur.eng.RepliesPerPublication,
		Responses: cur.resp, PreviousResponses: prev.resp, Fans: d.conv.MostActive(d.cur, "", TopFansReport)}
	for _, pub := range MostReplied(pubs, TopPostsReport) {
		r.Community.PerPost = append(r.Community.PerPost, TopPost{Publication: pub, Handle: d.accounts[pub.AccountID].Handle})
	}
	return r, nil
}

func unitOf(k metric.ManualKind) Unit {
	if k == metric.AdSpend {
		return UnitCents
	}
	return UnitCount
}
