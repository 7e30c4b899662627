package locale

import (
	"testing"
	"time"
)

func TestDates(t *testing.T) {
	tests := []struct {
		lang        Lang
		y           int
		m           time.Month
		d           int
		long, short string
	}{
		{French, 2026, time.November, 1, "1er novembre 2026", "1er nov. 2026"},
		{French, 2026, time.August, 15, "15 août 2026", "15 août 2026"},
		{English, 2026, time.November, 1, "November 1, 2026", "Nov 1, 2026"},
		{English, 2027, time.February, 28, "February 28, 2027", "Feb 28, 2027"},
	}
	for _, tt := range tests {
		if got := LongDate(tt.lang, tt.y, tt.m, tt.d); got != tt.long {
			t.Errorf("LongDate(%s, %d-%d-%d) = %q, want %q", tt.lang, tt.y, tt.m, tt.d, got, tt.long)
		}
		if got := ShortDate(tt.lang, tt.y, tt.m, tt.d); got != tt.short {
			t.Errorf("ShortDate(%s, %d-%d-%d) = %q, want %q", tt.lang, tt.y, tt.m, tt.d, got, tt.short)
		}
	}
	if got := WeekdayShort(French, 0) + WeekdayShort(English, 6); got != "lun.Sun" {
		t.Errorf("WeekdayShort = %q, want lun.Sun", got)
	}
}
