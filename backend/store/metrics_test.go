package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
)

func day(y int, m time.Month, d int) calendar.Day { return calendar.Day{Year: y, Month: m, Day: d} }

func TestAccountDaysRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	at := func(d calendar.Day) time.Time { return time.Date(d.Year, d.Month, d.Day, 7, 12, 0, 0, time.UTC) }
	var days []metric.AccountDay
	for i := range 10 {
		d := day(2026, 12, 27).AddDays(i) // across a new year
		days = append(days, metric.AccountDay{AccountID: "acc1", Day: d, Followers: 100 + i, Following: 10, Posts: 3 * i, RefreshedAt: at(d)})
		days = append(days, metric.AccountDay{AccountID: "acc10", Day: d, Followers: 5, RefreshedAt: at(d)})
	}
	if err := s.PutAccountDays(ctx, days...); err != nil {
		t.Fatalf("PutAccountDays = %v", err)
	}
	got, err := s.AccountDays(ctx, []string{"acc1"}, day(2026, 12, 30), day(2027, 1, 2))
	if err != nil {
		t.Fatalf("AccountDays = %v", err)
	}
	want := []metric.AccountDay{days[6], days[8], days[10]}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AccountDays(acc1, 12-30, 01-02) mismatch (-want +got):\n%s", diff)
	}
	got, _ = s.AccountDays(ctx, []string{"acc10", "acc1"}, day(2027, 1, 4), day(2027, 1, 9))
	if len(got) != 4 || got[0].AccountID != "acc10" || got[1].AccountID != "acc10" || got[2].AccountID != "acc1" {
		t.Errorf("AccountDays(acc10, acc1) = %+v, want acc10's two days then acc1's", got)
	}
	last, err := s.LastAccountDay(ctx, "acc1")
	if err != nil || last != days[18] {
		t.Errorf("LastAccountDay(acc1) = %+v, %v; want %+v", last, err, days[18])
	}
	if _, err := s.LastAccountDay(ctx, "acc"); !errors.Is(err, ErrNotFound) {
		t.Errorf("LastAccountDay(acc) = %v, want ErrNotFound", err)
	}
	// A day read again replaces the first reading.
	again := days[18]
	again.Followers, again.RefreshedAt = 999, again.RefreshedAt.Add(time.Hour)
	s.PutAccountDays(ctx, again)
	if last, _ := s.LastAccountDay(ctx, "acc1"); last != again {
		t.Errorf("LastAccountDay after a second reading = %+v, want %+v", last, again)
	}
	if err := s.PutAccountDays(ctx, metric.AccountDay{AccountID: "a/b", Day: day(2027, 1, 1)}); err == nil {
		t.Error("PutAccountDays(a/b) = nil, want an error")
	}
}

func samplePostMetrics(ws, id string, at time.Time) metric.PostMetrics {
	m := metric.PostMetrics{WorkspaceID: ws, PostID: id, AccountID: "acc1", Network: "bluesky", Pillar: "Coulisses",
		Campaigns: []string{"noël", "levain"}, Title: "La fournée du matin 🥖", URL: "https://bsky.app/x/" + id,
		RemoteID: "at://did:plc:x/app.bsky.feed.post/" + id, PublishedAt: at}
	m.Record(metric.Reading{Checkpoint: metric.After1h, Counters: metric.Counters{Likes: 3, Reposts: 1, Impressions: -1}, ReadAt: at.Add(time.Hour)})
	m.Record(metric.Reading{Checkpoint: metric.After24h, Counters: metric.Counters{Likes: 9, Reposts: 2, Replies: 4, Quotes: 1, Impressions: 1200}, ReadAt: at.Add(25 * time.Hour)})
	return m
}

func TestPostMetricsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	t0 := time.Date(2027, 3, 28, 0, 30, 0, 0, time.UTC)
	var all []metric.PostMetrics
	for i := range 5 {
		all = append(all, samplePostMetrics("ws1", fmt.Sprintf("post%d", i), t0.Add(time.Duration(i)*time.Hour)))
	}
	gone := samplePostMetrics("ws1", "gone", t0.Add(90*time.Minute))
	gone.GoneAt, gone.Campaigns, gone.Readings, gone.Latest = t0.Add(48*time.Hour), nil, nil, metric.Reading{}
	all = append(all, gone, samplePostMetrics("ws2", "other", t0))
	if err := s.PutPostMetrics(ctx, all...); err != nil {
		t.Fatalf("PutPostMetrics = %v", err)
	}
	got, err := s.PostMetricsBetween(ctx, "ws1", t0.Add(time.Hour), t0.Add(3*time.Hour))
	if err != nil {
		t.Fatalf("PostMetricsBetween = %v", err)
	}
	want := []metric.PostMetrics{all[1], gone, all[2]}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("PostMetricsBetween(ws1, 01:30, 03:30) mismatch (-want +got):\n%s", diff)
	}
	if got[0].Latest.Checkpoint != metric.After24h || got[0].Latest.Impressions != 1200 {
		t.Errorf("Latest = %+v, want the 24 h reading", got[0].Latest)
	}
	if got, _ := s.PostMetricsBetween(ctx, "ws2", post0(), post1()); len(got) != 1 || got[0].PostID != "other" {
		t.Errorf("PostMetricsBetween(ws2) = %v, want its one publication", got)
	}
	stop := errors.New("enough")
	n := 0
	err = s.EachPostMetrics(ctx, "ws1", post0(), post1(), func(metric.PostMetrics) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("EachPostMetrics stopped by fn = %v after %d, want %v after 1", err, n, stop)
	}
	if err := s.PutPostMetrics(ctx, samplePostMetrics("ws1", "old", time.Date(1969, 1, 1, 0, 0, 0, 0, time.UTC))); err == nil {
		t.Error("PutPostMetrics(1969) = nil, want an error")
	}
}

