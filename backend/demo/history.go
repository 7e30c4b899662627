package demo

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"ruche/backend/account"
	"ruche/backend/analytics"
	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/network"
	"ruche/backend/post"
	"ruche/backend/workspace"
)

// HistoryStore is where the demo history is written.
type HistoryStore interface {
	DeleteMetrics(ctx context.Context, wsID string, accountIDs []string) error
	PutAccountDays(ctx context.Context, days ...metric.AccountDay) error
	PutPostMetrics(ctx context.Context, ms ...metric.PostMetrics) error
	PutManuals(ctx context.Context, ms ...metric.Manual) error
	PutObjective(ctx context.Context, o metric.Objective) error
	PutCommunity(ctx context.Context, accountID string, cur metric.CommunityCursor, acts []metric.Activity, answers []metric.Answer) error
}

// HistoryDays is how many days of history History writes.
const HistoryDays = 90

// History writes HistoryDays days of history up to now for the demo
// workspace ws and its accounts, replacing any it had, so that its
// dashboard and a sample report look alive:
//
//   - each account's daily counters: followers growing by a few a day with
//     noise and the odd jump, following and posts moving with them;
//   - each published delivery of posts: its counters at the checkpoints
//     already passed (a quarter of its interactions after an hour, three
//     quarters after a day, nearly all after a week), impressions on
//     LinkedIn only, as the real networks do;
//   - publications three or four times a week before the first of posts,
//     with sample titles in the workspace's language;
//   - website sessions and users each day, ad spend each Monday;
//   - on the networks Ruche reads, a community: likes, reposts, replies,
//     mentions, quotes and follows each day from a few dozen people, some
//     far more active than others, and most replies and mentions answered
//     within an hour or two;
//   - two objectives: +300 followers on the first account's network within
//     the last 60 days and the next 30, and replies within an hour.
//
// The same seed, now and inputs write the same history.
func History(ctx context.Context, store HistoryStore, ws workspace.Workspace, accounts []account.Account, posts []post.Post, now time.Time, seed uint64) error {
	loc, err := calendar.Zone(ws.TimeZone)
	if err != nil {
		return err
	}
	lang := analytics.Lang(ws.Language)
	r := rand.New(rand.NewPCG(seed, seed^0x5eed5eed))
	now = now.UTC()
	ids := make([]string, len(accounts))
	for i, a := range accounts {
		ids[i] = a.ID
	}
	if err := store.DeleteMetrics(ctx, ws.ID, ids); err != nil {
		return fmt.Errorf("demo history: %w", err)
	}
	today := calendar.DayOf(now, time.UTC)
	first := today.AddDays(1 - HistoryDays)

	// Followers: a curve per account, read each morning.
	series := map[string]analytics.Series{}
	var days []metric.AccountDay
	for i, a := range accounts {
		base := demoBase(a.Network) * (0.8 + 0.4*r.Float64())
		followers, following, count := base, 80+r.IntN(200), 150+r.IntN(400)
		s := analytics.Series{Key: a.ID, Network: a.Network}
		for d := range HistoryDays {
			day := first.AddDays(d)
			at := time.Date(day.Year, day.Month, day.Day, 6, 30+r.IntN(90), r.IntN(60), 0, time.UTC)
			if at.After(now) {
				break
			}
			growth := base*0.0012*(1+0.6*math.Sin(float64(d+3*i)/9)) + r.NormFloat64()*base*0.0008
			if r.IntN(17) == 0 {
				growth += base * (0.005 + 0.01*r.Float64()) // a post that travelled
			}
			followers += growth
			if r.IntN(5) == 0 {
				following++
			}
			if r.IntN(2) == 0 {
				count++
			}
			day0 := metric.AccountDay{AccountID: a.ID, Day: day, Followers: int(followers), Following: following, Posts: count, RefreshedAt: at}
			days = append(days, day0)
			s.Points = append(s.Points, analytics.Point{At: at, Followers: day0.Followers})
		}
		series[a.ID] = s
	}
	if err := store.PutAccountDays(ctx, days...); err != nil {
		return fmt.Errorf("demo history: %w", err)
	}

	// Publications: the demo's published posts, and older ones before.
	var ms []metric.PostMetrics
	earliest := now
	for _, p := range posts {
		for _, d := range p.Deliveries {
			if d.State != post.DeliveryPublished {
				continue
			}
			m := metric.PostOf(p, d)
			if m.RemoteID == "" {
				m.RemoteID = "demo-" + p.ID
			}
			if m.PublishedAt.After(now) {
				continue
			}
			earliest = minTime(earliest, m.PublishedAt)
			demoReadings(r, &m, series[d.AccountID], now)
			ms = append(ms, m)
		}
	}
	titles := demoTitles[lang]
	pillars := demoPillars[lang]
	n := 0
	for d := range HistoryDays {
		day := first.AddDays(d)
		for _, a := range accounts {
			if r.IntN(7) >= 4 {
				continue // three or four posts a week
			}
			at := calendar.Instant(day, calendar.Clock{Hour: 8 + r.IntN(11), Minute: 5 * r.IntN(12)}, loc)
			if !at.Before(earliest) || at.After(now) {
				continue
			}
			n++
			m := metric.PostMetrics{WorkspaceID: ws.ID, PostID: fmt.Sprintf("demo%022d", n), AccountID: a.ID, Network: a.Network,
				Pillar: pillars[r.IntN(len(pillars))], Title: titles[r.IntN(len(titles))], PublishedAt: at,
				RemoteID: fmt.Sprintf("demo-%d", n)}
			if r.IntN(4) == 0 {
				m.Campaigns = []string{demoCampaign[lang]}
			}
			demoReadings(r, &m, series[a.ID], now)
			ms = append(ms, m)
		}
	}
	if err := store.PutPostMetrics(ctx, ms...); err != nil {
		return fmt.Errorf("demo history: %w", err)
	}

	// Website and ad figures, and an objective.
	var manual []metric.Manual
	for d := range HistoryDays {
		day := calendar.DayOf(now, loc).AddDays(d + 1 - HistoryDays)
		weekend := day.Weekday() == time.Saturday || day.Weekday() == time.Sunday
		sessions := 140 + 40*math.Sin(float64(d)/6) + 25*r.NormFloat64()
		if weekend {
			sessions *= 1.35 // a bakery's site is busier at the weekend
		}
		sessions = math.Max(20, math.Round(sessions))
		manual = append(manual,
			metric.Manual{WorkspaceID: ws.ID, Day: day, Kind: metric.WebsiteSessions, Value: sessions, Source: metric.SourceDemo, UpdatedAt: now},
			metric.Manual{WorkspaceID: ws.ID, Day: day, Kind: metric.WebsiteUsers, Value: math.Round(sessions * (0.7 + 0.1*r.Float64())), Source: metric.SourceDemo, UpdatedAt: now})
		if day.Weekday() == time.Monday {
			manual = append(manual, metric.Manual{WorkspaceID: ws.ID, Day: day, Kind: metric.AdSpend,
				Value: float64(2500 + 500*r.IntN(8)), Source: metric.SourceDemo, UpdatedAt: now})
		}
	}
	if err := store.PutManuals(ctx, manual...); err != nil {
		return fmt.Errorf("demo history: %w", err)
	}
	for _, a := range accounts {
		acts, answers := demoCommunity(r, ws.ID, a, first, now, loc)
		if err := store.PutCommunity(ctx, a.ID, metric.CommunityCursor{}, acts, answers); err != nil {
			return fmt.Errorf("demo history: %w", err)
		}
	}
	if len(accounts) > 0 {
		localToday := calendar.DayOf(now, loc)
		for i, o := range []metric.Objective{
			{Kind: metric.FollowerGrowth, Network: accounts[0].Network, Target: 300, Start: localToday.AddDays(-60), Deadline: localToday.AddDays(30)},
			{Kind: metric.ResponseTime, Target: 60, Start: localToday.AddDays(-30), Deadline: localToday.AddDays(30)},
		} {
			o.ID, o.WorkspaceID, o.CreatedAt = "demo"+fmt.Sprintf("%022d", i), ws.ID, now.Add(time.Duration(i)*time.Second)
			if err := store.PutObjective(ctx, o); err != nil {
				return fmt.Errorf("demo history: %w", err)
			}
		}
	}
	return nil
}

