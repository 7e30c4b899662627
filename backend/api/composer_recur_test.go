package api

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRecurringPostsFollowTheWallClockAcrossDST(t *testing.T) {
	w := newWorld(t)
	must(w.s.SetLanguage("fr"))
	r := Recurrence{Start: "2027-03-27", Time: "02:30", Every: 1, Unit: "day", Count: 3}
	occ := must(w.comp.PreviewRecurrence(r))
	var got []string
	for _, o := range occ {
		got = append(got, o.LocalDate+" "+o.LocalTime+" "+o.At)
	}
	want := []string{
		"2027-03-27 02:30 2027-03-27T01:30:00Z",
		"2027-03-28 03:00 2027-03-28T01:00:00Z", // 02:30 does not exist that night: moved to the end of the gap
		"2027-03-29 02:30 2027-03-29T00:30:00Z",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("PreviewRecurrence() mismatch (-want +got):\n%s", diff)
	}
	if n := len(w.allPosts(t)); n != 0 {
		t.Fatalf("a preview saved %d posts", n)
	}
	ps := must(w.comp.CreateRecurring(text("Pain du dimanche", w.bluesky), r))
	if len(ps) != 3 {
		t.Fatalf("CreateRecurring() made %d posts, want 3", len(ps))
	}
	stored := w.allPosts(t)
	if len(stored) != 3 || stored[0].RecurrenceID == "" || stored[0].RecurrenceID != stored[2].RecurrenceID {
		t.Errorf("stored posts = %d, recurrence ids %q…; want 3 sharing one", len(stored), stored[0].RecurrenceID)
	}
	for i, p := range ps {
		if p.Status != "scheduled" || p.ScheduledAt != occ[i].At {
			t.Errorf("post %d = %s at %s, want scheduled at %s", i, p.Status, p.ScheduledAt, occ[i].At)
		}
	}

	for _, tt := range []struct {
		name string
		r    Recurrence
		code string
	}{
		{"starts in the past", Recurrence{Start: "2026-01-01", Time: "09:00", Every: 1, Unit: "week", Count: 2}, "post.time_past"},
		{"neither until nor count", Recurrence{Start: "2027-01-01", Time: "09:00", Every: 1, Unit: "week"}, "calendar.recur_end_missing"},
		{"every zero", Recurrence{Start: "2027-01-01", Time: "09:00", Every: 0, Unit: "day", Count: 2}, "calendar.recur_every_invalid"},
	} {
		_, err := w.comp.CreateRecurring(text("x", w.bluesky), tt.r)
		if got := FormatError(w.s, err).Code; got != tt.code {
			t.Errorf("%s: code %q, want %q", tt.name, got, tt.code)
		}
	}
	if n := len(w.allPosts(t)); n != 3 {
		t.Errorf("refused recurrences left %d posts, want the 3 from before", n)
	}
}
