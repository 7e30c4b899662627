package calendar

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type post struct {
	ID string
	At time.Time
}

func postAt(p post) time.Time { return p.At }

func TestViewRange(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	tests := []struct {
		name       string
		kind       View
		anchor     string
		weekStart  time.Weekday
		from, to   string
		start, end string
	}{
		{"day of spring forward (23 h)", ViewDay, "2027-03-28", time.Monday, "2027-03-28", "2027-03-29", "2027-03-27T23:00:00Z", "2027-03-28T22:00:00Z"},
		{"day of fall back (25 h)", ViewDay, "2027-10-31", time.Monday, "2027-10-31", "2027-11-01", "2027-10-30T22:00:00Z", "2027-10-31T23:00:00Z"},
		{"week from Monday", ViewWeek, "2027-03-28", time.Monday, "2027-03-22", "2027-03-29", "2027-03-21T23:00:00Z", "2027-03-28T22:00:00Z"},
		{"week from Sunday", ViewWeek, "2027-03-28", time.Sunday, "2027-03-28", "2027-04-04", "2027-03-27T23:00:00Z", "2027-04-03T22:00:00Z"},
		{"week anchored on its first day", ViewWeek, "2027-03-22", time.Monday, "2027-03-22", "2027-03-29", "2027-03-21T23:00:00Z", "2027-03-28T22:00:00Z"},
		{"month of March from Monday (5 weeks)", ViewMonth, "2027-03-17", time.Monday, "2027-03-01", "2027-04-05", "2027-02-28T23:00:00Z", "2027-04-04T22:00:00Z"},
		{"month of March from Sunday", ViewMonth, "2027-03-31", time.Sunday, "2027-02-28", "2027-04-04", "2027-02-27T23:00:00Z", "2027-04-03T22:00:00Z"},
		{"February 2026 from Sunday (4 weeks)", ViewMonth, "2026-02-10", time.Sunday, "2026-02-01", "2026-03-01", "2026-01-31T23:00:00Z", "2026-02-28T23:00:00Z"},
		{"May 2027 from Monday (6 weeks)", ViewMonth, "2027-05-01", time.Monday, "2027-04-26", "2027-06-07", "2027-04-25T22:00:00Z", "2027-06-06T22:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := ViewRange(tt.kind, day(t, tt.anchor), tt.weekStart, paris)
			if err != nil {
				t.Fatalf("ViewRange() error %v", err)
			}
			got := []any{w.From, w.To, w.Start, w.End}
			want := []any{day(t, tt.from), day(t, tt.to), utc(t, tt.start), utc(t, tt.end)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("ViewRange() from, to, start, end (-want +got):\n%s", diff)
			}
			if w.Location() != paris || w.Len() != len(w.Days()) || w.Days()[0] != w.From {
				t.Errorf("ViewRange() = %+v: zone %v, %d days", w, w.Location(), w.Len())
			}
		})
	}
}