// demoPeople are the demo community's first names, from which handles are
// made on each network.
var demoPeople = []string{"Léa", "Hugo", "Chloé", "Karim", "Inès", "Julien", "Manon", "Thomas", "Sarah", "Louis", "Camille", "Nicolas",
	"Emma", "Mehdi", "Zoé", "Antoine", "Jade", "Paul", "Lina", "Maxime", "Anaïs", "Yanis", "Clara", "Bruno"}

// demoCommunity returns the activities towards account a each day from
// first to now, and the account's answers: a network Ruche cannot read
// has none. The people are drawn so that a few are far more active than
// the rest, as in a real community.
func demoCommunity(r *rand.Rand, wsID string, a account.Account, first calendar.Day, now time.Time, loc *time.Location) ([]metric.Activity, []metric.Answer) {
	if a.Network != network.Bluesky && a.Network != network.Mastodon {
		return nil, nil
	}
	kinds := []struct {
		kind   metric.ActivityKind
		weight int
	}{{metric.ActLike, 58}, {metric.ActRepost, 15}, {metric.ActReply, 15}, {metric.ActMention, 6}, {metric.ActQuote, 3}, {metric.ActFollow, 3}}
	person := func() (id, handle, name string) {
		// Zipf-like: the first names come back far more often.
		i := min(int(math.Floor(math.Pow(r.Float64(), 2.2)*float64(len(demoPeople)))), len(demoPeople)-1)
		name = demoPeople[i]
		slug := strings.ToLower(strings.NewReplacer("é", "e", "è", "e", "ï", "i", "ë", "e").Replace(name))
		if a.Network == network.Bluesky {
			return fmt.Sprintf("did:plc:demo%02d", i), slug + ".bsky.social", name
		}
		return fmt.Sprintf("demo%02d", i), "@" + slug + "@piaille.fr", name
	}
	var acts []metric.Activity
	var answers []metric.Answer
	n := 0
	for d := range HistoryDays {
		day := first.AddDays(d)
		for range 2 + r.IntN(7) {
			at := calendar.Instant(day, calendar.Clock{Hour: 7 + r.IntN(15), Minute: r.IntN(60)}, loc)
			if at.After(now) {
				continue
			}
			pick, kind := r.IntN(100), metric.ActLike
			for _, k := range kinds {
				if pick < k.weight {
					kind = k.kind
					break
				}
				pick -= k.weight
			}
			n++
			id, handle, name := person()
			act := metric.Activity{WorkspaceID: wsID, AccountID: a.ID, ID: fmt.Sprintf("demo-n%d", n), Kind: kind, At: at,
				ActorID: id, Handle: handle, Name: name}
			if kind == metric.ActReply || kind == metric.ActMention || kind == metric.ActQuote {
				act.ItemID = fmt.Sprintf("demo-item-%d", n)
			}
			acts = append(acts, act)
			if kind.AwaitsAnswer() && r.IntN(100) < 85 {
				// Most within the hour, some the next morning.
				wait := time.Duration(5+r.ExpFloat64()*45) * time.Minute
				if r.IntN(8) == 0 {
					wait += 14 * time.Hour
				}
				if ans := at.Add(wait); !ans.After(now) {
					answers = append(answers, metric.Answer{WorkspaceID: wsID, AccountID: a.ID, ParentID: act.ItemID, ID: "demo-re-" + act.ItemID, At: ans})
				}
			}
		}
	}
	return acts, answers
}

