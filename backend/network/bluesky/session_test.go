package bluesky

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/post"
)

func TestJWTExpiry(t *testing.T) {
	exp := time.Unix(1_900_000_000, 0)
	tests := []struct {
		token  string
		want   time.Time
		wantOK bool
	}{
		{jwt(exp, 1), exp, true},
		{"not.a.jwt", time.Time{}, false},
		{"onlyone", time.Time{}, false},
		{"a." + "eyJzdWIiOiJ4In0" + ".c", time.Time{}, false}, // no exp
	}
	for _, tt := range tests {
		got, ok := jwtExpiry(tt.token)
		if !got.Equal(tt.want) || ok != tt.wantOK {
			t.Errorf("jwtExpiry(%.20s…) = %v, %v; want %v, %v", tt.token, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestSessionNeverPrintsTokens(t *testing.T) {
	s := Session{DID: "did:plc:x", Handle: "x.test", AccessJWT: "SECRET-A", RefreshJWT: "SECRET-R"}
	for _, got := range []string{fmt.Sprint(s), fmt.Sprintf("%v %+v %#v", s, s, s)} {
		if strings.Contains(got, "SECRET") {
			t.Errorf("formatted session = %q, want no token", got)
		}
	}
}

// TestConcurrentPublishesRefreshOnce: refresh tokens are single-use, so 20
// publishes that find the access token expired must share one refresh.
func TestConcurrentPublishesRefreshOnce(t *testing.T) {
	tests := []struct {
		name    string
		session func(f *fakePDS) Session
	}{
		{"expired by its exp claim", func(f *fakePDS) Session { return f.session(now.Add(-time.Minute)) }},
		{"refused by the server", func(f *fakePDS) Session {
			s := f.session(now.Add(time.Hour))
			s.AccessJWT = jwt(now.Add(time.Hour), 999) // looks valid, the server does not know it
			return s
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakePDS(t)
			f.slowRefresh = 50 * time.Millisecond
			c, sessions := newTestClient(t, f, tt.session(f))
			var wg sync.WaitGroup
			errs := make([]error, 20)
			for i := range 20 {
				wg.Go(func() {
					_, errs[i] = c.Publish(context.Background(), testAccount(f), post.Variant{Text: fmt.Sprintf("post %d", i)}, fmt.Sprintf("key-%d", i))
				})
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Errorf("Publish %d = %v", i, err)
				}
			}
			if got := f.count(nsidRefreshSession); got != 1 {
				t.Errorf("refreshSession calls = %d, want 1", got)
			}
			if got := f.count(nsidCreateSession); got != 0 {
				t.Errorf("createSession calls = %d, want 0", got)
			}
			if got := f.nrecords(); got != 20 {
				t.Errorf("records = %d, want 20", got)
			}
			s, _ := sessions.Load("acc-1")
			if !f.valid(s) {
				t.Errorf("saved session holds stale tokens")
			}
		})
	}
}

func TestDeadRefreshFallsBackToAppPassword(t *testing.T) {
	f := newFakePDS(t)
	s := f.session(now.Add(-time.Minute))
	f.revoke(s.RefreshJWT)
	c, sessions := newTestClient(t, f, s)
	if _, err := c.Publish(context.Background(), testAccount(f), post.Variant{Text: "bonjour"}, "k1"); err != nil {
		t.Fatalf("Publish() = %v", err)
	}
	if got, want := f.count(nsidRefreshSession), 1; got != want {
		t.Errorf("refreshSession calls = %d, want %d", got, want)
	}
	if got, want := f.count(nsidCreateSession), 1; got != want {
		t.Errorf("createSession calls = %d, want %d", got, want)
	}
	saved, _ := sessions.Load("acc-1")
	if !f.valid(saved) || saved.DID != f.did || saved.PDS != f.srv.URL {
		t.Errorf("saved session = %v, want the new one on %s", saved, f.srv.URL)
	}
}

func TestDeadSessionAndWrongPasswordIsAuthExpired(t *testing.T) {
	tests := []struct {
		name     string
		password func(*MemorySessions)
	}{
		{"password changed", func(m *MemorySessions) { m.SetAppPassword("acc-1", "revoked") }},
		{"no password stored", func(m *MemorySessions) { delete(m.passwords, "acc-1") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakePDS(t)
			s := f.session(now.Add(-time.Minute))
			f.revoke(s.RefreshJWT)
			c, sessions := newTestClient(t, f, s)
			tt.password(sessions)
			_, err := c.Publish(context.Background(), testAccount(f), post.Variant{Text: "bonjour"}, "k1")
			if !errors.Is(err, network.ErrAuthExpired) || fault.KindOf(err) != fault.AuthExpired {
				t.Errorf("Publish() = %v, want network.ErrAuthExpired", err)
			}
			var ne *network.Error
			if !errors.As(err, &ne) {
				t.Errorf("Publish() = %T, want a *network.Error", err)
			}
			if got := f.nrecords(); got != 0 {
				t.Errorf("records = %d, want 0", got)
			}
		})
	}
}

func TestRefreshWithoutRefreshTokenKeepsTheOldOne(t *testing.T) {
	f := newFakePDS(t)
	f.noRefresh = true
	s := f.session(now.Add(-time.Minute))
	c, sessions := newTestClient(t, f, s)
	if _, err := c.Publish(context.Background(), testAccount(f), post.Variant{Text: "bonjour"}, "k1"); err != nil {
		t.Fatalf("Publish() = %v", err)
	}
	saved, _ := sessions.Load("acc-1")
	if saved.RefreshJWT == "" || saved.RefreshJWT != s.RefreshJWT {
		t.Errorf("saved refresh token = %q, want the old one kept", saved.RefreshJWT)
	}
	if saved.AccessJWT == s.AccessJWT || !f.validAccess(saved.AccessJWT) {
		t.Errorf("saved access token was not renewed")
	}
}

func TestUnauthorizedAfterRefreshIsAuthExpired(t *testing.T) {
	f := newFakePDS(t)
	f.expiredAs = http.StatusUnauthorized
	s := f.session(now.Add(time.Hour))
	s.AccessJWT = jwt(now.Add(time.Hour), 998)
	c, _ := newTestClient(t, f, s)
	f.setFail(nsidCreateRecord, xrpcError{Status: 401, Name: "AuthenticationRequired", Message: "no"}, nil)
	_, err := c.Publish(context.Background(), testAccount(f), post.Variant{Text: "bonjour"}, "k1")
	if !errors.Is(err, network.ErrAuthExpired) {
		t.Errorf("Publish() = %v, want network.ErrAuthExpired", err)
	}
}

func TestXRPCErrors(t *testing.T) {
	tests := []struct {
		name      string
		status    int
		xname     string
		header    http.Header
		want      error
		kind      fault.Kind
		wantAfter time.Duration
	}{
		{"rate limited", 429, "RateLimitExceeded", http.Header{"Ratelimit-Reset": {fmt.Sprint(now.Add(90 * time.Second).Unix())}},
			network.ErrRateLimited, fault.RateLimited, 90 * time.Second},
		{"server error", 502, "UpstreamFailure", nil, network.ErrServer, fault.Transient, 0},
		{"invalid request", 400, "InvalidRequest", nil, network.ErrRefused, fault.Invalid, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakePDS(t)
			c, _ := newTestClient(t, f, f.session(now.Add(time.Hour)))
			f.setFail(nsidCreateRecord, xrpcError{Status: tt.status, Name: tt.xname, Message: "Record/text must not be longer than 300 graphemes"}, tt.header)
			_, err := c.Publish(context.Background(), testAccount(f), post.Variant{Text: "bonjour"}, "k1")
			var ne *network.Error
			if !errors.As(err, &ne) || !errors.Is(err, tt.want) || fault.KindOf(err) != tt.kind {
				t.Fatalf("Publish() = %v, want %v (%v)", err, tt.want, tt.kind)
			}
			if ne.Status != tt.status || ne.RetryAfter != tt.wantAfter {
				t.Errorf("status, RetryAfter = %d, %v; want %d, %v", ne.Status, ne.RetryAfter, tt.status, tt.wantAfter)
			}
			if xe := xrpcErr(err); xe == nil || xe.Name != tt.xname || xe.Message == "" {
				t.Errorf("cause = %v, want the XRPC error %s with its message", xe, tt.xname)
			}
		})
	}
}
