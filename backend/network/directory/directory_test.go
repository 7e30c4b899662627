package directory

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"ruche/backend/account"
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

func TestTarget(t *testing.T) {
	all := accounts{
		"demo":   {ID: "demo", Network: "bluesky", Handle: "fournil.bsky.social", Status: account.Demo},
		"stale":  {ID: "stale", Network: "mastodon", Handle: "@f@piaille.fr", Status: account.ReconnectNeeded},
		"test":   {ID: "test", Network: "testnet", Handle: "t", Server: "http://127.0.0.1:9", Status: account.Connected},
		"linked": {ID: "linked", Network: "linkedin", Handle: "Le Fournil", Status: account.Connected},
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
		{"unknown account", "gone", "", "", account.ErrNotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vault.Delete(TokenName("test"))
			if tt.token != "" {
				vault.Set(TokenName("test"), tt.token)
			}
			d := New(all, vault, &http.Client{}, time.Now, func(k string) string {
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
				if _, ok := pub.(*testnet.Client); !ok {
					t.Errorf("publisher = %T, want the test network's client", pub)
				}
			}
		})
	}
}
