// Package directory finds, for a target account, the client of its network
// and the account's access token: what the scheduler needs to publish.
package directory

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"sync"
	"time"

	"ruche/backend/account"
	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/network/bluesky"
	"ruche/backend/network/mastodon"
	"ruche/backend/network/testnet"
	"ruche/backend/post"
	"ruche/backend/secrets"
)

// The errors of finding a target.
var (
	ErrReconnect   = fault.New(fault.AuthExpired, "directory.reconnect")
	ErrUnsupported = fault.New(fault.Unavailable, "directory.unsupported")
	// ErrKeychainLocked: the system keychain is locked or cannot be reached
	// (the session was just opened, the keyring daemon restarts): a
	// temporary failure, tried again, never a reason to fail a post.
	ErrKeychainLocked = fault.New(fault.Transient, "directory.keychain_locked")
)

// KeychainRetry is how long a post waits when the keychain did not give
// its account's access, before it is tried again.
const KeychainRetry = time.Minute

// Accounts finds an account by its identifier, and marks one whose access
// the network refused.
type Accounts interface {
	Get(ctx context.Context, id string) (account.Account, error)
	MarkReconnect(ctx context.Context, id string) (account.Account, error)
}

// Tokens reads an account's access token from the keychain
// (credentials.Keys).
type Tokens interface {
	Token(accountID string) (string, error)
}

// Networks are the clients of the networks Ruche publishes to.
type Networks struct {
	Mastodon *mastodon.Client
	Bluesky  *bluesky.Client
	HTTP     *http.Client // for the test network
}

// Directory maps accounts to network clients.
type Directory struct {
	accounts Accounts
	keys     Tokens
	nets     Networks
	now      func() time.Time
	env      func(string) string
	demo     demoNet

	mu     sync.Mutex
	locked map[string]bool // accounts whose access the keychain did not give, until it does
}

// New returns a directory; env reads RUCHE_TESTNET_TOKEN (the test
// network's token for scripted tests).
func New(accounts Accounts, keys Tokens, nets Networks, now func() time.Time, env func(string) string) *Directory {
	if nets.HTTP == nil {
		nets.HTTP = &http.Client{}
	}
	return &Directory{accounts: accounts, keys: keys, nets: nets, now: now, env: env, locked: map[string]bool{}}
}

// KeychainLocked reports whether the keychain refused the last read of
// account id's access (locked, or unreachable): the account's health says
// so until a read succeeds.
func (d *Directory) KeychainLocked(id string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.locked[id]
}

// keychain records what the keychain answered for account a, and turns
// its refusal into ErrKeychainLocked.
func (d *Directory) keychain(a account.Account, err error) error {
	isLocked := errors.Is(err, secrets.ErrUnavailable)
	d.mu.Lock()
	if isLocked {
		d.locked[a.ID] = true
	} else if err == nil {
		delete(d.locked, a.ID)
	}
	d.mu.Unlock()
	if !isLocked {
		return err
	}
	ne := network.NewError(a.Network, ErrKeychainLocked, 0, err)
	ne.Fault.Args["account"] = a.Handle
	ne.RetryAfter = KeychainRetry
	return ne
}

