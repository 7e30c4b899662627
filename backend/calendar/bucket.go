package calendar

import (
	"cmp"
	"slices"
	"time"

	"ruche/backend/fault"
)

// View is a calendar layout whose days follow from one anchor day. A list
// view covers any range: build its Window with NewWindow.
type View string

// The views ViewRange knows.
const (
	ViewMonth View = "month" // the full weeks covering the anchor's month
	ViewWeek  View = "week"  // the week holding the anchor
	ViewDay   View = "day"   // the anchor alone
)

// MaxWindowDays is the longest window, in days (two years).
const MaxWindowDays = 731

// The errors about views and windows.
var (
	ErrView         = fault.New(fault.Invalid, "calendar.view_invalid")
	ErrWeekStart    = fault.New(fault.Invalid, "calendar.week_start_invalid")
	ErrRange        = fault.New(fault.Invalid, "calendar.range_invalid")
	ErrRangeTooLong = fault.New(fault.Invalid, "calendar.range_too_long")
)

// Window is the span of a calendar view: the local days [From, To) in the
// workspace's zone and the UTC instants [Start, End) a store scans to fill
// them. Every view (month, week, day, list) builds its Window with NewWindow
// and fills it with Bucket, so two views never disagree on the day of a post.
// Build it with NewWindow or ViewRange: it keeps the zone it was made for.
type Window struct {
	From  Day       `json:"from"`
	To    Day       `json:"to"`    // exclusive
	Start time.Time `json:"start"` // UTC, inclusive: the first instant of From
	End   time.Time `json:"end"`   // UTC, exclusive: the first instant of To
	loc   *time.Location
}

// NewWindow returns the window of the local days [from, to) in loc.
//
// Start is the first instant of from, End the instant from which the clocks
// never again read a day before to. They are not from and to at midnight
// times 24 hours: a day may last 23 or 25 hours, may begin at 01:00 when the
// clocks spring forward at midnight, and may repeat its last hour after
// midnight when they fall back there. Every instant whose local day is in
// [from, to) is inside [Start, End); a few instants of the neighbouring days
// may be too, and Bucket leaves them out.
func NewWindow(from, to Day, loc *time.Location) (Window, error) {
	switch {
	case loc == nil:
		return Window{}, errNoZone
	case !from.Valid():
		return Window{}, ErrDate.With(map[string]any{"date": from}, nil)
	case !to.Valid():
		return Window{}, ErrDate.With(map[string]any{"date": to}, nil)
	case !from.Before(to):
		return Window{}, ErrRange.With(map[string]any{"from": from, "to": to}, nil)
	case from.DaysUntil(to) > MaxWindowDays:
		return Window{}, ErrRangeTooLong.With(map[string]any{"max": MaxWindowDays}, nil)
	}
	return Window{From: from, To: to, Start: dayStart(from, loc), End: dayEnd(to, loc), loc: loc}, nil
}

// ViewRange returns the window of a view around anchor, weeks starting on
// weekStart (time.Monday in France, time.Sunday in the United States). A
// month view covers the full weeks that hold the month: from the week of the
// 1st to the week of the last day, four to six weeks.
func ViewRange(kind View, anchor Day, weekStart time.Weekday, loc *time.Location) (Window, error) {
	if weekStart < time.Sunday || weekStart > time.Saturday {
		return Window{}, ErrWeekStart.With(map[string]any{"day": int(weekStart)}, nil)
	}
	if !anchor.Valid() {
		return Window{}, ErrDate.With(map[string]any{"date": anchor}, nil)
	}
	weekOf := func(d Day) Day { return d.AddDays(-((int(d.Weekday()) - int(weekStart) + 7) % 7)) }
	switch kind {
	case ViewDay:
		return NewWindow(anchor, anchor.AddDays(1), loc)
	case ViewWeek:
		from := weekOf(anchor)
		return NewWindow(from, from.AddDays(7), loc)
	case ViewMonth:
		first := Day{anchor.Year, anchor.Month, 1}
		last := first.addMonths(1).AddDays(-1)
		return NewWindow(weekOf(first), weekOf(last).AddDays(7), loc)
	}
	return Window{}, ErrView.With(map[string]any{"view": string(kind)}, nil)
}

// Location returns the zone of w.
func (w Window) Location() *time.Location { return w.loc }

// Len returns the number of days in w.
func (w Window) Len() int { return w.From.DaysUntil(w.To) }

// Days returns the days of w in order.
func (w Window) Days() []Day {
	days := make([]Day, w.Len())
	for i := range days {
		days[i] = w.From.AddDays(i)
	}
	return days
}

// Group holds the items of one local day.
type Group[T any] struct {
	Day   Day `json:"day"`
	Items []T `json:"items"`
}

// Bucket groups items by the day their instant at(item) falls on in w's
// zone. It returns one Group per day of w, in order, empty days included;
// within a day the items are in time order (ties keep their input order).
// Items whose day is outside w are left out. This is the one grouping every
// view uses.
func Bucket[T any](w Window, items []T, at func(T) time.Time) []Group[T] {
	if w.loc == nil || w.Len() <= 0 {
		return nil
	}
	// Sort keys rather than items: one sort by (instant, input position)
	// orders every day and keeps ties stable. The instant is kept as
	// nanoseconds since w.Start: exact, as a window is under 292 years.
	type key struct {
		since      time.Duration
		day, input int
	}
	keys := make([]key, 0, len(items))
	counts := make([]int, w.Len())
	from := w.From.serial()
	for i, it := range items {
		t := at(it)
		if t.Before(w.Start) || !t.Before(w.End) {
			continue // cannot be on a day of w
		}
		d := DayOf(t, w.loc).serial() - from
		if d < 0 || d >= len(counts) {
			continue
		}
		counts[d]++
		keys = append(keys, key{t.Sub(w.Start), d, i})
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.since, b.since), cmp.Compare(a.input, b.input)) })
	// One backing array; each day gets its own capped part of it (empty,
	// not nil, on a day without items: JSON shows [] rather than null).
	all := make([]T, 0, len(keys))
	groups := make([]Group[T], len(counts))
	next := 0
	for d := range groups {
		groups[d] = Group[T]{Day: w.From.AddDays(d), Items: all[next : next : next+counts[d]]}
		next += counts[d]
	}
	for _, k := range keys {
		groups[k.day].Items = append(groups[k.day].Items, items[k.input])
	}
	return groups
}
