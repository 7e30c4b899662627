// Package directory finds, for a target account, the client of its network
// and the account's access token: what the scheduler needs to publish.
package directory

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"time"

	"ruche/backend/account"
	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/network/testnet"
	"ruche/backend/post"
	"ruche/backend/secrets"
)

// The errors of finding a target.
var (
	ErrReconnect   = fault.New(fault.AuthExpired, "directory.reconnect")
	ErrUnsupported = fault.New(fault.Unavailable, "directory.unsupported")
)

// Accounts finds an account by its identifier.
type Accounts interface {
	Get(ctx context.Context, id string) (account.Account, error)
}

// TokenName is the keychain entry of an account's access token.
func TokenName(accountID string) string { return "account-token/" + accountID }

// Directory maps accounts to network clients.
type Directory struct {
	accounts Accounts
	vault    secrets.Vault
	http     *http.Client
	now      func() time.Time
	env      func(string) string
	demo     demoNet
}

// New returns a directory; httpClient is shared by the network clients, env
// reads RUCHE_TESTNET_TOKEN (the test network's token for scripted tests).
func New(accounts Accounts, vault secrets.Vault, httpClient *http.Client, now func() time.Time, env func(string) string) *Directory {
	return &Directory{accounts: accounts, vault: vault, http: httpClient, now: now, env: env}
}

// Target implements scheduler.Targets.
func (d *Directory) Target(ctx context.Context, accountID string) (network.Account, network.Publisher, error) {
	a, err := d.accounts.Get(ctx, accountID)
	if err != nil {
		return network.Account{}, nil, err
	}
	na := network.Account{ID: a.ID, Network: a.Network, Handle: a.Handle, Server: a.Server}
	args := map[string]any{"account": a.Handle, "network": network.DisplayName(a.Network)}
	switch {
	case a.Status == account.Demo:
		return na, d.demo, nil
	case a.Status == account.ReconnectNeeded:
		return na, nil, ErrReconnect.With(args, nil)
	}
	switch a.Network {
	case network.Testnet:
		token, err := d.vault.Get(TokenName(a.ID))
		if errors.Is(err, secrets.ErrNotFound) || errors.Is(err, secrets.ErrUnavailable) {
			token, err = d.env("RUCHE_TESTNET_TOKEN"), nil
		}
		if err != nil || token == "" {
			return na, nil, ErrReconnect.With(args, err)
		}
		na.Token = token
		return na, testnet.NewClient(d.http, testnet.Config{BaseURL: a.Server, Now: d.now}), nil
	}
	return na, nil, ErrUnsupported.With(args, nil)
}

// demoNet is the network of the demo workspace's sample accounts: it
// publishes nowhere and answers at once, so the demo's posts come alive.
type demoNet struct{}

func (demoNet) Capabilities() network.Capabilities {
	c, _ := network.Defaults(network.Testnet)
	return c
}

func (demoNet) Publish(_ context.Context, a network.Account, _ post.Variant, key string) (network.Result, error) {
	sum := sha256.Sum256([]byte(key))
	return network.Result{RemoteID: "demo-" + hex.EncodeToString(sum[:6])}, nil
}

func (demoNet) Delete(context.Context, network.Account, string) error { return nil }

func (demoNet) Lookup(context.Context, network.Account, string) (network.Result, bool, error) {
	return network.Result{}, false, nil
}