// Target implements scheduler.Targets. The publisher it returns marks the
// account "reconnect needed" when the network refuses its access (a 401).
func (d *Directory) Target(ctx context.Context, accountID string) (network.Account, network.Publisher, error) {
	a, err := d.accounts.Get(ctx, accountID)
	if err != nil {
		return network.Account{}, nil, err
	}
	na := network.Account{ID: a.ID, Network: a.Network, Handle: a.Handle, Server: a.Server}
	args := map[string]any{"account": a.Handle, "network": network.DisplayName(a.Network)}
	switch a.Status {
	case account.Demo:
		return na, d.demo, nil
	case account.ReconnectNeeded, account.Disconnected:
		return na, nil, ErrReconnect.With(args, nil)
	}
	var pub network.Publisher
	switch a.Network {
	case network.Testnet:
		token, err := d.keys.Token(a.ID)
		if errors.Is(err, secrets.ErrNotFound) || errors.Is(err, secrets.ErrUnavailable) {
			token, err = d.env("RUCHE_TESTNET_TOKEN"), nil
		}
		if err := d.keychain(a, err); errors.Is(err, ErrKeychainLocked) {
			return na, nil, err
		}
		if err != nil || token == "" {
			return na, nil, ErrReconnect.With(args, err)
		}
		na.Token = token
		pub = testnet.NewClient(d.nets.HTTP, testnet.Config{BaseURL: a.Server, Now: d.now})
	case network.Mastodon:
		token, err := d.keys.Token(a.ID)
		if err := d.keychain(a, err); errors.Is(err, ErrKeychainLocked) {
			return na, nil, err
		}
		if err != nil || token == "" || d.nets.Mastodon == nil {
			return na, nil, ErrReconnect.With(args, err)
		}
		na.Token = token
		pub = d.nets.Mastodon
	case network.Bluesky:
		if d.nets.Bluesky == nil {
			return na, nil, ErrUnsupported.With(args, nil)
		}
		pub = d.nets.Bluesky // its sessions are read from the keychain by the client
	default:
		return na, nil, ErrUnsupported.With(args, nil)
	}
	w := watched{Publisher: pub, lost: func(ctx context.Context) {
		_, _ = d.accounts.MarkReconnect(context.WithoutCancel(ctx), a.ID)
	}, keychain: func(err error) error { return d.keychain(a, err) }}
	if h, ok := pub.(network.Holder); ok {
		return na, watchedHolder{w, h}, nil
	}
	return na, w, nil
}

// Reader returns what reads account accountID's network (notifications,
// counters), for the inbox and analytics; ErrUnsupported for a network
// Ruche cannot read (and for the demo accounts, which read nothing). A 401
// marks the account "reconnect needed", as Target's publisher does.
func (d *Directory) Reader(ctx context.Context, accountID string) (network.Account, network.Reader, error) {
	na, pub, err := d.Target(ctx, accountID)
	if err != nil {
		return na, nil, err
	}
	var w watched // the demo accounts' publisher is not watched: it reads nothing
	switch p := pub.(type) {
	case watched:
		w = p
	case watchedHolder:
		w = p.watched
	}
	r, ok := w.Publisher.(network.Reader)
	if !ok {
		return na, nil, ErrUnsupported.With(map[string]any{"account": na.Handle, "network": network.DisplayName(na.Network)}, nil)
	}
	wr := watchedReader{r: r, w: w}
	if a, ok := r.(network.Answerer); ok {
		return na, watchedAnswerer{wr, a}, nil
	}
	return na, wr, nil
}

// watchedReader is a reader that reports a refused access and a locked
// keychain, as its publisher w does.
type watchedReader struct {
	r network.Reader
	w watched
}

func (w watchedReader) check(ctx context.Context, err error) error { return w.w.check(ctx, err) }

func (w watchedReader) Notifications(ctx context.Context, a network.Account, cursor string) ([]network.Notification, string, error) {
	ns, next, err := w.r.Notifications(ctx, a, cursor)
	return ns, next, w.check(ctx, err)
}

func (w watchedReader) AccountStats(ctx context.Context, a network.Account) (network.AccountStats, error) {
	s, err := w.r.AccountStats(ctx, a)
	return s, w.check(ctx, err)
}

func (w watchedReader) PostStats(ctx context.Context, a network.Account, ids []string) ([]network.PostStats, error) {
	s, err := w.r.PostStats(ctx, a, ids)
	return s, w.check(ctx, err)
}

// watchedAnswerer is a watched reader whose network also reads the
// account's answers.
type watchedAnswerer struct {
	watchedReader
	a network.Answerer
}

func (w watchedAnswerer) Answers(ctx context.Context, a network.Account, since time.Time) ([]network.RemotePost, error) {
	ps, err := w.a.Answers(ctx, a, since)
	return ps, w.check(ctx, err)
}

// Caps returns the capabilities for variant v: a Mastodon instance's own
// limits when its account is known and the instance answers (they are kept
// a while by the client), the published defaults otherwise. It fits
// network.Checker.Caps.
func (d *Directory) Caps(ctx context.Context, v post.Variant) (network.Capabilities, error) {
	if v.Network == network.Mastodon && d.nets.Mastodon != nil && v.AccountID != "" {
		if a, err := d.accounts.Get(ctx, v.AccountID); err == nil && a.Server != "" && a.Status != account.Demo {
			if caps, err := d.nets.Mastodon.CapabilitiesFor(ctx, a.Server); err == nil {
				return caps, nil
			}
		}
	}
	return network.DefaultCaps(ctx, v)
}

