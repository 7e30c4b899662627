package metric

import (
	"testing"
	"time"
)

func TestDue(t *testing.T) {
	pub := time.Date(2027, 3, 27, 10, 0, 0, 0, time.UTC)
	read := func(cs ...Checkpoint) PostMetrics {
		m := PostMetrics{PublishedAt: pub}
		for _, c := range cs {
			m.Record(Reading{Checkpoint: c, ReadAt: pub.Add(c.Delay())})
		}
		return m
	}
	gone := read(After1h)
	gone.GoneAt = pub.Add(2 * time.Hour)
	tests := []struct {
		name     string
		m        PostMetrics
		after    time.Duration
		due      Checkpoint
		next     time.Duration // 0: none
		complete bool
	}{
		{"just published", read(), time.Minute, 0, time.Hour, false},
		{"one hour", read(), time.Hour, After1h, 24 * time.Hour, false},
		{"read at one hour", read(After1h), 2 * time.Hour, 0, 24 * time.Hour, false},
		{"closed for days: the latest checkpoint only", read(After1h), 10 * 24 * time.Hour, After7d, 30 * 24 * time.Hour, false},
		{"never read, a month later", read(), 31 * 24 * time.Hour, After30d, 0, false},
		{"all read", read(After1h, After24h, After7d, After30d), 40 * 24 * time.Hour, 0, 0, true},
		{"gone", gone, 40 * 24 * time.Hour, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := pub.Add(tt.after)
			due, ok := tt.m.Due(now)
			if due != tt.due || ok != (tt.due != 0) {
				t.Errorf("Due(+%s) = %s, %v; want %s", tt.after, due, ok, tt.due)
			}
			next, ok := tt.m.NextDue(now)
			if want := pub.Add(tt.next); ok != (tt.next != 0) || (ok && !next.Equal(want)) {
				t.Errorf("NextDue(+%s) = %s, %v; want +%s", tt.after, next, ok, tt.next)
			}
			if got := tt.m.Complete(); got != tt.complete {
				t.Errorf("Complete() = %v, want %v", got, tt.complete)
			}
		})
	}
}

func TestRecord(t *testing.T) {
	pub := time.Date(2027, 3, 27, 10, 0, 0, 0, time.UTC)
	var m PostMetrics
	m.Record(Reading{Checkpoint: After7d, Counters: Counters{Likes: 7}, ReadAt: pub.Add(7 * 24 * time.Hour)})
	m.Record(Reading{Checkpoint: After1h, Counters: Counters{Likes: 1}, ReadAt: pub.Add(time.Hour)})
	m.Record(Reading{Checkpoint: After7d, Counters: Counters{Likes: 8}, ReadAt: pub.Add(8 * 24 * time.Hour)})
	if len(m.Readings) != 2 || m.Readings[0].Checkpoint != After1h || m.Readings[1].Likes != 8 {
		t.Errorf("Readings = %+v, want 1 h then 7 d read again", m.Readings)
	}
	if m.Latest.Likes != 8 || m.LastCheckpoint() != After7d {
		t.Errorf("Latest = %+v, LastCheckpoint = %s; want the second 7 d reading", m.Latest, m.LastCheckpoint())
	}
	if got := (Counters{Likes: 1, Reposts: 2, Replies: 3, Quotes: 4, Impressions: 100}).Interactions(); got != 10 {
		t.Errorf("Interactions() = %d, want 10", got)
	}
}
