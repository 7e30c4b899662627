package calendar

import (
	"errors"
	"testing"
	"time"
)

func TestValidateSlots(t *testing.T) {
	nine := Clock{9, 0}
	tests := []struct {
		name  string
		slots []Slot
		want  error
	}{
		{"none", nil, nil},
		{"valid", []Slot{{time.Monday, nine}, {time.Tuesday, nine}, {time.Monday, Clock{23, 59}}, {time.Sunday, Clock{0, 0}}}, nil},
		{"weekday 7", []Slot{{7, nine}}, ErrSlotWeekday},
		{"weekday -1", []Slot{{-1, nine}}, ErrSlotWeekday},
		{"24:00", []Slot{{time.Monday, Clock{24, 0}}}, ErrSlotTime},
		{"12:60", []Slot{{time.Monday, Clock{12, 60}}}, ErrSlotTime},
		{"negative minute", []Slot{{time.Monday, Clock{12, -1}}}, ErrSlotTime},
		{"twice", []Slot{{time.Monday, nine}, {time.Friday, nine}, {time.Monday, nine}}, ErrSlotDuplicate},
	}
	for _, tt := range tests {
		if err := ValidateSlots(tt.slots); !errors.Is(err, tt.want) {
			t.Errorf("ValidateSlots(%s) = %v, want %v", tt.name, err, tt.want)
		}
	}
	err := ValidateSlots([]Slot{{time.Monday, nine}, {time.Friday, nine}, {time.Monday, nine}})
	if got, want := err.Error(), "calendar.slot_duplicate map[first:1 second:3]"; got != want {
		t.Errorf("ValidateSlots(twice) = %q, want %q", got, want)
	}
}

func TestNextFreeSlot(t *testing.T) {
	slot := func(wd time.Weekday, c string) Slot { return Slot{wd, clock(t, c)} }
	parisSlots := []Slot{slot(time.Monday, "09:00"), slot(time.Wednesday, "12:30"), slot(time.Sunday, "02:30")}
	tests := []struct {
		name  string
		zone  string
		slots []Slot
		after string
		taken []string
		want  string
	}{
		{"spring forward: Sunday 02:30 is 03:00", "Europe/Paris", parisSlots, "2027-03-27T09:00:00Z", nil, "2027-03-28T01:00:00Z"},
		{"strictly after a slot", "Europe/Paris", parisSlots, "2027-03-28T01:00:00Z", nil, "2027-03-29T07:00:00Z"},
		{"taken slot skipped", "Europe/Paris", parisSlots, "2027-03-27T09:00:00Z", []string{"2027-03-28T01:00:00Z"}, "2027-03-29T07:00:00Z"},
		{"after in the middle of the day", "Europe/Paris", parisSlots, "2027-03-31T10:29:59Z", nil, "2027-03-31T10:30:00Z"},
		{"after the day's slot", "Europe/Paris", parisSlots, "2027-03-31T10:30:00Z", nil, "2027-04-04T00:30:00Z"},
		{"fall back: Sunday 02:30 is the first", "Europe/Paris", parisSlots, "2027-10-30T00:00:00Z", nil, "2027-10-31T00:30:00Z"},
		{"fall back: not again an hour later", "Europe/Paris", parisSlots, "2027-10-31T00:30:00Z", nil, "2027-11-01T08:00:00Z"},
		{
			"two slots in the gap are one instant", "Europe/Paris",
			[]Slot{slot(time.Sunday, "02:00"), slot(time.Sunday, "02:30"), slot(time.Sunday, "10:00")},
			"2027-03-27T00:00:00Z", []string{"2027-03-28T01:00:00Z"}, "2027-03-28T08:00:00Z",
		},
		{"New York spring forward", "America/New_York", []Slot{slot(time.Sunday, "02:30"), slot(time.Sunday, "01:30")}, "2027-03-14T06:30:00Z", nil, "2027-03-14T07:00:00Z"},
		{"New York before the gap", "America/New_York", []Slot{slot(time.Sunday, "02:30"), slot(time.Sunday, "01:30")}, "2027-03-13T12:00:00Z", nil, "2027-03-14T06:30:00Z"},
		{"New York fall back, first 01:30", "America/New_York", []Slot{slot(time.Sunday, "01:30")}, "2027-11-06T12:00:00Z", nil, "2027-11-07T05:30:00Z"},
		{"New York fall back, 01:30 taken", "America/New_York", []Slot{slot(time.Sunday, "01:30")}, "2027-11-06T12:00:00Z", []string{"2027-11-07T05:30:00Z"}, "2027-11-14T06:30:00Z"},
		{"slot late on after's UTC day", "America/New_York", []Slot{slot(time.Friday, "22:00")}, "2027-03-06T02:00:00Z", nil, "2027-03-06T03:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			taken := map[time.Time]bool{}
			for _, s := range tt.taken {
				taken[utc(t, s)] = true
			}
			got, err := NextFreeSlot(tt.slots, zone(t, tt.zone), utc(t, tt.after), func(at time.Time) bool { return taken[at] })
			if want := utc(t, tt.want); err != nil || !got.Equal(want) {
				t.Errorf("NextFreeSlot(after %s) = %v, %v; want %v", tt.after, got, err, want)
			}
		})
	}
}

func TestNextFreeSlotErrors(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	after := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	one := []Slot{{time.Monday, Clock{9, 0}}}
	tests := []struct {
		name  string
		slots []Slot
		loc   *time.Location
		taken func(time.Time) bool
		want  error
	}{
		{"no slots", nil, paris, nil, ErrQueueEmpty},
		{"invalid slot", []Slot{{time.Monday, Clock{25, 0}}}, paris, nil, ErrSlotTime},
		{"all taken", one, paris, func(time.Time) bool { return true }, ErrQueueFull},
		{"nil taken", one, paris, nil, nil},
	}
	for _, tt := range tests {
		if _, err := NextFreeSlot(tt.slots, tt.loc, after, tt.taken); !errors.Is(err, tt.want) {
			t.Errorf("NextFreeSlot(%s) = %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := NextFreeSlot(one, nil, after, nil); err == nil {
		t.Errorf("NextFreeSlot(nil zone) error = nil, want one")
	}
	// The horizon: a slot free 366 days later is found, 367 is not.
	last := time.Time{}
	got, err := NextFreeSlot(one, paris, after, func(t time.Time) bool {
		if t.Sub(after) < (QueueHorizonDays-7)*24*time.Hour {
			return true
		}
		last = t
		return false
	})
	if err != nil || !got.Equal(last) {
		t.Errorf("NextFreeSlot(free near the horizon) = %v, %v; want %v", got, err, last)
	}
}
