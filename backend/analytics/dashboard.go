package analytics

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"ruche/backend/account"
	"ruche/backend/analytics/chart"
	"ruche/backend/analytics/chart/echarts"
	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/workspace"
)

// Store is where the service reads the figures, and keeps the manual ones
// and the objectives.
type Store interface {
	Accounts(ctx context.Context, wsID string) ([]account.Account, error)
	// AccountDays returns the days of the accounts in [from, to) (UTC
	// days), account after account, each by day.
	AccountDays(ctx context.Context, accountIDs []string, from, to calendar.Day) ([]metric.AccountDay, error)
	// EachPostMetrics calls fn with each publication of a workspace
	// published in [from, to), by publication instant.
	EachPostMetrics(ctx context.Context, wsID string, from, to time.Time, fn func(metric.PostMetrics) error) error
	Manuals(ctx context.Context, wsID string, from, to calendar.Day) ([]metric.Manual, error)
	PutManuals(ctx context.Context, ms ...metric.Manual) error
	DeleteManual(ctx context.Context, wsID string, d calendar.Day, kind metric.ManualKind, subject string) error
	Objectives(ctx context.Context, wsID string) ([]metric.Objective, error)
	// Activities and Answers return the community of a workspace's
	// accounts in [from, to), by UTC day; CommunityVersion changes each
	// time they may have.
	Activities(ctx context.Context, wsID string, from, to time.Time) ([]metric.Activity, error)
	Answers(ctx context.Context, wsID string, from, to time.Time) ([]metric.Answer, error)
	CommunityVersion() uint64
	PutObjective(ctx context.Context, o metric.Objective) error
	DeleteObjective(ctx context.Context, wsID, id string) error
	// Analysis and PutAnalysis keep the "analysis and recommendations"
	// written for the report of local days from..to.
	Analysis(ctx context.Context, wsID string, from, to calendar.Day) (string, error)
	PutAnalysis(ctx context.Context, wsID string, from, to calendar.Day, text string) error
}

// Service is the use cases of analytics: the dashboard, the report's
// figures, the CSV export, manual figures and objectives.
type Service struct {
	store     Store
	now       func() time.Time
	newID     func(time.Time) string
	community communityCache
}

// NewService returns a Service over store; now and newID are the clock and
// the identifier maker.
func NewService(store Store, now func() time.Time, newID func(time.Time) string) *Service {
	return &Service{store: store, now: now, newID: newID}
}

// TopPostsDashboard and TopPostsReport are how many top posts each shows;
// TopFansReport how many of the most active people a report lists (the
// dashboard lists as many as top posts).
const (
	TopPostsDashboard = 5
	TopPostsReport    = 10
	TopFansReport     = 10
)

// Unit is how a tile's value reads.
type Unit string

// The units of the tiles.
const (
	UnitCount   Unit = "count"    // a whole number
	UnitPercent Unit = "percent"  // 4.2 means 4.2 %
	UnitPerWeek Unit = "per_week" // publications a week
	UnitPerPost Unit = "per_post" // a mean per publication
	UnitCents   Unit = "cents"    // money, in cents
	UnitMinutes Unit = "minutes"  // a duration: "45 min", "1 h 30"
)

// Trend is the arrow of a tile.
type Trend string

// The trends.
const (
	Up   Trend = "up"
	Down Trend = "down"
	Flat Trend = "flat"
)

// Tile is one KPI of the period, with the same KPI over the previous
// period.
type Tile struct {
	Key   string `json:"key"`   // e.g. "engagement_rate"
	Label string `json:"label"` // translated: message analytics.kpi.<key>
	// How is the code of the "how is this computed" text:
	// analytics.how.<key> (package locale).
	How           string  `json:"how"`
	Unit          Unit    `json:"unit"`
	Value         float64 `json:"value"`
	Known         bool    `json:"known"`
	Previous      float64 `json:"previous"`
	PreviousKnown bool    `json:"previousKnown"`
	// Change = (Value − Previous) ÷ |Previous| × 100, known when both are
	// and Previous ≠ 0; Delta = Value − Previous (percentage points for a
	// rate).
	Change      float64 `json:"change"`
	ChangeKnown bool    `json:"changeKnown"`
	Delta       float64 `json:"delta"`
	Trend       Trend   `json:"trend,omitempty"` // "" when either value is unknown
	// LowerIsBetter is set for a KPI that improves as it falls (a
	// response time): a screen colours its arrow the other way.
	LowerIsBetter bool `json:"lowerIsBetter,omitempty"`
	// The values as the language writes them ("1 234", "4,2 %", "+12,5 %");
	// "–" when unknown.
	Text         string `json:"text"`
	PreviousText string `json:"previousText"`
	ChangeText   string `json:"changeText"`
}

