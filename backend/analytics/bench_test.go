package analytics

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"ruche/backend/store/storetest"
	"testing"
	"time"

	"ruche/backend/account"
	"ruche/backend/analytics/metric"
	"ruche/backend/locale"
	"ruche/backend/store"
	"ruche/backend/workspace"
)

// The benchmark workspace: 20 accounts read every day for two years,
// 10,000 publications in the year the dashboard shows, each read at its
// four checkpoints, and, with its community, 40,000 notifications a year
// (a fifth of them replies and mentions, most answered) from 2,000 people.
const (
	benchAccounts   = 20
	benchPosts      = 10_000
	benchActivities = 40_000
)

var (
	benchWS     = workspace.Workspace{ID: "01jbenchws", Name: "Bench", TimeZone: "Europe/Paris", Language: "fr", Color: "#f5a623"}
	benchYear   = Period{From: day(2027, 1, 1), To: day(2027, 12, 31)}
	benchNow    = time.Date(2028, 1, 10, 9, 0, 0, 0, time.UTC)
	benchNets   = []string{"bluesky", "mastodon", "linkedin", "instagram", "threads"}
	benchTitles = []string{"La fournée du matin est sortie, venez vite avant qu’il n’y en ait plus", "Atelier pain au levain samedi : il reste trois places",
		"Dans les coulisses du fournil à quatre heures du matin", "Notre farine vient du moulin de Saint-Jean, à douze kilomètres"}
)

func benchStore(b *testing.B, community bool) *store.Store {
	b.Helper()
	ctx := context.Background()
	st := storetest.Open(b)
	r := rand.New(rand.NewPCG(1, 2))
	st.PutWorkspace(ctx, benchWS)
	var days []metric.AccountDay
	for a := range benchAccounts {
		id := fmt.Sprintf("acc%02d", a)
		st.PutAccount(ctx, account.Account{ID: id, WorkspaceID: benchWS.ID, Network: benchNets[a%len(benchNets)], Handle: id + ".example", Status: account.Connected})
		followers := 500 + r.IntN(5000)
		for i := range 2*365 + 10 {
			d := day(2026, 1, 1).AddDays(i)
			followers += r.IntN(12) - 3
			days = append(days, metric.AccountDay{AccountID: id, Day: d, Followers: followers, Following: 100, Posts: i,
				RefreshedAt: time.Date(d.Year, d.Month, d.Day, 6, r.IntN(60), 0, 0, time.UTC)})
		}
	}
	if err := st.PutAccountDays(ctx, days...); err != nil {
		b.Fatal(err)
	}
	start := local(2027, 1, 1, 0, 0)
	span := local(2028, 1, 1, 0, 0).Sub(start)
	ms := make([]metric.PostMetrics, benchPosts)
	for i := range ms {
		a := r.IntN(benchAccounts)
		at := start.Add(time.Duration(r.Int64N(int64(span))))
		m := metric.PostMetrics{WorkspaceID: benchWS.ID, PostID: fmt.Sprintf("post%06d", i), AccountID: fmt.Sprintf("acc%02d", a),
			Network: benchNets[a%len(benchNets)], Pillar: []string{"Coulisses", "Produits", "Équipe", "Événements"}[r.IntN(4)],
			Title: benchTitles[r.IntN(len(benchTitles))], URL: "https://social.example/@fournil/" + fmt.Sprint(i), RemoteID: fmt.Sprint(r.Uint64()), PublishedAt: at}
		if r.IntN(3) == 0 {
			m.Campaigns = []string{fmt.Sprintf("campagne-%d", r.IntN(12))}
		}
		n := 5 + r.IntN(200)
		for k, c := range metric.Checkpoints {
			share := []float64{0.25, 0.75, 0.95, 1}[k]
			imp := -1
			if m.Network == "linkedin" {
				imp = n * 20
			}
			m.Record(metric.Reading{Checkpoint: c, ReadAt: at.Add(c.Delay()), Counters: metric.Counters{Likes: int(float64(n) * share),
				Reposts: n / 8, Replies: n / 12, Quotes: n / 30, Impressions: imp}})
		}
		ms[i] = m
	}
	if err := st.PutPostMetrics(ctx, ms...); err != nil {
		b.Fatal(err)
	}
	st.PutObjective(ctx, metric.Objective{ID: "o1", WorkspaceID: benchWS.ID, Kind: metric.FollowerGrowth, Network: "bluesky", Target: 500,
		Start: day(2027, 6, 1), Deadline: day(2027, 12, 31)})
	st.PutObjective(ctx, metric.Objective{ID: "o2", WorkspaceID: benchWS.ID, Kind: metric.EngagementRate, Target: 4,
		Start: day(2027, 1, 1), Deadline: day(2027, 12, 31)})
	if !community {
		return st
	}
	kinds := []metric.ActivityKind{metric.ActLike, metric.ActLike, metric.ActLike, metric.ActLike, metric.ActRepost, metric.ActRepost,
		metric.ActFollow, metric.ActQuote, metric.ActReply, metric.ActMention}
	for a := range benchAccounts {
		id := fmt.Sprintf("acc%02d", a)
		var acts []metric.Activity
		var answers []metric.Answer
		from := local(2026, 1, 1, 0, 0)
		for i := range 2 * benchActivities / benchAccounts {
			at := from.Add(time.Duration(r.Int64N(int64(2 * 365 * 24 * time.Hour))))
			who := r.IntN(2000)
			act := metric.Activity{WorkspaceID: benchWS.ID, AccountID: id, ID: fmt.Sprintf("n%d-%d", a, i), Kind: kinds[r.IntN(len(kinds))], At: at,
				ActorID: fmt.Sprintf("did:plc:person%04d", who), Handle: fmt.Sprintf("person%04d.bsky.social", who), Name: fmt.Sprintf("Personne %d", who)}
			if act.Kind.AwaitsAnswer() || act.Kind == metric.ActQuote {
				act.ItemID = fmt.Sprintf("at://did:plc:person%04d/app.bsky.feed.post/%d", who, i)
			}
			if act.Kind.AwaitsAnswer() && r.IntN(10) < 8 {
				answers = append(answers, metric.Answer{WorkspaceID: benchWS.ID, AccountID: id, ParentID: act.ItemID, ID: fmt.Sprint("re", i),
					At: at.Add(time.Duration(r.IntN(300)) * time.Minute)})
			}
			acts = append(acts, act)
		}
		if err := st.PutCommunity(ctx, id, metric.CommunityCursor{}, acts, answers); err != nil {
			b.Fatal(err)
		}
	}
	return st
}

