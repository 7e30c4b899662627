package calendar

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestExpand(t *testing.T) {
	tests := []struct {
		name  string
		zone  string
		rule  Rule
		limit int
		want  []string
	}{
		{
			"daily 09:00 across spring forward stays 09:00", "Europe/Paris",
			Rule{Start: Day{2027, 3, 26}, Time: Clock{9, 0}, Every: 1, Unit: Daily, Count: 4}, 0,
			[]string{"2027-03-26T08:00:00Z", "2027-03-27T08:00:00Z", "2027-03-28T07:00:00Z", "2027-03-29T07:00:00Z"},
		},
		{
			"daily 02:30 becomes 03:00 on the spring-forward day", "Europe/Paris",
			Rule{Start: Day{2027, 3, 27}, Time: Clock{2, 30}, Every: 1, Unit: Daily, Count: 3}, 0,
			[]string{"2027-03-27T01:30:00Z", "2027-03-28T01:00:00Z", "2027-03-29T00:30:00Z"},
		},
		{
			"weekly 02:30 takes the first on the fall-back day", "Europe/Paris",
			Rule{Start: Day{2027, 10, 24}, Time: Clock{2, 30}, Every: 1, Unit: Weekly, Count: 3}, 0,
			[]string{"2027-10-24T00:30:00Z", "2027-10-31T00:30:00Z", "2027-11-07T01:30:00Z"},
		},
		{
			"weekly 09:00 across fall back stays 09:00", "Europe/Paris",
			Rule{Start: Day{2027, 10, 24}, Time: Clock{9, 0}, Every: 1, Unit: Weekly, Until: Day{2027, 11, 7}}, 0,
			[]string{"2027-10-24T07:00:00Z", "2027-10-31T08:00:00Z", "2027-11-07T08:00:00Z"},
		},
		{
			"New York weekly 02:30 across spring forward", "America/New_York",
			Rule{Start: Day{2027, 3, 7}, Time: Clock{2, 30}, Every: 1, Unit: Weekly, Until: Day{2027, 3, 21}}, 0,
			[]string{"2027-03-07T07:30:00Z", "2027-03-14T07:00:00Z", "2027-03-21T06:30:00Z"},
		},
		{
			"New York daily 01:30 across fall back", "America/New_York",
			Rule{Start: Day{2027, 11, 6}, Time: Clock{1, 30}, Every: 1, Unit: Daily, Count: 3}, 0,
			[]string{"2027-11-06T05:30:00Z", "2027-11-07T05:30:00Z", "2027-11-08T06:30:00Z"},
		},
		{
			"monthly on Jan 31 clamps to the month's last day", "Europe/Paris",
			Rule{Start: Day{2027, 1, 31}, Time: Clock{10, 0}, Every: 1, Unit: Monthly, Count: 6}, 0,
			[]string{"2027-01-31T09:00:00Z", "2027-02-28T09:00:00Z", "2027-03-31T08:00:00Z", "2027-04-30T08:00:00Z", "2027-05-31T08:00:00Z", "2027-06-30T08:00:00Z"},
		},
		{
			"monthly on Jan 31 in a leap year", "Europe/Paris",
			Rule{Start: Day{2028, 1, 31}, Time: Clock{10, 0}, Every: 1, Unit: Monthly, Count: 3}, 0,
			[]string{"2028-01-31T09:00:00Z", "2028-02-29T09:00:00Z", "2028-03-31T08:00:00Z"},
		},
		{
			"every 2 months from Jan 31 until Dec 31", "UTC",
			Rule{Start: Day{2027, 1, 31}, Time: Clock{12, 0}, Every: 2, Unit: Monthly, Until: Day{2027, 12, 31}}, 0,
			[]string{"2027-01-31T12:00:00Z", "2027-03-31T12:00:00Z", "2027-05-31T12:00:00Z", "2027-07-31T12:00:00Z", "2027-09-30T12:00:00Z", "2027-11-30T12:00:00Z"},
		},
		{
			"until is inclusive", "UTC",
			Rule{Start: Day{2027, 3, 1}, Time: Clock{8, 0}, Every: 1, Unit: Daily, Until: Day{2027, 3, 3}}, 0,
			[]string{"2027-03-01T08:00:00Z", "2027-03-02T08:00:00Z", "2027-03-03T08:00:00Z"},
		},
		{
			"every 3 days, until between two", "UTC",
			Rule{Start: Day{2027, 3, 1}, Time: Clock{8, 0}, Every: 3, Unit: Daily, Until: Day{2027, 3, 9}}, 0,
			[]string{"2027-03-01T08:00:00Z", "2027-03-04T08:00:00Z", "2027-03-07T08:00:00Z"},
		},
		{
			"every 2 weeks", "UTC",
			Rule{Start: Day{2027, 3, 1}, Time: Clock{8, 0}, Every: 2, Unit: Weekly, Count: 3}, 0,
			[]string{"2027-03-01T08:00:00Z", "2027-03-15T08:00:00Z", "2027-03-29T08:00:00Z"},
		},
		{
			"limit for a preview", "UTC",
			Rule{Start: Day{2027, 3, 1}, Time: Clock{8, 0}, Every: 1, Unit: Daily, Count: 10}, 2,
			[]string{"2027-03-01T08:00:00Z", "2027-03-02T08:00:00Z"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Expand(tt.rule, zone(t, tt.zone), tt.limit)
			if err != nil {
				t.Fatalf("Expand() error %v", err)
			}
			var want []time.Time
			for _, s := range tt.want {
				want = append(want, utc(t, s))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Expand() (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRuleValidate(t *testing.T) {
	ok := Rule{Start: Day{2027, 3, 1}, Time: Clock{9, 0}, Every: 1, Unit: Daily, Count: 5}
	tests := []struct {
		name string
		edit func(*Rule)
		want error
	}{
		{"valid", func(*Rule) {}, nil},
		{"every 0", func(r *Rule) { r.Every = 0 }, ErrRecurEvery},
		{"every -2", func(r *Rule) { r.Every = -2 }, ErrRecurEvery},
		{"every too large", func(r *Rule) { r.Every = MaxEvery + 1 }, ErrRecurEvery},
		{"yearly", func(r *Rule) { r.Unit = "year" }, ErrRecurUnit},
		{"no unit", func(r *Rule) { r.Unit = "" }, ErrRecurUnit},
		{"neither until nor count", func(r *Rule) { r.Count = 0 }, ErrRecurNoEnd},
		{"both until and count", func(r *Rule) { r.Until = Day{2027, 4, 1} }, ErrRecurTwoEnds},
		{"until the start day", func(r *Rule) { r.Count, r.Until = 0, r.Start }, ErrRecurUntil},
		{"until before the start", func(r *Rule) { r.Count, r.Until = 0, Day{2027, 2, 1} }, ErrRecurUntil},
		{"until Feb 30", func(r *Rule) { r.Count, r.Until = 0, Day{2027, 2, 30} }, ErrDate},
		{"count -1", func(r *Rule) { r.Count = -1 }, ErrRecurCount},
		{"count 1", func(r *Rule) { r.Count = 1 }, nil},
		{"count 1000", func(r *Rule) { r.Count = MaxOccurrences }, nil},
		{"count 1001", func(r *Rule) { r.Count = MaxOccurrences + 1 }, ErrRecurCount},
		{"until gives exactly 1000", func(r *Rule) { r.Count, r.Until = 0, r.Start.AddDays(MaxOccurrences-1) }, nil},
		{"until gives 1001", func(r *Rule) { r.Count, r.Until = 0, r.Start.AddDays(MaxOccurrences) }, ErrRecurTooMany},
		{"daily for ten years", func(r *Rule) { r.Count, r.Until = 0, Day{2037, 3, 1} }, ErrRecurTooMany},
		{"start Feb 29 2027", func(r *Rule) { r.Start = Day{2027, 2, 29} }, ErrDate},
		{"no start", func(r *Rule) { r.Start = Day{} }, ErrDate},
		{"time 24:00", func(r *Rule) { r.Time = Clock{24, 0} }, ErrTime},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ok
			tt.edit(&r)
			if err := r.Validate(); !errors.Is(err, tt.want) {
				t.Errorf("Validate() = %v, want %v", err, tt.want)
			}
			if _, err := Expand(r, time.UTC, 0); !errors.Is(err, tt.want) {
				t.Errorf("Expand() error = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := Expand(ok, nil, 0); err == nil {
		t.Errorf("Expand(nil zone) error = nil, want one")
	}
	if got, err := Expand(Rule{Start: Day{2027, 1, 1}, Time: Clock{9, 0}, Every: 1, Unit: Daily, Count: MaxOccurrences}, time.UTC, 0); err != nil || len(got) != MaxOccurrences {
		t.Errorf("Expand(count %d) = %d instants, %v", MaxOccurrences, len(got), err)
	}
}