func post0() time.Time { return time.Unix(0, 0) }
func post1() time.Time { return time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC) }

func TestManualsAndObjectives(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	now := fixedNow()
	ms := []metric.Manual{
		{WorkspaceID: "ws1", Day: day(2026, 11, 23), Kind: metric.WebsiteSessions, Subject: "google / organic", Value: 1234.5, Source: metric.SourceGA, UpdatedAt: now},
		{WorkspaceID: "ws1", Day: day(2026, 11, 23), Kind: metric.WebsiteSessions, Subject: "", Value: 2000, Source: metric.SourceTyped, UpdatedAt: now},
		{WorkspaceID: "ws1", Day: day(2026, 11, 24), Kind: metric.AdSpend, Value: 4550, Source: metric.SourceTyped, UpdatedAt: now},
		{WorkspaceID: "ws1", Day: day(2026, 12, 1), Kind: metric.Followers, Subject: "linkedin", Value: 830, Source: metric.SourceTyped, UpdatedAt: now},
	}
	if err := s.PutManuals(ctx, ms...); err != nil {
		t.Fatalf("PutManuals = %v", err)
	}
	got, err := s.Manuals(ctx, "ws1", day(2026, 11, 23), day(2026, 12, 1))
	if err != nil {
		t.Fatalf("Manuals = %v", err)
	}
	// By day, then kind and subject: "" sorts before "google / organic".
	want := []metric.Manual{ms[1], ms[0], ms[2]}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Manuals mismatch (-want +got):\n%s", diff)
	}
	if err := s.DeleteManual(ctx, "ws1", day(2026, 11, 23), metric.WebsiteSessions, "google / organic"); err != nil {
		t.Errorf("DeleteManual = %v", err)
	}
	if err := s.DeleteManual(ctx, "ws1", day(2026, 11, 23), metric.WebsiteSessions, "google / organic"); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteManual again = %v, want ErrNotFound", err)
	}

	o := metric.Objective{ID: "obj1", WorkspaceID: "ws1", Kind: metric.FollowerGrowth, Network: "bluesky", Target: 500,
		Start: day(2027, 1, 1), Deadline: day(2027, 6, 30), CreatedAt: now}
	if err := s.PutObjective(ctx, o); err != nil {
		t.Fatalf("PutObjective = %v", err)
	}
	if got, err := s.Objectives(ctx, "ws1"); err != nil || len(got) != 1 || !cmp.Equal(got[0], o) {
		t.Errorf("Objectives = %v, %v; want [%v]", got, err, o)
	}
	if err := s.DeleteObjective(ctx, "ws1", "obj2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteObjective(obj2) = %v, want ErrNotFound", err)
	}

	s.PutAccountDays(ctx, metric.AccountDay{AccountID: "acc1", Day: day(2026, 11, 23), Followers: 3})
	s.PutPostMetrics(ctx, samplePostMetrics("ws1", "p", now))
	if err := s.DeleteMetrics(ctx, "ws1", []string{"acc1"}); err != nil {
		t.Fatalf("DeleteMetrics = %v", err)
	}
	left, _ := s.Manuals(ctx, "ws1", day(2000, 1, 1), day(2100, 1, 1))
	objs, _ := s.Objectives(ctx, "ws1")
	pubs, _ := s.PostMetricsBetween(ctx, "ws1", post0(), post1())
	days, _ := s.AccountDays(ctx, []string{"acc1"}, day(2000, 1, 1), day(2100, 1, 1))
	if len(left)+len(objs)+len(pubs)+len(days) != 0 {
		t.Errorf("after DeleteMetrics: %d manual, %d objectives, %d publications, %d days; want none", len(left), len(objs), len(pubs), len(days))
	}
}

func TestDecodeRefusesTruncatedValues(t *testing.T) {
	m := samplePostMetrics("ws", "p", fixedNow())
	b := encodePostMetrics(m)
	for _, n := range []int{0, 1, 5, len(b) - 1} {
		if _, err := newPostDecoder().decode(b[:n], []byte(m.PostID), m.PublishedAt); err == nil {
			t.Errorf("decodePostMetrics(%d of %d bytes) = nil error, want one", n, len(b))
		}
	}
	if _, err := decodeAccountDay([]byte{9, 1, 1, 1, 0}); err == nil {
		t.Error("decodeAccountDay(version 9) = nil error, want one")
	}
	if _, err := decodeManual([]byte{1, 0, 0}); err == nil {
		t.Error("decodeManual(truncated) = nil error, want one")
	}
}

// BenchmarkAccountDaysYear reads a year of daily figures of 20 accounts,
// as the dashboard of a year does.
func BenchmarkAccountDaysYear(b *testing.B) {
	ctx := context.Background()
	s := openBench(b)
	var ids []string
	var days []metric.AccountDay
	first := day(2026, 1, 1)
	for a := range 20 {
		id := fmt.Sprintf("01jbench00000000000000acc%02d", a)
		ids = append(ids, id)
		for i := range 730 {
			d := first.AddDays(i)
			days = append(days, metric.AccountDay{AccountID: id, Day: d, Followers: 1000 + i, Following: 100, Posts: i,
				RefreshedAt: time.Date(d.Year, d.Month, d.Day, 7, 0, 0, 0, time.UTC)})
		}
	}
	if err := s.PutAccountDays(ctx, days...); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		got, err := s.AccountDays(ctx, ids, day(2027, 1, 1), day(2028, 1, 1))
		if err != nil || len(got) != 20*365 {
			b.Fatalf("AccountDays = %d days, %v; want %d", len(got), err, 20*365)
		}
	}
}