// TopPost is a publication of the top posts, with its account's handle.
type TopPost struct {
	Publication
	Handle string `json:"handle"`
}

// Dashboard is everything the analytics screen shows for a period.
type Dashboard struct {
	WorkspaceID string      `json:"workspaceId"`
	Lang        locale.Lang `json:"lang"`
	Period      Period      `json:"period"`
	Previous    Period      `json:"previous"`
	Filter      Filter      `json:"filter"`
	GeneratedAt time.Time   `json:"generatedAt"`
	// Empty is set when the period has no figure at all: no reading of an
	// account, no publication, no manual figure. The screen and the report
	// then say so (message analytics.no_data) instead of showing zeros.
	Empty    bool      `json:"empty"`
	Tiles    []Tile    `json:"tiles"`
	Charts   []Chart   `json:"charts"`
	TopPosts []TopPost `json:"topPosts"`
	// Fans are the most active people of the period; Responses how soon
	// the accounts answered them (the network and account filters apply).
	Fans      []Fan     `json:"fans"`
	Responses Responses `json:"responses"`
}

// Dashboard returns the dashboard of workspace ws for period p narrowed by
// f, in the workspace's language.
func (s *Service) Dashboard(ctx context.Context, ws workspace.Workspace, p Period, f Filter) (Dashboard, error) {
	d, err := s.load(ctx, ws, p, f, Lang(ws.Language))
	if err != nil {
		return Dashboard{}, err
	}
	db, _, _, err := d.dashboard(TopPostsDashboard)
	return db, err
}

// dataset is what a dashboard or report is computed from.
type dataset struct {
	ws          workspace.Workspace
	lang        locale.Lang
	loc         *time.Location
	filter      Filter
	period      Period
	prev        Period
	cur, prv    calendar.Window
	hist        calendar.Window // the year before the period's end: best times
	now         time.Time
	today       calendar.Day
	accounts    map[string]account.Account
	allSeries   []Series // every account and typed network, for objectives
	series      []Series // those f keeps
	pubs        []Publication
	allPubs     []Publication // f not applied, for objectives
	manual      []metric.Manual
	objectives  []metric.Objective
	conv        Conversations // those f keeps
	allConv     Conversations // f not applied, for objectives
	seriesStart time.Time
	// readStart and readEnd bound what is read: the year before the
	// period's end, the previous period, the objectives' spans.
	readStart, readEnd time.Time
	progressed         []Progress // see progress
	best               *BestTime  // see bestTime
}

// between returns the publications of pubs (by time) published in w.
func between(pubs []Publication, w calendar.Window) []Publication {
	i := sort.Search(len(pubs), func(i int) bool { return !pubs[i].PublishedAt.Before(w.Start) })
	j := sort.Search(len(pubs), func(j int) bool { return !pubs[j].PublishedAt.Before(w.End) })
	return pubs[i:j]
}

// figures are the KPIs of one period.
type figures struct {
	followers Growth
	eng       Engagement
	freq      Frequency
	manual    map[metric.ManualKind]float64
	hasManual map[metric.ManualKind]bool
	resp      Responses
}

func (d *dataset) figuresOf(p Period, w calendar.Window) figures {
	pubs := between(d.pubs, w)
	fg := figures{followers: FollowerGrowth(d.series, w.Start, w.End), eng: EngagementOf(pubs),
		freq: PostingFrequency(pubs, p, d.loc), manual: map[metric.ManualKind]float64{}, hasManual: map[metric.ManualKind]bool{},
		resp: d.conv.Responses(w, "")}
	for _, k := range []metric.ManualKind{metric.AdSpend, metric.WebsiteSessions, metric.WebsiteUsers} {
		fg.manual[k], fg.hasManual[k] = manualTotal(d.manual, k, p)
	}
	return fg
}

// empty reports whether the period has no figure at all.
func (d *dataset) empty(fg figures) bool {
	if fg.eng.Publications > 0 || fg.followers.Known && d.anyReadingIn(d.cur) {
		return false
	}
	for _, m := range d.manual {
		if d.period.Contains(m.Day) {
			return false
		}
	}
	return true
}

// anyReadingIn reports whether some series was read within w.
func (d *dataset) anyReadingIn(w calendar.Window) bool {
	for _, s := range d.series {
		if _, ok := s.first(w.Start, w.End); ok {
			return true
		}
	}
	return false
}