// MentionCheckTimeout bounds the network's answer about mentions: the
// composer does not wait longer, publishing checks again anyway.
const MentionCheckTimeout = 2 * time.Second

// Problems returns what only the network can tell about variant v before
// it is scheduled: on Bluesky, a mention of a handle that leads to no
// account. A network that does not answer in time tells nothing.
func (d *Directory) Problems(ctx context.Context, v post.Variant) []network.Problem {
	if v.Network != network.Bluesky || d.nets.Bluesky == nil || v.AccountID == "" {
		return nil
	}
	a, err := d.accounts.Get(ctx, v.AccountID)
	if err != nil || a.Status != account.Connected {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, MentionCheckTimeout)
	defer cancel()
	na := network.Account{ID: a.ID, Network: a.Network, Handle: a.Handle, Server: a.Server}
	unknown, _ := d.nets.Bluesky.UnknownMentions(ctx, na, append([]string{v.Text}, v.Thread...)...)
	var out []network.Problem
	for _, h := range unknown {
		out = append(out, network.Problem{Code: bluesky.ErrMentionUnknown.Code, Severity: network.SeverityError, Field: "text",
			Args: map[string]any{"handle": h, "network": network.DisplayName(network.Bluesky)}})
	}
	return out
}

// watched is a publisher that reports a refused access, and a keychain
// that did not give the account's session (Bluesky reads it when it
// publishes).
type watched struct {
	network.Publisher
	lost     func(ctx context.Context)
	keychain func(err error) error
}

func (w watched) check(ctx context.Context, err error) error {
	if err != nil && fault.KindOf(err) == fault.AuthExpired {
		w.lost(ctx)
	}
	return w.keychain(err)
}

func (w watched) Publish(ctx context.Context, a network.Account, v post.Variant, key string) (network.Result, error) {
	res, err := w.Publisher.Publish(ctx, a, v, key)
	return res, w.check(ctx, err)
}

func (w watched) Delete(ctx context.Context, a network.Account, id string) error {
	return w.check(ctx, w.Publisher.Delete(ctx, a, id))
}

func (w watched) Lookup(ctx context.Context, a network.Account, sent network.Sent) (network.Result, bool, error) {
	res, ok, err := w.Publisher.Lookup(ctx, a, sent)
	return res, ok, w.check(ctx, err)
}

// watchedHolder is a watched publisher that can hold posts.
type watchedHolder struct {
	watched
	h network.Holder
}

func (w watchedHolder) HoldAhead() time.Duration    { return w.h.HoldAhead() }
func (w watchedHolder) CanHold(v post.Variant) bool { return w.h.CanHold(v) }

func (w watchedHolder) Hold(ctx context.Context, a network.Account, v post.Variant, key string, at time.Time) (string, error) {
	id, err := w.h.Hold(ctx, a, v, key, at)
	return id, w.check(ctx, err)
}

func (w watchedHolder) Rehold(ctx context.Context, a network.Account, id string, at time.Time) error {
	return w.check(ctx, w.h.Rehold(ctx, a, id, at))
}

func (w watchedHolder) Release(ctx context.Context, a network.Account, id string) error {
	return w.check(ctx, w.h.Release(ctx, a, id))
}

func (w watchedHolder) FindHeld(ctx context.Context, a network.Account, key string) (string, bool, error) {
	id, ok, err := w.h.FindHeld(ctx, a, key)
	return id, ok, w.check(ctx, err)
}

func (w watchedHolder) Collect(ctx context.Context, a network.Account, held post.Held, v post.Variant) (network.Result, bool, error) {
	res, ok, err := w.h.Collect(ctx, a, held, v)
	return res, ok, w.check(ctx, err)
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

func (demoNet) Lookup(context.Context, network.Account, network.Sent) (network.Result, bool, error) {
	return network.Result{}, false, nil
}
