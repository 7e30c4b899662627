package analytics

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"ruche/backend/store/storetest"
	"strings"
	"testing"
	"time"

	"github.com/go-analyze/charts"
	"github.com/google/go-cmp/cmp"

	"ruche/backend/account"
	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/store"
	"ruche/backend/workspace"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// The fixed dataset: three accounts over October and November 2026 in
// Paris (Bluesky growing by 5 a day, Mastodon with no follower, LinkedIn
// counting impressions), five publications in November, two in October,
// typed figures, one objective. The expected figures below are worked out
// by hand in the comments.
var (
	fixedNow = time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	fixedWS  = workspace.Workspace{ID: "ws", Name: "Le Fournil de Léa", TimeZone: "Europe/Paris", Language: "fr", Color: "#f5a623"}
	november = Period{From: day(2026, 11, 1), To: day(2026, 11, 30)}
)

func fixedStore(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t)
	if err := st.PutWorkspace(ctx, fixedWS); err != nil {
		t.Fatal(err)
	}
	accs := []account.Account{
		{ID: "bsky", WorkspaceID: "ws", Network: "bluesky", Handle: "fournil.bsky.social", DisplayName: "Le Fournil", Status: account.Connected, CreatedAt: fixedNow.Add(-3 * time.Hour)},
		{ID: "masto", WorkspaceID: "ws", Network: "mastodon", Handle: "@fournil@piaille.fr", DisplayName: "Le Fournil", Status: account.Connected, CreatedAt: fixedNow.Add(-2 * time.Hour)},
		{ID: "li", WorkspaceID: "ws", Network: "linkedin", Handle: "Le Fournil de Léa", DisplayName: "Le Fournil", Status: account.Connected, CreatedAt: fixedNow.Add(-time.Hour)},
	}
	for _, a := range accs {
		if err := st.PutAccount(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	var days []metric.AccountDay
	for i := range 62 { // 1 October to 1 December, each morning at 07:00 UTC
		d := day(2026, 10, 1).AddDays(i)
		at := time.Date(d.Year, d.Month, d.Day, 7, 0, 0, 0, time.UTC)
		days = append(days,
			metric.AccountDay{AccountID: "bsky", Day: d, Followers: 900 + 5*i, Following: 100, Posts: 50 + i, RefreshedAt: at},
			metric.AccountDay{AccountID: "masto", Day: d, Followers: 0, Following: 3, Posts: 2, RefreshedAt: at},
			metric.AccountDay{AccountID: "li", Day: d, Followers: 500 + i, Following: 0, Posts: 10, RefreshedAt: at})
	}
	if err := st.PutAccountDays(ctx, days...); err != nil {
		t.Fatal(err)
	}
	gone := pub("n4", "bsky", "bluesky", local(2026, 11, 20, 9, 0), 10, 0, 0, 0, -1)
	gone.GoneAt = local(2026, 11, 22, 9, 0)
	ms := []metric.PostMetrics{
		pub("n1", "bsky", "bluesky", local(2026, 11, 2, 9, 0), 40, 10, 5, 5, -1),   // 60 ÷ 1,060
		pub("n2", "masto", "mastodon", local(2026, 11, 3, 12, 0), 4, 0, 2, 0, -1),  // no followers
		pub("n3", "li", "linkedin", local(2026, 11, 10, 18, 0), 20, 5, 3, 2, 1500), // 30 ÷ 540, 30 ÷ 1,500
		gone, // 10 ÷ 1,150
		pub("n5", "bsky", "bluesky", local(2026, 11, 30, 23, 30), 5, 0, 0, 0, -1), // 5 ÷ 1,200
		pub("o1", "bsky", "bluesky", local(2026, 10, 15, 10, 0), 20, 0, 0, 0, -1), // 20 ÷ 970
		pub("o2", "li", "linkedin", local(2026, 10, 20, 10, 0), 9, 0, 1, 0, 1000), // 10 ÷ 519
	}
	for i := range ms {
		ms[i].WorkspaceID = "ws"
		ms[i].Title = "Publication " + ms[i].PostID
		ms[i].Pillar = []string{"Produits", "Coulisses"}[i%2]
	}
	ms[0].Campaigns = []string{"Noël"}
	if err := st.PutPostMetrics(ctx, ms...); err != nil {
		t.Fatal(err)
	}
	manual := []metric.Manual{
		{WorkspaceID: "ws", Day: day(2026, 11, 2), Kind: metric.AdSpend, Value: 4550, Source: metric.SourceTyped, UpdatedAt: fixedNow},
		{WorkspaceID: "ws", Day: day(2026, 11, 3), Kind: metric.WebsiteSessions, Value: 120, Source: metric.SourceGA, UpdatedAt: fixedNow},
		{WorkspaceID: "ws", Day: day(2026, 11, 4), Kind: metric.WebsiteSessions, Subject: "google / organic", Value: 80, Source: metric.SourceGA, UpdatedAt: fixedNow},
		{WorkspaceID: "ws", Day: day(2026, 10, 10), Kind: metric.WebsiteSessions, Value: 150, Source: metric.SourceGA, UpdatedAt: fixedNow},
		{WorkspaceID: "ws", Day: day(2026, 11, 1), Kind: metric.Followers, Subject: "instagram", Value: 200, Source: metric.SourceTyped, UpdatedAt: fixedNow},
		{WorkspaceID: "ws", Day: day(2026, 11, 30), Kind: metric.Followers, Subject: "instagram", Value: 260, Source: metric.SourceTyped, UpdatedAt: fixedNow},
	}
	if err := st.PutManuals(ctx, manual...); err != nil {
		t.Fatal(err)
	}
	if err := st.PutObjective(ctx, metric.Objective{ID: "obj1", WorkspaceID: "ws", Kind: metric.FollowerGrowth, Network: "bluesky",
		Target: 300, Start: day(2026, 11, 1), Deadline: day(2026, 12, 31), CreatedAt: fixedNow}); err != nil {
		t.Fatal(err)
	}
	return st
}

func fixedService(st Store) *Service {
	return NewService(st, func() time.Time { return fixedNow }, func(time.Time) string { return "id" })
}

// tileValue is what a test checks of a tile.
type tileValue struct {
	Value, Previous      float64
	Known, PreviousKnown bool
}

func TestDashboardFigures(t *testing.T) {
	st := fixedStore(t)
	db, err := fixedService(st).Dashboard(context.Background(), fixedWS, november, Filter{})
	if err != nil {
		t.Fatalf("Dashboard() = %v", err)
	}
	got := map[string]tileValue{}
	for _, tl := range db.Tiles {
		got[tl.Key] = tileValue{tl.Value, tl.Previous, tl.Known, tl.PreviousKnown}
	}
	want := map[string]tileValue{
		// Start: 1,050 + 530 + 0 + 200 typed on Instagram; end: 1,200 + 560 + 0 + 260.
		// October: 900 + 500 + 0 at its first reading, 1,050 + 530 + 0 at its end.
		"followers":               {2020, 1580, true, true},
		"follower_growth":         {240, 180, true, true},
		"follower_growth_percent": {240.0 / 1780 * 100, 180.0 / 1400 * 100, true, true},
		// (60 + 30 + 10 + 5) ÷ (1,060 + 540 + 1,150 + 1,200); October (20 + 10) ÷ (970 + 519).
		"engagement_rate":             {105.0 / 3950 * 100, 30.0 / 1489 * 100, true, true},
		"engagement_rate_impressions": {2, 1, true, true},
		"impressions":                 {1500, 1000, true, true},
		"interactions":                {111, 30, true, true},
		"publications":                {5, 2, true, true},
		// The previous period is the 30 days before: 2 to 31 October.
		"posts_per_week": {5.0 / 30 * 7, 2.0 / 31 * 7, true, true}, // compared with October, 31 days
		// Weeks from 1 November: 1-7, 8-14, 15-21, 22-28, 29-30; nothing from 22 to 28.
		"regularity":       {80, 20, true, true}, // October 15 and 20 share a block from the 1st
		"replies":          {10, 1, true, true},
		"replies_per_post": {2, 0.5, true, true},
		"ad_spend":         {4550, 0, true, false},
		"website_sessions": {200, 150, true, true},
	}
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("Dashboard() tiles mismatch (-want +got):\n%s", diff)
	}
	if db.Empty {
		t.Error("Dashboard().Empty = true, want false")
	}
	var top []string
	for _, p := range db.TopPosts {
		top = append(top, p.PostID)
	}
	if diff := cmp.Diff([]string{"n1", "n3", "n4", "n2", "n5"}, top); diff != "" {
		t.Errorf("TopPosts mismatch (-want +got):\n%s", diff)
	}
	if !db.TopPosts[2].Deleted || db.TopPosts[0].Handle != "fournil.bsky.social" {
		t.Errorf("TopPosts[2].Deleted = %v, TopPosts[0].Handle = %q; want true, the handle", db.TopPosts[2].Deleted, db.TopPosts[0].Handle)
	}
	tiles := map[string]Tile{}
	for _, tl := range db.Tiles {
		tiles[tl.Key] = tl
	}
	if tl := tiles["follower_growth"]; tl.Text != "240" || tl.ChangeText != "+33,3\u202f%" || tl.Trend != Up || tl.How != "analytics.how.follower_growth" || tl.Label != "Abonnés gagnés" {
		t.Errorf("follower_growth tile = %+v", tl)
	}
	if tl := tiles["ad_spend"]; tl.Text != "45,50\u202f€" || tl.ChangeKnown || tl.Trend != "" {
		t.Errorf("ad_spend tile = %+v, want 45,50 € and no change", tl)
	}
	for _, tl := range db.Tiles {
		if !locale.Has(tl.How) {
			t.Errorf("tile %s: no message %s", tl.Key, tl.How)
		}
	}

	// The objective: +300 on Bluesky from 1 November to 31 December;
	// on 2 December 1,050 → 1,205 = 155, 51.7 % with 52.5 % of the time gone.
	var objective Chart
	for _, c := range db.Charts {
		if c.Kind == ChartObjectives {
			objective = c
		}
	}
	if !strings.Contains(string(objective.Option), "51,7\u202f%\\nen retard") {
		t.Errorf("objectives chart = %s, want 51,7 %% behind", objective.Option)
	}
	for _, c := range db.Charts {
		if c.Freshness.IsZero() || c.Freshness.After(fixedNow) {
			t.Errorf("chart %s freshness = %s", c.Kind, c.Freshness)
		}
	}
}

