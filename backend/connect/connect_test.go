package connect_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"ruche/backend/account"
	"ruche/backend/connect"
	"ruche/backend/credentials"
	"ruche/backend/fault"
	"ruche/backend/ident"
	"ruche/backend/network/bluesky"
	"ruche/backend/network/mastodon"
	"ruche/backend/network/mastodon/mastodontest"
	"ruche/backend/oauth"
	"ruche/backend/secrets"
)

// repo keeps accounts in memory.
type repo map[string]account.Account

func (r repo) Accounts(_ context.Context, ws string) ([]account.Account, error) {
	var out []account.Account
	for _, a := range r {
		if a.WorkspaceID == ws {
			out = append(out, a)
		}
	}
	return out, nil
}

func (r repo) Account(_ context.Context, id string) (account.Account, error) {
	a, ok := r[id]
	if !ok {
		return account.Account{}, account.ErrNotFound.With(nil, nil)
	}
	return a, nil
}

func (r repo) PutAccount(_ context.Context, a account.Account) error { r[a.ID] = a; return nil }

func (r repo) DeleteAccount(_ context.Context, id string) error { delete(r, id); return nil }

type fixture struct {
	srv   *mastodontest.Server
	ts    *httptest.Server
	vault *secrets.Memory
	keys  *credentials.Keys
	repo  repo
	c     *connect.Connector
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv := mastodontest.NewServer(time.Now)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	f := &fixture{srv: srv, ts: ts, vault: secrets.NewMemory(), repo: repo{}}
	f.keys = credentials.New(f.vault)
	m := mastodon.NewClient(ts.Client(), mastodon.Config{})
	b := bluesky.NewClient(nil, f.keys.Bluesky(), bluesky.Config{})
	f.c = connect.New(account.NewService(f.repo, time.Now, ident.New), f.keys, m, b, oauth.NewFlow(ts.Client(), 0), nil, time.Now)
	t.Cleanup(f.c.Close)
	return f
}

// browse is the user's browser following the authorization address; it
// returns the page it ends on.
func browse(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestMastodonConnectReconnectDisconnect(t *testing.T) {
	for _, pasted := range []bool{false, true} {
		name := map[bool]string{false: "browser comes back", true: "pasted code"}[pasted]
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			f.srv.Approve("fournil")
			ctx := context.Background()
			connectOnce := func() account.Account {
				start, err := f.c.StartMastodon(ctx, "ws", f.ts.URL, pasted)
				if err != nil {
					t.Fatalf("StartMastodon() = %v", err)
				}
				page := browse(t, start.URL)
				code := ""
				if pasted {
					code = mastodontest.CodeFromPage(page)
				}
				acc, err := f.c.FinishMastodon(ctx, start.FlowID, code)
				if err != nil {
					t.Fatalf("FinishMastodon() = %v", err)
				}
				return acc
			}
			acc := connectOnce()
			if acc.Network != "mastodon" || acc.Status != account.Connected || acc.Server != f.ts.URL || acc.RemoteID == "" {
				t.Errorf("account = %+v, want a connected Mastodon account of the instance", acc)
			}
			tok, err := f.keys.Token(acc.ID)
			if err != nil || tok == "" {
				t.Fatalf("token in the keychain: %q, %v", tok, err)
			}
			if c, err := f.keys.Client(acc.ID); err != nil || c.ID == "" || c.Secret == "" {
				t.Errorf("client in the keychain = %+v, %v", c, err)
			}
			if len(f.repo) != 1 {
				t.Fatalf("%d accounts, want 1", len(f.repo))
			}

			// Connecting again reconnects the same account.
			again := connectOnce()
			if again.ID != acc.ID || len(f.repo) != 1 {
				t.Errorf("reconnect made account %s (%d in all), want %s again", again.ID, len(f.repo), acc.ID)
			}
			tokens := f.srv.Tokens()

			got, err := f.c.Disconnect(ctx, acc.ID)
			if err != nil || got.Status != account.Disconnected {
				t.Fatalf("Disconnect() = %+v, %v", got.Status, err)
			}
			if _, err := f.keys.Token(acc.ID); !errors.Is(err, credentials.ErrNotFound) {
				t.Errorf("token after Disconnect: %v, want none", err)
			}
			if f.srv.Tokens() != tokens-1 {
				t.Errorf("instance tokens %d → %d, want the token revoked", tokens, f.srv.Tokens())
			}
			if _, err := f.c.Remove(ctx, acc.ID); err != nil || len(f.repo) != 0 {
				t.Errorf("Remove() = %v, %d accounts left", err, len(f.repo))
			}
		})
	}
}

func TestMastodonRefusals(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()

	notMastodon := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html><body>Mon blog</body></html>")
	}))
	defer notMastodon.Close()
	if _, err := f.c.StartMastodon(ctx, "ws", notMastodon.URL, false); !errors.Is(err, mastodon.ErrNotMastodon) {
		t.Errorf("StartMastodon(a blog) = %v, want ErrNotMastodon", err)
	}

	f.srv.Deny()
	start, err := f.c.StartMastodon(ctx, "ws", f.ts.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	browse(t, start.URL)
	if _, err := f.c.FinishMastodon(ctx, start.FlowID, ""); !errors.Is(err, oauth.ErrDenied) {
		t.Errorf("FinishMastodon after a denial = %v, want ErrDenied", err)
	}
	if _, err := f.c.FinishMastodon(ctx, start.FlowID, ""); !errors.Is(err, connect.ErrFlowUnknown) {
		t.Errorf("FinishMastodon of a finished flow = %v, want ErrFlowUnknown", err)
	}
	if len(f.repo) != 0 {
		t.Errorf("%d accounts after refusals, want none", len(f.repo))
	}

	// Cancelled while waiting for the browser.
	start, err = f.c.StartMastodon(ctx, "ws", f.ts.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	go func() { time.Sleep(30 * time.Millisecond); f.c.CancelMastodon(start.FlowID) }()
	if _, err := f.c.FinishMastodon(ctx, start.FlowID, ""); fault.KindOf(err) != fault.Conflict {
		t.Errorf("FinishMastodon after a cancel = %v, want the authorization closed", err)
	}
}

func TestDemoAccountsCannotBeConnected(t *testing.T) {
	f := newFixture(t)
	f.srv.Approve("fournil")
	ctx := context.Background()
	f.repo["d"] = account.Account{ID: "d", WorkspaceID: "ws", Network: "mastodon", Handle: "@fournil@" + f.ts.Listener.Addr().String(),
		Status: account.Demo}
	start, err := f.c.StartMastodon(ctx, "ws", f.ts.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	browse(t, start.URL)
	acc, err := f.c.FinishMastodon(ctx, start.FlowID, "")
	if err == nil && acc.ID == "d" {
		t.Fatalf("the demo account was connected: %+v", acc)
	}
	if got, _ := f.c.Disconnect(ctx, "d"); got.Status != account.Demo {
		t.Errorf("Disconnect(demo) status = %s, want it left a demo", got.Status)
	}
}
