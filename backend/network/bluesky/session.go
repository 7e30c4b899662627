package bluesky

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"ruche/backend/network"
)

// Session is an account's open session on its server (PDS). Its tokens are
// secrets: they live in the keychain and are never printed or logged.
type Session struct {
	DID        string `json:"did"`
	Handle     string `json:"handle"`
	PDS        string `json:"pds"` // the server's base URL, e.g. "https://morel.us-east.host.bsky.network"
	AccessJWT  string `json:"accessJwt"`
	RefreshJWT string `json:"refreshJwt"`
}

// String names the session without its tokens.
func (s Session) String() string {
	return "bluesky.Session{" + s.Handle + " " + s.DID + " " + s.PDS + "}"
}

// GoString keeps the tokens out of %#v.
func (s Session) GoString() string { return s.String() }

// ErrNoSession is what Sessions returns for an account it holds nothing for.
var ErrNoSession = errors.New("bluesky: no session")

// Sessions keeps each account's session and app password, in the OS
// keychain in the app. The client saves every session it gets, as soon as
// it gets it: refresh tokens are single-use.
type Sessions interface {
	// Load returns the account's session; ErrNoSession if there is none.
	Load(accountID string) (Session, error)
	// Save replaces the account's session.
	Save(accountID string, s Session) error
	// AppPassword returns the account's app password, used to open a new
	// session when the refresh token is dead; ErrNoSession if there is none.
	AppPassword(accountID string) (string, error)
}

// MemorySessions is a Sessions held in memory, for tests and demos. It is
// safe for concurrent use.
type MemorySessions struct {
	mu        sync.Mutex
	sessions  map[string]Session
	passwords map[string]string
	saves     int
}

// NewMemorySessions returns an empty MemorySessions.
func NewMemorySessions() *MemorySessions {
	return &MemorySessions{sessions: map[string]Session{}, passwords: map[string]string{}}
}

// Load implements Sessions.
func (m *MemorySessions) Load(accountID string) (Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[accountID]
	if !ok {
		return Session{}, ErrNoSession
	}
	return s, nil
}

// Save implements Sessions.
func (m *MemorySessions) Save(accountID string, s Session) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sessions[accountID] = s
	m.saves++
	return nil
}

// AppPassword implements Sessions.
func (m *MemorySessions) AppPassword(accountID string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.passwords[accountID]
	if !ok {
		return "", ErrNoSession
	}
	return p, nil
}

// SetAppPassword stores the app password of an account.
func (m *MemorySessions) SetAppPassword(accountID, password string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.passwords[accountID] = password
}

// Saves returns how many times Save was called.
func (m *MemorySessions) Saves() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.saves
}

// The XRPC methods of sessions.
const (
	nsidCreateSession  = "com.atproto.server.createSession"
	nsidRefreshSession = "com.atproto.server.refreshSession"
)

// sessionAnswer is the output of createSession and refreshSession.
type sessionAnswer struct {
	AccessJWT  string          `json:"accessJwt"`
	RefreshJWT string          `json:"refreshJwt"`
	Handle     string          `json:"handle"`
	DID        string          `json:"did"`
	DIDDoc     json.RawMessage `json:"didDoc,omitempty"`
}

// expirySkew renews an access token a little before it expires, so that
// it does not expire on the way.
const expirySkew = 30 * time.Second

// session returns the account's session with an access token that is not
// expired, renewing it first if needed.
func (c *Client) session(ctx context.Context, a network.Account) (Session, error) {
	s, err := c.sessions.Load(a.ID)
	switch {
	case errors.Is(err, ErrNoSession):
	case err != nil:
		return Session{}, fmt.Errorf("bluesky: load the session of %s: %w", a, err)
	case s.AccessJWT != "" && !c.expired(s.AccessJWT):
		return withAccount(s, a), nil
	}
	return c.renew(ctx, a, s.AccessJWT)
}

// withAccount fills what the session lacks from the account.
func withAccount(s Session, a network.Account) Session {
	if s.PDS == "" {
		s.PDS = a.Server
	}
	if s.Handle == "" {
		s.Handle = a.Handle
	}
	return s
}

// renew returns a new session for the account whose access token stale
// failed or expired. Concurrent renewals of one account share a single
// refresh: refresh tokens are single-use. The refresh is not cut short if
// the caller who started it gives up (others may be waiting for it), but
// each caller stops waiting when its own ctx ends.
func (c *Client) renew(ctx context.Context, a network.Account, stale string) (Session, error) {
	ch := c.refreshes.DoChan(a.ID, func() (any, error) {
		return c.renewNow(context.WithoutCancel(ctx), a, stale)
	})
	select {
	case <-ctx.Done():
		return Session{}, ctx.Err()
	case r := <-ch:
		if r.Err != nil {
			return Session{}, r.Err
		}
		return r.Val.(Session), nil
	}
}

