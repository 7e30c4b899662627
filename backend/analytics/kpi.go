package analytics

import (
	"cmp"
	"slices"
	"sort"
	"time"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
)

// Point is one reading of an account's counters.
type Point struct {
	At        time.Time `json:"at"` // when it was read
	Followers int       `json:"followers"`
	Following int       `json:"following"`
	Posts     int       `json:"posts"`
}

// Series is the followers of one account over time, or of one network
// whose figures are typed by hand (Key "manual:<network>").
type Series struct {
	Key     string  `json:"key"`
	Network string  `json:"network"`
	Label   string  `json:"label"`
	Points  []Point `json:"points"` // by time
}

// At returns the latest reading taken before t.
func (s Series) At(t time.Time) (Point, bool) {
	i := sort.Search(len(s.Points), func(i int) bool { return !s.Points[i].At.Before(t) })
	if i == 0 {
		return Point{}, false
	}
	return s.Points[i-1], true
}

// first returns the first reading in [from, to).
func (s Series) first(from, to time.Time) (Point, bool) {
	i := sort.Search(len(s.Points), func(i int) bool { return !s.Points[i].At.Before(from) })
	if i < len(s.Points) && s.Points[i].At.Before(to) {
		return s.Points[i], true
	}
	return Point{}, false
}

// Growth is the change of a count between the start and the end of a
// period.
type Growth struct {
	Known        bool    `json:"known"` // some series has a reading before the end
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Change       int     `json:"change"`
	Percent      float64 `json:"percent"`
	PercentKnown bool    `json:"percentKnown"` // false when Start is 0
}

// FollowerGrowth returns the followers won over [start, end).
//
//	Start_s = followers of series s in its last reading before start, or in
//	          its first reading within [start, end) when it begins there
//	End_s   = followers of series s in its last reading before end
//	Start   = Σ Start_s,  End = Σ End_s  (series with a reading before end)
//	Change  = End − Start
//	Percent = Change ÷ Start × 100, unknown when Start = 0
func FollowerGrowth(series []Series, start, end time.Time) Growth {
	var g Growth
	for _, s := range series {
		last, ok := s.At(end)
		if !ok {
			continue
		}
		first, ok := s.At(start)
		if !ok {
			first, _ = s.first(start, end)
		}
		g.Known = true
		g.Start += first.Followers
		g.End += last.Followers
	}
	g.Change = g.End - g.Start
	if g.Start > 0 {
		g.Percent, g.PercentKnown = float64(g.Change)/float64(g.Start)*100, true
	}
	return g
}

// Publication is a post published to one account, with the figures drawn
// from its latest counters.
type Publication struct {
	*metric.PostMetrics
	// Interactions = likes + reposts + replies + quotes of the latest
	// reading.
	Interactions int `json:"interactions"`
	// Followers is the account's followers at publication time: its last
	// reading before, else its first within a day after.
	Followers      int  `json:"followers"`
	FollowersKnown bool `json:"followersKnown"`
	// Rate = Interactions ÷ Followers × 100, known when Followers > 0.
	Rate      float64 `json:"rate"`
	RateKnown bool    `json:"rateKnown"`
	// ImpressionRate = Interactions ÷ impressions × 100, known when the
	// network counted impressions (> 0).
	ImpressionRate      float64 `json:"impressionRate"`
	ImpressionRateKnown bool    `json:"impressionRateKnown"`
	// Deleted is set when the network no longer has the post; its figures
	// are those of its last reading.
	Deleted bool `json:"deleted"`
	// first is set on the first publication of its post in the list
	// Publications made: Engagement counts posts by it.
	first bool
	// complete is PostMetrics.Complete, worked out once.
	complete bool
}

// Publications returns the publications of ms, which they point to, with
// their figures; series holds the accounts' followers by account
// identifier. A publication never read counts with zero interactions.
func Publications(ms []metric.PostMetrics, series map[string]Series) []Publication {
	return appendPublications(make([]Publication, 0, len(ms)), ms, series, make(map[string]bool, len(ms)))
}