func (d *dataset) tiles(cur, prev figures) []Tile {
	var ts []Tile
	add := func(key string, unit Unit, v float64, known bool, pv float64, pknown bool) {
		ts = append(ts, d.tile(key, unit, v, known, pv, pknown))
	}
	cg, pg := cur.followers, prev.followers
	add("followers", UnitCount, float64(cg.End), cg.Known, float64(pg.End), pg.Known)
	add("follower_growth", UnitCount, float64(cg.Change), cg.Known, float64(pg.Change), pg.Known)
	add("follower_growth_percent", UnitPercent, cg.Percent, cg.PercentKnown, pg.Percent, pg.PercentKnown)
	ce, pe := cur.eng, prev.eng
	add("engagement_rate", UnitPercent, ce.Rate, ce.RateKnown, pe.Rate, pe.RateKnown)
	add("engagement_rate_impressions", UnitPercent, ce.ImpressionRate, ce.ImpressionRateKnown, pe.ImpressionRate, pe.ImpressionRateKnown)
	add("impressions", UnitCount, float64(ce.Impressions), ce.ImpressionsKnown, float64(pe.Impressions), pe.ImpressionsKnown)
	add("interactions", UnitCount, float64(ce.Interactions), true, float64(pe.Interactions), true)
	add("publications", UnitCount, float64(cur.freq.Publications), true, float64(prev.freq.Publications), true)
	add("posts_per_week", UnitPerWeek, cur.freq.PerWeek, true, prev.freq.PerWeek, true)
	add("regularity", UnitPercent, cur.freq.Regularity, true, prev.freq.Regularity, true)
	add("replies", UnitCount, float64(ce.Replies), true, float64(pe.Replies), true)
	add("replies_per_post", UnitPerPost, ce.RepliesPerPublication, ce.Publications > 0, pe.RepliesPerPublication, pe.Publications > 0)
	if cr, pr := cur.resp, prev.resp; cr.Received+pr.Received > 0 {
		add("answered_share", UnitPercent, cr.AnsweredShare, cr.ShareKnown, pr.AnsweredShare, pr.ShareKnown)
		add("first_response", UnitMinutes, cr.MedianMinutes, cr.MedianKnown, pr.MedianMinutes, pr.MedianKnown)
		ts[len(ts)-1].LowerIsBetter = true
	}
	for _, k := range []metric.ManualKind{metric.AdSpend, metric.WebsiteSessions, metric.WebsiteUsers} {
		if cur.hasManual[k] || prev.hasManual[k] {
			unit := UnitCount
			if k == metric.AdSpend {
				unit = UnitCents
			}
			add(string(k), unit, cur.manual[k], cur.hasManual[k], prev.manual[k], prev.hasManual[k])
		}
	}
	return ts
}

// tile makes a tile, its change and its texts.
func (d *dataset) tile(key string, unit Unit, v float64, known bool, pv float64, pknown bool) Tile {
	t := Tile{Key: key, Label: message(d.lang, "analytics.kpi."+key, nil), How: "analytics.how." + key, Unit: unit,
		Value: v, Known: known, Previous: pv, PreviousKnown: pknown}
	t.Text, t.PreviousText, t.ChangeText = "–", "–", "–"
	if known {
		t.Text = formatUnit(d.lang, unit, v)
	}
	if pknown {
		t.PreviousText = formatUnit(d.lang, unit, pv)
	}
	if known && pknown {
		t.Delta = v - pv
		switch {
		case math.Abs(t.Delta) < 1e-9:
			t.Trend = Flat
		case t.Delta > 0:
			t.Trend = Up
		default:
			t.Trend = Down
		}
		if pv != 0 {
			t.Change, t.ChangeKnown = t.Delta/math.Abs(pv)*100, true
			t.ChangeText = FormatChange(d.lang, t.Change)
			if math.Round(t.Change*10) == 0 {
				t.Trend = Flat // the change reads 0.0 %: no arrow says otherwise
			}
		}
	}
	return t
}

// formatUnit writes v as its unit reads in lang.
func formatUnit(lang locale.Lang, u Unit, v float64) string {
	switch u {
	case UnitPercent:
		return FormatPercent(lang, v)
	case UnitPerWeek, UnitPerPost:
		return FormatNumber(lang, v, 1)
	case UnitCents:
		return FormatCents(lang, v)
	case UnitMinutes:
		return FormatMinutes(lang, v)
	}
	return FormatNumber(lang, v, 0)
}

// dashboard computes the dashboard, and returns the figures of the period
// and of the previous one with it.
func (d *dataset) dashboard(topN int) (db Dashboard, cur, prev figures, err error) {
	cur, prev = d.figuresOf(d.period, d.cur), d.figuresOf(d.prev, d.prv)
	db = Dashboard{WorkspaceID: d.ws.ID, Lang: d.lang, Period: d.period, Previous: d.prev, Filter: d.filter,
		GeneratedAt: d.now, Empty: d.empty(cur), Tiles: d.tiles(cur, prev), TopPosts: d.topPosts(topN),
		Fans: d.conv.MostActive(d.cur, "", topN), Responses: cur.resp}
	if db.Charts, err = d.charts(cur); err != nil {
		return Dashboard{}, cur, prev, err
	}
	return db, cur, prev, nil
}

