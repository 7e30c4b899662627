package mastodon

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/network/mastodon/mastodontest"
	"ruche/backend/post"
)

func TestPublishErrors(t *testing.T) {
	statuses := "/api/v1/statuses"
	tests := []struct {
		name       string
		setup      func(f *fixture)
		v          post.Variant
		want       error
		kind       fault.Kind
		status     int
		reason     string
		retryAfter time.Duration
	}{
		{name: "token revoked", setup: func(f *fixture) { f.account.Token = "revoked" },
			want: network.ErrAuthExpired, kind: fault.AuthExpired, status: 401},
		{name: "scope missing", setup: func(f *fixture) { f.account.Token = f.srv.IssueToken("fournil", "read") },
			want: ErrScope, kind: fault.AuthExpired, status: 403},
		{name: "login disabled", setup: func(f *fixture) {
			f.srv.Inject(mastodontest.Fault{Path: statuses, Status: 403, Error: "Your login is currently disabled"})
		}, want: ErrAccountDisabled, kind: fault.AuthExpired, status: 403, reason: "Your login is currently disabled"},
		{name: "text too long", v: post.Variant{Text: strings.Repeat("a", 501)},
			want: ErrRefused, kind: fault.Invalid, status: 422, reason: "Validation failed: Text character limit of 500 exceeded"},
		{name: "empty", v: post.Variant{Text: "  "},
			want: ErrRefused, kind: fault.Invalid, status: 422, reason: "Validation failed: Text can't be blank"},
		{name: "bad visibility", v: post.Variant{Text: "x", Visibility: "everyone"},
			want: ErrRefused, kind: fault.Invalid, status: 422, reason: "Validation failed: Visibility is not included in the list"},
		{name: "rate limited with X-RateLimit-Reset", setup: func(f *fixture) { f.srv.Throttle(start.Add(3 * time.Minute)) },
			want: network.ErrRateLimited, kind: fault.RateLimited, status: 429, retryAfter: 3 * time.Minute},
		{name: "rate limited with Retry-After", setup: func(f *fixture) {
			f.srv.Inject(mastodontest.Fault{Path: statuses, Status: 429, Header: http.Header{"Retry-After": {"120"}}})
		}, want: network.ErrRateLimited, kind: fault.RateLimited, status: 429, retryAfter: 2 * time.Minute},
		{name: "server error", setup: func(f *fixture) { f.srv.Inject(mastodontest.Fault{Path: statuses, Status: 500}) },
			want: network.ErrServer, kind: fault.Transient, status: 500},
		{name: "unavailable", setup: func(f *fixture) {
			f.srv.Inject(mastodontest.Fault{Path: statuses, Status: 503, Header: http.Header{"Retry-After": {"30"}}})
		}, want: network.ErrServer, kind: fault.Transient, status: 503, retryAfter: 30 * time.Second},
		{name: "connection dropped", setup: func(f *fixture) { f.srv.Inject(mastodontest.Fault{Path: statuses, Drop: true, Times: 2}) },
			want: network.ErrConnection, kind: fault.Transient},
		{name: "reply to a status gone", v: post.Variant{Text: "x", Thread: []string{"y"}}, setup: func(f *fixture) {
			f.srv.Inject(mastodontest.Fault{Path: statuses, Skip: 1, Status: 404, Error: "Record not found"})
		}, want: network.ErrRefused, kind: fault.Invalid, status: 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			if tt.setup != nil {
				tt.setup(f)
			}
			v := tt.v
			if v.Text == "" {
				v.Text = "Bonjour"
			}
			_, err := f.client.Publish(t.Context(), f.account, v, "k")
			if !errors.Is(err, tt.want) {
				t.Fatalf("Publish() = %v, want %v", err, tt.want)
			}
			var ne *network.Error
			if !errors.As(err, &ne) {
				t.Fatalf("Publish() = %T %v, want a *network.Error", err, err)
			}
			if ne.Kind() != tt.kind || ne.Status != tt.status || ne.Network != network.Mastodon {
				t.Errorf("kind %v status %d network %q, want %v %d mastodon", ne.Kind(), ne.Status, ne.Network, tt.kind, tt.status)
			}
			if tt.reason != "" && ne.Fault.Args["reason"] != tt.reason {
				t.Errorf("reason = %q, want %q", ne.Fault.Args["reason"], tt.reason)
			}
			if ne.RetryAfter != tt.retryAfter {
				t.Errorf("RetryAfter = %v, want %v", ne.RetryAfter, tt.retryAfter)
			}
			if strings.Contains(err.Error(), f.account.Token) && f.account.Token != "revoked" {
				t.Errorf("the error %q shows the token", err)
			}
		})
	}
}

