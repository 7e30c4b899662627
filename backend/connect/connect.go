// Package connect connects a workspace's accounts to their networks: the
// OAuth authorization of a Mastodon instance, the app password of a
// Bluesky account; and disconnects them. What gives access goes to the
// keychain (package credentials); the store keeps the account.
//
// Connecting an account the workspace already has (same network and handle)
// reconnects it: its identifier, and so its posts, stay.
package connect

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"ruche/backend/account"
	"ruche/backend/credentials"
	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/network/bluesky"
	"ruche/backend/network/mastodon"
	"ruche/backend/oauth"
)

// The errors of connecting.
var (
	// ErrFlowUnknown: the authorization was finished, cancelled or expired.
	ErrFlowUnknown = fault.New(fault.NotFound, "connect.flow_unknown")
	// ErrDemo: a demo account publishes nowhere and cannot be connected.
	ErrDemo = fault.New(fault.Invalid, "connect.demo")
	// ErrKeychain: the access could not be kept in the keychain.
	ErrKeychain = fault.New(fault.Unavailable, "connect.keychain")
)

// FlowTTL is how long an authorization waits for the user.
const FlowTTL = 15 * time.Minute

// Holds takes back what a network holds for an account (package hold).
type Holds interface {
	ReleaseAccount(ctx context.Context, accountID string) error
}

// Connector connects accounts.
type Connector struct {
	accounts *account.Service
	keys     *credentials.Keys
	mastodon *mastodon.Client
	bluesky  *bluesky.Client
	flow     *oauth.Flow
	holds    Holds
	now      func() time.Time

	mu    sync.Mutex
	flows map[string]*mastodonFlow
}

// New returns a Connector over its collaborators; now is the clock; holds
// may be nil (no network holds posts).
func New(accounts *account.Service, keys *credentials.Keys, m *mastodon.Client, b *bluesky.Client, flow *oauth.Flow, holds Holds, now func() time.Time) *Connector {
	return &Connector{accounts: accounts, keys: keys, mastodon: m, bluesky: b, flow: flow, holds: holds, now: now, flows: map[string]*mastodonFlow{}}
}

// mastodonFlow is an authorization waiting for the user.
type mastodonFlow struct {
	workspaceID string
	app         mastodon.App
	pending     *oauth.Pending
	cancel      context.CancelFunc
	expires     time.Time
}

// MastodonStart is what the user needs to authorize Ruche: the address to
// open in a browser.
type MastodonStart struct {
	FlowID    string `json:"flowId"`
	URL       string `json:"url"`
	Server    string `json:"server"`
	OutOfBand bool   `json:"outOfBand"` // the instance shows a code to paste instead of coming back by itself
}

// StartMastodon checks that instance is a Mastodon server, registers Ruche
// there and prepares an authorization: through a loopback address the
// browser comes back to, or, outOfBand, a code the user pastes into
// FinishMastodon. The authorization waits FlowTTL at most.
func (c *Connector) StartMastodon(ctx context.Context, workspaceID, instance string, outOfBand bool) (MastodonStart, error) {
	server, err := mastodon.NormalizeServer(instance)
	if err != nil {
		return MastodonStart{}, err
	}
	if _, err := c.mastodon.Instance(ctx, server); err != nil {
		return MastodonStart{}, err
	}
	f := &mastodonFlow{workspaceID: workspaceID, expires: c.now().Add(FlowTTL)}
	// The flow outlives this call: it ends with FinishMastodon, CancelMastodon
	// or its time limit.
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), FlowTTL)
	p, err := c.flow.Start(fctx, oauth.Config{OutOfBand: outOfBand, Client: func(ctx context.Context, redirect string) (*oauth2.Config, error) {
		app, err := c.mastodon.RegisterApp(ctx, server, []string{redirect}, "")
		f.app = app
		return mastodon.OAuthConfig(app, redirect), err
	}})
	if err != nil {
		cancel()
		return MastodonStart{}, err
	}
	f.pending, f.cancel = p, cancel
	id := newFlowID()
	c.mu.Lock()
	c.dropExpired()
	c.flows[id] = f
	c.mu.Unlock()
	return MastodonStart{FlowID: id, URL: p.URL, Server: server, OutOfBand: outOfBand}, nil
}

// FinishMastodon completes authorization flowID: with the code the user
// pasted, or, when code is "", by waiting for the browser to come back.
// It returns the connected account.
func (c *Connector) FinishMastodon(ctx context.Context, flowID, code string) (account.Account, error) {
	c.mu.Lock()
	f, ok := c.flows[flowID]
	c.mu.Unlock()
	if !ok {
		return account.Account{}, ErrFlowUnknown.With(nil, nil)
	}
	var tok *oauth2.Token
	var err error
	if code == "" {
		tok, err = f.pending.Wait(ctx)
	} else {
		tok, err = f.pending.Exchange(ctx, code)
	}
	if err != nil {
		// An authorization is used once: denied, refused or closed, it is
		// over. Only a caller that stopped waiting may wait again.
		if !errors.Is(err, context.DeadlineExceeded) || ctx.Err() == nil {
			c.CancelMastodon(flowID)
		}
		return account.Account{}, err
	}
	c.CancelMastodon(flowID)
	app := f.app
	prof, err := c.mastodon.VerifyCredentials(ctx, network.Account{Network: network.Mastodon, Server: app.Server, Token: tok.AccessToken})
	if err != nil {
		return account.Account{}, err
	}
	acc, err := c.save(ctx, f.workspaceID, account.Input{Network: network.Mastodon, Handle: prof.Handle,
		DisplayName: prof.DisplayName, Server: app.Server, RemoteID: prof.ID, AvatarURL: prof.AvatarURL},
		func(id string) error {
			if err := c.keys.SetToken(id, tok.AccessToken); err != nil {
				return err
			}
			return c.keys.SetClient(id, credentials.Client{ID: app.ClientID, Secret: app.ClientSecret})
		})
	return acc, err
}