// appendPublications appends the publications of ms to out; seen holds the
// posts already met.
func appendPublications(out []Publication, ms []metric.PostMetrics, series map[string]Series, seen map[string]bool) []Publication {
	for i := range ms {
		m := &ms[i]
		p := Publication{PostMetrics: m, Interactions: m.Latest.Interactions(), Deleted: !m.GoneAt.IsZero(), first: !seen[m.PostID],
			complete: m.Complete()}
		seen[m.PostID] = true
		if s, ok := series[m.AccountID]; ok {
			pt, ok := s.At(m.PublishedAt)
			if !ok {
				pt, ok = s.first(m.PublishedAt, m.PublishedAt.Add(24*time.Hour))
			}
			p.Followers, p.FollowersKnown = pt.Followers, ok
		}
		if p.FollowersKnown && p.Followers > 0 {
			p.Rate, p.RateKnown = float64(p.Interactions)/float64(p.Followers)*100, true
		}
		if m.Read() && m.Latest.Impressions > 0 {
			p.ImpressionRate, p.ImpressionRateKnown = float64(p.Interactions)/float64(m.Latest.Impressions)*100, true
		}
		out = append(out, p)
	}
	return out
}

// Engagement sums the publications of a period.
type Engagement struct {
	Publications int `json:"publications"` // posts × accounts
	// Posts counts distinct posts: each at its first publication.
	Posts        int `json:"posts"`
	Interactions int `json:"interactions"`
	Likes        int `json:"likes"`
	Reposts      int `json:"reposts"`
	Replies      int `json:"replies"`
	Quotes       int `json:"quotes"`
	// Rate is the engagement rate of the period, by followers:
	//	Σ interactions ÷ Σ followers at publication × 100
	// over the publications whose followers are known and > 0 (RatePosts
	// of them); unknown when there is none.
	Rate      float64 `json:"rate"`
	RateKnown bool    `json:"rateKnown"`
	RatePosts int     `json:"ratePosts"`
	// ImpressionRate is the engagement rate by impressions:
	//	Σ interactions ÷ Σ impressions × 100
	// over the publications whose network counted impressions (> 0).
	ImpressionRate      float64 `json:"impressionRate"`
	ImpressionRateKnown bool    `json:"impressionRateKnown"`
	// Impressions = Σ impressions over the publications whose network
	// counts them (ImpressionPosts of them); unknown when none does.
	Impressions      int  `json:"impressions"`
	ImpressionsKnown bool `json:"impressionsKnown"`
	ImpressionPosts  int  `json:"impressionPosts"`
	// RepliesPerPublication = Replies ÷ Publications.
	RepliesPerPublication float64 `json:"repliesPerPublication"`
}

// EngagementOf sums pubs; the formulas are those of Engagement's fields.
func EngagementOf(pubs []Publication) Engagement {
	var e Engagement
	var followers, rateInteractions, impressions, imprInteractions int
	for _, p := range pubs {
		c := p.Latest.Counters
		e.Publications++
		if p.first {
			e.Posts++
		}
		e.Interactions += p.Interactions
		e.Likes += c.Likes
		e.Reposts += c.Reposts
		e.Replies += c.Replies
		e.Quotes += c.Quotes
		if p.RateKnown {
			followers += p.Followers
			rateInteractions += p.Interactions
			e.RatePosts++
		}
		if p.Read() && c.Impressions >= 0 {
			e.Impressions += c.Impressions
			e.ImpressionsKnown = true
			e.ImpressionPosts++
			if c.Impressions > 0 {
				impressions += c.Impressions
				imprInteractions += p.Interactions
			}
		}
	}
	if followers > 0 {
		e.Rate, e.RateKnown = float64(rateInteractions)/float64(followers)*100, true
	}
	if impressions > 0 {
		e.ImpressionRate, e.ImpressionRateKnown = float64(imprInteractions)/float64(impressions)*100, true
	}
	if e.Publications > 0 {
		e.RepliesPerPublication = float64(e.Replies) / float64(e.Publications)
	}
	return e
}

