package calendar

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"ruche/backend/fault"
	"ruche/backend/locale"
)

// TestMessagesGetTheirValues makes each error of the package and checks its
// message, in French and English, has every {placeholder} filled.
func TestMessagesGetTheirValues(t *testing.T) {
	d := Day{2027, time.March, 1}
	rule := Rule{Start: d, Time: Clock{9, 0}, Every: 1, Unit: Daily, Count: 1}
	withRule := func(edit func(*Rule)) error { r := rule; edit(&r); return r.Validate() }
	header := "datetime,text,link,media,accounts\n"
	var errs []error
	add := func(_ any, err error) { errs = append(errs, err) }
	add(Zone("Mars/Olympus"))
	add(ParseDay("hier"))
	add(ParseClock("25:00"))
	add(ViewRange("year", d, time.Monday, time.UTC))
	add(ViewRange(ViewDay, d, 9, time.UTC))
	add(NewWindow(d, d, time.UTC))
	add(NewWindow(d, d.AddDays(MaxWindowDays+1), time.UTC))
	errs = append(errs,
		ValidateSlots([]Slot{{9, Clock{}}}),
		ValidateSlots([]Slot{{0, Clock{24, 0}}}),
		ValidateSlots([]Slot{{0, Clock{}}, {0, Clock{}}}),
		withRule(func(r *Rule) { r.Every = 0 }),
		withRule(func(r *Rule) { r.Unit = "year" }),
		withRule(func(r *Rule) { r.Count = 0 }),
		withRule(func(r *Rule) { r.Until = d.AddDays(3) }),
		withRule(func(r *Rule) { r.Count, r.Until = 0, d }),
		withRule(func(r *Rule) { r.Count = -1 }),
		withRule(func(r *Rule) { r.Count, r.Until = 0, d.AddDays(5000) }),
		withRule(func(r *Rule) { r.Time = Clock{-1, 0} }),
	)
	add(NextFreeSlot(nil, time.UTC, time.Time{}, nil))
	add(NextFreeSlot([]Slot{{0, Clock{}}}, time.UTC, time.Time{}, func(time.Time) bool { return true }))
	for _, in := range []string{"", "a,b\n", "datetime,text,x\n", "text\n", "text,text\n", header + "\"\n", header + strings.Repeat("x", MaxCSVBytes), header + strings.Repeat("x,y\n", MaxCSVRows+1)} {
		add(ParseCSV(strings.NewReader(in), time.UTC, Checks{}))
	}
	add(ParseCSV(iotestErr{}, time.UTC, Checks{}))
	rows, _ := ParseCSV(strings.NewReader(header+
		"x,,ftp://a,absent,Bob,extra\n,ok,,,\n2000-01-01 00:00,ok,,,\n"), time.UTC, testChecks())
	for _, r := range rows {
		for _, p := range r.Problems {
			errs = append(errs, p)
		}
	}

	seen := map[string]bool{}
	left := regexp.MustCompile(`\{[a-z]+\}`)
	for _, err := range errs {
		var fe *fault.Error
		if !errors.As(err, &fe) {
			t.Errorf("error %v is not a *fault.Error", err)
			continue
		}
		seen[fe.Code] = true
		for _, lang := range locale.Langs {
			msg := locale.Message(lang, fe.Code, fe.Args)
			if !locale.Has(fe.Code) || left.MatchString(msg) {
				t.Errorf("%s message of %s with %v = %q", lang, fe.Code, fe.Args, msg)
			}
		}
	}
	if len(seen) < 36 {
		t.Errorf("made %d distinct errors, want every one of the package's 36", len(seen))
	}
}
