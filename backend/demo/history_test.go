package demo

import (
	"context"
	"ruche/backend/store/storetest"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/account"
	"ruche/backend/analytics"
	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/post"
	"ruche/backend/store"
	"ruche/backend/workspace"
)

// demoSnapshot is everything History wrote.
type demoSnapshot struct {
	Days       []metric.AccountDay
	Posts      []metric.PostMetrics
	Manual     []metric.Manual
	Objectives []metric.Objective
}

func snapshot(t *testing.T, st *store.Store, ws string, ids []string) demoSnapshot {
	t.Helper()
	ctx := context.Background()
	var s demoSnapshot
	var err error
	if s.Days, err = st.AccountDays(ctx, ids, day(2000, 1, 1), day(2100, 1, 1)); err != nil {
		t.Fatal(err)
	}
	if s.Posts, err = st.PostMetricsBetween(ctx, ws, time.Unix(0, 0), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if s.Manual, err = st.Manuals(ctx, ws, day(2000, 1, 1), day(2100, 1, 1)); err != nil {
		t.Fatal(err)
	}
	if s.Objectives, err = st.Objectives(ctx, ws); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDemoHistory(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)
	ws := workspace.Workspace{ID: "demo", Name: "Démo", TimeZone: "Europe/Paris", Language: "fr", Color: "#f5a623", Demo: true}
	st.PutWorkspace(ctx, ws)
	accs := []account.Account{
		{ID: "d1", WorkspaceID: "demo", Network: "bluesky", Handle: "fournil-de-lea.bsky.social", Status: account.Demo},
		{ID: "d2", WorkspaceID: "demo", Network: "mastodon", Handle: "@fournil@piaille.fr", Status: account.Demo},
		{ID: "d3", WorkspaceID: "demo", Network: "linkedin", Handle: "Le Fournil de Léa", Status: account.Demo},
	}
	for _, a := range accs {
		st.PutAccount(ctx, a)
	}
	posts := []post.Post{
		publishedPost("demo", "p1", now.Add(-20*24*time.Hour), accs[0], accs[1]),
		publishedPost("demo", "p2", now.Add(-3*time.Hour), accs[2]),
		publishedPost("demo", "p3", now.Add(-30*time.Minute), accs[0]),
	}
	ids := []string{"d1", "d2", "d3"}

	if err := History(ctx, st, ws, accs, posts, now, 42); err != nil {
		t.Fatalf("History() = %v", err)
	}
	first := snapshot(t, st, "demo", ids)
	if err := History(ctx, st, ws, accs, posts, now, 42); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first, snapshot(t, st, "demo", ids)); diff != "" {
		t.Errorf("History() twice with one seed differs (-first +second):\n%s", diff)
	}
	if len(first.Days) != 3*HistoryDays || len(first.Objectives) != 2 || len(first.Manual) < 2*HistoryDays {
		t.Errorf("History() wrote %d days, %d objectives, %d manual figures; want %d, 2, ≥ %d",
			len(first.Days), len(first.Objectives), len(first.Manual), 3*HistoryDays, 2*HistoryDays)
	}
	byPost := map[string]metric.PostMetrics{}
	for _, m := range first.Posts {
		byPost[m.PostID+"/"+m.AccountID] = m
		if m.PublishedAt.After(now) || m.Latest.ReadAt.After(now) {
			t.Errorf("publication %s read in the future: %+v", m.PostID, m)
		}
	}
	if m := byPost["p1/d1"]; m.LastCheckpoint() != metric.After7d || m.Latest.Interactions() == 0 || m.Latest.Impressions != -1 {
		t.Errorf("p1 on Bluesky = %+v, want read up to 7 days, with interactions, no impressions", m.Readings)
	}
	if m := byPost["p2/d3"]; m.LastCheckpoint() != metric.After1h || m.Latest.Impressions <= 0 {
		t.Errorf("p2 on LinkedIn = %+v, want its 1 h reading with impressions", m.Readings)
	}
	if m, ok := byPost["p3/d1"]; !ok || m.Read() {
		t.Errorf("p3, 30 min old = %+v, want kept and not read yet", m)
	}
	if len(first.Posts) < 60 {
		t.Errorf("History() wrote %d publications, want ninety days' worth", len(first.Posts))
	}

	History(ctx, st, ws, accs, posts, now, 7)
	if cmp.Equal(first.Days, snapshot(t, st, "demo", ids).Days) {
		t.Error("History() with another seed wrote the same followers")
	}

	today := calendar.DayOf(now, paris)
	db, err := analytics.NewService(st, func() time.Time { return now }, nil).Dashboard(ctx, ws, analytics.Period{From: today.AddDays(-29), To: today}, analytics.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if db.Empty {
		t.Error("the demo dashboard is empty")
	}
	for _, c := range db.Charts {
		if c.Empty {
			t.Errorf("the demo's %s chart is empty", c.Kind)
		}
	}
	for _, tl := range db.Tiles {
		if !tl.Known || !tl.PreviousKnown {
			t.Errorf("the demo's %s tile is unknown: %+v", tl.Key, tl)
		}
	}
	// A community: people on Bluesky and Mastodon only, most answered
	// within the hour or two, a handful more active than the rest.
	if r := db.Responses; r.Received < 20 || r.AnsweredShare < 70 || r.AnsweredShare > 95 || r.MedianMinutes < 15 || r.MedianMinutes > 120 {
		t.Errorf("the demo's responses = %+v, want dozens received, 70–95 %% answered, a median of 15–120 min", r)
	}
	if len(db.Fans) != analytics.TopPostsDashboard || db.Fans[0].Interactions < 3*db.Fans[len(db.Fans)-1].Interactions/2 {
		t.Errorf("the demo's fans = %+v, want %d, the first far ahead", db.Fans, analytics.TopPostsDashboard)
	}
	for _, f := range db.Fans {
		if f.Network != "bluesky" && f.Network != "mastodon" {
			t.Errorf("a demo fan on %s, a network Ruche cannot read", f.Network)
		}
	}
	for _, p := range db.Tiles {
		if p.Key == "first_response" {
			return
		}
	}
	t.Error("the demo dashboard has no first_response tile")
}
