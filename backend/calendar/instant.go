package calendar

import "time"

// Resolution says how a wall-clock time was turned into an instant.
type Resolution int

const (
	// Unique: the wall-clock time happens once that day.
	Unique Resolution = iota
	// MovedForward: the time does not exist, clocks sprang forward over it;
	// the instant is the end of the gap (02:30 became 03:00).
	MovedForward
	// FirstOfTwo: the time happens twice, clocks fell back over it; the
	// instant is the first, earlier one.
	FirstOfTwo
)

// Instant returns the instant, in UTC, at which the wall clocks of loc read
// c on day d.
//
// On a spring-forward day a time inside the gap does not exist: it is moved
// FORWARD to the first valid instant after the gap, so 02:30 in Europe/Paris
// on 2027-03-28 is 03:00 CEST (01:00Z) and 02:30 in America/New_York on
// 2027-03-14 is 03:00 EDT (07:00Z). A post is never skipped nor moved back.
// On a fall-back day an ambiguous time is the FIRST occurrence, the earlier
// instant: 02:30 in Europe/Paris on 2027-10-31 is 02:30 CEST (00:30Z), not
// 02:30 CET. time.Date is no help there: it depends on the zone's data,
// giving 03:30 in Paris but 01:30 EST (moved back) in New York, and the
// second 02:30 in Paris but the first 01:30 in New York.
//
// loc must not be nil.
func Instant(d Day, c Clock, loc *time.Location) time.Time {
	t, _ := Resolve(d, c, loc)
	return t
}

// Resolve is Instant that also reports how the time was read, so that a
// caller can tell the user "02:30 does not exist that day: 03:00".
func Resolve(d Day, c Clock, loc *time.Location) (time.Time, Resolution) {
	first, _, res := resolve(time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, 0, 0, time.UTC), loc)
	return first, res
}

// resolveSpan bounds the search for the instants with a given wall-clock
// time: every UTC offset ever used lies within ±15 hours.
const resolveSpan = 30 * time.Hour

// resolve finds the instants at which the clocks of loc read wall (a wall
// clock written as if it were UTC). It walks the zone's periods (between two
// changes of offset) around wall: in each, the only candidate is wall minus
// the period's offset, kept if it falls inside the period. first and last
// are the earliest and the latest occurrence; in a gap both are the instant
// the gap ends.
func resolve(wall time.Time, loc *time.Location) (first, last time.Time, res Resolution) {
	var gapEnd time.Time
	n := 0
	stop := wall.Add(resolveSpan)
	for t := wall.Add(-resolveSpan); ; {
		lt := t.In(loc)
		_, off := lt.Zone()
		start, end := lt.ZoneBounds()
		u := wall.Add(-time.Duration(off) * time.Second)
		afterStart := start.IsZero() || !u.Before(start)
		beforeEnd := end.IsZero() || u.Before(end)
		switch {
		case afterStart && beforeEnd:
			if n == 0 {
				first = u
			}
			last = u
			n++
		case !afterStart && n == 0 && gapEnd.IsZero():
			// The clocks jumped from before wall to after it at start.
			gapEnd = start
		}
		if end.IsZero() || !end.Before(stop) {
			break
		}
		t = end
	}
	switch {
	case n == 1:
		return first.UTC(), last.UTC(), Unique
	case n > 1:
		return first.UTC(), last.UTC(), FirstOfTwo
	case !gapEnd.IsZero():
		return gapEnd.UTC(), gapEnd.UTC(), MovedForward
	}
	// Unreachable with real zone data; keep Go's own reading.
	u := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, loc).UTC()
	return u, u, Unique
}

// dayStart returns the first instant of day d in loc: the first moment the
// clocks read d 00:00 or later.
func dayStart(d Day, loc *time.Location) time.Time {
	first, _, _ := resolve(d.noon().Add(-12*time.Hour), loc)
	return first
}

// dayEnd returns the instant from which the clocks of loc never again read a
// time before d 00:00: the start of d, or its second occurrence when the
// clocks fall back across midnight (America/Sao_Paulo, 2019-02-17).
func dayEnd(d Day, loc *time.Location) time.Time {
	_, last, _ := resolve(d.noon().Add(-12*time.Hour), loc)
	return last
}