func TestDashboardFilters(t *testing.T) {
	st := fixedStore(t)
	svc := fixedService(st)
	ctx := context.Background()
	tests := []struct {
		name   string
		p      Period
		f      Filter
		empty  bool
		tiles  map[string]tileValue
		charts map[ChartKind]bool // kind → empty
	}{
		{"zero followers only", november, Filter{Networks: []string{"mastodon"}}, false,
			map[string]tileValue{"followers": {0, 0, true, true}, "engagement_rate": {0, 0, false, false}, "interactions": {6, 0, true, true},
				"follower_growth_percent": {0, 0, false, false}, "impressions": {0, 0, false, false}},
			map[ChartKind]bool{ChartEngagement: true, ChartInteractions: false}},
		{"one account", november, Filter{Accounts: []string{"li"}}, false,
			map[string]tileValue{"followers": {560, 530, true, true}, "engagement_rate": {30.0 / 540 * 100, 10.0 / 519 * 100, true, true}}, nil},
		{"a pillar leaves followers alone", november, Filter{Pillars: []string{"produits"}}, false,
			map[string]tileValue{"publications": {3, 1, true, true}, "followers": {2020, 1580, true, true}}, nil},
		{"a campaign", november, Filter{Campaigns: []string{"noël"}}, false,
			map[string]tileValue{"publications": {1, 0, true, true}, "interactions": {60, 0, true, true}}, nil},
		{"a period with no data", Period{From: day(2025, 1, 1), To: day(2025, 1, 31)}, Filter{}, true,
			map[string]tileValue{"followers": {0, 0, false, false}, "engagement_rate": {0, 0, false, false}, "publications": {0, 0, true, true}},
			map[ChartKind]bool{ChartFollowers: true, ChartEngagement: true, ChartInteractions: true, ChartBestTime: true, ChartRegularity: true}},
		{"a single day, a single point", Period{From: day(2026, 11, 15), To: day(2026, 11, 15)}, Filter{Accounts: []string{"bsky"}}, false,
			map[string]tileValue{"followers": {1125, 1120, true, true}, "follower_growth": {5, 5, true, true}, "regularity": {0, 0, true, true}},
			map[ChartKind]bool{ChartFollowers: false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := svc.Dashboard(ctx, fixedWS, tt.p, tt.f)
			if err != nil {
				t.Fatalf("Dashboard() = %v", err)
			}
			if db.Empty != tt.empty {
				t.Errorf("Empty = %v, want %v", db.Empty, tt.empty)
			}
			for _, tl := range db.Tiles {
				want, ok := tt.tiles[tl.Key]
				if !ok {
					continue
				}
				got := tileValue{tl.Value, tl.Previous, tl.Known, tl.PreviousKnown}
				if !tl.Known {
					got.Value = 0
				}
				if !tl.PreviousKnown {
					got.Previous = 0
				}
				if diff := cmp.Diff(want, got, approx); diff != "" {
					t.Errorf("tile %s mismatch (-want +got):\n%s", tl.Key, diff)
				}
			}
			for _, c := range db.Charts {
				if want, ok := tt.charts[c.Kind]; ok && c.Empty != want {
					t.Errorf("chart %s Empty = %v, want %v", c.Kind, c.Empty, want)
				}
				if !json.Valid(c.Option) {
					t.Errorf("chart %s option is not JSON", c.Kind)
				}
			}
		})
	}
	if _, err := svc.Dashboard(ctx, fixedWS, Period{From: day(2026, 11, 2), To: day(2026, 11, 1)}, Filter{}); err == nil {
		t.Error("Dashboard(reversed period) = nil error, want one")
	}
}

