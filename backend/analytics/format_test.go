package analytics

import (
	"errors"
	"math"
	"testing"

	"ruche/backend/calendar"
	"ruche/backend/locale"
)

func TestFormats(t *testing.T) {
	fr, en := locale.French, locale.English
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"french thousands", FormatNumber(fr, 1234.5, 1), "1\u202f234,5"},
		{"english thousands", FormatNumber(en, 1234.5, 1), "1,234.5"},
		{"millions", FormatNumber(fr, -1234567, 0), "-1\u202f234\u202f567"},
		{"small", FormatNumber(en, 12, 2), "12.00"},
		{"negative zero", FormatNumber(fr, -0.04, 1), "0,0"},
		{"count", FormatCount(en, 12345), "12,345"},
		{"french percent", FormatPercent(fr, 4.25), "4,3\u202f%"},
		{"english percent", FormatPercent(en, 4.25), "4.3%"},
		{"change up", FormatChange(fr, 12.5), "+12,5\u202f%"},
		{"change down", FormatChange(en, -3), "−3.0%"},
		{"no change", FormatChange(en, 0.01), "0.0%"},
		{"cents fr", FormatCents(fr, 123456), "1\u202f234,56\u202f€"},
		{"cents en", FormatCents(en, 4550), "€45.50"},
		{"day fr", FormatDay(fr, day(2026, 11, 23)), "23 nov."},
		{"day en", FormatDay(en, day(2026, 11, 23)), "Nov 23"},
		{"long day fr", FormatLongDay(fr, day(2027, 6, 1)), "1er juin 2027"},
		{"long day en", FormatLongDay(en, day(2027, 6, 30)), "June 30, 2027"},
		{"period fr", FormatPeriod(fr, Period{day(2026, 11, 1), day(2026, 11, 30)}), "1 nov. – 30 nov. 2026"},
		{"hour fr", FormatHour(fr, 9), "9 h"},
		{"hour en midnight", FormatHour(en, 0), "12 am"},
		{"hour en afternoon", FormatHour(en, 15), "3 pm"},
		{"minutes", FormatMinutes(fr, 90), "1\u00a0h\u00a030"},
		{"minutes en", FormatMinutes(en, 125), "2\u00a0h 05\u00a0min"},
		{"minutes short", FormatMinutes(en, 45), "45\u00a0min"},
		{"minutes whole hours", FormatMinutes(fr, 120), "2\u00a0h"},
		{"minutes rounded to the hour", FormatMinutes(en, 119.6), "2\u00a0h"},
		{"minutes under half of one", FormatMinutes(fr, 0.4), "<\u00a01\u00a0min"},
		{"minutes a day", FormatMinutes(fr, 1440), "1\u00a0j"},
		{"minutes days fr", FormatMinutes(fr, 1680), "1\u00a0j 4\u00a0h"},
		{"minutes days en", FormatMinutes(en, 3*1440+29), "3\u00a0d"},
		{"minutes negative", FormatMinutes(en, -45), "−45\u00a0min"},
		{"minutes unknown", FormatMinutes(en, math.NaN()), "–"},
		{"weekday", Weekday(fr, 6), "dim."},
		{"no day", FormatDay(fr, calendar.Day{}), "–"},
		{"no long day", FormatLongDay(en, calendar.Day{}), "–"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestPeriod(t *testing.T) {
	for _, tt := range []struct{ p, want Period }{
		{Period{From: day(2027, 3, 1), To: day(2027, 3, 31)}, Period{From: day(2027, 2, 1), To: day(2027, 2, 28)}}, // a month: the month before
		{Period{From: day(2027, 1, 1), To: day(2027, 1, 31)}, Period{From: day(2026, 12, 1), To: day(2026, 12, 31)}},
		{Period{From: day(2027, 3, 1), To: day(2027, 4, 30)}, Period{From: day(2026, 12, 30), To: day(2027, 2, 28)}}, // two months: 61 days before
		{Period{From: day(2027, 3, 10), To: day(2027, 3, 16)}, Period{From: day(2027, 3, 3), To: day(2027, 3, 9)}},   // a week
	} {
		if got := tt.p.Previous(); got != tt.want {
			t.Errorf("%v.Previous() = %v, want %v", tt.p, got, tt.want)
		}
	}
	if got := MonthPeriod(day(2027, 12, 15)); got != (Period{From: day(2027, 12, 1), To: day(2027, 12, 31)}) {
		t.Errorf("MonthPeriod(2027-12-15) = %v", got)
	}
	if got := MonthPeriod(day(2028, 2, 3)); got.To != day(2028, 2, 29) {
		t.Errorf("MonthPeriod(2028-02-03).To = %v, want the 29th", got.To)
	}
	w, err := (Period{From: day(2027, 3, 1), To: day(2027, 3, 31)}).Window(paris)
	if err != nil {
		t.Fatal(err)
	}
	// March 2027 in Paris loses an hour on the 28th.
	if got := w.End.Sub(w.Start).Hours(); got != 31*24-1 {
		t.Errorf("Window(March 2027).Len = %v h, want %v", got, 31*24-1)
	}
	for _, bad := range []Period{{day(2027, 3, 2), day(2027, 3, 1)}, {}, {day(2027, 1, 1), day(2028, 1, 2)}} {
		if err := bad.Validate(); !errors.Is(err, ErrPeriod) && !errors.Is(err, ErrPeriodTooLong) {
			t.Errorf("Validate(%v) = %v, want a period error", bad, err)
		}
	}
	if err := (Period{day(2028, 1, 1), day(2028, 12, 31)}).Validate(); err != nil {
		t.Errorf("Validate(a leap year) = %v, want nil", err)
	}
}
