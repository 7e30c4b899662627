package testnet

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/post"
)

var (
	now     = time.Date(2027, 3, 14, 7, 0, 0, 0, time.UTC)
	account = network.Account{ID: "a1", Network: network.Testnet, Handle: "fournil", Token: "tok-1"}
	variant = post.Variant{AccountID: "a1", Network: network.Testnet, Text: "Pain au levain ce matin 🥖",
		Media: []post.Media{{Path: "/home/lea/pain.jpg", Alt: "Un pain", MIME: "image/jpeg", Size: 1234}}}
)

// start runs a test network over real HTTP and returns it with a client
// whose requests time out after timeout.
func start(t *testing.T, timeout time.Duration) (*Server, *Client) {
	t.Helper()
	srv := NewServer(func() time.Time { return now })
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return srv, NewClient(hs.Client(), Config{BaseURL: hs.URL, Timeout: timeout, Now: func() time.Time { return now }})
}

func TestPublishSendsTheRequest(t *testing.T) {
	ctx := context.Background()
	srv, c := start(t, time.Second)
	var got Request
	srv.SetFault(func(r Request) Fault {
		got = r
		return Fault{}
	})
	res, err := c.Publish(ctx, account, variant, "key-1")
	if err != nil {
		t.Fatalf("Publish() = %v", err)
	}
	if got.Method != http.MethodPost || got.Path != "/posts" || got.Key != "key-1" || got.Attempt != 1 {
		t.Errorf("request = %s %s key %q attempt %d; want POST /posts key-1 attempt 1", got.Method, got.Path, got.Key, got.Attempt)
	}
	for h, want := range map[string]string{"User-Agent": DefaultUserAgent, "Authorization": "Bearer tok-1",
		"Content-Type": "application/json", "Idempotency-Key": "key-1"} {
		if v := got.Header.Get(h); v != want {
			t.Errorf("header %s = %q, want %q", h, v, want)
		}
	}
	posts := srv.Posts()
	if len(posts) != 1 {
		t.Fatalf("server holds %d posts, want 1", len(posts))
	}
	p := posts[0]
	if p.ID != res.RemoteID || p.URL != res.URL || p.Text != variant.Text || p.Account != "fournil" ||
		len(p.Media) != 1 || p.Media[0] != (Media{Name: "pain.jpg", Alt: "Un pain", MIME: "image/jpeg", Size: 1234}) || !p.CreatedAt.Equal(now) {
		t.Errorf("server holds %+v, result %+v; want the variant as sent", p, res)
	}
}

func TestSameKeyPublishesOnce(t *testing.T) {
	ctx := context.Background()
	srv, c := start(t, time.Second)
	first, err := c.Publish(ctx, account, variant, "key-1")
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.Publish(ctx, account, variant, "key-1")
	if err != nil || again != first {
		t.Fatalf("Publish(same key) = %+v, %v; want %+v again", again, err, first)
	}
	other, _ := c.Publish(ctx, account, variant, "key-2")
	if other.RemoteID == first.RemoteID {
		t.Errorf("Publish(another key) = the first post, want a new one")
	}
	if srv.Created("key-1") != 1 || srv.Requests("key-1") != 2 || len(srv.Posts()) != 2 {
		t.Errorf("created %d, requests %d, posts %d; want 1, 2, 2", srv.Created("key-1"), srv.Requests("key-1"), len(srv.Posts()))
	}
}

