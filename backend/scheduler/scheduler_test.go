package scheduler

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/calendar"
	"ruche/backend/network"
	"ruche/backend/post"
)

const poll = 5 * time.Second

// bubble runs fn in a synctest bubble whose wall clock starts at start.
// Timers and sleeps there take no real time: days pass in milliseconds.
func bubble(t *testing.T, start time.Time, fn func(t *testing.T, now func() time.Time)) {
	t.Helper()
	synctest.Test(t, func(t *testing.T) {
		offset := start.Sub(time.Now())
		fn(t, func() time.Time { return time.Now().Add(offset).UTC() })
	})
}

// runFor runs a scheduler for d of virtual time, then stops it and checks
// that Run returned.
func runFor(t *testing.T, s *Scheduler, d time.Duration) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	time.Sleep(d)
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run() = %v", err)
	}
}

func local(t *testing.T, zone, day, clock string) time.Time {
	t.Helper()
	loc, err := calendar.Zone(zone)
	if err != nil {
		t.Fatal(err)
	}
	d, err := calendar.ParseDay(day)
	if err != nil {
		t.Fatal(err)
	}
	c, err := calendar.ParseClock(clock)
	if err != nil {
		t.Fatal(err)
	}
	return calendar.Instant(d, c, loc)
}

func TestPublishesOnTimeAcrossDaylightSaving(t *testing.T) {
	tests := []struct {
		zone, day string
		clocks    []string
		want      []string // the UTC instants, as the DST rule places them
	}{
		{"Europe/Paris", "2027-03-28", []string{"00:30", "02:30", "03:00", "09:00", "23:59"},
			[]string{"2027-03-27T23:30:00Z", "2027-03-28T01:00:00Z", "2027-03-28T01:00:00Z", "2027-03-28T07:00:00Z", "2027-03-28T21:59:00Z"}},
		{"Europe/Paris", "2027-10-31", []string{"01:59", "02:30", "03:00", "09:00"},
			[]string{"2027-10-30T23:59:00Z", "2027-10-31T00:30:00Z", "2027-10-31T02:00:00Z", "2027-10-31T08:00:00Z"}},
		{"America/New_York", "2027-03-14", []string{"01:30", "02:30", "03:00", "09:00"},
			[]string{"2027-03-14T06:30:00Z", "2027-03-14T07:00:00Z", "2027-03-14T07:00:00Z", "2027-03-14T13:00:00Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.zone+" "+tt.day, func(t *testing.T) {
			var ps []post.Post
			for i, c := range tt.clocks {
				ps = append(ps, scheduled(tt.day+"-"+c, local(t, tt.zone, tt.day, c)))
				if got := ps[i].ScheduledAt.Format(time.RFC3339); got != tt.want[i] {
					t.Fatalf("%s %s in %s = %s, want %s", tt.day, c, tt.zone, got, tt.want[i])
				}
			}
			start := ps[0].ScheduledAt.Add(-2 * time.Hour)
			bubble(t, start, func(t *testing.T, now func() time.Time) {
				store, net := newMemStore(ps...), newFakeNet(now)
				s := New(store, targets{net}, nil, now, zerolog.Nop(), Config{Poll: poll})
				runFor(t, s, 30*time.Hour)
				for _, p := range ps {
					got := net.times(key(p.ID))
					if len(got) != 1 {
						t.Errorf("%s: published %d times, want once", p.ID, len(got))
						continue
					}
					if late := got[0].Sub(p.ScheduledAt); late < 0 || late > poll {
						t.Errorf("%s: published at %s, want within %s after %s", p.ID, got[0].Format(time.RFC3339), poll, p.ScheduledAt.Format(time.RFC3339))
					}
					if st := store.get(p.ID).Status; st != post.Published {
						t.Errorf("%s: status %s, want published", p.ID, st)
					}
				}
			})
		})
	}
}