func TestViewRangeErrors(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	d := Day{2027, time.March, 28}
	tests := []struct {
		name string
		err  func() error
		want error
	}{
		{"unknown view", func() error { _, err := ViewRange("year", d, time.Monday, paris); return err }, ErrView},
		{"week start 7", func() error { _, err := ViewRange(ViewWeek, d, 7, paris); return err }, ErrWeekStart},
		{"week start -1", func() error { _, err := ViewRange(ViewWeek, d, -1, paris); return err }, ErrWeekStart},
		{"anchor Feb 30", func() error { _, err := ViewRange(ViewDay, Day{2027, 2, 30}, time.Monday, paris); return err }, ErrDate},
		{"empty range", func() error { _, err := NewWindow(d, d, paris); return err }, ErrRange},
		{"backwards range", func() error { _, err := NewWindow(d, d.AddDays(-1), paris); return err }, ErrRange},
		{"too long", func() error { _, err := NewWindow(d, d.AddDays(MaxWindowDays+1), paris); return err }, ErrRangeTooLong},
		{"longest", func() error { _, err := NewWindow(d, d.AddDays(MaxWindowDays), paris); return err }, nil},
		{"zero day", func() error { _, err := NewWindow(Day{}, d, paris); return err }, ErrDate},
	}
	for _, tt := range tests {
		if err := tt.err(); !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := ViewRange(ViewDay, d, time.Monday, nil); err == nil {
		t.Errorf("ViewRange(nil zone) error = nil, want one")
	}
}

// dayOfID returns, for each item bucketed, the day of its group.
func dayOfID(groups []Group[post]) map[string]Day {
	m := map[string]Day{}
	for _, g := range groups {
		for _, p := range g.Items {
			m[p.ID] = g.Day
		}
	}
	return m
}

func TestBucketEdgesAndDST(t *testing.T) {
	tests := []struct {
		zone   string
		anchor string // a Sunday: the week view runs Monday..Sunday
		posts  map[string]string
		want   map[string]string // post → day; absent: outside the week
	}{
		{
			zone: "Europe/Paris", anchor: "2027-03-28",
			posts: map[string]string{
				"sun before, 23:59":   "2027-03-21T22:59:00Z",
				"mon 00:00":           "2027-03-21T23:00:00Z",
				"sat 23:59":           "2027-03-27T22:59:00Z",
				"dst day 00:00":       "2027-03-27T23:00:00Z",
				"dst day 02:30→03:00": "2027-03-28T01:00:00Z",
				"dst day 23:30":       "2027-03-28T21:30:00Z",
				"dst day 23:59":       "2027-03-28T21:59:00Z",
				"next mon 00:00":      "2027-03-28T22:00:00Z",
			},
			want: map[string]string{
				"mon 00:00": "2027-03-22", "sat 23:59": "2027-03-27", "dst day 00:00": "2027-03-28",
				"dst day 02:30→03:00": "2027-03-28", "dst day 23:30": "2027-03-28", "dst day 23:59": "2027-03-28",
			},
		},
		{
			zone: "Europe/Paris", anchor: "2027-10-31",
			posts: map[string]string{
				"dst day 02:30 first":  "2027-10-31T00:30:00Z",
				"dst day 02:30 second": "2027-10-31T01:30:00Z",
				"dst day 23:59":        "2027-10-31T22:59:00Z",
				"next mon 00:00":       "2027-10-31T23:00:00Z",
			},
			want: map[string]string{"dst day 02:30 first": "2027-10-31", "dst day 02:30 second": "2027-10-31", "dst day 23:59": "2027-10-31"},
		},
		{
			zone: "America/New_York", anchor: "2027-03-14",
			posts: map[string]string{
				"dst day 00:00":  "2027-03-14T05:00:00Z",
				"dst day 03:00":  "2027-03-14T07:00:00Z",
				"dst day 23:59":  "2027-03-15T03:59:00Z",
				"next mon 00:00": "2027-03-15T04:00:00Z",
				"sun before":     "2027-03-08T04:59:00Z",
			},
			want: map[string]string{"dst day 00:00": "2027-03-14", "dst day 03:00": "2027-03-14", "dst day 23:59": "2027-03-14"},
		},
		{
			zone: "America/New_York", anchor: "2027-11-07",
			posts: map[string]string{
				"dst day 01:30 first":  "2027-11-07T05:30:00Z",
				"dst day 01:30 second": "2027-11-07T06:30:00Z",
				"dst day 23:59":        "2027-11-08T04:59:00Z",
				"next mon 00:00":       "2027-11-08T05:00:00Z",
			},
			want: map[string]string{"dst day 01:30 first": "2027-11-07", "dst day 01:30 second": "2027-11-07", "dst day 23:59": "2027-11-07"},
		},
		{
			// Clocks fell back from Sunday 00:00 to Saturday 23:00: both
			// 23:30 are on Saturday, and the week's scan bounds hold them.
			zone: "America/Sao_Paulo", anchor: "2019-02-17",
			posts: map[string]string{
				"sat 23:30 first":  "2019-02-17T01:30:00Z",
				"sat 23:30 second": "2019-02-17T02:30:00Z",
				"sun 00:00":        "2019-02-17T03:00:00Z",
			},
			want: map[string]string{"sat 23:30 first": "2019-02-16", "sat 23:30 second": "2019-02-16", "sun 00:00": "2019-02-17"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.zone+" "+tt.anchor, func(t *testing.T) {
			loc := zone(t, tt.zone)
			var posts []post
			for id, at := range tt.posts {
				posts = append(posts, post{id, utc(t, at)})
			}
			week, err := ViewRange(ViewWeek, day(t, tt.anchor), time.Monday, loc)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]Day{}
			for id, d := range tt.want {
				want[id] = day(t, d)
			}
			if diff := cmp.Diff(want, dayOfID(Bucket(week, posts, postAt))); diff != "" {
				t.Errorf("Bucket(week of %s) days (-want +got):\n%s", tt.anchor, diff)
			}
			// The month views holding those days agree with the week view.
			for id, d := range want {
				month, err := ViewRange(ViewMonth, d, time.Monday, loc)
				if err != nil {
					t.Fatal(err)
				}
				if got := dayOfID(Bucket(month, posts, postAt))[id]; got != d {
					t.Errorf("Bucket(month of %s)[%q] = %v, want %v as in the week view", d, id, got, d)
				}
			}
			// A post the week leaves out is not inside its scan bounds
			// unless it belongs to a neighbouring day.
			for _, p := range posts {
				inBounds := !p.At.Before(week.Start) && p.At.Before(week.End)
				if _, kept := want[p.ID]; kept && !inBounds {
					t.Errorf("post %q at %v is outside the scan bounds [%v, %v)", p.ID, p.At, week.Start, week.End)
				}
			}
		})
	}
}

// TestWeekAndMonthViewsAgree buckets a post every 7 minutes over months with
// changes of offset, in month views and in week views (weeks from Monday and
// from Sunday), and checks each post lands on the same day every time: the
// day DayOf gives.
func TestWeekAndMonthViewsAgree(t *testing.T) {
	for _, name := range []string{"Europe/Paris", "America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe"} {
		t.Run(name, func(t *testing.T) {
			loc := zone(t, name)
			for _, span := range [][2]string{{"2027-02-20", "2027-04-10"}, {"2027-09-25", "2027-11-15"}, {"2018-10-20", "2018-11-10"}, {"2019-02-01", "2019-03-01"}} {
				first, last := day(t, span[0]), day(t, span[1])
				var posts []post
				for at := dayStart(first, loc); at.Before(dayStart(last, loc)); at = at.Add(7 * time.Minute) {
					posts = append(posts, post{at.Format(time.RFC3339), at})
				}
				// Posts exactly at each midnight, too.
				for d := first; d.Before(last); d = d.AddDays(1) {
					at := Instant(d, Clock{0, 0}, loc)
					posts = append(posts, post{"midnight " + d.String(), at})
					at = dayEnd(d.AddDays(1), loc).Add(-time.Minute)
					posts = append(posts, post{"last minute " + d.String(), at})
				}
				for _, weekStart := range []time.Weekday{time.Monday, time.Sunday} {
					seen := map[string]map[View]Day{}
					done := map[Window]bool{}
					for d := first; d.Before(last); d = d.AddDays(1) {
						for _, kind := range []View{ViewMonth, ViewWeek, ViewDay} {
							w, err := ViewRange(kind, d, weekStart, loc)
							if err != nil {
								t.Fatal(err)
							}
							if done[w] {
								continue
							}
							done[w] = true
							for id, got := range dayOfID(Bucket(w, posts, postAt)) {
								if seen[id] == nil {
									seen[id] = map[View]Day{}
								}
								if prev, ok := seen[id][kind]; ok && prev != got {
									t.Fatalf("post %s: %s views disagree: %v and %v", id, kind, prev, got)
								}
								seen[id][kind] = got
							}
						}
					}
					for _, p := range posts {
						want := DayOf(p.At, loc)
						if want.Before(first) || !want.Before(last) {
							continue
						}
						for _, kind := range []View{ViewMonth, ViewWeek, ViewDay} {
							if got, ok := seen[p.ID][kind]; !ok || got != want {
								t.Errorf("post %s (week from %v): %s view puts it on %v (found %v), want %v", p.ID, weekStart, kind, got, ok, want)
							}
						}
					}
				}
			}
		})
	}
}

func TestBucketGroups(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	w, err := NewWindow(Day{2027, time.March, 27}, Day{2027, time.March, 30}, paris)
	if err != nil {
		t.Fatal(err)
	}
	posts := []post{
		{"c", utc(t, "2027-03-28T08:00:00Z")},
		{"a", utc(t, "2027-03-28T07:00:00Z")},
		{"b", utc(t, "2027-03-28T07:00:00Z")},
		{"far", utc(t, "2030-01-01T00:00:00Z")},
		{"d", utc(t, "2027-03-29T21:59:59Z")},
	}
	got := Bucket(w, posts, postAt)
	want := []Group[post]{
		{Day: Day{2027, 3, 27}, Items: []post{}},
		{Day: Day{2027, 3, 28}, Items: []post{posts[1], posts[2], posts[0]}},
		{Day: Day{2027, 3, 29}, Items: []post{posts[4]}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Bucket() (-want +got):\n%s", diff)
	}
	if b, err := json.Marshal(got[0]); err != nil || string(b) != `{"day":"2027-03-27","items":[]}` {
		t.Errorf("json.Marshal(empty day) = %s, %v", b, err)
	}
	if got := Bucket(Window{}, posts, postAt); got != nil {
		t.Errorf("Bucket(zero window) = %v, want nil", got)
	}
}

// BenchmarkBucketMonth buckets 100,000 posts in a month view: in time order
// (as a store scan by due time returns them) and shuffled.
func BenchmarkBucketMonth(b *testing.B) {
	paris := zone(b, "Europe/Paris")
	w, err := ViewRange(ViewMonth, Day{2027, time.March, 1}, time.Monday, paris)
	if err != nil {
		b.Fatal(err)
	}
	seconds := int64(w.End.Sub(w.Start) / time.Second)
	sorted := make([]post, 100_000)
	shuffled := make([]post, len(sorted))
	for i := range sorted {
		sorted[i] = post{fmt.Sprint(i), w.Start.Add(time.Duration(int64(i)*seconds/int64(len(sorted))) * time.Second)}
		// 7919 is prime, so i*7919 mod seconds spreads the posts out of order.
		shuffled[i] = post{fmt.Sprint(i), w.Start.Add(time.Duration(int64(i)*7919%seconds) * time.Second)}
	}
	for _, bb := range []struct {
		name  string
		posts []post
	}{{"sorted", sorted}, {"shuffled", shuffled}} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if got := Bucket(w, bb.posts, postAt); len(got) != w.Len() {
					b.Fatalf("Bucket() = %d days, want %d", len(got), w.Len())
				}
			}
		})
	}
}