func TestFailures(t *testing.T) {
	tests := []struct {
		name    string
		fault   Fault
		want    *fault.Error
		status  int
		wait    time.Duration
		created int // posts the server made despite the failure
	}{
		{"500", Fault{Status: 500}, network.ErrServer, 500, 0, 0},
		{"503 with Retry-After", Fault{Status: 503, RetryAfter: "30"}, network.ErrServer, 503, 30 * time.Second, 0},
		{"429 in seconds", Fault{Status: 429, RetryAfter: "7"}, network.ErrRateLimited, 429, 7 * time.Second, 0},
		{"429 as a date", Fault{Status: 429, RetryAfter: now.Add(time.Minute).Format(http.TimeFormat)}, network.ErrRateLimited, 429, time.Minute, 0},
		{"401", Fault{Status: 401}, network.ErrAuthExpired, 401, 0, 0},
		{"422", Fault{Status: 422}, network.ErrRefused, 422, 0, 0},
		{"timeout", Fault{Delay: 2 * time.Second}, network.ErrTimeout, 0, 0, 0},
		{"reset", Fault{Reset: true}, network.ErrConnection, 0, 0, 0},
		{"answer lost to a reset", Fault{Reset: true, After: true}, network.ErrConnection, 0, 0, 1},
		{"answer lost to a timeout", Fault{Delay: 2 * time.Second, After: true}, network.ErrTimeout, 0, 0, 1},
		{"500 after publishing", Fault{Status: 500, After: true}, network.ErrServer, 500, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			srv, c := start(t, 200*time.Millisecond)
			srv.SetFault(func(r Request) Fault {
				if r.Method == http.MethodPost {
					return tt.fault
				}
				return Fault{}
			})
			_, err := c.Publish(ctx, account, variant, "key-1")
			var ne *network.Error
			if !errors.Is(err, tt.want) || !errors.As(err, &ne) {
				t.Fatalf("Publish() = %v, want %v", err, tt.want)
			}
			if ne.Status != tt.status || ne.RetryAfter != tt.wait || !strings.HasPrefix(err.Error(), "testnet: ") {
				t.Errorf("Publish() = %q: status %d, retry after %v; want %d, %v, prefixed testnet:", err, ne.Status, ne.RetryAfter, tt.status, tt.wait)
			}
			if got := srv.Created("key-1"); got != tt.created {
				t.Errorf("posts created = %d, want %d", got, tt.created)
			}
			// Did this key publish already? The answer decides whether to retry.
			_, found, err := c.Lookup(ctx, account, network.Sent{Key: "key-1"})
			if err != nil || found != (tt.created == 1) {
				t.Errorf("Lookup() = %v, %v; want %v", found, err, tt.created == 1)
			}
		})
	}
}

func TestRetryAfterALostAnswerPublishesOnce(t *testing.T) {
	ctx := context.Background()
	srv, c := start(t, 200*time.Millisecond)
	srv.SetFault(func(r Request) Fault {
		if r.Method == http.MethodPost && r.Attempt <= 2 {
			return Fault{Reset: true, After: true}
		}
		return Fault{}
	})
	var res network.Result
	var err error
	for range 5 {
		if res, err = c.Publish(ctx, account, variant, "key-1"); err == nil {
			break
		}
		if network.Outcome(err) != post.OutcomeUnknown {
			t.Fatalf("Publish() = %v, want an unknown outcome", err)
		}
	}
	if err != nil {
		t.Fatalf("Publish() kept failing: %v", err)
	}
	if srv.Created("key-1") != 1 || len(srv.Posts()) != 1 || srv.Posts()[0].ID != res.RemoteID {
		t.Errorf("created %d, posts %v, result %+v; want the one post", srv.Created("key-1"), srv.Posts(), res)
	}
}

func TestIgnoreKeysMakesDuplicates(t *testing.T) {
	ctx := context.Background()
	srv, c := start(t, time.Second)
	srv.IgnoreKeys(true)
	first, _ := c.Publish(ctx, account, variant, "key-1")
	c.Publish(ctx, account, variant, "key-1")
	if srv.Created("key-1") != 2 {
		t.Errorf("created = %d, want 2: a network without idempotency duplicates", srv.Created("key-1"))
	}
	res, found, err := c.Lookup(ctx, account, network.Sent{Key: "key-1"})
	if err != nil || !found || res != first {
		t.Errorf("Lookup() = %+v, %v, %v; want the first post", res, found, err)
	}
}