// BenchmarkDashboardYear is the dashboard of a year: 20 accounts' daily
// series, 10,000 publications, the previous year, six charts.
func BenchmarkDashboardYear(b *testing.B) {
	benchDashboard(b, benchStore(b, false), benchYear, Filter{}, false)
}

// BenchmarkDashboardYearCommunity is the same with 80,000 notifications
// (the year and the one before), asked again: another filter, the report
// after the screen; the community is read from memory.
func BenchmarkDashboardYearCommunity(b *testing.B) {
	benchDashboard(b, benchStore(b, true), benchYear, Filter{}, false)
}

// BenchmarkDashboardYearCommunityCold is the first time: the 80,000
// notifications read from the store.
func BenchmarkDashboardYearCommunityCold(b *testing.B) {
	benchDashboard(b, benchStore(b, true), benchYear, Filter{}, true)
}

// BenchmarkDashboardMonth is the dashboard of a month of the same data,
// two networks of five.
func BenchmarkDashboardMonth(b *testing.B) {
	benchDashboard(b, benchStore(b, true), MonthPeriod(day(2027, 11, 1)), Filter{Networks: []string{"bluesky", "linkedin"}}, false)
}

func benchDashboard(b *testing.B, st *store.Store, p Period, f Filter, cold bool) {
	svc := NewService(st, func() time.Time { return benchNow }, nil)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if cold {
			svc = NewService(st, func() time.Time { return benchNow }, nil)
		}
		db, err := svc.Dashboard(ctx, benchWS, p, f)
		if err != nil || len(db.Charts) != len(ChartKinds) {
			b.Fatalf("Dashboard() = %d charts, %v", len(db.Charts), err)
		}
	}
}

// BenchmarkReportDataYear is the report's figures for the same year.
func BenchmarkReportDataYear(b *testing.B) {
	st := benchStore(b, true)
	svc := NewService(st, func() time.Time { return benchNow }, nil)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		r, err := svc.ReportData(ctx, benchWS, benchYear, Filter{}, locale.French)
		if err != nil || r.Engagement.Publications != benchPosts {
			b.Fatalf("ReportData() = %d publications, %v", r.Engagement.Publications, err)
		}
	}
}

// BenchmarkExportCSVYear writes every figure of the year.
func BenchmarkExportCSVYear(b *testing.B) {
	st := benchStore(b, true)
	svc := NewService(st, func() time.Time { return benchNow }, nil)
	ctx := context.Background()
	var buf bytes.Buffer
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := svc.ExportCSV(ctx, benchWS, benchYear, &buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1e6, "MB")
	_ = io.Discard
}
