package scheduler

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/network"
	"ruche/backend/post"
)

// These tests move the wall clock the scheduler sees (the now given to New)
// while it runs, apart from the monotonic clock its ticker follows: an NTP
// correction, a user changing the time, a laptop that slept, a flaky clock.
// Inside a synctest bubble, real is the clock that never jumps (the bubble's
// time.Now shifted to the scenario's start) and now is real plus an offset
// the test goroutine changes.

// jumpClock is a wall clock that jumps when told.
type jumpClock struct {
	base   time.Duration // from the bubble's time.Now to the scenario's start
	offset atomic.Int64  // the jumps so far, in nanoseconds
}

func newJumpClock(start time.Time) *jumpClock {
	return &jumpClock{base: start.Sub(time.Now())}
}

// real is the time that never jumps.
func (c *jumpClock) real() time.Time { return time.Now().Add(c.base).UTC() }

// now is the wall clock the scheduler reads.
func (c *jumpClock) now() time.Time {
	return time.Now().Add(c.base + time.Duration(c.offset.Load())).UTC()
}

func (c *jumpClock) jump(by time.Duration) { c.offset.Add(int64(by)) }

// sending is one publication that reached the network.
type sending struct{ wall, real time.Time }

// recorder wraps a fakeNet and keeps every publication the network took,
// with both clocks: fakeNet keeps the first per key only (a repeated key
// is the same publication), so a second send would not show in its times.
// When lose says so, the network takes the post but its answer is lost (a
// timeout): the post is out and Ruche does not know it.
type recorder struct {
	*fakeNet
	clock *jumpClock
	lose  func(try int) bool

	mu    sync.Mutex
	sent  map[string][]sending
	calls map[string]int
}

func newRecorder(net *fakeNet, clock *jumpClock, lose func(try int) bool) *recorder {
	return &recorder{fakeNet: net, clock: clock, lose: lose, sent: map[string][]sending{}, calls: map[string]int{}}
}

func (r *recorder) Publish(ctx context.Context, a network.Account, v post.Variant, key string) (network.Result, error) {
	r.mu.Lock()
	r.calls[key]++
	try := r.calls[key]
	r.mu.Unlock()
	res, err := r.fakeNet.Publish(ctx, a, v, key)
	if err != nil {
		return res, err
	}
	r.mu.Lock()
	r.sent[key] = append(r.sent[key], sending{wall: r.clock.now(), real: r.clock.real()})
	r.mu.Unlock()
	if r.lose != nil && r.lose(try) {
		return network.Result{}, network.NewError(network.Testnet, network.ErrTimeout, 0, errors.New("the answer was lost"))
	}
	return res, nil
}

func (r *recorder) sends(key string) []sending {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]sending(nil), r.sent[key]...)
}

func (r *recorder) callsTo(key string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls[key]
}

// syncBuffer is a log sink the scheduler's goroutines share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// clockJump moves the wall clock by by when the real clock is at since the
// start; wake then calls Scheduler.Wake, as the OS's wake-up notice does.
type clockJump struct {
	at, by time.Duration
	wake   bool
}

// window is a span of time after the scenario's start; the zero window is
// not checked.
type window struct{ from, to time.Duration }

func (w window) contains(start, t time.Time) bool {
	return !t.Before(start.Add(w.from)) && !t.After(start.Add(w.to))
}

// oscillate swings the wall clock amp ahead, then amp behind, and so on,
// every period from first until until (a clock that keeps being "fixed").
func oscillate(first, period, amp, until time.Duration) []clockJump {
	js := []clockJump{{at: first, by: amp}}
	for at, by := first+period, -2*amp; at < until; at, by = at+period, -by {
		js = append(js, clockJump{at: at, by: by})
	}
	return js
}