func TestLookupAndDelete(t *testing.T) {
	ctx := context.Background()
	srv, c := start(t, time.Second)
	if _, found, err := c.Lookup(ctx, account, network.Sent{Key: "key-1"}); found || err != nil {
		t.Errorf("Lookup(never published) = %v, %v; want false, nil", found, err)
	}
	res, _ := c.Publish(ctx, account, variant, "key-1")
	if got, found, err := c.Lookup(ctx, account, network.Sent{Key: "key-1"}); !found || err != nil || got != res {
		t.Errorf("Lookup() = %+v, %v, %v; want %+v", got, found, err, res)
	}
	if err := c.Delete(ctx, account, res.RemoteID); err != nil {
		t.Fatalf("Delete() = %v", err)
	}
	if err := c.Delete(ctx, account, res.RemoteID); err != nil {
		t.Errorf("Delete(already gone) = %v, want nil", err)
	}
	if len(srv.Posts()) != 0 || srv.Created("key-1") != 1 {
		t.Errorf("after Delete: %d posts, created %d; want 0, 1", len(srv.Posts()), srv.Created("key-1"))
	}
	srv.SetFault(func(Request) Fault { return Fault{Status: 503} })
	if _, _, err := c.Lookup(ctx, account, network.Sent{Key: "key-1"}); !errors.Is(err, network.ErrServer) {
		t.Errorf("Lookup() on a failing server = %v, want ErrServer", err)
	}
}

func TestServerRefuses(t *testing.T) {
	ctx := context.Background()
	_, c := start(t, time.Second)
	tests := []struct {
		name    string
		account network.Account
		v       post.Variant
		want    *fault.Error
	}{
		{"no token", network.Account{Handle: "fournil"}, variant, network.ErrAuthExpired},
		{"empty", account, post.Variant{Text: " "}, network.ErrRefused},
		{"too long", account, post.Variant{Text: strings.Repeat("é", TextLimit+1)}, network.ErrRefused},
	}
	for _, tt := range tests {
		_, err := c.Publish(ctx, tt.account, tt.v, "k-"+tt.name)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: Publish() = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestUnreachable(t *testing.T) {
	hs := httptest.NewServer(NewServer(time.Now))
	url := hs.URL
	hs.Close()
	c := NewClient(nil, Config{BaseURL: url, Timeout: time.Second})
	_, err := c.Publish(context.Background(), account, variant, "key-1")
	if !errors.Is(err, network.ErrUnreachable) || network.Outcome(err) != post.OutcomeTransient {
		t.Errorf("Publish(closed server) = %v, want ErrUnreachable, a transient outcome", err)
	}
}

func TestCancelledByTheCaller(t *testing.T) {
	srv, c := start(t, 5*time.Second)
	srv.SetLatency(time.Second)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := c.Publish(ctx, account, variant, "key-1")
	var ne *network.Error
	if !errors.Is(err, context.Canceled) || errors.As(err, &ne) || !strings.HasPrefix(err.Error(), "testnet: ") {
		t.Errorf("Publish(cancelled) = %v, want context.Canceled, not a network failure, prefixed testnet:", err)
	}
}

func TestLatencyAndConcurrency(t *testing.T) {
	ctx := context.Background()
	srv, c := start(t, 5*time.Second)
	srv.SetLatency(50 * time.Millisecond)
	var wg sync.WaitGroup
	var failed atomic.Int32
	for i := range 8 {
		wg.Go(func() {
			if _, err := c.Publish(ctx, account, variant, "key-"+string(rune('a'+i))); err != nil {
				failed.Add(1)
			}
		})
	}
	wg.Wait()
	if failed.Load() != 0 || len(srv.Posts()) != 8 {
		t.Fatalf("%d failures, %d posts; want 0, 8", failed.Load(), len(srv.Posts()))
	}
	if peak := srv.PeakInFlight(); peak < 2 || peak > 8 {
		t.Errorf("PeakInFlight() = %d, want between 2 and 8 for 8 concurrent requests", peak)
	}
}
