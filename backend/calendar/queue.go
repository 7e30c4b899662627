package calendar

import (
	"cmp"
	"slices"
	"time"

	"ruche/backend/fault"
)

// QueueHorizonDays is how far ahead NextFreeSlot looks for a free slot.
const QueueHorizonDays = 366

// The errors about queue slots.
var (
	ErrSlotWeekday   = fault.New(fault.Invalid, "calendar.slot_weekday_invalid")
	ErrSlotTime      = fault.New(fault.Invalid, "calendar.slot_time_invalid")
	ErrSlotDuplicate = fault.New(fault.Invalid, "calendar.slot_duplicate")
	ErrQueueEmpty    = fault.New(fault.Invalid, "calendar.queue_empty")
	ErrQueueFull     = fault.New(fault.Conflict, "calendar.queue_full")
)

// Slot is a weekly publishing time of a workspace's queue: a day of the week
// and a wall-clock time in the workspace's zone, such as Tuesday 09:30.
type Slot struct {
	Weekday time.Weekday `json:"weekday"` // 0 is Sunday
	Time    Clock        `json:"time"`
}

// ValidateSlots returns the first problem of slots: a weekday outside
// Sunday..Saturday, a time outside 00:00..23:59, or the same slot twice.
// Positions in the messages count from 1.
func ValidateSlots(slots []Slot) error {
	seen := make(map[Slot]int, len(slots))
	for i, s := range slots {
		switch {
		case s.Weekday < time.Sunday || s.Weekday > time.Saturday:
			return ErrSlotWeekday.With(map[string]any{"index": i + 1}, nil)
		case !s.Time.Valid():
			return ErrSlotTime.With(map[string]any{"index": i + 1}, nil)
		}
		if j, ok := seen[s]; ok {
			return ErrSlotDuplicate.With(map[string]any{"first": j + 1, "second": i + 1}, nil)
		}
		seen[s] = i
	}
	return nil
}

// NextFreeSlot returns the first slot instant strictly after after that
// taken does not report as taken (taken may be nil: nothing is). Slot times
// are read in loc with the rule of Instant: a slot at 02:30 on a
// spring-forward day is 03:00 that day, a slot in the repeated hour of a
// fall-back day is its first occurrence. Two slots that land on the same
// instant that way count as one. It looks QueueHorizonDays ahead and fails
// with ErrQueueFull beyond.
func NextFreeSlot(slots []Slot, loc *time.Location, after time.Time, taken func(time.Time) bool) (time.Time, error) {
	if loc == nil {
		return time.Time{}, errNoZone
	}
	if err := ValidateSlots(slots); err != nil {
		return time.Time{}, err
	}
	if len(slots) == 0 {
		return time.Time{}, ErrQueueEmpty.With(nil, nil)
	}
	byDay := slices.Clone(slots)
	slices.SortFunc(byDay, func(a, b Slot) int {
		return cmp.Or(cmp.Compare(a.Time.Hour, b.Time.Hour), cmp.Compare(a.Time.Minute, b.Time.Minute))
	})
	// A slot on an earlier day resolves to an instant before the first of
	// after's day, so before after: start on after's own day.
	first := DayOf(after, loc)
	for i := 0; i <= QueueHorizonDays; i++ {
		d := first.AddDays(i)
		wd := d.Weekday()
		for _, s := range byDay {
			if s.Weekday != wd {
				continue
			}
			t := Instant(d, s.Time, loc)
			if t.After(after) && (taken == nil || !taken(t)) {
				return t, nil
			}
		}
	}
	return time.Time{}, ErrQueueFull.With(map[string]any{"days": QueueHorizonDays}, nil)
}
