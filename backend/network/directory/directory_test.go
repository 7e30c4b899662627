package directory

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"ruche/backend/account"
	"ruche/backend/credentials"
	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/network/bluesky"
	"ruche/backend/network/mastodon"
	"ruche/backend/network/testnet"
	"ruche/backend/post"
	"ruche/backend/secrets"
)

type accounts map[string]account.Account

func (a accounts) Get(_ context.Context, id string) (account.Account, error) {
	if acc, ok := a[id]; ok {
		return acc, nil
	}
	return account.Account{}, account.ErrNotFound
}

func (a accounts) MarkReconnect(_ context.Context, id string) (account.Account, error) {
	acc, ok := a[id]
	if !ok {
		return account.Account{}, account.ErrNotFound
	}
	acc.Status = account.ReconnectNeeded
	a[id] = acc
	return acc, nil
}

func nets() Networks {
	return Networks{Mastodon: mastodon.NewClient(nil, mastodon.Config{}), Bluesky: bluesky.NewClient(nil, bluesky.NewMemorySessions(), bluesky.Config{})}
}

func TestTarget(t *testing.T) {
	all := accounts{
		"demo":   {ID: "demo", Network: "bluesky", Handle: "fournil.bsky.social", Status: account.Demo},
		"stale":  {ID: "stale", Network: "mastodon", Handle: "@f@piaille.fr", Status: account.ReconnectNeeded},
		"test":   {ID: "test", Network: "testnet", Handle: "t", Server: "http://127.0.0.1:9", Status: account.Connected},
		"linked": {ID: "linked", Network: "linkedin", Handle: "Le Fournil", Status: account.Connected},
		"masto":  {ID: "masto", Network: "mastodon", Handle: "@f@piaille.fr", Server: "https://piaille.fr", Status: account.Connected},
		"bsky":   {ID: "bsky", Network: "bluesky", Handle: "brand.test", Server: "http://localhost:1", Status: account.Connected},
		"gone":   {ID: "gone", Network: "bluesky", Handle: "old.test", Status: account.Disconnected},
	}
	vault := secrets.NewMemory()
	tests := []struct {
		name, id  string
		env       string
		token     string // in the keychain
		wantErr   error
		wantToken string
	}{
		{"demo account publishes nowhere", "demo", "", "", nil, ""},
		{"revoked account", "stale", "", "", ErrReconnect, ""},
		{"test network, token in the keychain", "test", "", "tok-keychain", nil, "tok-keychain"},
		{"test network, token from the environment", "test", "tok-env", "", nil, "tok-env"},
		{"test network without a token", "test", "", "", ErrReconnect, ""},
		{"network not built yet", "linked", "", "", ErrUnsupported, ""},
		{"unknown account", "nobody", "", "", account.ErrNotFound, ""},
		{"disconnected account", "gone", "", "", ErrReconnect, ""},
		{"mastodon without a token", "masto", "", "", ErrReconnect, ""},
		{"bluesky: the client reads its session", "bsky", "", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vault.Delete(credentials.TokenName("test"))
			if tt.token != "" {
				vault.Set(credentials.TokenName("test"), tt.token)
			}
			d := New(all, credentials.New(vault), nets(), time.Now, func(k string) string {
				if k == "RUCHE_TESTNET_TOKEN" {
					return tt.env
				}
				return ""
			})
			acc, pub, err := d.Target(context.Background(), tt.id)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Target(%s) error = %v, want %v", tt.id, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if acc.Token != tt.wantToken {
				t.Errorf("token = %q, want %q", acc.Token, tt.wantToken)
			}
			switch tt.id {
			case "demo":
				r1, err1 := pub.Publish(context.Background(), acc, post.Variant{Text: "x"}, "key-1")
				r2, _ := pub.Publish(context.Background(), acc, post.Variant{Text: "x"}, "key-1")
				if err1 != nil || r1.RemoteID == "" || r1 != r2 {
					t.Errorf("demo publish = %+v, %v then %+v; want one stable remote id", r1, err1, r2)
				}
			case "test":
				if w, ok := pub.(watched); !ok || w.Publisher == nil {
					t.Errorf("publisher = %T, want the test network's client, watched", pub)
				} else if _, ok := w.Publisher.(*testnet.Client); !ok {
					t.Errorf("publisher = %T, want the test network's client", w.Publisher)
				}
			case "bsky":
				if w, ok := pub.(watched); !ok {
					t.Errorf("publisher = %T, want the Bluesky client, watched", pub)
				} else if _, ok := w.Publisher.(*bluesky.Client); !ok {
					t.Errorf("publisher = %T, want the Bluesky client", w.Publisher)
				}
			}
		})
	}
}

