package scheduler

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/network"
	"ruche/backend/post"
)

// flakyStore refuses the writes of outcomes (every UpdatePosts after the
// first claim) n times, as a full disk would, then writes again.
type flakyStore struct {
	*memStore
	mu      sync.Mutex
	calls   int
	refuse  int
	refused int
}

var errDiskFull = errors.New("no space left on device")

func (f *flakyStore) UpdatePosts(ctx context.Context, ids []string, change func(*post.Post) (bool, error)) ([]post.Post, error) {
	f.mu.Lock()
	f.calls++
	fail := f.calls > 1 && f.refused < f.refuse
	if fail {
		f.refused++
	}
	f.mu.Unlock()
	if fail {
		return nil, errDiskFull
	}
	return f.memStore.UpdatePosts(ctx, ids, change)
}

// TestAFailedOutcomeWriteIsRecoveredInProcess: the network took the post,
// the store refused to record it three times; the same process writes it
// once the store accepts, and the post is published once, not left
// publishing until the next start.
func TestAFailedOutcomeWriteIsRecoveredInProcess(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	bubble(t, start, func(t *testing.T, now func() time.Time) {
		net := newFakeNet(now)
		store := &flakyStore{memStore: newMemStore(scheduled("p", start.Add(time.Minute))), refuse: 3}
		runFor(t, New(store, targets{net}, nil, now, zerolog.Nop(), Config{Poll: poll}), 5*time.Minute)
		if got := store.get("p").Status; got != post.Published {
			t.Errorf("status after three refused writes = %s, want published", got)
		}
		if got := len(net.times(key("p"))); got != 1 {
			t.Errorf("published %d times, want once", got)
		}
		if store.refused != 3 {
			t.Errorf("the store refused %d writes, want the 3 planned", store.refused)
		}
	})
}

// TestACrashLeftoverPastGraceIsMissed: Ruche died while publishing and
// comes back three hours later. What the network has is published; what
// it does not have is missed, never sent late.
func TestACrashLeftoverPastGraceIsMissed(t *testing.T) {
	start := time.Date(2027, 6, 1, 15, 0, 0, 0, time.UTC)
	bubble(t, start, func(t *testing.T, now func() time.Time) {
		net := newFakeNet(now)
		claimed := start.Add(-3 * time.Hour)
		out, lost, fresh := scheduled("out", claimed), scheduled("lost", claimed), scheduled("fresh", start.Add(-5*time.Minute))
		for _, p := range []*post.Post{&out, &lost, &fresh} {
			p.Status, p.UpdatedAt = post.Publishing, p.ScheduledAt
		}
		net.Publish(context.Background(), network.Account{}, out.Variants[0], key("out"))
		store := newMemStore(out, lost, fresh)
		runFor(t, New(store, targets{net}, nil, now, zerolog.Nop(), Config{Poll: poll}), time.Minute)
		tests := []struct {
			id   string
			want post.Status
			pubs int
		}{
			{"out", post.Published, 1},   // it went out before the crash: collected
			{"lost", post.Missed, 0},     // 3 h late: the user decides
			{"fresh", post.Published, 1}, // 5 min late: within grace, sent
		}
		for _, tt := range tests {
			if got := store.get(tt.id).Status; got != tt.want {
				t.Errorf("%s: status %s, want %s", tt.id, got, tt.want)
			}
			if got := len(net.times(key(tt.id))); got != tt.pubs {
				t.Errorf("%s: published %d times, want %d", tt.id, got, tt.pubs)
			}
		}
	})
}

// TestARescheduledFailedPostIsPublishedOnce: a post that failed (refused,
// or out of attempts) and that the user moves to another time goes out at
// that time, once.
func TestARescheduledFailedPostIsPublishedOnce(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		attempts int
		outcome  post.Outcome
	}{
		{"refused once", 1, post.OutcomeInvalid},
		{"out of attempts", 8, post.OutcomeTransient},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bubble(t, start, func(t *testing.T, now func() time.Time) {
				p := scheduled("p", start.Add(-time.Hour))
				p.Status = post.Failed
				for i := range tt.attempts {
					p.Record("acct-1", post.Attempt{At: start.Add(-time.Hour + time.Duration(i)*time.Minute), Outcome: tt.outcome, Reason: "network.server"}, "", "")
				}
				p.Deliveries[0].State = post.DeliveryFailed
				if err := p.Move(start.Add(10*time.Minute), now()); err != nil {
					t.Fatal(err)
				}
				net := newFakeNet(now)
				store := newMemStore(p)
				runFor(t, New(store, targets{net}, nil, now, zerolog.Nop(), Config{Poll: poll}), time.Hour)
				got := store.get("p")
				if got.Status != post.Published {
					t.Errorf("status = %s, want published", got.Status)
				}
				if n := len(net.times(key("p"))); n != 1 {
					t.Errorf("published %d times, want once", n)
				}
				if at := net.times(key("p")); len(at) == 1 && at[0].Before(start.Add(10*time.Minute)) {
					t.Errorf("published at %v, before its new time", at[0])
				}
			})
		})
	}
}

// tokenTargets gives every account a token, as the directory does.
type tokenTargets struct {
	pub   network.Publisher
	token string
}

func (t tokenTargets) Target(_ context.Context, id string) (network.Account, network.Publisher, error) {
	return network.Account{ID: id, Network: network.Testnet, Handle: id, Token: t.token}, t.pub, nil
}

// TestAReasonNeverKeepsTheToken: a network whose refusal quotes the access
// token it was sent; the attempt kept in the store says why without it.
func TestAReasonNeverKeepsTheToken(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	const token = "tok-5ecret-value-42"
	bubble(t, start, func(t *testing.T, now func() time.Time) {
		net := newFakeNet(now)
		net.fail = func(string, int) error {
			e := network.NewError(network.Testnet, network.ErrRefused, 422, errors.New("refused"))
			e.Fault.Args["reason"] = "Validation failed: token " + token + " is odd"
			return e
		}
		store := newMemStore(scheduled("p", start.Add(time.Minute)))
		runFor(t, New(store, tokenTargets{net, token}, nil, now, zerolog.Nop(), Config{Poll: poll}), 5*time.Minute)
		p := store.get("p")
		if p.Status != post.Failed || len(p.Deliveries[0].Attempts) == 0 {
			t.Fatalf("status %s, attempts %+v; want failed with the reason", p.Status, p.Deliveries[0].Attempts)
		}
		reason := p.Deliveries[0].Attempts[0].Args["reason"]
		if strings.Contains(reason, token) || !strings.Contains(reason, "Validation failed") {
			t.Errorf("reason kept = %q, want the network's words without the token", reason)
		}
	})
}
