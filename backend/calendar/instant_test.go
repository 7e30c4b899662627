package calendar

import (
	"testing"
	"time"
)

func TestInstant(t *testing.T) {
	tests := []struct {
		zone, day, clock string
		want             string
		wantRes          Resolution
	}{
		// Europe/Paris springs forward on 2027-03-28 at 02:00 CET (01:00Z) to 03:00 CEST.
		{"Europe/Paris", "2027-03-28", "01:59", "2027-03-28T00:59:00Z", Unique},
		{"Europe/Paris", "2027-03-28", "02:00", "2027-03-28T01:00:00Z", MovedForward},
		{"Europe/Paris", "2027-03-28", "02:30", "2027-03-28T01:00:00Z", MovedForward},
		{"Europe/Paris", "2027-03-28", "02:59", "2027-03-28T01:00:00Z", MovedForward},
		{"Europe/Paris", "2027-03-28", "03:00", "2027-03-28T01:00:00Z", Unique},
		{"Europe/Paris", "2027-03-28", "09:00", "2027-03-28T07:00:00Z", Unique},
		{"Europe/Paris", "2027-03-28", "00:00", "2027-03-27T23:00:00Z", Unique},
		{"Europe/Paris", "2027-03-28", "23:59", "2027-03-28T21:59:00Z", Unique},
		// It falls back on 2027-10-31 at 03:00 CEST (01:00Z) to 02:00 CET.
		{"Europe/Paris", "2027-10-31", "01:59", "2027-10-30T23:59:00Z", Unique},
		{"Europe/Paris", "2027-10-31", "02:00", "2027-10-31T00:00:00Z", FirstOfTwo},
		{"Europe/Paris", "2027-10-31", "02:30", "2027-10-31T00:30:00Z", FirstOfTwo},
		{"Europe/Paris", "2027-10-31", "02:59", "2027-10-31T00:59:00Z", FirstOfTwo},
		{"Europe/Paris", "2027-10-31", "03:00", "2027-10-31T02:00:00Z", Unique},
		{"Europe/Paris", "2027-10-31", "09:00", "2027-10-31T08:00:00Z", Unique},
		// America/New_York springs forward on 2027-03-14 at 02:00 EST (07:00Z).
		{"America/New_York", "2027-03-14", "01:59", "2027-03-14T06:59:00Z", Unique},
		{"America/New_York", "2027-03-14", "02:30", "2027-03-14T07:00:00Z", MovedForward},
		{"America/New_York", "2027-03-14", "03:00", "2027-03-14T07:00:00Z", Unique},
		// It falls back on 2027-11-07 at 02:00 EDT (06:00Z) to 01:00 EST.
		{"America/New_York", "2027-11-07", "00:59", "2027-11-07T04:59:00Z", Unique},
		{"America/New_York", "2027-11-07", "01:30", "2027-11-07T05:30:00Z", FirstOfTwo},
		{"America/New_York", "2027-11-07", "02:00", "2027-11-07T07:00:00Z", Unique},
		{"America/New_York", "2027-11-07", "02:30", "2027-11-07T07:30:00Z", Unique},
		// Brazil sprang forward at midnight (the day began at 01:00) and fell
		// back at midnight to 23:00 of the day before.
		{"America/Sao_Paulo", "2018-11-04", "00:00", "2018-11-04T03:00:00Z", MovedForward},
		{"America/Sao_Paulo", "2018-11-04", "00:30", "2018-11-04T03:00:00Z", MovedForward},
		{"America/Sao_Paulo", "2019-02-16", "23:30", "2019-02-17T01:30:00Z", FirstOfTwo},
		{"America/Sao_Paulo", "2019-02-17", "00:00", "2019-02-17T03:00:00Z", Unique},
		// Lord Howe Island moves by half an hour, 02:00 to 02:30.
		{"Australia/Lord_Howe", "2027-10-03", "02:15", "2027-10-02T15:30:00Z", MovedForward},
		// Samoa skipped 2011-12-30 entirely.
		{"Pacific/Apia", "2011-12-30", "09:00", "2011-12-30T10:00:00Z", MovedForward},
		{"Asia/Kolkata", "2027-03-28", "02:30", "2027-03-27T21:00:00Z", Unique},
		{"UTC", "2027-03-28", "02:30", "2027-03-28T02:30:00Z", Unique},
	}
	for _, tt := range tests {
		t.Run(tt.zone+" "+tt.day+" "+tt.clock, func(t *testing.T) {
			loc := zone(t, tt.zone)
			got, res := Resolve(day(t, tt.day), clock(t, tt.clock), loc)
			if want := utc(t, tt.want); !got.Equal(want) || got.Location() != time.UTC || res != tt.wantRes {
				t.Errorf("Resolve() = %v (%v), %v; want %v, %v", got, got.In(loc), res, want, tt.wantRes)
			}
			if inst := Instant(day(t, tt.day), clock(t, tt.clock), loc); !inst.Equal(got) {
				t.Errorf("Instant() = %v, want %v as Resolve", inst, got)
			}
		})
	}
}

// TestInstantEveryMinute checks every minute of the DST days: the instant
// reads the asked wall clock unless it was moved forward, and later minutes
// never give earlier instants.
func TestInstantEveryMinute(t *testing.T) {
	days := map[string][]string{
		"Europe/Paris":      {"2027-03-28", "2027-10-31"},
		"America/New_York":  {"2027-03-14", "2027-11-07"},
		"America/Sao_Paulo": {"2018-11-04", "2019-02-16", "2019-02-17"},
	}
	for name, list := range days {
		loc := zone(t, name)
		for _, s := range list {
			d := day(t, s)
			var prev time.Time
			moved, twice := 0, 0
			for m := 0; m < 24*60; m++ {
				c := Clock{m / 60, m % 60}
				got, res := Resolve(d, c, loc)
				local := got.In(loc)
				switch res {
				case MovedForward:
					moved++
					if local.Minute() != 0 {
						t.Errorf("%s %s %v moved to %v, want a whole hour", name, s, c, local)
					}
				case FirstOfTwo:
					twice++
					if later := got.Add(time.Hour).In(loc); later.Hour() != c.Hour || later.Minute() != c.Minute {
						t.Errorf("%s %s %v = %v: one hour later reads %v, want the same wall clock again", name, s, c, local, later)
					}
					fallthrough
				default:
					if DayOf(got, loc) != d || local.Hour() != c.Hour || local.Minute() != c.Minute {
						t.Errorf("%s %s %v = %v, want that wall clock", name, s, c, local)
					}
				}
				if got.Before(prev) {
					t.Errorf("%s %s %v = %v, before the previous minute's %v", name, s, c, got, prev)
				}
				prev = got
			}
			if moved != 60 && twice != 60 && s != "2019-02-17" {
				t.Errorf("%s %s: %d minutes moved, %d repeated; want one hour of either", name, s, moved, twice)
			}
		}
	}
}
