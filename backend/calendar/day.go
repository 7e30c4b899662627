package calendar

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"ruche/backend/fault"
)

// The errors about days, times and zones.
var (
	ErrDate = fault.New(fault.Invalid, "calendar.date_invalid")
	ErrTime = fault.New(fault.Invalid, "calendar.time_invalid")
	ErrZone = fault.New(fault.Invalid, "calendar.zone_invalid")
)

// errNoZone is a caller's bug: every function needs the workspace's zone.
var errNoZone = fault.Wrap(fault.Internal, "internal", errors.New("calendar: nil *time.Location"))

// Zone loads the IANA zone name. "Local" and "" are refused: the calendar of
// a workspace never depends on the machine it runs on.
func Zone(name string) (*time.Location, error) {
	if name == "" || name == "Local" || strings.TrimSpace(name) != name {
		return nil, ErrZone.With(map[string]any{"zone": name}, nil)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, ErrZone.With(map[string]any{"zone": name}, err)
	}
	return loc, nil
}

// Day is a civil date, a day on a wall calendar with no zone: the key under
// which every view groups its items. Its text form is YYYY-MM-DD, also in
// JSON, where it may be a map key.
type Day struct {
	Year  int
	Month time.Month
	Day   int
}

// DayOf returns the day t falls on in loc.
func DayOf(t time.Time, loc *time.Location) Day {
	y, m, d := t.In(loc).Date()
	return Day{y, m, d}
}

// ParseDay reads a day written YYYY-MM-DD.
func ParseDay(s string) (Day, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return Day{}, ErrDate.With(map[string]any{"date": s}, err)
	}
	return Day{t.Year(), t.Month(), t.Day()}, nil
}

// String returns the day as YYYY-MM-DD.
func (d Day) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// IsZero reports whether d is the zero Day, which stands for "no day".
func (d Day) IsZero() bool { return d == Day{} }

// Valid reports whether d is a real day between the years 1 and 9999.
func (d Day) Valid() bool {
	return d.Year >= 1 && d.Year <= 9999 && d.AddDays(0) == d
}

// noon is d at noon UTC, a time on the right day whatever the arithmetic.
func (d Day) noon() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// AddDays returns the day n days after d (before it if n < 0).
func (d Day) AddDays(n int) Day {
	y, m, dd := time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC).Date()
	return Day{y, m, dd}
}

// addMonths returns the day n months after d on the same day of the month,
// or on the month's last day when it is shorter (Jan 31 + 1 month = Feb 28).
func (d Day) addMonths(n int) Day {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 12, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return Day{first.Year(), first.Month(), min(d.Day, last)}
}

// Weekday returns the day of the week of d.
func (d Day) Weekday() time.Weekday { return d.noon().Weekday() }

// serial numbers days consecutively (1970-01-01 is 0), for fast differences.
func (d Day) serial() int {
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d.Day - 1
	return era*146097 + yoe*365 + yoe/4 - yoe/100 + doy - 719468
}

// DaysUntil returns the number of days from d to e, negative if e is before d.
func (d Day) DaysUntil(e Day) int { return e.serial() - d.serial() }

// Compare returns -1, 0 or +1 as d is before, the same as, or after e.
func (d Day) Compare(e Day) int {
	switch s, t := d.serial(), e.serial(); {
	case s < t:
		return -1
	case s > t:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Day) Before(e Day) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Day) After(e Day) bool { return d.Compare(e) > 0 }

// MarshalText writes YYYY-MM-DD; the zero Day is the empty text.
func (d Day) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads YYYY-MM-DD; the empty text is the zero Day.
func (d *Day) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Day{}
		return nil
	}
	v, err := ParseDay(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Clock is a wall-clock time of day, to the minute, with no day or zone.
// Its text form is HH:MM, also in JSON.
type Clock struct {
	Hour, Minute int
}

// ParseClock reads a time of day written HH:MM or H:MM, from 00:00 to 23:59.
func ParseClock(s string) (Clock, error) {
	bad := ErrTime.With(map[string]any{"time": s}, nil)
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return Clock{}, bad
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	c := Clock{hh, mm}
	if err1 != nil || err2 != nil || h[0] == '+' || h[0] == '-' || m[0] == '+' || m[0] == '-' || !c.Valid() {
		return Clock{}, bad
	}
	return c, nil
}

// Valid reports whether c is between 00:00 and 23:59.
func (c Clock) Valid() bool {
	return c.Hour >= 0 && c.Hour <= 23 && c.Minute >= 0 && c.Minute <= 59
}

// String returns the time as HH:MM.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// MarshalText writes HH:MM.
func (c Clock) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads HH:MM.
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
