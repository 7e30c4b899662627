package mastodon

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"ruche/backend/network"
	"ruche/backend/network/mastodon/mastodontest"
)

// clock is the tests' time: Sleep moves it on instead of waiting.
type clock struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func (c *clock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.sleeps = append(c.sleeps, d)
	c.mu.Unlock()
	return ctx.Err()
}

func (c *clock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}

// fixture is a client speaking to a fake instance over real HTTP, with
// the account of local user "fournil".
type fixture struct {
	srv     *mastodontest.Server
	ts      *httptest.Server
	clock   *clock
	client  *Client
	account network.Account
}

// start is a Monday at 9:02, two minutes into a rate limit period.
var start = time.Date(2026, 3, 2, 9, 2, 0, 0, time.UTC)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	clk := &clock{t: start}
	srv := mastodontest.NewServer(clk.Now)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	f := &fixture{srv: srv, ts: ts, clock: clk}
	f.client = f.newClient(Config{})
	tok := srv.IssueToken("fournil", "read", "write")
	f.account = network.Account{ID: "acc-1", Network: network.Mastodon, Handle: "@fournil@mastodon.test", Server: ts.URL, Token: tok}
	return f
}

// newClient returns another client of the fixture's instance, with the
// fixture's clock (a restarted app, when called again).
func (f *fixture) newClient(cfg Config) *Client {
	cfg.Now, cfg.Sleep = f.clock.Now, f.clock.Sleep
	if cfg.UserAgent == "" {
		cfg.UserAgent = "Ruche/test"
	}
	return NewClient(f.ts.Client(), cfg)
}

// file writes a media file of size bytes in a temporary folder.
func file(t *testing.T, name string, size int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, make([]byte, size), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
