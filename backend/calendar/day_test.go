package calendar

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestParseDay(t *testing.T) {
	tests := []struct {
		in      string
		want    Day
		wantErr error
	}{
		{"2027-03-28", Day{2027, time.March, 28}, nil},
		{" 2028-02-29 ", Day{2028, time.February, 29}, nil},
		{"2027-02-29", Day{}, ErrDate},
		{"28/03/2027", Day{}, ErrDate},
		{"", Day{}, ErrDate},
	}
	for _, tt := range tests {
		got, err := ParseDay(tt.in)
		if got != tt.want || !errors.Is(err, tt.wantErr) {
			t.Errorf("ParseDay(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestDayArithmetic(t *testing.T) {
	d := Day{2027, time.March, 28}
	tests := []struct {
		name      string
		got, want any
	}{
		{"String", d.String(), "2027-03-28"},
		{"AddDays(4)", d.AddDays(4), Day{2027, time.April, 1}},
		{"AddDays(-28)", d.AddDays(-28), Day{2027, time.February, 28}},
		{"Weekday", d.Weekday(), time.Sunday},
		{"DaysUntil across a year", Day{2026, time.December, 31}.DaysUntil(Day{2028, time.March, 1}), 426},
		{"DaysUntil backwards", d.DaysUntil(Day{2027, time.March, 1}), -27},
		{"DaysUntil before 1970", Day{1969, time.December, 31}.DaysUntil(Day{1970, time.January, 1}), 1},
		{"serial of 1970-01-01", Day{1970, time.January, 1}.serial(), 0},
		{"serial of 2000-03-01", Day{2000, time.March, 1}.serial(), 11017},
		{"addMonths from Jan 31", Day{2027, time.January, 31}.addMonths(1), Day{2027, time.February, 28}},
		{"addMonths into a leap February", Day{2028, time.January, 31}.addMonths(1), Day{2028, time.February, 29}},
		{"addMonths across a year", Day{2027, time.October, 31}.addMonths(4), Day{2028, time.February, 29}},
		{"Before", d.Before(d.AddDays(1)), true},
		{"After", d.After(d), false},
		{"Compare", d.Compare(d.AddDays(-1)), 1},
		{"Valid", d.Valid(), true},
		{"Valid Feb 30", Day{2027, time.February, 30}.Valid(), false},
		{"Valid zero", Day{}.Valid(), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in      string
		want    Clock
		wantErr error
	}{
		{"09:30", Clock{9, 30}, nil},
		{"9:30", Clock{9, 30}, nil},
		{"00:00", Clock{0, 0}, nil},
		{"23:59", Clock{23, 59}, nil},
		{"24:00", Clock{}, ErrTime},
		{"12:60", Clock{}, ErrTime},
		{"12:5", Clock{}, ErrTime},
		{"-1:30", Clock{}, ErrTime},
		{"+1:30", Clock{}, ErrTime},
		{"0930", Clock{}, ErrTime},
		{"", Clock{}, ErrTime},
	}
	for _, tt := range tests {
		got, err := ParseClock(tt.in)
		if got != tt.want || !errors.Is(err, tt.wantErr) {
			t.Errorf("ParseClock(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestDayAndClockJSON(t *testing.T) {
	type doc struct {
		D    Day            `json:"d"`
		C    Clock          `json:"c"`
		Z    Day            `json:"z"`
		ByDy map[Day]string `json:"byDay"`
	}
	in := doc{D: Day{2027, time.March, 28}, C: Clock{2, 30}, ByDy: map[Day]string{{2027, time.October, 31}: "x"}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"d":"2027-03-28","c":"02:30","z":"","byDay":{"2027-10-31":"x"}}`
	if string(b) != want {
		t.Errorf("json.Marshal = %s, want %s", b, want)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil || out.D != in.D || out.C != in.C || out.ByDy[Day{2027, time.October, 31}] != "x" {
		t.Errorf("json.Unmarshal(%s) = %+v, %v; want %+v", b, out, err, in)
	}
	if err := json.Unmarshal([]byte(`{"c":"25:00"}`), &out); !errors.Is(err, ErrTime) {
		t.Errorf("json.Unmarshal(25:00) = %v, want ErrTime", err)
	}
}

func TestZone(t *testing.T) {
	tests := []struct {
		name    string
		wantErr error
	}{
		{"Europe/Paris", nil},
		{"America/New_York", nil},
		{"UTC", nil},
		{"Local", ErrZone},
		{"", ErrZone},
		{" Europe/Paris", ErrZone},
		{"Europe/Atlantis", ErrZone},
	}
	for _, tt := range tests {
		loc, err := Zone(tt.name)
		if !errors.Is(err, tt.wantErr) || (err == nil && loc.String() != tt.name) {
			t.Errorf("Zone(%q) = %v, %v; want error %v", tt.name, loc, err, tt.wantErr)
		}
	}
}