func (d *dataset) topPosts(n int) []TopPost {
	top := TopPosts(between(d.pubs, d.cur), n)
	out := make([]TopPost, len(top))
	for i, p := range top {
		out[i] = TopPost{Publication: p, Handle: d.accounts[p.AccountID].Handle}
	}
	return out
}

// seriesFreshness returns the oldest of the series' last readings before
// end; zero when none was read.
func seriesFreshness(series []Series, end time.Time) time.Time {
	var oldest time.Time
	for _, s := range series {
		if p, ok := s.At(end); ok && (oldest.IsZero() || p.At.Before(oldest)) {
			oldest = p.At
		}
	}
	return oldest
}

// pubsFreshness returns the oldest latest reading of the publications not
// yet complete, or of all of them when every one is; zero when none was
// read.
func pubsFreshness(pubs []Publication) time.Time {
	var open, all time.Time
	for _, p := range pubs {
		at := p.Latest.ReadAt
		if at.IsZero() {
			continue
		}
		if all.IsZero() || at.Before(all) {
			all = at
		}
		if !p.complete && (open.IsZero() || at.Before(open)) {
			open = at
		}
	}
	if !open.IsZero() {
		return open
	}
	return all
}

func older(a, b time.Time) time.Time {
	switch {
	case a.IsZero():
		return b
	case b.IsZero() || a.Before(b):
		return a
	}
	return b
}

// progress returns the objectives' progress on today, worked out once.
func (d *dataset) progress() []Progress {
	if d.progressed == nil {
		d.progressed = make([]Progress, len(d.objectives))
		for i, o := range d.objectives {
			d.progressed[i] = ObjectiveProgress(d.lang, o, d.allSeries, d.allPubs, d.allConv, d.loc, d.today)
		}
	}
	return d.progressed
}

// bestTime returns the best-time heatmap of the year before the period's
// end, worked out once.
func (d *dataset) bestTime() BestTime {
	if d.best == nil {
		bt := BestTimes(between(d.pubs, d.hist), d.loc)
		d.best = &bt
	}
	return *d.best
}

func (d *dataset) charts(cur figures) ([]Chart, error) {
	colors := Palette(d.ws.Color)
	pubs := between(d.pubs, d.cur)
	var out []Chart
	add := func(kind ChartKind, c chart.Chart, fresh time.Time, empty, printable bool) error {
		option, err := echarts.Option(c)
		if err != nil {
			return fmt.Errorf("chart %s: %w", kind, err)
		}
		out = append(out, Chart{Kind: kind, Title: title(d.lang, kind), Option: option, Chart: c, Freshness: fresh, Empty: empty, Printable: printable})
		return nil
	}
	var shown []Series
	for _, s := range d.series {
		if _, ok := s.At(d.cur.End); ok {
			shown = append(shown, s)
		}
	}
	if err := add(ChartFollowers, FollowersChart(d.lang, d.cur, shown, colors), seriesFreshness(shown, d.cur.End), len(shown) == 0, true); err != nil {
		return nil, err
	}
	shares := SharesBy(pubs, func(p Publication) string { return p.Network })
	fresh := pubsFreshness(pubs)
	if err := add(ChartEngagement, EngagementChart(d.lang, shares, colors), fresh, !cur.eng.RateKnown, true); err != nil {
		return nil, err
	}
	if err := add(ChartInteractions, InteractionsChart(d.lang, cur.eng, colors), fresh, cur.eng.Interactions == 0, true); err != nil {
		return nil, err
	}
	histPubs := between(d.pubs, d.hist)
	bt := d.bestTime()
	histFresh := fresh
	if len(histPubs) != len(pubs) || d.hist.Start != d.cur.Start {
		histFresh = pubsFreshness(histPubs)
	}
	if err := add(ChartBestTime, BestTimeChart(d.lang, bt, colors), histFresh, bt.Samples == 0, false); err != nil {
		return nil, err
	}
	ps := d.progress()
	if err := add(ChartObjectives, ObjectivesChart(d.lang, ps), older(seriesFreshness(d.allSeries, d.now), pubsFreshness(d.allPubs)), len(ps) == 0, true); err != nil {
		return nil, err
	}
	if err := add(ChartRegularity, RegularityChart(d.lang, DailyPublications(pubs, d.period, d.loc), colors), fresh, len(pubs) == 0, false); err != nil {
		return nil, err
	}
	return out, nil
}
