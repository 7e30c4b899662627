package post

import (
	"errors"
	"testing"
	"time"
)

var (
	now    = time.Date(2027, 3, 28, 9, 0, 0, 0, time.UTC)
	later  = now.Add(2 * time.Hour)
	before = now.Add(-time.Minute)
)

func TestCanMove(t *testing.T) {
	legal := map[[2]Status]bool{
		{Draft, InReview}: true, {Draft, Approved}: true, {Draft, Scheduled}: true,
		{InReview, Draft}: true, {InReview, Approved}: true,
		{Approved, Draft}: true, {Approved, InReview}: true, {Approved, Scheduled}: true,
		{Scheduled, Draft}: true, {Scheduled, Publishing}: true, {Scheduled, Paused}: true, {Scheduled, Missed}: true,
		{Publishing, Published}: true, {Publishing, Failed}: true, {Publishing, Scheduled}: true, {Publishing, Missed}: true,
		{Failed, Draft}: true, {Failed, Scheduled}: true,
		{Missed, Draft}: true, {Missed, Scheduled}: true,
		{Paused, Draft}: true, {Paused, Scheduled}: true, {Paused, Missed}: true,
	}
	for _, from := range Statuses {
		for _, to := range Statuses {
			if got, want := CanMove(from, to), legal[[2]Status{from, to}]; got != want {
				t.Errorf("CanMove(%s, %s) = %v, want %v", from, to, got, want)
			}
		}
	}
	if len(moves) != len(Statuses) {
		t.Errorf("the table has %d statuses, want the %d of Statuses", len(moves), len(Statuses))
	}
	if Status("sent").Valid() || !Paused.Valid() {
		t.Errorf("Valid() accepts an unknown status or refuses a known one")
	}
}

func TestSetStatus(t *testing.T) {
	tests := []struct {
		from, to Status
		want     error
	}{
		{Draft, InReview, nil},
		{Draft, Draft, nil},
		{InReview, Scheduled, ErrMove},
		{Publishing, Draft, ErrPublishing},
		{Published, Scheduled, ErrPublished},
		{Scheduled, Published, ErrMove},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"→"+string(tt.to), func(t *testing.T) {
			p := Post{Status: tt.from}
			err := p.SetStatus(tt.to, now)
			if !errors.Is(err, tt.want) {
				t.Fatalf("SetStatus() = %v, want %v", err, tt.want)
			}
			want := tt.to
			if err != nil {
				want = tt.from
			}
			if p.Status != want {
				t.Errorf("Status = %s, want %s", p.Status, want)
			}
		})
	}
}

func target(account string) Variant {
	return Variant{AccountID: account, Network: "testnet", Text: "Pain au levain ce matin"}
}

func TestSchedule(t *testing.T) {
	tests := []struct {
		name   string
		status Status
		noVar  bool
		at     time.Time
		want   error
	}{
		{"draft", Draft, false, later, nil},
		{"approved", Approved, false, later, nil},
		{"now exactly", Draft, false, now, nil},
		{"a minute ago", Draft, false, before, ErrTimePast},
		{"no time", Draft, false, time.Time{}, ErrTimeRequired},
		{"before 1970", Draft, false, time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), ErrTimeRange},
		{"year 2262", Draft, false, time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC), ErrTimeRange},
		{"no target", Draft, true, later, ErrNoTargets},
		{"in review", InReview, false, later, ErrMove},
		{"publishing", Publishing, false, later, ErrPublishing},
		{"published", Published, false, later, ErrPublished},
		{"paused: resumed", Paused, false, later, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Post{ID: "p1", Status: tt.status, RetryAt: now}
			if !tt.noVar {
				p.Variants = []Variant{target("a1")}
			}
			err := p.Schedule(tt.at, now)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Schedule(%v) = %v, want %v", tt.at, err, tt.want)
			}
			if err != nil {
				return
			}
			if p.Status != Scheduled || !p.ScheduledAt.Equal(tt.at) || !p.RetryAt.IsZero() || p.ScheduledAt.Location() != time.UTC {
				t.Errorf("after Schedule: status %s, at %v, retry %v; want scheduled at %v UTC, no retry", p.Status, p.ScheduledAt, p.RetryAt, tt.at)
			}
		})
	}
}

func TestScheduleStoresUTC(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone database")
	}
	p := Post{Status: Draft, Variants: []Variant{target("a1")}}
	at := time.Date(2027, 3, 28, 14, 30, 0, 0, paris)
	if err := p.Schedule(at, now); err != nil {
		t.Fatal(err)
	}
	if got, want := p.ScheduledAt, time.Date(2027, 3, 28, 12, 30, 0, 0, time.UTC); got != want {
		t.Errorf("ScheduledAt = %v, want %v", got, want)
	}
}

func TestMove(t *testing.T) {
	tests := []struct {
		from, want Status
		at         time.Time
		err        error
	}{
		{Scheduled, Scheduled, later, nil},
		{Draft, Draft, later, nil},
		{Paused, Paused, later, nil},
		{Missed, Scheduled, later, nil},
		{Failed, Scheduled, later, nil},
		{Scheduled, Scheduled, before, ErrTimePast},
		{Publishing, Publishing, later, ErrPublishing},
		{Published, Published, later, ErrPublished},
	}
	for _, tt := range tests {
		t.Run(string(tt.from), func(t *testing.T) {
			p := Post{Status: tt.from, ScheduledAt: now.Add(time.Hour), RetryAt: now.Add(time.Minute), Variants: []Variant{target("a1")}}
			err := p.Move(tt.at, now)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Move() = %v, want %v", err, tt.err)
			}
			if p.Status != tt.want {
				t.Errorf("Status = %s, want %s", p.Status, tt.want)
			}
			if err == nil && (!p.ScheduledAt.Equal(tt.at) || !p.RetryAt.IsZero()) {
				t.Errorf("ScheduledAt, RetryAt = %v, %v; want %v, zero", p.ScheduledAt, p.RetryAt, tt.at)
			}
		})
	}
}

func TestUnschedule(t *testing.T) {
	p := Post{Status: Paused, ScheduledAt: later}
	if err := p.Unschedule(now); err != nil || p.Status != Draft || !p.ScheduledAt.IsZero() {
		t.Errorf("Unschedule(paused) = %v: %s at %v; want a draft without time", err, p.Status, p.ScheduledAt)
	}
	p = Post{Status: Publishing, ScheduledAt: later}
	if err := p.Unschedule(now); !errors.Is(err, ErrPublishing) || p.ScheduledAt.IsZero() {
		t.Errorf("Unschedule(publishing) = %v, at %v; want ErrPublishing and the time kept", err, p.ScheduledAt)
	}
}

func TestDueAt(t *testing.T) {
	tests := []struct {
		name   string
		p      Post
		want   time.Time
		wantOK bool
	}{
		{"scheduled", Post{Status: Scheduled, ScheduledAt: later}, later, true},
		{"retry", Post{Status: Scheduled, ScheduledAt: now, RetryAt: later}, later, true},
		{"draft with a time", Post{Status: Draft, ScheduledAt: later}, time.Time{}, false},
		{"paused", Post{Status: Paused, ScheduledAt: later}, time.Time{}, false},
		{"publishing", Post{Status: Publishing, ScheduledAt: later}, time.Time{}, false},
		{"scheduled without time", Post{Status: Scheduled}, time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := tt.p.DueAt()
		if !got.Equal(tt.want) || ok != tt.wantOK {
			t.Errorf("%s: DueAt() = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.wantOK)
		}
	}
}