// CancelMastodon ends authorization flowID; an unknown one is not an error.
func (c *Connector) CancelMastodon(flowID string) {
	c.mu.Lock()
	f, ok := c.flows[flowID]
	delete(c.flows, flowID)
	c.mu.Unlock()
	if ok {
		f.pending.Close()
		f.cancel()
	}
}

// dropExpired ends the authorizations nobody finished; c.mu is held.
func (c *Connector) dropExpired() {
	now := c.now()
	for id, f := range c.flows {
		if now.After(f.expires) {
			f.pending.Close()
			f.cancel()
			delete(c.flows, id)
		}
	}
}

// Close ends every authorization under way.
func (c *Connector) Close() {
	c.mu.Lock()
	ids := make([]string, 0, len(c.flows))
	for id := range c.flows {
		ids = append(ids, id)
	}
	c.mu.Unlock()
	for _, id := range ids {
		c.CancelMastodon(id)
	}
}

// ConnectBluesky opens a session for handle with an app password on
// service ("" finds the account's server from its handle) and returns the
// connected account.
func (c *Connector) ConnectBluesky(ctx context.Context, workspaceID, handle, appPassword, service string) (account.Account, error) {
	sess, prof, err := c.bluesky.Connect(ctx, handle, appPassword, service)
	if err != nil {
		return account.Account{}, err
	}
	return c.save(ctx, workspaceID, account.Input{Network: network.Bluesky, Handle: sess.Handle,
		DisplayName: prof.DisplayName, Server: sess.PDS, RemoteID: sess.DID, AvatarURL: prof.Avatar},
		func(id string) error {
			if err := c.keys.SetPassword(id, appPassword); err != nil {
				return err
			}
			return c.keys.SetSession(id, sess)
		})
}

// save adds the account in, or reconnects the workspace's account of the
// same network and handle, then keeps its access with keep. An account
// that was new is removed again when its access cannot be kept.
func (c *Connector) save(ctx context.Context, workspaceID string, in account.Input, keep func(id string) error) (account.Account, error) {
	all, err := c.accounts.List(ctx, workspaceID)
	if err != nil {
		return account.Account{}, err
	}
	var acc account.Account
	existing := false
	for _, a := range all {
		if a.Network == in.Network && account.SameHandle(a.Handle, in.Handle) {
			acc, existing = a, true
		}
	}
	if existing && acc.Status == account.Demo {
		return account.Account{}, ErrDemo.With(map[string]any{"account": acc.Handle}, nil)
	}
	if !existing {
		if acc, err = c.accounts.Add(ctx, workspaceID, in); err != nil {
			return account.Account{}, err
		}
	}
	if err := keep(acc.ID); err != nil {
		if !existing {
			_ = c.accounts.Remove(ctx, acc.ID)
		}
		return account.Account{}, ErrKeychain.With(nil, err)
	}
	return c.accounts.Update(ctx, acc.ID, func(a *account.Account) {
		in = in.Normalize()
		a.Handle, a.DisplayName, a.Server, a.RemoteID, a.AvatarURL = in.Handle, in.DisplayName, in.Server, in.RemoteID, in.AvatarURL
		a.Status = account.Connected
	})
}

// Disconnect removes account id's access from the keychain (a Mastodon
// token is revoked on its instance first, if the instance answers) and
// marks it disconnected. Its posts stay.
func (c *Connector) Disconnect(ctx context.Context, id string) (account.Account, error) {
	acc, err := c.accounts.Get(ctx, id)
	if err != nil {
		return account.Account{}, err
	}
	if acc.Status == account.Demo {
		return acc, nil
	}
	// Without its access Ruche could not take back what the network holds.
	if c.holds != nil {
		if err := c.holds.ReleaseAccount(ctx, id); err != nil {
			return account.Account{}, err
		}
	}
	if acc.Network == network.Mastodon {
		tok, terr := c.keys.Token(id)
		client, cerr := c.keys.Client(id)
		if terr == nil && cerr == nil {
			app := mastodon.App{Server: acc.Server, ClientID: client.ID, ClientSecret: client.Secret}
			_ = c.mastodon.Revoke(ctx, app, tok) // the instance may be gone: the token leaves the keychain anyway
		}
	}
	if err := c.keys.Forget(id); err != nil {
		return account.Account{}, ErrKeychain.With(nil, err)
	}
	return c.accounts.Update(ctx, id, func(a *account.Account) { a.Status = account.Disconnected })
}

// Remove disconnects account id and deletes it.
func (c *Connector) Remove(ctx context.Context, id string) (account.Account, error) {
	acc, err := c.Disconnect(ctx, id)
	if err != nil {
		return account.Account{}, err
	}
	return acc, c.accounts.Remove(ctx, id)
}

// Expires returns when account id's access ends, zero when it does not (a
// Mastodon token) or is not known.
func (c *Connector) Expires(a account.Account) time.Time {
	if a.Network != network.Bluesky || a.Status != account.Connected {
		return time.Time{}
	}
	s, err := c.keys.Session(a.ID)
	if err != nil {
		return time.Time{}
	}
	return credentials.Expires(s)
}

func newFlowID() string {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("connect: no randomness: %v", err)) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b[:])
}
