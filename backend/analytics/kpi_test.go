package analytics

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/locale"
)

var approx = cmpopts.EquateApprox(0, 1e-9)

func TestFollowerGrowth(t *testing.T) {
	// The week of 22 to 28 March 2027 in Paris: the clocks spring forward
	// on the 28th, which lasts 23 hours.
	w, err := Period{From: day(2027, 3, 22), To: day(2027, 3, 28)}.Window(paris)
	if err != nil {
		t.Fatal(err)
	}
	before, inside, lastMinute, after := local(2027, 3, 21, 8, 0), local(2027, 3, 24, 8, 0), local(2027, 3, 28, 23, 30), local(2027, 3, 29, 0, 30)
	tests := []struct {
		name   string
		series []Series
		want   Growth
	}{
		{"no data", nil, Growth{}},
		{"a series never read", []Series{series("a", "bluesky")}, Growth{}},
		{"single point before the period", []Series{series("a", "bluesky", before, 120)},
			Growth{Known: true, Start: 120, End: 120, PercentKnown: true}},
		{"single point inside the period", []Series{series("a", "bluesky", inside, 120)},
			Growth{Known: true, Start: 120, End: 120, PercentKnown: true}},
		{"two accounts", []Series{series("a", "bluesky", before, 100, inside, 130, lastMinute, 150), series("b", "mastodon", before, 0, inside, 10)},
			Growth{Known: true, Start: 100, End: 160, Change: 60, Percent: 60, PercentKnown: true}},
		{"zero followers at the start", []Series{series("a", "bluesky", before, 0, inside, 25)},
			Growth{Known: true, Start: 0, End: 25, Change: 25}},
		{"last minute of the DST day counts, the next day does not", []Series{series("a", "bluesky", before, 10, lastMinute, 20, after, 90)},
			Growth{Known: true, Start: 10, End: 20, Change: 10, Percent: 100, PercentKnown: true}},
		{"a series that starts after the period", []Series{series("a", "bluesky", after, 50)}, Growth{}},
		{"losing followers", []Series{series("a", "bluesky", before, 200, inside, 150)},
			Growth{Known: true, Start: 200, End: 150, Change: -50, Percent: -25, PercentKnown: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FollowerGrowth(tt.series, w.Start, w.End)
			if diff := cmp.Diff(tt.want, got, approx); diff != "" {
				t.Errorf("FollowerGrowth() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEngagement(t *testing.T) {
	at := local(2026, 11, 10, 9, 0)
	followers := map[string]Series{
		"a":    series("a", "bluesky", at.Add(-time.Hour), 1000),
		"zero": series("zero", "mastodon", at.Add(-time.Hour), 0),
		"late": series("late", "bluesky", at.Add(2*time.Hour), 400), // first read after the publication, same day
		"far":  series("far", "bluesky", at.Add(30*time.Hour), 400), // more than a day after
		"li":   series("li", "linkedin", at.Add(-time.Hour), 200),
	}
	deleted := pub("gone", "a", "bluesky", at, 10, 5, 3, 2, -1)
	deleted.GoneAt = at.Add(72 * time.Hour)
	never := metric.PostMetrics{PostID: "never", AccountID: "a", Network: "bluesky", PublishedAt: at}
	tests := []struct {
		name string
		ms   []metric.PostMetrics
		want Engagement
	}{
		{"no publication", nil, Engagement{}},
		{"one post, impressions unknown", []metric.PostMetrics{pub("p1", "a", "bluesky", at, 30, 10, 5, 5, -1)},
			Engagement{Publications: 1, Posts: 1, Interactions: 50, Likes: 30, Reposts: 10, Replies: 5, Quotes: 5,
				Rate: 5, RateKnown: true, RatePosts: 1, RepliesPerPublication: 5}},
		{"zero followers are left out of the rate", []metric.PostMetrics{pub("p1", "a", "bluesky", at, 30, 10, 5, 5, -1), pub("p2", "zero", "mastodon", at, 4, 0, 0, 0, -1)},
			Engagement{Publications: 2, Posts: 2, Interactions: 54, Likes: 34, Reposts: 10, Replies: 5, Quotes: 5,
				Rate: 5, RateKnown: true, RatePosts: 1, RepliesPerPublication: 2.5}},
		{"only zero followers", []metric.PostMetrics{pub("p2", "zero", "mastodon", at, 4, 0, 0, 0, -1)},
			Engagement{Publications: 1, Posts: 1, Interactions: 4, Likes: 4}},
		{"impressions where known", []metric.PostMetrics{pub("p1", "a", "bluesky", at, 30, 10, 5, 5, -1), pub("p3", "li", "linkedin", at, 8, 1, 1, 0, 500)},
			Engagement{Publications: 2, Posts: 2, Interactions: 60, Likes: 38, Reposts: 11, Replies: 6, Quotes: 5,
				Rate: 60.0 / 1200 * 100, RateKnown: true, RatePosts: 2, ImpressionRate: 2, ImpressionRateKnown: true,
				Impressions: 500, ImpressionsKnown: true, ImpressionPosts: 1, RepliesPerPublication: 3}},
		{"a deleted post keeps its last counters", []metric.PostMetrics{deleted},
			Engagement{Publications: 1, Posts: 1, Interactions: 20, Likes: 10, Reposts: 5, Replies: 3, Quotes: 2,
				Rate: 2, RateKnown: true, RatePosts: 1, RepliesPerPublication: 3}},
		{"a post never read", []metric.PostMetrics{never},
			Engagement{Publications: 1, Posts: 1, RateKnown: true, RatePosts: 1}},
		{"followers read the same day after publishing", []metric.PostMetrics{pub("p4", "late", "bluesky", at, 8, 0, 0, 0, -1)},
			Engagement{Publications: 1, Posts: 1, Interactions: 8, Likes: 8, Rate: 2, RateKnown: true, RatePosts: 1}},
		{"followers read too long after", []metric.PostMetrics{pub("p5", "far", "bluesky", at, 8, 0, 0, 0, -1)},
			Engagement{Publications: 1, Posts: 1, Interactions: 8, Likes: 8}},
		{"one post to two accounts", []metric.PostMetrics{pub("p6", "a", "bluesky", at, 10, 0, 0, 0, -1), pub("p6", "li", "linkedin", at, 2, 0, 0, 0, 0)},
			Engagement{Publications: 2, Posts: 1, Interactions: 12, Likes: 12, Rate: 1, RateKnown: true, RatePosts: 2,
				ImpressionsKnown: true, ImpressionPosts: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := EngagementOf(Publications(tt.ms, followers))
			if diff := cmp.Diff(tt.want, got, approx); diff != "" {
				t.Errorf("EngagementOf() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	pubs := Publications([]metric.PostMetrics{deleted, never}, followers)
	if !pubs[0].Deleted || pubs[1].Deleted || pubs[1].Interactions != 0 {
		t.Errorf("Publications(deleted, never) = deleted %v/%v, interactions %d; want true/false, 0", pubs[0].Deleted, pubs[1].Deleted, pubs[1].Interactions)
	}
}

func TestPostingFrequency(t *testing.T) {
	// The week of 25 to 31 October 2027 in Paris: the clocks fall back on
	// the 31st, which lasts 25 hours.
	week := Period{From: day(2027, 10, 25), To: day(2027, 10, 31)}
	two := Period{From: day(2027, 10, 18), To: day(2027, 10, 31)}
	mk := func(ts ...time.Time) []Publication {
		var ps []Publication
		for i, at := range ts {
			ps = append(ps, Publication{PostMetrics: &metric.PostMetrics{PostID: string(rune('a' + i)), PublishedAt: at}})
		}
		return ps
	}
	tests := []struct {
		name string
		p    Period
		pubs []Publication
		want Frequency
	}{
		{"no publication", week, nil, Frequency{Weeks: 1}},
		{"late on the 25-hour day counts, just after midnight does not", week,
			mk(local(2027, 10, 31, 23, 30), time.Date(2027, 10, 31, 23, 30, 0, 0, time.UTC), local(2027, 10, 24, 23, 59)),
			Frequency{Publications: 1, PerWeek: 1, Weeks: 1, ActiveWeeks: 1, Regularity: 100}},
		{"the second hour 02:30 of the DST day", week, mk(time.Date(2027, 10, 31, 1, 30, 0, 0, time.UTC)),
			Frequency{Publications: 1, PerWeek: 1, Weeks: 1, ActiveWeeks: 1, Regularity: 100}},
		{"one active week out of two", two, mk(local(2027, 10, 18, 9, 0), local(2027, 10, 19, 9, 0), local(2027, 10, 20, 9, 0)),
			Frequency{Publications: 3, PerWeek: 1.5, Weeks: 2, ActiveWeeks: 1, Regularity: 50}},
		{"a period of 10 days has two blocks", Period{From: day(2027, 10, 22), To: day(2027, 10, 31)}, mk(local(2027, 10, 30, 9, 0)),
			Frequency{Publications: 1, PerWeek: 0.7, Weeks: 2, ActiveWeeks: 1, Regularity: 50}},
		{"a single day", Period{From: day(2027, 10, 31), To: day(2027, 10, 31)}, mk(local(2027, 10, 31, 9, 0), local(2027, 10, 31, 19, 0)),
			Frequency{Publications: 2, PerWeek: 14, Weeks: 1, ActiveWeeks: 1, Regularity: 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PostingFrequency(tt.pubs, tt.p, paris)
			if diff := cmp.Diff(tt.want, got, approx); diff != "" {
				t.Errorf("PostingFrequency() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	daily := DailyPublications(mk(local(2027, 10, 31, 23, 30), local(2027, 10, 25, 0, 0)), week, paris)
	if len(daily) != 7 || daily[0].Count != 1 || daily[6].Count != 1 || daily[6].Day != day(2027, 10, 31) {
		t.Errorf("DailyPublications() = %v, want 7 days, one on the 25th and one on the 31st", daily)
	}
}

func TestBestTimes(t *testing.T) {
	followers := map[string]Series{"a": series("a", "bluesky", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), 100)}
	ms := []metric.PostMetrics{
		// 09:00 on three Mondays, in winter (CET) and in summer (CEST): one cell.
		pub("w", "a", "bluesky", local(2027, 3, 22, 9, 0), 2, 0, 0, 0, -1),
		pub("s", "a", "bluesky", local(2027, 3, 29, 9, 15), 4, 0, 0, 0, -1),
		pub("f", "a", "bluesky", local(2027, 11, 1, 9, 59), 6, 0, 0, 0, -1),
		// Sunday 31 October 2027, 02:30 happens twice: both at 2 h.
		pub("x", "a", "bluesky", time.Date(2027, 10, 31, 0, 30, 0, 0, time.UTC), 50, 0, 0, 0, -1),
		pub("y", "a", "bluesky", time.Date(2027, 10, 31, 1, 30, 0, 0, time.UTC), 30, 0, 0, 0, -1),
		// No followers known: not counted.
		pub("z", "b", "bluesky", local(2027, 3, 22, 9, 0), 90, 0, 0, 0, -1),
	}
	got := BestTimes(Publications(ms, followers), paris)
	if c := got.Cells[0][9]; c.N != 3 || c.Rate != 4 {
		t.Errorf("Monday 9 h = %+v, want 3 publications at 4 %%", c)
	}
	if c := got.Cells[6][2]; c.N != 2 || c.Rate != 40 {
		t.Errorf("Sunday 2 h = %+v, want 2 publications at 40 %%", c)
	}
	if got.Samples != 5 || got.Best == nil || *got.Best != (Slot{Weekday: 0, Hour: 9}) {
		t.Errorf("BestTimes() = %d samples, best %v; want 5, Monday 9 h (Sunday has too few)", got.Samples, got.Best)
	}
	if empty := BestTimes(nil, paris); empty.Best != nil || empty.Samples != 0 {
		t.Errorf("BestTimes(nil) = %+v, want nothing", empty)
	}
}

func TestSharesAndTopPosts(t *testing.T) {
	at := local(2026, 11, 10, 9, 0)
	followers := map[string]Series{"a": series("a", "bluesky", at.Add(-time.Hour), 100), "m": series("m", "mastodon", at.Add(-time.Hour), 50)}
	ms := []metric.PostMetrics{
		pub("1", "a", "bluesky", at, 10, 0, 0, 0, -1),
		pub("2", "a", "bluesky", at.Add(time.Hour), 10, 0, 0, 0, -1),
		pub("3", "m", "mastodon", at, 10, 0, 0, 0, -1),
		pub("4", "m", "mastodon", at.Add(time.Hour), 0, 0, 0, 0, -1),
	}
	ms[0].Pillar, ms[2].Pillar = "Coulisses", "Coulisses"
	pubs := Publications(ms, followers)
	shares := SharesBy(pubs, func(p Publication) string { return p.Network })
	want := []Share{
		{Key: "bluesky", Publications: 2, PublicationShare: 50, Interactions: 20, InteractionShare: 200.0 / 3, Rate: 10, RateKnown: true},
		{Key: "mastodon", Publications: 2, PublicationShare: 50, Interactions: 10, InteractionShare: 100.0 / 3, Rate: 10, RateKnown: true},
	}
	if diff := cmp.Diff(want, shares, approx); diff != "" {
		t.Errorf("SharesBy(network) mismatch (-want +got):\n%s", diff)
	}
	pillars := SharesBy(pubs, func(p Publication) string { return p.Pillar })
	if len(pillars) != 2 || pillars[0].Key != "Coulisses" || pillars[0].Interactions != 20 || pillars[1].Key != "" {
		t.Errorf("SharesBy(pillar) = %+v, want Coulisses (20) then no pillar", pillars)
	}
	var ids []string
	for _, p := range TopPosts(pubs, 3) {
		ids = append(ids, p.PostID)
	}
	// 3 wins the tie on its rate (20 % against 10 %), then 2 is newer than 1.
	if diff := cmp.Diff([]string{"3", "2", "1"}, ids); diff != "" {
		t.Errorf("TopPosts() mismatch (-want +got):\n%s", diff)
	}
	if got := TopPosts(nil, 5); len(got) != 0 {
		t.Errorf("TopPosts(nil) = %v, want none", got)
	}
}

func TestObjectiveProgress(t *testing.T) {
	start, deadline := day(2027, 1, 1), day(2027, 1, 31)
	growth := metric.Objective{Kind: metric.FollowerGrowth, Network: "bluesky", Target: 100, Start: start, Deadline: deadline}
	rate := metric.Objective{Kind: metric.EngagementRate, Target: 4, Start: start, Deadline: deadline}
	replies := metric.Objective{Kind: metric.ResponseTime, Target: 120, Start: start, Deadline: deadline}
	s := []Series{
		series("a", "bluesky", local(2026, 12, 31, 8, 0), 1000, local(2027, 1, 10, 8, 0), 1040, local(2027, 2, 10, 8, 0), 1120),
		series("m", "mastodon", local(2026, 12, 31, 8, 0), 10, local(2027, 1, 10, 8, 0), 900),
	}
	pubs := Publications([]metric.PostMetrics{pub("p", "a", "bluesky", local(2027, 1, 5, 9, 0), 30, 0, 0, 0, -1)},
		map[string]Series{"a": s[0]})
	tests := []struct {
		name    string
		o       metric.Objective
		today   calendar.Day
		status  ProgressStatus
		current float64
		percent float64
	}{
		{"not started", growth, day(2026, 12, 20), NotStarted, 0, 0},
		{"growth ahead of time", growth, day(2027, 1, 12), OnTrack, 40, 40},
		{"growth behind time", growth, day(2027, 1, 25), Behind, 40, 40},
		{"growth missed", growth, day(2027, 2, 15), Missed, 40, 40},
		{"growth on every network", metric.Objective{Kind: metric.FollowerGrowth, Target: 500, Start: start, Deadline: deadline}, day(2027, 1, 12), Achieved, 930, 186},
		{"rate under its target", rate, day(2027, 1, 12), Behind, 3, 75},
		{"rate above it at the deadline", metric.Objective{Kind: metric.EngagementRate, Target: 2, Start: start, Deadline: deadline}, day(2027, 2, 2), Achieved, 3, 150},
		{"response time before any message", replies, day(2027, 1, 3), NotMeasured, 0, 0},
		// Answers after 60 and 200 min: a median of 130 min for a 2 h target.
		{"response time slower than its target", replies, day(2027, 1, 12), Behind, 130, 120.0 / 130 * 100},
		{"response time within its target", metric.Objective{Kind: metric.ResponseTime, Network: "bluesky", Target: 180, Start: start, Deadline: deadline},
			day(2027, 2, 2), Achieved, 130, 180.0 / 130 * 100},
		{"response time of a network never answered", metric.Objective{Kind: metric.ResponseTime, Network: "mastodon", Target: 60, Start: start, Deadline: deadline},
			day(2027, 1, 12), NotMeasured, 0, 0},
	}
	conv := Conversations{NetworkOf: map[string]string{"a": "bluesky", "m": "mastodon"},
		Activities: []metric.Activity{
			{AccountID: "a", ID: "n1", Kind: metric.ActReply, At: local(2027, 1, 5, 10, 0), ActorID: "f1", ItemID: "r1"},
			{AccountID: "a", ID: "n2", Kind: metric.ActLike, At: local(2027, 1, 5, 11, 0), ActorID: "f1"},
			{AccountID: "a", ID: "n3", Kind: metric.ActMention, At: local(2027, 1, 6, 10, 0), ActorID: "f2", ItemID: "r2"},
			{AccountID: "m", ID: "n4", Kind: metric.ActMention, At: local(2027, 1, 7, 10, 0), ActorID: "f3", ItemID: "r3"},
		},
		Answers: []metric.Answer{
			{AccountID: "a", ParentID: "r1", ID: "x1", At: local(2027, 1, 5, 11, 0)},
			{AccountID: "a", ParentID: "r2", ID: "x3", At: local(2027, 1, 6, 13, 20)},
			{AccountID: "a", ParentID: "r2", ID: "x2", At: local(2027, 1, 8, 13, 20)}, // a second answer: the first counts
		}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ObjectiveProgress(locale.English, tt.o, s, pubs, conv, paris, tt.today)
			if got.Status != tt.status || !cmp.Equal(got.Current, tt.current, approx) || !cmp.Equal(got.Percent, tt.percent, approx) {
				t.Errorf("ObjectiveProgress() = %s, current %v, %v %%; want %s, %v, %v %%", got.Status, got.Current, got.Percent, tt.status, tt.current, tt.percent)
			}
		})
	}
	if got, want := ObjectiveLabel(locale.French, growth), "+100 abonnés (Bluesky) d’ici le 31 janvier 2027"; got != want {
		t.Errorf("ObjectiveLabel(fr) = %q, want %q", got, want)
	}
	if got, want := ObjectiveLabel(locale.English, replies), "Replies within 2\u00a0h (all networks) by January 31, 2027"; got != want {
		t.Errorf("ObjectiveLabel(en) = %q, want %q", got, want)
	}
}