func TestRateLimitIsHonoured(t *testing.T) {
	f := newFixture(t)
	f.srv.SetRateLimit(2)
	post1 := post.Variant{Text: "un"}
	for i, key := range []string{"k1", "k2"} {
		if _, err := f.client.Publish(t.Context(), f.account, post1, key); err != nil {
			t.Fatalf("Publish() %d = %v", i, err)
		}
	}
	// The second answer said X-RateLimit-Remaining: 0 until 9:05: the
	// client refuses without asking, saying how long to wait.
	before := len(f.srv.Requests())
	_, err := f.client.Publish(t.Context(), f.account, post1, "k3")
	var ne *network.Error
	if !errors.Is(err, network.ErrRateLimited) || !errors.As(err, &ne) || ne.RetryAfter != 3*time.Minute {
		t.Fatalf("Publish() with no request left = %v, want ErrRateLimited with RetryAfter 3m", err)
	}
	if n := len(f.srv.Requests()); n != before {
		t.Errorf("%d requests sent with no request left, want 0", n-before)
	}
	// Another account of the same instance is not held.
	other := f.account
	other.Token = f.srv.IssueToken("voisin")
	if _, err := f.client.Publish(t.Context(), other, post1, "k4"); err != nil {
		t.Errorf("Publish() for another account = %v, want nil", err)
	}

	// A client that may wait sleeps until the reset, then goes on.
	patient := f.newClient(Config{MaxRateWait: 10 * time.Minute})
	patient.Publish(t.Context(), f.account, post1, "k0") // learns the budget is spent
	f.clock.mu.Lock()
	f.clock.sleeps = nil
	f.clock.mu.Unlock()
	if _, err := patient.Publish(t.Context(), f.account, post1, "k5"); err != nil {
		t.Fatalf("Publish() by a patient client = %v, want nil after the wait", err)
	}
	if s := f.clock.Sleeps(); len(s) != 1 || s[0] != 3*time.Minute {
		t.Errorf("waits = %v, want one of 3m", s)
	}
}

func TestRateLimitAfter429(t *testing.T) {
	f := newFixture(t)
	f.srv.Throttle(start.Add(time.Minute))
	if _, err := f.client.VerifyCredentials(t.Context(), f.account); !errors.Is(err, network.ErrRateLimited) {
		t.Fatalf("VerifyCredentials() = %v, want ErrRateLimited", err)
	}
	before := len(f.srv.Requests())
	// 1 minute is more than MaxRateWait (10 s): refused at once.
	if _, err := f.client.AccountStats(t.Context(), f.account); !errors.Is(err, network.ErrRateLimited) {
		t.Errorf("AccountStats() = %v, want ErrRateLimited", err)
	}
	if n := len(f.srv.Requests()); n != before {
		t.Errorf("%d requests sent while limited, want 0", n-before)
	}
	f.clock.Add(time.Minute)
	if _, err := f.client.AccountStats(t.Context(), f.account); err != nil {
		t.Errorf("AccountStats() after the reset = %v, want nil", err)
	}
}

func TestConcurrentPublishing(t *testing.T) {
	f := newFixture(t)
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := f.client.Publish(t.Context(), f.account, post.Variant{Text: "fil", Thread: []string{"suite"}}, "c"+string(rune('a'+i)))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Publish() = %v", err)
		}
	}
	if n := f.srv.Created(); n != 40 {
		t.Errorf("statuses created = %d, want 40", n)
	}
}
