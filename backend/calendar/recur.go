package calendar

import (
	"time"

	"ruche/backend/fault"
)

// Unit is the step of a recurrence.
type Unit string

// The units of a recurrence.
const (
	Daily   Unit = "day"
	Weekly  Unit = "week"
	Monthly Unit = "month"
)

// Bounds of a recurrence.
const (
	MaxOccurrences = 1000 // occurrences of one rule, whether it ends by count or by date
	MaxEvery       = 999  // the largest step, in units
)

// The errors about recurrence rules.
var (
	ErrRecurEvery   = fault.New(fault.Invalid, "calendar.recur_every_invalid")
	ErrRecurUnit    = fault.New(fault.Invalid, "calendar.recur_unit_invalid")
	ErrRecurNoEnd   = fault.New(fault.Invalid, "calendar.recur_end_missing")
	ErrRecurTwoEnds = fault.New(fault.Invalid, "calendar.recur_end_both")
	ErrRecurUntil   = fault.New(fault.Invalid, "calendar.recur_until_invalid")
	ErrRecurCount   = fault.New(fault.Invalid, "calendar.recur_count_invalid")
	ErrRecurTooMany = fault.New(fault.Invalid, "calendar.recur_too_many")
)

// Rule repeats a post every Every days, weeks or months from the local day
// Start at the wall-clock time Time, until the local day Until (inclusive)
// or Count times: exactly one of Until and Count is set.
type Rule struct {
	Start Day   `json:"start"`
	Time  Clock `json:"time"`
	Every int   `json:"every"`
	Unit  Unit  `json:"unit"`
	Until Day   `json:"until,omitzero"` // zero: none
	Count int   `json:"count,omitempty"`
}

// Validate returns the first problem of r, including a rule ending by date
// that would repeat more than MaxOccurrences times.
func (r Rule) Validate() error {
	_, err := r.days(0)
	return err
}

// day returns the k-th occurrence's day (k from 0). A monthly rule keeps the
// day of the month of Start, or the last day of a shorter month: from
// January 31 it gives February 28 (29), March 31, April 30... counted from
// Start each time, so one short month does not shift the following ones.
func (r Rule) day(k int) Day {
	switch r.Unit {
	case Daily:
		return r.Start.AddDays(k * r.Every)
	case Weekly:
		return r.Start.AddDays(7 * k * r.Every)
	}
	return r.Start.addMonths(k * r.Every)
}

// days validates r and returns its occurrence days, at most limit of them
// when limit > 0.
func (r Rule) days(limit int) ([]Day, error) {
	switch {
	case !r.Start.Valid():
		return nil, ErrDate.With(map[string]any{"date": r.Start}, nil)
	case !r.Time.Valid():
		return nil, ErrTime.With(map[string]any{"time": r.Time}, nil)
	case r.Every < 1 || r.Every > MaxEvery:
		return nil, ErrRecurEvery.With(map[string]any{"max": MaxEvery}, nil)
	case r.Unit != Daily && r.Unit != Weekly && r.Unit != Monthly:
		return nil, ErrRecurUnit.With(map[string]any{"unit": string(r.Unit)}, nil)
	case r.Until.IsZero() && r.Count == 0:
		return nil, ErrRecurNoEnd.With(nil, nil)
	case !r.Until.IsZero() && r.Count != 0:
		return nil, ErrRecurTwoEnds.With(nil, nil)
	case r.Count < 0 || r.Count > MaxOccurrences:
		return nil, ErrRecurCount.With(map[string]any{"max": MaxOccurrences}, nil)
	case !r.Until.IsZero() && !r.Until.Valid():
		return nil, ErrDate.With(map[string]any{"date": r.Until}, nil)
	case !r.Until.IsZero() && !r.Until.After(r.Start):
		return nil, ErrRecurUntil.With(map[string]any{"start": r.Start}, nil)
	}
	n := r.Count
	if n == 0 {
		for n = 0; !r.day(n).After(r.Until); n++ {
			if n == MaxOccurrences {
				return nil, ErrRecurTooMany.With(map[string]any{"max": MaxOccurrences}, nil)
			}
		}
	}
	if limit > 0 && limit < n {
		n = limit
	}
	days := make([]Day, n)
	for k := range days {
		days[k] = r.day(k)
	}
	return days, nil
}

// Expand returns the instants of r in loc, in UTC and in order: at most
// limit of them when limit > 0 (a preview), all of them otherwise. Each
// occurrence is the wall-clock time r.Time on its day, read with the rule of
// Instant: 09:00 stays 09:00 local across changes of offset, and an
// occurrence at 02:30 on a spring-forward day is 03:00 that day.
func Expand(r Rule, loc *time.Location, limit int) ([]time.Time, error) {
	if loc == nil {
		return nil, errNoZone
	}
	days, err := r.days(limit)
	if err != nil {
		return nil, err
	}
	out := make([]time.Time, len(days))
	for i, d := range days {
		out[i] = Instant(d, r.Time, loc)
	}
	return out, nil
}
