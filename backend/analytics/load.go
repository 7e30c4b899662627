package analytics

import (
	"context"
	"fmt"
	"slices"
	"time"

	"golang.org/x/sync/errgroup"

	"ruche/backend/account"
	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/network"
	"ruche/backend/workspace"
)

// answerWindow is how long after a period its answers are still read: an
// answer a month late is still the first one.
const answerWindow = 31 * 24 * time.Hour

// seriesMargin is how far before the first day needed the account days are
// read, to know the followers at its start.
const seriesMargin = 8 * 24 * time.Hour

// load reads what the dashboard of p needs: the period, the previous one,
// the year before its end (best times) and the objectives' spans.
func (s *Service) load(ctx context.Context, ws workspace.Workspace, p Period, f Filter, lang locale.Lang) (*dataset, error) {
	d, err := s.windows(ctx, ws, p, f, lang)
	if err != nil {
		return nil, err
	}
	raw, err := s.read(ctx, d)
	if err != nil {
		return nil, err
	}
	d.assemble(raw)
	return d, nil
}

// windows makes the dataset of p with its windows: the period, the one
// before, the year before its end, and from when the account days are read.
func (s *Service) windows(ctx context.Context, ws workspace.Workspace, p Period, f Filter, lang locale.Lang) (*dataset, error) {
	loc, err := calendar.Zone(ws.TimeZone)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	d := &dataset{ws: ws, lang: lang, loc: loc, filter: f, period: p, prev: p.Previous(), now: s.now().UTC()}
	d.today = calendar.DayOf(d.now, loc)
	if d.cur, err = p.Window(loc); err != nil {
		return nil, err
	}
	if d.prv, err = d.prev.Window(loc); err != nil {
		return nil, err
	}
	if d.hist, err = calendar.NewWindow(p.To.AddDays(1-365), p.To.AddDays(1), loc); err != nil {
		return nil, err
	}
	if d.objectives, err = s.store.Objectives(ctx, ws.ID); err != nil {
		return nil, fmt.Errorf("objectives: %w", err)
	}
	d.readStart, d.readEnd = older(d.prv.Start, d.hist.Start), d.cur.End
	if d.now.After(d.readEnd) && len(d.objectives) > 0 {
		d.readEnd = d.now
	}
	for _, o := range d.objectives {
		if w, err := calendar.NewWindow(o.Start, o.Start.AddDays(1), loc); err == nil && w.Start.Before(d.readStart) && w.Start.After(d.readEnd.AddDate(-2, 0, 0)) {
			d.readStart = w.Start
		}
	}
	d.seriesStart = d.readStart.Add(-seriesMargin)
	return d, nil
}

// stored is what load reads from the store, before the filter.
type stored struct {
	accounts  []account.Account
	byAccount map[string]Series
	metrics   chunked
	conv      Conversations
}

// read reads the dataset's accounts, their days, the publications' metrics,
// the community and the typed figures; the large ones side by side (for a
// year, each is several thousand values).
func (s *Service) read(ctx context.Context, d *dataset) (*stored, error) {
	all, err := s.store.Accounts(ctx, d.ws.ID)
	if err != nil {
		return nil, fmt.Errorf("accounts: %w", err)
	}
	raw := &stored{accounts: all}
	d.accounts = make(map[string]account.Account, len(all))
	ids := make([]string, len(all))
	networkOf := make(map[string]string, len(all))
	for i, a := range all {
		d.accounts[a.ID] = a
		ids[i] = a.ID
		networkOf[a.ID] = a.Network
	}
	start, end := d.readStart, d.readEnd
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		days, err := s.store.AccountDays(gctx, ids, calendar.DayOf(d.seriesStart, time.UTC), calendar.DayOf(end, time.UTC).AddDays(1))
		if err != nil {
			return fmt.Errorf("account days: %w", err)
		}
		raw.byAccount = accountSeries(all, days)
		return nil
	})
	g.Go(func() error {
		if err := s.store.EachPostMetrics(gctx, d.ws.ID, start, end, raw.metrics.add); err != nil {
			return fmt.Errorf("post metrics: %w", err)
		}
		return nil
	})
	commStart, answersEnd := d.communitySpan()
	g.Go(func() error {
		var err error
		raw.conv, err = s.community.read(gctx, s.store, d.ws.ID, networkOf, commStart, end, answersEnd, d.now)
		return err
	})
	if d.manual, err = s.store.Manuals(ctx, d.ws.ID, calendar.DayOf(start, d.loc), calendar.DayOf(end, d.loc).AddDays(1)); err != nil {
		g.Wait()
		return nil, fmt.Errorf("manual figures: %w", err)
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return raw, nil
}