func TestRecurringPostKeepsItsWallClockAcrossDST(t *testing.T) {
	loc, _ := calendar.Zone("Europe/Paris")
	at, err := calendar.Expand(calendar.Rule{Start: calendar.Day{Year: 2027, Month: 3, Day: 26}, Time: calendar.Clock{Hour: 9},
		Every: 1, Unit: calendar.Daily, Count: 5}, loc, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ps []post.Post
	for i, a := range at {
		ps = append(ps, scheduled(string(rune('a'+i)), a))
	}
	bubble(t, at[0].Add(-time.Minute), func(t *testing.T, now func() time.Time) {
		store, net := newMemStore(ps...), newFakeNet(now)
		runFor(t, New(store, targets{net}, nil, now, zerolog.Nop(), Config{Poll: poll}), 5*24*time.Hour)
		for _, p := range ps {
			got := net.times(key(p.ID))
			if len(got) != 1 {
				t.Fatalf("%s: published %d times", p.ID, len(got))
			}
			if h := got[0].In(loc).Hour(); h != 9 {
				t.Errorf("%s: published at %s Paris time, want 09:00", p.ID, got[0].In(loc).Format("2006-01-02 15:04"))
			}
		}
	})
}

func TestRetriesAndFailures(t *testing.T) {
	start := time.Date(2027, 5, 3, 8, 0, 0, 0, time.UTC)
	transient := network.NewError(network.Testnet, network.ErrServer, 503, errors.New("503"))
	limited := network.NewError(network.Testnet, network.ErrRateLimited, 429, errors.New("429"))
	limited.RetryAfter = 20 * time.Minute
	auth := network.NewError(network.Testnet, network.ErrAuthExpired, 401, errors.New("401"))
	tests := []struct {
		name       string
		fail       func(key string, try int) error
		wantStatus post.Status
		wantTries  int
		check      func(t *testing.T, attempts []post.Attempt)
	}{
		{"two 503 then success", func(_ string, try int) error {
			if try <= 2 {
				return transient
			}
			return nil
		}, post.Published, 3, func(t *testing.T, a []post.Attempt) {
			if gap := a[1].At.Sub(a[0].At); gap < 22*time.Second || gap > 38*time.Second+poll {
				t.Errorf("first retry after %s, want 30 s ± 25 %%", gap)
			}
			if gap := a[2].At.Sub(a[1].At); gap < 45*time.Second || gap > 75*time.Second+poll {
				t.Errorf("second retry after %s, want 60 s ± 25 %%", gap)
			}
		}},
		{"429 with Retry-After", func(_ string, try int) error {
			if try == 1 {
				return limited
			}
			return nil
		}, post.Published, 2, func(t *testing.T, a []post.Attempt) {
			if gap := a[1].At.Sub(a[0].At); gap < 20*time.Minute {
				t.Errorf("retried after %s, want at least the 20 min the network asked", gap)
			}
		}},
		{"401 fails at once", func(string, int) error { return auth }, post.Failed, 1, func(t *testing.T, a []post.Attempt) {
			if a[0].Reason != "network.auth_expired" || a[0].Outcome != post.OutcomeAuth || a[0].Args["status"] != "401" {
				t.Errorf("attempt = %+v, want auth_expired with its status", a[0])
			}
		}},
		{"always 503 gives up", func(string, int) error { return transient }, post.Failed, 8, func(t *testing.T, a []post.Attempt) {
			if last := a[len(a)-1]; last.Reason != ErrTooManyAttempts.Code {
				t.Errorf("last attempt = %+v, want %s", last, ErrTooManyAttempts.Code)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bubble(t, start, func(t *testing.T, now func() time.Time) {
				p := scheduled("p", start.Add(time.Minute))
				store, net, n := newMemStore(p), newFakeNet(now), &notes{}
				net.fail = tt.fail
				runFor(t, New(store, targets{net}, n, now, zerolog.Nop(), Config{Poll: poll}), 12*time.Hour)
				got := store.get("p")
				if got.Status != tt.wantStatus {
					t.Fatalf("status = %s, want %s", got.Status, tt.wantStatus)
				}
				if pub := len(net.times(key("p"))); (tt.wantStatus == post.Published) != (pub == 1) || pub > 1 {
					t.Errorf("published %d times", pub)
				}
				if tries := net.tries[key("p")]; tries != tt.wantTries {
					t.Errorf("network calls = %d, want %d", tries, tt.wantTries)
				}
				tt.check(t, got.Deliveries[0].Attempts)
				if (tt.wantStatus == post.Failed) != (len(n.failed) == 1) {
					t.Errorf("failure notifications = %v", n.failed)
				}
			})
		})
	}
}

func TestMissedWhenRucheWasClosed(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	bubble(t, start, func(t *testing.T, now func() time.Time) {
		late := scheduled("late", start.Add(-2*time.Hour))
		onTime := scheduled("grace", start.Add(-10*time.Minute))
		store, net := newMemStore(late, onTime), newFakeNet(now)
		runFor(t, New(store, targets{net}, nil, now, zerolog.Nop(), Config{Poll: poll}), time.Minute)
		if st := store.get("late").Status; st != post.Missed || len(net.times(key("late"))) != 0 {
			t.Errorf("2 h late: status %s, %d publications; want missed, none", st, len(net.times(key("late"))))
		}
		if st := store.get("grace").Status; st != post.Published {
			t.Errorf("10 min late (within grace): status %s, want published", st)
		}
	})
}

func TestReconcilesWhatACrashLeftPublishing(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	bubble(t, start, func(t *testing.T, now func() time.Time) {
		net := newFakeNet(now)
		// "out": the crash came after the network took it; "lost": before.
		out, lost := scheduled("out", start.Add(-time.Minute)), scheduled("lost", start.Add(-time.Minute))
		out.Status, lost.Status = post.Publishing, post.Publishing
		net.Publish(context.Background(), network.Account{}, out.Variants[0], key("out"))
		net.tries = map[string]int{}
		store := newMemStore(out, lost)
		runFor(t, New(store, targets{net}, nil, now, zerolog.Nop(), Config{Poll: poll}), time.Minute)
		for _, id := range []string{"out", "lost"} {
			if st := store.get(id).Status; st != post.Published {
				t.Errorf("%s: status %s, want published", id, st)
			}
			if n := len(net.times(key(id))); n != 1 {
				t.Errorf("%s: published %d times, want once", id, n)
			}
		}
		if net.tries[key("out")] != 0 {
			t.Errorf("a post the network already had was sent again")
		}
	})
}

func TestConcurrencyIsBounded(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	bubble(t, start, func(t *testing.T, now func() time.Time) {
		var ps []post.Post
		for i := range 40 {
			ps = append(ps, scheduled(string(rune('A'+i)), start))
		}
		store, net := newMemStore(ps...), newFakeNet(now)
		net.delay = 2 * time.Second
		s := New(store, targets{net}, nil, now, zerolog.Nop(), Config{Poll: poll, Workers: 8, PerNetwork: map[string]int{network.Testnet: 3}})
		runFor(t, s, 2*time.Minute)
		if net.maxActive != 3 {
			t.Errorf("most calls at once on one network = %d, want its limit 3", net.maxActive)
		}
		for _, p := range ps {
			if st := store.get(p.ID).Status; st != post.Published {
				t.Fatalf("%s: %s, want published", p.ID, st)
			}
		}
	})
}

func TestStopLeavesNothingPublishing(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	bubble(t, start, func(t *testing.T, now func() time.Time) {
		store, net := newMemStore(scheduled("slow", start)), newFakeNet(now)
		net.delay = time.Hour // the network hangs; the app quits meanwhile
		runFor(t, New(store, targets{net}, nil, now, zerolog.Nop(), Config{Poll: poll}), 30*time.Second)
		got := store.get("slow")
		if got.Status != post.Scheduled || len(net.times(key("slow"))) != 0 {
			t.Fatalf("after a stop mid-call: status %s; want scheduled again", got.Status)
		}
		if a := got.Deliveries[0].Attempts; len(a) != 1 || a[0].Outcome != post.OutcomeUnknown {
			t.Errorf("attempts = %+v, want one of unknown outcome (ask the network before resending)", a)
		}
	})
}

type gate map[string]bool

func (g gate) Paused(_ context.Context, ws string) bool { return g[ws] }

func TestPausedWorkspaceIsHeldBack(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	bubble(t, start, func(t *testing.T, now func() time.Time) {
		held := scheduled("held", start.Add(time.Minute))
		held.WorkspaceID = "crisis"
		free := scheduled("free", start.Add(time.Minute))
		store, net := newMemStore(held, free), newFakeNet(now)
		s := New(store, targets{net}, nil, now, zerolog.Nop(), Config{Poll: poll, Gate: gate{"crisis": true}})
		runFor(t, s, 5*time.Minute)
		if st := store.get("held").Status; st != post.Paused || len(net.times(key("held"))) != 0 {
			t.Errorf("post of a paused workspace: %s, published %d; want paused, never", st, len(net.times(key("held"))))
		}
		if st := store.get("free").Status; st != post.Published {
			t.Errorf("post of another workspace: %s, want published", st)
		}
	})
}