// Frequency is how often and how regularly a workspace published.
type Frequency struct {
	Publications int `json:"publications"`
	// PerWeek = Publications ÷ days of the period × 7.
	PerWeek float64 `json:"perWeek"`
	// Weeks is the number of 7-day blocks of the period counted from its
	// first day (the last one may be shorter); ActiveWeeks those with at
	// least one publication.
	Weeks       int `json:"weeks"`
	ActiveWeeks int `json:"activeWeeks"`
	// Regularity = ActiveWeeks ÷ Weeks × 100: 100 % when no week of the
	// period went without a publication.
	Regularity float64 `json:"regularity"`
}

// PostingFrequency returns the frequency and regularity of pubs over p, each
// publication on its local day in loc; the formulas are those of
// Frequency's fields.
func PostingFrequency(pubs []Publication, p Period, loc *time.Location) Frequency {
	days := p.Days()
	f := Frequency{Weeks: (days + 6) / 7}
	active := make([]bool, f.Weeks)
	for _, pub := range pubs {
		i := p.From.DaysUntil(calendar.DayOf(pub.PublishedAt, loc))
		if i < 0 || i >= days {
			continue
		}
		f.Publications++
		active[i/7] = true
	}
	for _, a := range active {
		if a {
			f.ActiveWeeks++
		}
	}
	if days > 0 {
		f.PerWeek = float64(f.Publications) / float64(days) * 7
	}
	if f.Weeks > 0 {
		f.Regularity = float64(f.ActiveWeeks) / float64(f.Weeks) * 100
	}
	return f
}

// DayCount is the number of publications of a local day.
type DayCount struct {
	Day   calendar.Day `json:"day"`
	Count int          `json:"count"`
}

// DailyPublications returns the publications of each day of p, in order,
// days without any included.
func DailyPublications(pubs []Publication, p Period, loc *time.Location) []DayCount {
	out := make([]DayCount, p.Days())
	for i := range out {
		out[i].Day = p.From.AddDays(i)
	}
	for _, pub := range pubs {
		if i := p.From.DaysUntil(calendar.DayOf(pub.PublishedAt, loc)); i >= 0 && i < len(out) {
			out[i].Count++
		}
	}
	return out
}

// Share is the part of one network or one pillar in a period's
// publications and interactions ("share of voice").
type Share struct {
	Key          string `json:"key"` // the network, or the pillar ("" for posts without one)
	Publications int    `json:"publications"`
	// PublicationShare = Publications ÷ all publications × 100.
	PublicationShare float64 `json:"publicationShare"`
	Interactions     int     `json:"interactions"`
	// InteractionShare = Interactions ÷ all interactions × 100.
	InteractionShare float64 `json:"interactionShare"`
	// Rate is the engagement rate of these publications, as Engagement's.
	Rate      float64 `json:"rate"`
	RateKnown bool    `json:"rateKnown"`
}

// SharesBy groups pubs by key and returns each group's share, the largest
// number of interactions first (then the most publications, then by key).
func SharesBy(pubs []Publication, key func(Publication) string) []Share {
	type sums struct {
		share                       Share
		followers, rateInteractions int
	}
	groups := map[string]*sums{}
	var order []string
	total, totalInteractions := 0, 0
	for _, p := range pubs {
		k := key(p)
		g := groups[k]
		if g == nil {
			g = &sums{share: Share{Key: k}}
			groups[k] = g
			order = append(order, k)
		}
		g.share.Publications++
		g.share.Interactions += p.Interactions
		if p.RateKnown {
			g.followers += p.Followers
			g.rateInteractions += p.Interactions
		}
		total++
		totalInteractions += p.Interactions
	}
	out := make([]Share, 0, len(order))
	for _, k := range order {
		g := groups[k]
		s := g.share
		s.PublicationShare = float64(s.Publications) / float64(total) * 100
		if totalInteractions > 0 {
			s.InteractionShare = float64(s.Interactions) / float64(totalInteractions) * 100
		}
		if g.followers > 0 {
			s.Rate, s.RateKnown = float64(g.rateInteractions)/float64(g.followers)*100, true
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b Share) int {
		return cmp.Or(cmp.Compare(b.Interactions, a.Interactions), cmp.Compare(b.Publications, a.Publications), cmp.Compare(a.Key, b.Key))
	})
	return out
}