// demoBase is a bakery's followers on a network.
func demoBase(net string) float64 {
	switch net {
	case network.Bluesky:
		return 1800
	case network.Mastodon:
		return 640
	case network.LinkedIn:
		return 1250
	}
	return 900
}

// demoReadings fills m's readings at the checkpoints passed by now.
func demoReadings(r *rand.Rand, m *metric.PostMetrics, s analytics.Series, now time.Time) {
	followers := 1000
	if p, ok := s.At(m.PublishedAt); ok {
		followers = p.Followers
	} else if len(s.Points) > 0 {
		followers = s.Points[0].Followers
	}
	rate := 0.012 + 0.035*r.Float64()*r.Float64()*2 // 1 to 8 %, most near 2 to 3
	total := float64(followers) * rate
	impressions := m.Network == network.LinkedIn
	reach := float64(followers) * (0.4 + 0.9*r.Float64())
	for _, c := range metric.Checkpoints {
		at := m.PublishedAt.Add(c.Delay()).Add(time.Duration(r.IntN(600)) * time.Second)
		if at.After(now) {
			break
		}
		share := map[metric.Checkpoint]float64{metric.After1h: 0.25, metric.After24h: 0.75, metric.After7d: 0.95, metric.After30d: 1}[c]
		n := total * share
		counters := metric.Counters{Likes: int(n * 0.72), Reposts: int(n * 0.14), Replies: int(n * 0.1), Quotes: int(n * 0.04), Impressions: -1}
		if impressions {
			counters.Impressions = int(reach * share)
		}
		m.Record(metric.Reading{Checkpoint: c, Counters: counters, ReadAt: at})
	}
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

var demoTitles = map[locale.Lang][]string{
	locale.French: {"La fournée du matin est sortie 🥖", "Atelier pain au levain samedi : il reste 3 places", "Nouvelle tarte aux pommes de saison",
		"Dans les coulisses : 4 h du matin au fournil", "Merci pour vos 1 000 avis !", "Notre farine vient du moulin de Saint-Jean",
		"La brioche du dimanche est de retour", "Recette : le pain perdu de Léa"},
	locale.English: {"The morning batch is out 🥖", "Sourdough workshop on Saturday: 3 places left", "A new seasonal apple tart",
		"Behind the scenes: 4 am at the bakery", "Thank you for 1,000 reviews!", "Our flour comes from the Saint-Jean mill",
		"Sunday brioche is back", "Recipe: Léa’s French toast"},
}

var demoPillars = map[locale.Lang][]string{
	locale.French:  {"Coulisses", "Produits", "Événements", "Conseils"},
	locale.English: {"Behind the scenes", "Products", "Events", "Tips"},
}

var demoCampaign = map[locale.Lang]string{locale.French: "Fête du pain", locale.English: "Bread festival"}