func TestClockJumps(t *testing.T) {
	start := time.Date(2027, 6, 1, 11, 20, 0, 0, time.UTC)
	const back1h = 40*time.Minute + 2*time.Second // just after the 12:00 post went out
	transient := network.NewError(network.Testnet, network.ErrServer, 503, errors.New("503"))
	failFirst := func(_ string, try int) error {
		if try == 1 {
			return transient
		}
		return nil
	}
	loseFirst := func(try int) bool { return try == 1 }

	type postWant struct {
		id     string
		at     time.Duration // ScheduledAt, after start
		status post.Status
		sends  int    // publications the network took
		calls  int    // calls to Publish
		real   window // when it went out, by the clock that never jumps
		wall   window // when it went out, by the wall clock the scheduler sees
	}
	tests := []struct {
		name  string
		jumps []clockJump
		fail  func(key string, try int) error
		lose  func(try int) bool
		run   time.Duration
		woke  bool          // "woke up: catching up" is logged
		early time.Duration // how far before its wall time a post may go out
		posts []postWant
	}{
		{
			name:  "back 1 h right after a publication (NTP, user, time zone)",
			jumps: []clockJump{{at: back1h, by: -time.Hour}},
			run:   3 * time.Hour,
			posts: []postWant{
				// 11:30, in the hour the clock goes through again: out once, before.
				{id: "earlier", at: 10 * time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{10 * time.Minute, 10 * time.Minute}},
				// 12:00, out a second before the jump: not again at the second 12:00.
				{id: "just", at: 40 * time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{40 * time.Minute, 40 * time.Minute}},
				// 12:30: at 12:30 by the wall clock, an hour and a half later really.
				{id: "later", at: 70 * time.Minute, status: post.Published, sends: 1, calls: 1,
					wall: window{70 * time.Minute, 70*time.Minute + poll},
					real: window{130 * time.Minute, 130*time.Minute + poll}},
			},
		},
		{
			name:  "back 1 h, then forward 1 h (the correction undone)",
			jumps: []clockJump{{at: back1h, by: -time.Hour}, {at: 50*time.Minute + 2*time.Second, by: time.Hour}},
			run:   2 * time.Hour,
			woke:  true, // the hour forward
			posts: []postWant{
				{id: "earlier", at: 10 * time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{10 * time.Minute, 10 * time.Minute}},
				{id: "just", at: 40 * time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{40 * time.Minute, 40 * time.Minute}},
				{id: "later", at: 70 * time.Minute, status: post.Published, sends: 1, calls: 1,
					wall: window{70 * time.Minute, 70*time.Minute + poll},
					real: window{70 * time.Minute, 70*time.Minute + poll}},
			},
		},
		{
			name:  "forward 3 h (suspended), caught up at the next tick",
			jumps: []clockJump{{at: 10*time.Minute + 2*time.Second, by: 3 * time.Hour}},
			run:   time.Hour,
			woke:  true,
			posts: []postWant{
				{id: "before", at: time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{time.Minute, time.Minute}},
				// 2 h 10 min late when the clock lands: missed, never sent.
				{id: "long-past", at: time.Hour, status: post.Missed},
				// 16 min late: past the 15 min grace.
				{id: "past-grace", at: 2*time.Hour + 54*time.Minute, status: post.Missed},
				// 14 min and 5 s late: within grace, sent at the first poll after the jump.
				{id: "in-grace", at: 2*time.Hour + 56*time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{10*time.Minute + 2*time.Second, 10*time.Minute + 2*time.Second + poll}},
				{id: "just-due", at: 3*time.Hour + 10*time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{10*time.Minute + 2*time.Second, 10*time.Minute + 2*time.Second + poll}},
				// Still ahead after the jump: at its wall time.
				{id: "after", at: 3*time.Hour + 30*time.Minute, status: post.Published, sends: 1, calls: 1,
					wall: window{3*time.Hour + 30*time.Minute, 3*time.Hour + 30*time.Minute + poll},
					real: window{30 * time.Minute, 30*time.Minute + poll}},
			},
		},
		{
			name:  "forward 3 h (suspended), the OS says it woke up",
			jumps: []clockJump{{at: 10*time.Minute + 2*time.Second, by: 3 * time.Hour, wake: true}},
			run:   time.Hour,
			woke:  true,
			posts: []postWant{
				{id: "before", at: time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{time.Minute, time.Minute}},
				{id: "long-past", at: time.Hour, status: post.Missed},
				{id: "past-grace", at: 2*time.Hour + 54*time.Minute, status: post.Missed},
				// At once: the very instant of the wake-up.
				{id: "in-grace", at: 2*time.Hour + 56*time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{10*time.Minute + 2*time.Second, 10*time.Minute + 2*time.Second}},
				{id: "just-due", at: 3*time.Hour + 10*time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{10*time.Minute + 2*time.Second, 10*time.Minute + 2*time.Second}},
				{id: "after", at: 3*time.Hour + 30*time.Minute, status: post.Published, sends: 1, calls: 1,
					wall: window{3*time.Hour + 30*time.Minute, 3*time.Hour + 30*time.Minute + poll},
					real: window{30 * time.Minute, 30*time.Minute + poll}},
			},
		},
		{
			name:  "forward 10 min, less than grace",
			jumps: []clockJump{{at: time.Minute + 2*time.Second, by: 10 * time.Minute}},
			run:   time.Hour,
			woke:  true,
			posts: []postWant{
				{id: "before", at: 30 * time.Second, status: post.Published, sends: 1, calls: 1,
					real: window{30 * time.Second, 30 * time.Second}},
				// Jumped over: sent within one poll of the jump.
				{id: "skipped", at: 5 * time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{time.Minute + 2*time.Second, time.Minute + 2*time.Second + poll}},
				{id: "landed-on", at: 11 * time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{time.Minute + 2*time.Second, time.Minute + 2*time.Second + poll}},
				{id: "later", at: 20 * time.Minute, status: post.Published, sends: 1, calls: 1,
					wall: window{20 * time.Minute, 20*time.Minute + poll},
					real: window{10 * time.Minute, 10*time.Minute + poll}},
			},
		},
		{
			name: "±30 s at every poll (a flaky clock)",
			// Half way between two ticks, so that the order is certain.
			jumps: oscillate(poll/2, poll, 30*time.Second, 40*time.Minute),
			run:   40 * time.Minute,
			woke:  true, // each swing forward is 60 s
			early: 30 * time.Second,
			posts: []postWant{
				{id: "a", at: time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{30 * time.Second, 90*time.Second + poll}},
				{id: "b", at: 2*time.Minute + 17*time.Second, status: post.Published, sends: 1, calls: 1,
					real: window{107 * time.Second, 167*time.Second + poll}},
				{id: "c", at: 2*time.Minute + 19*time.Second, status: post.Published, sends: 1, calls: 1,
					real: window{109 * time.Second, 169*time.Second + poll}},
				{id: "d", at: 10 * time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{570 * time.Second, 630*time.Second + poll}},
				{id: "e", at: 30*time.Minute + 1*time.Second, status: post.Published, sends: 1, calls: 1,
					real: window{1771 * time.Second, 1831*time.Second + poll}},
			},
		},
		{
			// The retry is due at 11:21:30 by the wall clock, which after the
			// jump is 2 h away: the retry waits those 2 h (see the report).
			name:  "503, then back 2 h during the backoff",
			jumps: []clockJump{{at: time.Minute + 10*time.Second, by: -2 * time.Hour}},
			fail:  failFirst,
			run:   3 * time.Hour,
			posts: []postWant{
				{id: "r", at: time.Minute, status: post.Published, sends: 1, calls: 2,
					wall: window{90 * time.Second, 90*time.Second + poll},
					real: window{2*time.Hour + 90*time.Second, 2*time.Hour + 90*time.Second + poll}},
			},
		},
		{
			name:  "out but the answer lost, then back 2 h during the backoff",
			jumps: []clockJump{{at: time.Minute + 10*time.Second, by: -2 * time.Hour}},
			lose:  loseFirst,
			run:   3 * time.Hour,
			posts: []postWant{
				// Out at the first try; the retry asks the network and collects it.
				{id: "r", at: time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{time.Minute, time.Minute}},
			},
		},
		{
			name:  "503, then suspended 3 h during the backoff",
			jumps: []clockJump{{at: time.Minute + 10*time.Second, by: 3 * time.Hour}},
			fail:  failFirst,
			run:   time.Hour,
			woke:  true,
			posts: []postWant{
				// Nothing went out; 3 h late: missed like any late post.
				{id: "r", at: time.Minute, status: post.Missed, calls: 1},
			},
		},
		{
			name:  "out but the answer lost, then suspended 3 h during the backoff",
			jumps: []clockJump{{at: time.Minute + 10*time.Second, by: 3 * time.Hour}},
			lose:  loseFirst,
			run:   time.Hour,
			woke:  true,
			posts: []postWant{
				// The network has it since its time: published (collected), as
				// reconcile does for a crash leftover past grace, not missed.
				{id: "r", at: time.Minute, status: post.Published, sends: 1, calls: 1,
					real: window{time.Minute, time.Minute}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				t0 := time.Now()
				clock := newJumpClock(start)
				net := newFakeNet(clock.now)
				net.fail = tt.fail
				rec := newRecorder(net, clock, tt.lose)
				var ps []post.Post
				for _, w := range tt.posts {
					ps = append(ps, scheduled(w.id, start.Add(w.at)))
				}
				store := newMemStore(ps...)
				var logs syncBuffer
				s := New(store, targets{rec}, nil, clock.now, zerolog.New(&logs), Config{Poll: poll})
				s.jitter = func() float64 { return 0.5 } // backoff exactly 30 s

				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan error, 1)
				go func() { done <- s.Run(ctx) }()
				for _, j := range tt.jumps {
					time.Sleep(time.Until(t0.Add(j.at)))
					clock.jump(j.by)
					if j.wake {
						s.Wake()
					}
				}
				time.Sleep(time.Until(t0.Add(tt.run)))
				cancel()
				if err := <-done; err != nil {
					t.Fatalf("Run() = %v", err)
				}

				for _, w := range tt.posts {
					k := key(w.id)
					if got := store.get(w.id).Status; got != w.status {
						t.Errorf("%s: status %s, want %s", w.id, got, w.status)
					}
					if got := len(net.times(k)); got != min(w.sends, 1) {
						t.Errorf("%s: fakeNet has %d publications, want %d", w.id, got, min(w.sends, 1))
					}
					sent := rec.sends(k)
					if len(sent) != w.sends {
						t.Errorf("%s: the network took it %d times, want %d", w.id, len(sent), w.sends)
					}
					if got := rec.callsTo(k); got != w.calls {
						t.Errorf("%s: Publish called %d times, want %d", w.id, got, w.calls)
					}
					for _, at := range sent {
						if at.wall.Before(start.Add(w.at - tt.early)) {
							t.Errorf("%s: out at %s by the wall clock, want not before %s - %s", w.id,
								at.wall.Format(time.TimeOnly), start.Add(w.at).Format(time.TimeOnly), tt.early)
						}
						if w.real != (window{}) && !w.real.contains(start, at.real) {
							t.Errorf("%s: out at %s really, want from %s to %s", w.id, at.real.Format(time.TimeOnly),
								start.Add(w.real.from).Format(time.TimeOnly), start.Add(w.real.to).Format(time.TimeOnly))
						}
						if w.wall != (window{}) && !w.wall.contains(start, at.wall) {
							t.Errorf("%s: out at %s by the wall clock, want from %s to %s", w.id, at.wall.Format(time.TimeOnly),
								start.Add(w.wall.from).Format(time.TimeOnly), start.Add(w.wall.to).Format(time.TimeOnly))
						}
					}
				}
				if got := strings.Contains(logs.String(), "woke up: catching up"); got != tt.woke {
					t.Errorf("logged \"woke up\" = %t, want %t", got, tt.woke)
				}
			})
		})
	}
}