// renewNow refreshes the session, or, when its refresh token is dead,
// opens a new one with the app password. It returns network.ErrAuthExpired
// when the account must be reconnected.
func (c *Client) renewNow(ctx context.Context, a network.Account, stale string) (Session, error) {
	cur, err := c.sessions.Load(a.ID)
	if err != nil && !errors.Is(err, ErrNoSession) {
		return Session{}, fmt.Errorf("bluesky: load the session of %s: %w", a, err)
	}
	cur = withAccount(cur, a)
	if cur.AccessJWT != "" && cur.AccessJWT != stale && !c.expired(cur.AccessJWT) {
		return cur, nil // renewed by someone else meanwhile
	}
	if cur.PDS == "" {
		return Session{}, authExpired(fmt.Errorf("bluesky: %s has no server", a))
	}
	if cur.RefreshJWT != "" && !c.expired(cur.RefreshJWT) {
		var ans sessionAnswer
		err := c.call(ctx, cur.PDS, cur.RefreshJWT, xrpc{nsid: nsidRefreshSession, post: true, out: &ans})
		switch {
		case err == nil:
			return c.keep(a.ID, cur, ans)
		case isXRPC(err, 0, "AccountTakedown"):
			return Session{}, fail(ErrAccountSuspended, map[string]any{"handle": cur.Handle}, err)
		case !needsNewToken(err):
			return Session{}, err // the server failed, not the token: keep it for the next try
		}
	}
	password, err := c.sessions.AppPassword(a.ID)
	switch {
	case errors.Is(err, ErrNoSession), err == nil && password == "":
		return Session{}, authExpired(fmt.Errorf("bluesky: %s: the refresh token is dead and there is no app password", a))
	case err != nil:
		return Session{}, fmt.Errorf("bluesky: read the app password of %s: %w", a, err)
	}
	identifier := cur.DID
	if identifier == "" {
		identifier = cur.Handle
	}
	ans, err := c.createSession(ctx, cur.PDS, identifier, password)
	switch {
	case err == nil:
		return c.keep(a.ID, cur, ans)
	case isXRPC(err, 0, "AccountTakedown"):
		return Session{}, fail(ErrAccountSuspended, map[string]any{"handle": cur.Handle}, err)
	case isXRPC(err, 401, ""), isXRPC(err, 400, "InvalidToken"), isXRPC(err, 400, "AuthFactorTokenRequired"):
		return Session{}, authExpired(err)
	}
	return Session{}, err
}

// createSession opens a session with a password.
func (c *Client) createSession(ctx context.Context, pds, identifier, password string) (sessionAnswer, error) {
	var ans sessionAnswer
	in := map[string]string{"identifier": identifier, "password": password}
	x, err := jsonCall(nsidCreateSession, in, &ans)
	if err != nil {
		return ans, err
	}
	return ans, c.call(ctx, pds, "", x)
}

// keep saves the session of ans in place of old. A session without a
// refresh token never replaces one that has it.
func (c *Client) keep(accountID string, old Session, ans sessionAnswer) (Session, error) {
	s := Session{DID: ans.DID, Handle: ans.Handle, PDS: old.PDS, AccessJWT: ans.AccessJWT, RefreshJWT: ans.RefreshJWT}
	if pds := pdsOf(ans.DIDDoc, ans.DID); pds != "" {
		if u, _ := url.Parse(pds); !cleartext(u) {
			s.PDS = pds // the account moved, or the server names itself; never to plain http
		}
	}
	if s.RefreshJWT == "" {
		s.RefreshJWT = old.RefreshJWT
	}
	if s.DID == "" {
		s.DID = old.DID
	}
	if s.Handle == "" {
		s.Handle = old.Handle
	}
	if err := c.sessions.Save(accountID, s); err != nil {
		return Session{}, fmt.Errorf("bluesky: save the session of %s: %w", s.Handle, err)
	}
	return s, nil
}

// pdsOf returns the PDS a DID document names, "" if none or if the
// document is not the DID's.
func pdsOf(raw json.RawMessage, did string) string {
	if len(raw) == 0 {
		return ""
	}
	var doc didDocument
	if json.Unmarshal(raw, &doc) != nil || doc.ID != did {
		return ""
	}
	return doc.pds()
}

// expired reports whether the JWT token expires within expirySkew. Its
// signature is not checked: the server does that. A token whose expiry
// cannot be read counts as valid, and the server will say.
func (c *Client) expired(token string) bool {
	exp, ok := jwtExpiry(token)
	return ok && !c.cfg.Now().Add(expirySkew).Before(exp)
}

// jwtExpiry reads the exp claim of a JWT without verifying it.
func jwtExpiry(token string) (time.Time, bool) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return time.Time{}, false
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return time.Time{}, false
	}
	var claims struct {
		Exp *float64 `json:"exp"`
	}
	if json.Unmarshal(payload, &claims) != nil || claims.Exp == nil {
		return time.Time{}, false
	}
	return time.Unix(int64(*claims.Exp), 0), true
}

// authed sends x to the account's server with its session, renewing the
// session and trying once more when the server says the token is no longer
// good. It returns the session used.
func (c *Client) authed(ctx context.Context, a network.Account, x xrpc) (Session, error) {
	s, err := c.session(ctx, a)
	if err != nil {
		return Session{}, err
	}
	err = c.call(ctx, s.PDS, s.AccessJWT, x)
	if !needsNewToken(err) {
		return s, err
	}
	s, rerr := c.renew(ctx, a, s.AccessJWT)
	if rerr != nil {
		return Session{}, rerr
	}
	err = c.call(ctx, s.PDS, s.AccessJWT, x)
	if isXRPC(err, http.StatusUnauthorized, "") || isXRPC(err, http.StatusBadRequest, "ExpiredToken") {
		return s, authExpired(err) // a brand-new token refused: the account must be reconnected
	}
	return s, err
}