// A 401 from the network marks the account "reconnect needed"; the next
// Target refuses it with the fix.
func TestRefusedAccessMarksTheAccount(t *testing.T) {
	server := testnet.NewServer(time.Now)
	server.SetFault(func(testnet.Request) testnet.Fault { return testnet.Fault{Status: http.StatusUnauthorized} })
	hs := httptest.NewServer(server)
	defer hs.Close()
	all := accounts{"test": {ID: "test", Network: "testnet", Handle: "t", Server: hs.URL, Status: account.Connected}}
	vault := secrets.NewMemory()
	vault.Set(credentials.TokenName("test"), "revoked")
	d := New(all, credentials.New(vault), nets(), time.Now, func(string) string { return "" })
	acc, pub, err := d.Target(context.Background(), "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pub.Publish(context.Background(), acc, post.Variant{Text: "x"}, "k"); fault.KindOf(err) != fault.AuthExpired {
		t.Fatalf("Publish error = %v, want an expired access", err)
	}
	if got := all["test"].Status; got != account.ReconnectNeeded {
		t.Errorf("status after a 401 = %s, want %s", got, account.ReconnectNeeded)
	}
	if _, _, err := d.Target(context.Background(), "test"); !errors.Is(err, ErrReconnect) {
		t.Errorf("Target after a 401: err = %v, want ErrReconnect", err)
	}
}

func TestReader(t *testing.T) {
	all := accounts{
		"demo": {ID: "demo", Network: "bluesky", Handle: "fournil.bsky.social", Status: account.Demo},
		"bsky": {ID: "bsky", Network: "bluesky", Handle: "brand.test", Server: "http://localhost:1", Status: account.Connected},
		"test": {ID: "test", Network: "testnet", Handle: "t", Server: "http://127.0.0.1:9", Status: account.Connected},
	}
	vault := secrets.NewMemory()
	vault.Set(credentials.TokenName("test"), "tok")
	d := New(all, credentials.New(vault), nets(), time.Now, func(string) string { return "" })
	for _, tt := range []struct {
		id      string
		wantErr error
	}{{"bsky", nil}, {"demo", ErrUnsupported}, {"test", ErrUnsupported}} {
		_, r, err := d.Reader(context.Background(), tt.id)
		if !errors.Is(err, tt.wantErr) || (err == nil) != (r != nil) {
			t.Errorf("Reader(%s) = %v, %v; want error %v", tt.id, r, err, tt.wantErr)
		}
		if _, ok := r.(network.Answerer); err == nil && !ok {
			t.Errorf("Reader(%s) does not read answers; want it to (the network does)", tt.id)
		}
	}
}

// lockable is a keychain the user can lock: while locked, every read
// fails as the Secret Service does before the session's keyring is
// unlocked.
type lockable struct {
	secrets.Vault
	locked bool
}

func (l *lockable) Get(name string) (string, error) {
	if l.locked {
		return "", fmt.Errorf("keychain get %q: %w: the collection is locked", name, secrets.ErrUnavailable)
	}
	return l.Vault.Get(name)
}

// sessionless is a network client whose access is read from the keychain
// when it publishes, as the Bluesky client reads its session.
type sessionless struct {
	network.Publisher
	vault secrets.Vault
}

func (s sessionless) Publish(ctx context.Context, a network.Account, v post.Variant, key string) (network.Result, error) {
	if _, err := s.vault.Get("session"); err != nil {
		return network.Result{}, fmt.Errorf("load the session of %s: %w", a, err)
	}
	return network.Result{RemoteID: "r"}, nil
}

// A locked keychain is a temporary failure: posts are tried again (never
// failed for good, never "reconnect needed"), and the account's health
// says so until the keychain gives the access again.
func TestLockedKeychainIsTemporary(t *testing.T) {
	all := accounts{"masto": {ID: "masto", Network: "mastodon", Handle: "@f@piaille.fr", Server: "https://piaille.fr", Status: account.Connected}}
	vault := &lockable{Vault: secrets.NewMemory()}
	vault.Set(credentials.TokenName("masto"), "tok-1234567890")
	vault.Set("session", "s")
	d := New(all, credentials.New(vault), nets(), time.Now, func(string) string { return "" })
	vault.locked = true
	_, _, err := d.Target(context.Background(), "masto")
	if !errors.Is(err, ErrKeychainLocked) || fault.KindOf(err) != fault.Transient || network.Outcome(err) != post.OutcomeTransient {
		t.Fatalf("Target() with a locked keychain = %v (kind %s, outcome %s), want ErrKeychainLocked, transient", err, fault.KindOf(err), network.Outcome(err))
	}
	var ne *network.Error
	if !errors.As(err, &ne) || ne.RetryAfter != KeychainRetry {
		t.Errorf("Target() error = %#v, want a network error asking to retry after %v", err, KeychainRetry)
	}
	if !d.KeychainLocked("masto") || all["masto"].Status != account.Connected {
		t.Errorf("locked = %v, status %s; want locked, still connected", d.KeychainLocked("masto"), all["masto"].Status)
	}

	// A client that reads its session when it publishes.
	w := watched{Publisher: sessionless{vault: vault}, lost: func(context.Context) {}, keychain: func(err error) error { return d.keychain(all["masto"], err) }}
	if _, err := w.Publish(context.Background(), network.Account{}, post.Variant{}, "k"); !errors.Is(err, ErrKeychainLocked) {
		t.Errorf("Publish() reading a locked keychain = %v, want ErrKeychainLocked", err)
	}

	vault.locked = false
	acc, _, err := d.Target(context.Background(), "masto")
	if err != nil || acc.Token != "tok-1234567890" {
		t.Fatalf("Target() once unlocked = %v, token %q", err, acc.Token)
	}
	if d.KeychainLocked("masto") {
		t.Error("still said locked once the keychain gave the access")
	}
}
