// Package credentials keeps what gives Ruche access to an account — access
// tokens, OAuth client secrets, app passwords, sessions — in the OS keychain,
// under one name per account and kind. The store only knows the account;
// nothing here is ever saved in it, logged or written to a file.
package credentials

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"ruche/backend/network/bluesky"
	"ruche/backend/secrets"
)

// ErrNotFound: the account has no such entry in the keychain.
var ErrNotFound = secrets.ErrNotFound

// The kinds of entry, each named "account-KIND/ACCOUNT_ID" in the keychain.
const (
	kindToken    = "token"    // an OAuth access token (Mastodon) or a test network token
	kindClient   = "client"   // the OAuth client registered on a Mastodon instance
	kindPassword = "password" // a Bluesky app password
	kindSession  = "session"  // a Bluesky session, without its refresh token
	kindRefresh  = "refresh"  // a Bluesky refresh token
)

var kinds = []string{kindToken, kindClient, kindPassword, kindSession, kindRefresh}

func name(kind, accountID string) string { return "account-" + kind + "/" + accountID }

// TokenName is the keychain entry of an account's access token.
func TokenName(accountID string) string { return name(kindToken, accountID) }

// Client is an OAuth client registered for Ruche on a server.
type Client struct {
	ID     string `json:"clientId"`
	Secret string `json:"clientSecret"`
}

// Expires returns when the session s can no longer be refreshed, read from
// its refresh token's "exp" claim (not verified: the server does that);
// zero when it cannot be read.
func Expires(s bluesky.Session) time.Time { return jwtExpiry(s.RefreshJWT) }

// jwtExpiry reads the "exp" claim of a JWT without checking its signature.
func jwtExpiry(token string) time.Time {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return time.Time{}
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return time.Time{}
	}
	var claims struct {
		Exp int64 `json:"exp"`
	}
	if json.Unmarshal(raw, &claims) != nil || claims.Exp <= 0 {
		return time.Time{}
	}
	return time.Unix(claims.Exp, 0).UTC()
}

// Keys reads and writes the credentials of accounts in a vault.
type Keys struct {
	vault secrets.Vault
}

// New returns the credentials kept in vault.
func New(vault secrets.Vault) *Keys { return &Keys{vault: vault} }

// Token returns the access token of account id.
func (k *Keys) Token(id string) (string, error) { return k.vault.Get(TokenName(id)) }

// SetToken keeps the access token of account id.
func (k *Keys) SetToken(id, token string) error { return k.setNonEmpty(kindToken, id, token) }

// Password returns the app password of account id.
func (k *Keys) Password(id string) (string, error) { return k.vault.Get(name(kindPassword, id)) }

// SetPassword keeps the app password of account id.
func (k *Keys) SetPassword(id, password string) error {
	return k.setNonEmpty(kindPassword, id, password)
}

// Client returns the OAuth client of account id.
func (k *Keys) Client(id string) (Client, error) {
	var c Client
	return c, k.getJSON(kindClient, id, &c)
}

// SetClient keeps the OAuth client of account id.
func (k *Keys) SetClient(id string, c Client) error { return k.setJSON(kindClient, id, c) }

// session is a Bluesky session as kept in the keychain: the refresh token
// has an entry of its own, both tokens together do not fit the smallest
// keychain's limit.
type session struct {
	DID       string `json:"did"`
	Handle    string `json:"handle"`
	PDS       string `json:"pds"`
	AccessJWT string `json:"accessJwt"`
}

// Session returns the session of account id.
func (k *Keys) Session(id string) (bluesky.Session, error) {
	var s session
	if err := k.getJSON(kindSession, id, &s); err != nil {
		return bluesky.Session{}, err
	}
	refresh, err := k.vault.Get(name(kindRefresh, id))
	if err != nil && !errors.Is(err, secrets.ErrNotFound) {
		return bluesky.Session{}, err
	}
	return bluesky.Session{DID: s.DID, Handle: s.Handle, PDS: s.PDS, AccessJWT: s.AccessJWT, RefreshJWT: refresh}, nil
}

// SetSession keeps the session of account id. A session without a refresh
// token keeps the one already stored: refresh tokens are single-use and an
// empty one would lock the account out.
func (k *Keys) SetSession(id string, s bluesky.Session) error {
	if s.RefreshJWT != "" {
		if err := k.vault.Set(name(kindRefresh, id), s.RefreshJWT); err != nil {
			return fmt.Errorf("keep the refresh token: %w", err)
		}
	}
	return k.setJSON(kindSession, id, session{DID: s.DID, Handle: s.Handle, PDS: s.PDS, AccessJWT: s.AccessJWT})
}

// Bluesky returns the sessions of Bluesky accounts, for the Bluesky client.
func (k *Keys) Bluesky() bluesky.Sessions { return blueskySessions{k} }

type blueskySessions struct{ k *Keys }

func (b blueskySessions) Load(id string) (bluesky.Session, error) {
	s, err := b.k.Session(id)
	if errors.Is(err, secrets.ErrNotFound) {
		return s, fmt.Errorf("%w: %w", bluesky.ErrNoSession, err)
	}
	return s, err
}

func (b blueskySessions) Save(id string, s bluesky.Session) error { return b.k.SetSession(id, s) }

func (b blueskySessions) AppPassword(id string) (string, error) {
	pw, err := b.k.Password(id)
	if errors.Is(err, secrets.ErrNotFound) {
		return "", fmt.Errorf("%w: %w", bluesky.ErrNoSession, err)
	}
	return pw, err
}

// Forget removes every entry of account id; entries already gone are not
// an error.
func (k *Keys) Forget(id string) error {
	var errs []error
	for _, kind := range kinds {
		if err := k.vault.Delete(name(kind, id)); err != nil && !errors.Is(err, secrets.ErrNotFound) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (k *Keys) setNonEmpty(kind, id, value string) error {
	if value == "" {
		return fmt.Errorf("keep an empty %s for account %s: refused", kind, id)
	}
	return k.vault.Set(name(kind, id), value)
}

func (k *Keys) getJSON(kind, id string, v any) error {
	raw, err := k.vault.Get(name(kind, id))
	if err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		return fmt.Errorf("keychain entry %s of account %s: %w", kind, id, err)
	}
	return nil
}

func (k *Keys) setJSON(kind, id string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return k.vault.Set(name(kind, id), string(raw))
}