// communitySpan is what of the community is read: the period and the
// previous one, the spans of the response-time objectives; answers up to a
// month after the period.
func (d *dataset) communitySpan() (start, answersEnd time.Time) {
	start, answersEnd = d.prv.Start, d.cur.End.Add(answerWindow)
	for _, o := range d.objectives {
		if o.Kind != metric.ResponseTime {
			continue
		}
		if w, err := calendar.NewWindow(o.Start, o.Start.AddDays(1), d.loc); err == nil && w.Start.Before(start) && w.Start.After(d.readEnd.AddDate(-2, 0, 0)) {
			start = w.Start
		}
		if d.now.After(answersEnd) {
			answersEnd = d.now.Add(time.Nanosecond)
		}
	}
	return start, answersEnd
}

// assemble fills the dataset from what was read: every series, community
// and publication, and those the filter keeps.
func (d *dataset) assemble(raw *stored) {
	f := d.filter
	for _, a := range raw.accounts {
		sr, ok := raw.byAccount[a.ID]
		if !ok {
			continue
		}
		d.allSeries = append(d.allSeries, sr)
		if f.Account(a) {
			d.series = append(d.series, sr)
		}
	}
	d.allSeries = append(d.allSeries, manualSeries(d.manual, d.loc, Filter{})...)
	d.series = append(d.series, manualSeries(d.manual, d.loc, f)...)
	for i := range d.series {
		if d.series[i].Label == "" {
			d.series[i].Label = network.DisplayName(d.series[i].Network) + " · " + message(d.lang, "analytics.typed", nil)
		}
	}
	d.allConv, d.conv = raw.conv, raw.conv
	if len(f.Networks)+len(f.Accounts) > 0 {
		d.conv = raw.conv.only(func(a *metric.Activity) bool {
			acc, ok := d.accounts[a.AccountID]
			return ok && f.Account(acc)
		})
	}
	d.allPubs = raw.metrics.publications(raw.byAccount)
	d.pubs = d.allPubs
	if len(f.Networks)+len(f.Accounts)+len(f.Pillars)+len(f.Campaigns) > 0 {
		d.pubs = nil
		for _, pub := range d.allPubs {
			if f.Post(*pub.PostMetrics) {
				d.pubs = append(d.pubs, pub)
			}
		}
	}
}

// chunked keeps publications' metrics in blocks that never move, so that
// Publications may point to them without one large slice grown and copied.
type chunked struct {
	blocks [][]metric.PostMetrics
	n      int
}

func (c *chunked) add(m metric.PostMetrics) error {
	if len(c.blocks) == 0 || len(c.blocks[len(c.blocks)-1]) == cap(c.blocks[len(c.blocks)-1]) {
		c.blocks = append(c.blocks, make([]metric.PostMetrics, 0, 1024))
	}
	c.blocks[len(c.blocks)-1] = append(c.blocks[len(c.blocks)-1], m)
	c.n++
	return nil
}

// publications returns the publications of every block, in order.
func (c *chunked) publications(series map[string]Series) []Publication {
	out := make([]Publication, 0, c.n)
	seen := make(map[string]bool, c.n)
	for _, b := range c.blocks {
		out = appendPublications(out, b, series, seen)
	}
	return out
}

// accountSeries returns the series of each account with days, by account.
func accountSeries(all []account.Account, days []metric.AccountDay) map[string]Series {
	out := map[string]Series{}
	byID := map[string]account.Account{}
	for _, a := range all {
		byID[a.ID] = a
	}
	count := map[string]int{}
	for _, d := range days {
		count[d.AccountID]++
	}
	for _, d := range days {
		s, ok := out[d.AccountID]
		if !ok {
			a := byID[d.AccountID]
			s = Series{Key: a.ID, Network: a.Network, Label: network.DisplayName(a.Network) + " · " + a.Handle,
				Points: make([]Point, 0, count[d.AccountID])}
		}
		s.Points = append(s.Points, Point{At: d.RefreshedAt, Followers: d.Followers, Following: d.Following, Posts: d.Posts})
		out[d.AccountID] = s
	}
	for id, s := range out {
		// Days are in day order; a day's reading may come late in it.
		if !slices.IsSortedFunc(s.Points, func(a, b Point) int { return a.At.Compare(b.At) }) {
			slices.SortStableFunc(s.Points, func(a, b Point) int { return a.At.Compare(b.At) })
			out[id] = s
		}
	}
	return out
}