// TopPosts returns the n publications with the most interactions; ties go
// to the higher engagement rate, then to the most recent.
func TopPosts(pubs []Publication, n int) []Publication {
	return best(pubs, n, func(a, b Publication) int {
		return cmp.Or(cmp.Compare(b.Interactions, a.Interactions), cmp.Compare(b.Rate, a.Rate),
			b.PublishedAt.Compare(a.PublishedAt), cmp.Compare(a.PostID, b.PostID), cmp.Compare(a.AccountID, b.AccountID))
	})
}

// MostReplied returns the n publications that received the most replies,
// those without any left out; ties go to the most recent.
func MostReplied(pubs []Publication, n int) []Publication {
	top := best(pubs, n, func(a, b Publication) int {
		return cmp.Or(cmp.Compare(b.Latest.Replies, a.Latest.Replies), b.PublishedAt.Compare(a.PublishedAt),
			cmp.Compare(a.PostID, b.PostID), cmp.Compare(a.AccountID, b.AccountID))
	})
	i := slices.IndexFunc(top, func(p Publication) bool { return p.Latest.Replies == 0 })
	if i >= 0 {
		top = top[:i]
	}
	return top
}

// best returns the first n of items in the order of cmp: a few among
// thousands, kept in order as they come rather than all sorted.
func best[T any](items []T, n int, cmp func(a, b T) int) []T {
	top := make([]T, 0, n+1)
	for _, p := range items {
		if len(top) == n && (n == 0 || cmp(p, top[n-1]) >= 0) {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, p, cmp)
		top = slices.Insert(top, i, p)
		if len(top) > n {
			top = top[:n]
		}
	}
	return top
}

// MinSample is the number of publications a best-time cell needs before
// it may be called the best.
const MinSample = 3

// Cell is one hour of one day of the week in the best-time heatmap.
type Cell struct {
	N    int     `json:"n"`    // publications with a known engagement rate
	Rate float64 `json:"rate"` // their mean engagement rate, %
}

// Slot is an hour of a day of the week.
type Slot struct {
	Weekday int `json:"weekday"` // 0 is Monday
	Hour    int `json:"hour"`    // 0 to 23, local
}

// BestTime is the weekday × hour heatmap of a workspace's own history.
type BestTime struct {
	Cells   [7][24]Cell `json:"cells"` // [weekday, Monday first][local hour]
	Samples int         `json:"samples"`
	// Best is the cell with the highest mean rate among those with at
	// least MinSample publications; nil when none has that many.
	Best *Slot `json:"best,omitempty"`
}

// BestTimes places each publication in the cell of its local weekday and
// hour in loc (daylight saving time included: a post at 09:00 in summer
// and one at 09:00 in winter share a cell) and averages the engagement
// rates by followers:
//
//	Cell.Rate = Σ rate of its publications ÷ Cell.N
//
// over the publications whose rate is known.
func BestTimes(pubs []Publication, loc *time.Location) BestTime {
	var b BestTime
	var sums [7][24]float64
	for _, p := range pubs {
		if !p.RateKnown {
			continue
		}
		t := p.PublishedAt.In(loc)
		d, h := mondayIndex(t.Weekday()), t.Hour()
		b.Cells[d][h].N++
		sums[d][h] += p.Rate
		b.Samples++
	}
	for d := range b.Cells {
		for h := range b.Cells[d] {
			c := &b.Cells[d][h]
			if c.N == 0 {
				continue
			}
			c.Rate = sums[d][h] / float64(c.N)
			if c.N >= MinSample && (b.Best == nil || c.Rate > b.Cells[b.Best.Weekday][b.Best.Hour].Rate) {
				b.Best = &Slot{Weekday: d, Hour: h}
			}
		}
	}
	return b
}