func TestChartsGolden(t *testing.T) {
	st := fixedStore(t)
	for _, lang := range []locale.Lang{locale.French, locale.English} {
		ws := fixedWS
		ws.Language = string(lang)
		db, err := fixedService(st).Dashboard(context.Background(), ws, november, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(db.Charts) != len(ChartKinds) {
			t.Fatalf("%d charts, want %d", len(db.Charts), len(ChartKinds))
		}
		for _, c := range db.Charts {
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, c.Option, "", "  "); err != nil {
				t.Fatalf("chart %s: %v", c.Kind, err)
			}
			pretty.WriteString("\n")
			path := filepath.Join("testdata", string(c.Kind)+"."+string(lang)+".json")
			if *update {
				if err := os.WriteFile(path, pretty.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if diff := cmp.Diff(string(want), pretty.String()); diff != "" {
				t.Errorf("chart %s (%s) mismatch with %s (-want +got):\n%s", c.Kind, lang, path, diff)
			}
			checkOption(t, c)
		}
	}
}

// checkOption checks what the window and the report need of an option:
// no JavaScript, value axes from 0, and for a printable chart that
// go-analyze/charts draws it.
func checkOption(t *testing.T, c Chart) {
	t.Helper()
	text := string(c.Option)
	for _, bad := range []string{"function", "=>", "http://", "https://", "\"formatter\":\"{value}\"x"} {
		if strings.Contains(text, bad) {
			t.Errorf("chart %s option holds %q", c.Kind, bad)
		}
	}
	var o struct {
		XAxis []map[string]any `json:"xAxis"`
		YAxis []map[string]any `json:"yAxis"`
	}
	if err := json.Unmarshal(c.Option, &o); err != nil {
		t.Fatalf("chart %s: %v", c.Kind, err)
	}
	for _, ax := range append(o.XAxis, o.YAxis...) {
		if ax["type"] == "value" && ax["min"] != 0.0 {
			t.Errorf("chart %s: value axis %v without min 0", c.Kind, ax)
		}
	}
	if !c.Printable {
		return
	}
	png, err := charts.RenderEChartsToPNG(text)
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("chart %s: RenderEChartsToPNG = %d bytes, %v; want a PNG", c.Kind, len(png), err)
	}
}

func TestReportData(t *testing.T) {
	st := fixedStore(t)
	r, err := fixedService(st).ReportData(context.Background(), fixedWS, november, Filter{}, locale.English)
	if err != nil {
		t.Fatalf("ReportData() = %v", err)
	}
	if r.PeriodText != "Nov 1 – Nov 30, 2026" || r.Workspace.Name != fixedWS.Name || r.Lang != locale.English {
		t.Errorf("ReportData() period %q, workspace %q, lang %s", r.PeriodText, r.Workspace.Name, r.Lang)
	}
	if r.Followers.Change != 240 || r.PreviousEngagement.Interactions != 30 || r.Frequency.ActiveWeeks != 4 {
		t.Errorf("ReportData() followers %+v, previous engagement %+v, frequency %+v", r.Followers, r.PreviousEngagement, r.Frequency)
	}
	if len(r.Accounts) != 3 || r.Accounts[0].Handle != "fournil.bsky.social" || r.Accounts[0].Followers.Change != 150 || r.Accounts[0].Publications != 3 {
		t.Errorf("ReportData().Accounts = %+v", r.Accounts)
	}
	if len(r.Networks) != 3 || r.Networks[0].Label != "Bluesky" || len(r.Pillars) != 2 {
		t.Errorf("ReportData() networks %+v, pillars %+v", r.Networks, r.Pillars)
	}
	if len(r.Manual) != 2 || r.Manual[0].Text != "€45.50" || r.Manual[1].Value != 200 {
		t.Errorf("ReportData().Manual = %+v", r.Manual)
	}
	if r.Community.Replies != 10 || len(r.Community.PerPost) != 3 || r.Community.PerPost[0].PostID != "n1" {
		t.Errorf("ReportData().Community = %+v", r.Community)
	}
	if len(r.Objectives) != 1 || r.Objectives[0].Status != Behind || r.Objectives[0].Label != "+300 followers (Bluesky) by December 31, 2026" {
		t.Errorf("ReportData().Objectives = %+v", r.Objectives)
	}
	if r.BestTime.Samples != 6 || len(r.Daily) != 30 || r.Daily[29].Count != 1 {
		t.Errorf("ReportData() best time %d samples, daily %v", r.BestTime.Samples, r.Daily)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Errorf("json.Marshal(Report) = %v", err)
	}
}

// seedCommunity adds to the fixed store a November of conversations: on
// Bluesky two replies answered after 20 and 100 min and a like; on
// Mastodon a mention never answered, by someone whose name is a formula;
// and an October reply answered after 4 h.
func seedCommunity(t testing.TB, st *store.Store) {
	t.Helper()
	act := func(acc, id string, kind metric.ActivityKind, at time.Time, actor, handle, name, item string) metric.Activity {
		return metric.Activity{WorkspaceID: "ws", AccountID: acc, ID: id, Kind: kind, At: at, ActorID: actor, Handle: handle, Name: name, ItemID: item}
	}
	ans := func(acc, parent string, at time.Time) metric.Answer {
		return metric.Answer{WorkspaceID: "ws", AccountID: acc, ParentID: parent, ID: "re-" + parent, At: at}
	}
	ctx := context.Background()
	if err := st.PutCommunity(ctx, "bsky", metric.CommunityCursor{}, []metric.Activity{
		act("bsky", "c1", metric.ActReply, local(2026, 11, 5, 10, 0), "did:ana", "ana.bsky.social", "Ana", "r1"),
		act("bsky", "c2", metric.ActReply, local(2026, 11, 6, 10, 0), "did:ana", "ana.bsky.social", "Ana", "r2"),
		act("bsky", "c3", metric.ActLike, local(2026, 11, 6, 11, 0), "did:bob", "bob.bsky.social", "Bob", ""),
		act("bsky", "c0", metric.ActReply, local(2026, 10, 6, 10, 0), "did:bob", "bob.bsky.social", "Bob", "r0"),
	}, []metric.Answer{ans("bsky", "r1", local(2026, 11, 5, 10, 20)), ans("bsky", "r2", local(2026, 11, 6, 11, 40)), ans("bsky", "r0", local(2026, 10, 6, 14, 0))}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutCommunity(ctx, "masto", metric.CommunityCursor{}, []metric.Activity{
		act("masto", "m1", metric.ActMention, local(2026, 11, 7, 10, 0), "77", "@eve@piaille.fr", `=HYPERLINK("http://evil.example","clic")`, "s1"),
	}, nil); err != nil {
		t.Fatal(err)
	}
}

func TestCommunityOnTheDashboard(t *testing.T) {
	st := fixedStore(t)
	seedCommunity(t, st)
	svc := fixedService(st)
	ctx := context.Background()
	db, err := svc.Dashboard(ctx, fixedWS, november, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// 3 received, 2 answered after 20 and 100 min: a median of 60 min.
	want := Responses{Received: 3, Answered: 2, AnsweredShare: 200.0 / 3, ShareKnown: true, MedianMinutes: 60, MedianKnown: true, WithinHour: 50}
	if !cmp.Equal(db.Responses, want, approx) {
		t.Errorf("Responses = %+v, want %+v", db.Responses, want)
	}
	var fans []string
	for _, f := range db.Fans {
		fans = append(fans, fmt.Sprintf("%s:%d", f.Handle, f.Interactions))
	}
	if want := []string{"ana.bsky.social:2", "@eve@piaille.fr:1", "bob.bsky.social:1"}; !cmp.Equal(fans, want) {
		t.Errorf("Fans = %v, want %v", fans, want)
	}
	tiles := map[string]Tile{}
	for _, tl := range db.Tiles {
		tiles[tl.Key] = tl
	}
	if tl := tiles["first_response"]; tl.Text != "1\u00a0h" || tl.PreviousText != "4\u00a0h" || tl.Trend != Down || !tl.LowerIsBetter {
		t.Errorf("first_response tile = %+v, want 1 h after 4 h, down, lower is better", tl)
	}
	if tl := tiles["answered_share"]; tl.Text != "66,7 %" || tl.PreviousText != "100,0 %" {
		t.Errorf("answered_share tile = %q after %q, want 66,7 %% after 100 %%", tl.Text, tl.PreviousText)
	}
	// The account filter keeps Mastodon's conversation only.
	db, err = svc.Dashboard(ctx, fixedWS, november, Filter{Accounts: []string{"masto"}})
	if err != nil {
		t.Fatal(err)
	}
	if db.Responses.Received != 1 || db.Responses.Answered != 0 || len(db.Fans) != 1 {
		t.Errorf("Mastodon only: %+v and %d fans, want 1 received, none answered, 1 fan", db.Responses, len(db.Fans))
	}
	// The community read is kept for the next dashboard, until the
	// collector writes: then the new answer counts at once.
	if err := st.PutCommunity(ctx, "masto", metric.CommunityCursor{}, nil, []metric.Answer{
		{WorkspaceID: "ws", AccountID: "masto", ParentID: "s1", ID: "re-s1", At: local(2026, 11, 7, 10, 30)}}); err != nil {
		t.Fatal(err)
	}
	if db, err = svc.Dashboard(ctx, fixedWS, november, Filter{}); err != nil {
		t.Fatal(err)
	}
	if db.Responses.Received != 3 || db.Responses.Answered != 3 {
		t.Errorf("after an answer was collected: %+v, want 3 of 3 answered", db.Responses)
	}
}

func TestExportCSV(t *testing.T) {
	st := fixedStore(t)
	seedCommunity(t, st)
	var buf bytes.Buffer
	if err := fixedService(st).ExportCSV(context.Background(), fixedWS, november, &buf); err != nil {
		t.Fatalf("ExportCSV() = %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeff")) {
		t.Error("ExportCSV() has no BOM")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("reading the export: %v", err)
	}
	if diff := cmp.Diff(ExportColumns, rows[0]); diff != "" {
		t.Errorf("header mismatch (-want +got):\n%s", diff)
	}
	count := map[string]int{}
	find := func(kind, metricName, post, checkpoint string) []string {
		for _, r := range rows[1:] {
			if r[0] == kind && r[10] == metricName && r[4] == post && r[9] == checkpoint {
				return r
			}
		}
		return nil
	}
	for _, r := range rows[1:] {
		count[r[0]]++
	}
	// 16 tiles twice; 30 November readings × 3 accounts × 3 counters;
	// 5 publications × (5 counters + 4 figures); 5 November figures;
	// 3 fans × 5 counters.
	if want := map[string]int{"kpi": 32, "account": 270, "post": 45, "manual": 5, "fan": 15}; !cmp.Equal(want, count) {
		t.Errorf("rows by kind = %v, want %v", count, want)
	}
	if r := find("post", "impressions", "n1", "24h"); r == nil || r[11] != "" {
		t.Errorf("n1 impressions = %v, want an empty value (Bluesky does not count them)", r)
	}
	if r := find("post", "engagement_rate", "n3", "latest"); r == nil || r[11] != "5.5556" || r[1] != "2026-11-10T18:00:00+01:00" {
		t.Errorf("n3 engagement rate = %v, want 5.5556 at 2026-11-10T18:00:00+01:00", r)
	}
	if r := find("kpi", "follower_growth", "", "current"); r == nil || r[11] != "240" || r[1] != "2026-11-01/2026-11-30" {
		t.Errorf("kpi follower_growth = %v", r)
	}
	if r := find("kpi", "first_response", "", "current"); r == nil || r[11] != "60" {
		t.Errorf("kpi first_response = %v, want 60 (minutes)", r)
	}
	for _, r := range rows[1:] {
		if r[0] == "fan" && r[8] == "@eve@piaille.fr" && r[10] == "replies" {
			if want := `'=HYPERLINK("http://evil.example","clic")`; r[5] != want || r[11] != "1" || r[3] != "mastodon" {
				t.Errorf("Eve's row = %q, want her name inert (%s), 1 reply, mastodon", r, want)
			}
		}
	}
}

func TestWindowForDSTPeriods(t *testing.T) {
	// The week of the spring change in Paris, with a publication at 02:30
	// that does not exist (read as 03:00) and one at 23:30.
	st := storetest.Open(t)
	ctx := context.Background()
	st.PutWorkspace(ctx, fixedWS)
	st.PutAccount(ctx, account.Account{ID: "bsky", WorkspaceID: "ws", Network: "bluesky", Handle: "h", Status: account.Connected})
	st.PutAccountDays(ctx, metric.AccountDay{AccountID: "bsky", Day: day(2027, 3, 20), Followers: 100, RefreshedAt: time.Date(2027, 3, 20, 7, 0, 0, 0, time.UTC)})
	st.PutPostMetrics(ctx,
		withWS(pub("a", "bsky", "bluesky", calendar.Instant(day(2027, 3, 28), calendar.Clock{Hour: 2, Minute: 30}, paris), 5, 0, 0, 0, -1)),
		withWS(pub("b", "bsky", "bluesky", local(2027, 3, 28, 23, 30), 5, 0, 0, 0, -1)),
		withWS(pub("c", "bsky", "bluesky", local(2027, 3, 29, 0, 30), 5, 0, 0, 0, -1)))
	svc := NewService(st, func() time.Time { return time.Date(2027, 4, 1, 0, 0, 0, 0, time.UTC) }, nil)
	r, err := svc.ReportData(ctx, fixedWS, Period{From: day(2027, 3, 22), To: day(2027, 3, 28)}, Filter{}, locale.French)
	if err != nil {
		t.Fatal(err)
	}
	if r.Engagement.Publications != 2 || r.Daily[6].Count != 2 || r.BestTime.Cells[6][3].N != 1 || r.BestTime.Cells[6][23].N != 1 {
		t.Errorf("DST week: %d publications, %d on the 28th, Sunday 3 h %d, 23 h %d; want 2, 2, 1, 1",
			r.Engagement.Publications, r.Daily[6].Count, r.BestTime.Cells[6][3].N, r.BestTime.Cells[6][23].N)
	}
}

func withWS(m metric.PostMetrics) metric.PostMetrics {
	m.WorkspaceID = "ws"
	return m
}

func TestTileTrendAgreesWithItsText(t *testing.T) {
	tests := []struct {
		v, pv      float64
		wantTrend  Trend
		wantChange string
	}{
		{3.3001, 3.3, Flat, "0,0\u202f%"}, // up by less than what is written
		{3.2999, 3.3, Flat, "0,0\u202f%"},
		{3.31, 3.3, Up, "+0,3\u202f%"},
		{3.29, 3.3, Down, "−0,3\u202f%"},
		{5, 0, Up, "–"}, // no change in percent from zero: the delta says
	}
	d := &dataset{lang: locale.French}
	for _, tt := range tests {
		got := d.tile("engagement_rate", UnitPercent, tt.v, true, tt.pv, true)
		if got.Trend != tt.wantTrend || got.ChangeText != tt.wantChange {
			t.Errorf("tile(%v after %v): trend %q, change %q; want %q, %q", tt.v, tt.pv, got.Trend, got.ChangeText, tt.wantTrend, tt.wantChange)
		}
	}
}
