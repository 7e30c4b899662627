// Package account is the target accounts of a workspace: where its posts go,
// one account per network identity (a Bluesky handle, a Mastodon user on an
// instance, a LinkedIn page).
//
// An account here is what Ruche shows and targets. Its access token is not
// part of it: tokens live in the OS keychain, apart from the data.
package account

import (
	"context"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"ruche/backend/fault"
	"ruche/backend/network"
)

// Status says whether Ruche can publish with an account.
type Status string

// The statuses of an account.
const (
	Connected       Status = "connected"        // Ruche can publish with it
	Demo            Status = "demo"             // a sample account of the demo workspace: publishes nowhere
	ReconnectNeeded Status = "reconnect_needed" // its access was revoked or expired
	Disconnected    Status = "disconnected"     // the user disconnected it: its keychain entries are gone
)

// Valid reports whether s is one of the statuses.
func (s Status) Valid() bool {
	switch s {
	case Connected, Demo, ReconnectNeeded, Disconnected:
		return true
	}
	return false
}

// Health is what the Accounts screen says of an account: its status, and
// "expiring" for a connected account whose access ends within ExpiringSoon.
type Health string

// The healths of an account besides its statuses.
const (
	Expiring Health = "expiring"
	// KeychainLocked: the system keychain did not give the account's
	// access (locked, or unreachable); its posts wait and are retried.
	KeychainLocked Health = "keychain_locked"
)

// ExpiringSoon is how long before its access ends an account is said to be
// expiring.
const ExpiringSoon = 7 * 24 * time.Hour

// HealthAt returns the health of a at now, its access ending at expires
// (zero when it does not end).
func (a Account) HealthAt(now, expires time.Time) Health {
	if a.Status == Connected && !expires.IsZero() && expires.Sub(now) < ExpiringSoon {
		return Expiring
	}
	return Health(a.Status)
}

// MaxHandleLen is the longest handle or display name accepted, in characters.
const MaxHandleLen = 200

// The errors of this package.
var (
	ErrNotFound          = fault.New(fault.NotFound, "account.not_found")
	ErrUnknown           = fault.New(fault.NotFound, "account.unknown") // no account of the workspace has this name
	ErrWorkspaceRequired = fault.New(fault.Invalid, "account.workspace_required")
	ErrNetwork           = fault.New(fault.Invalid, "account.network_unknown")
	ErrHandleRequired    = fault.New(fault.Invalid, "account.handle_required")
	ErrHandleTooLong     = fault.New(fault.Invalid, "account.handle_too_long")
	ErrServer            = fault.New(fault.Invalid, "account.server_invalid")
	ErrStatus            = fault.New(fault.Invalid, "account.status_invalid")
	ErrTaken             = fault.New(fault.Conflict, "account.taken")
)

// Account is one target account of a workspace.
type Account struct {
	ID          string    `json:"id"`
	WorkspaceID string    `json:"workspaceId"`
	Network     string    `json:"network"`          // as in post.Variant.Network: "bluesky", "mastodon"...
	Handle      string    `json:"handle"`           // e.g. "fournil-de-lea.bsky.social", "@fournil@piaille.fr"
	DisplayName string    `json:"displayName"`      // as the network shows it
	Server      string    `json:"server,omitempty"` // the instance or PDS base URL; "" when the network has one host
	Status      Status    `json:"status"`
	CreatedAt   time.Time `json:"createdAt"`
	// RemoteID is the network's identifier of the account: a DID on
	// Bluesky, an account id on a Mastodon instance.
	RemoteID  string `json:"remoteId,omitempty"`
	AvatarURL string `json:"avatarUrl,omitempty"`
	// NativeScheduling lets Ruche hand a scheduled post to the network,
	// which then publishes it even when the computer is off (Mastodon).
	NativeScheduling bool `json:"nativeScheduling,omitempty"`
}

// Input holds what is given to add an account.
type Input struct {
	Network     string
	Handle      string
	DisplayName string // "" takes the handle
	Server      string
	Status      Status // "" is Connected
	RemoteID    string
	AvatarURL   string
}

// Normalize trims the input, lowercases the network and fills the defaults.
func (in Input) Normalize() Input {
	in.Network = strings.ToLower(strings.TrimSpace(in.Network))
	in.Handle = strings.TrimSpace(in.Handle)
	in.DisplayName = strings.Join(strings.Fields(in.DisplayName), " ")
	if in.DisplayName == "" {
		in.DisplayName = in.Handle
	}
	in.Server = strings.TrimRight(strings.TrimSpace(in.Server), "/")
	if in.Status == "" {
		in.Status = Connected
	}
	return in
}

// Validate checks a normalised input and returns the first problem.
func (in Input) Validate() error {
	if _, ok := network.Defaults(in.Network); !ok {
		return ErrNetwork.With(map[string]any{"network": in.Network}, nil)
	}
	switch {
	case in.Handle == "":
		return ErrHandleRequired.With(nil, nil)
	case utf8.RuneCountInString(in.Handle) > MaxHandleLen, utf8.RuneCountInString(in.DisplayName) > MaxHandleLen:
		return ErrHandleTooLong.With(map[string]any{"max": MaxHandleLen}, nil)
	case !in.Status.Valid():
		return ErrStatus.With(map[string]any{"status": string(in.Status)}, nil)
	}
	if in.Server != "" {
		u, err := url.Parse(in.Server)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return ErrServer.With(map[string]any{"server": in.Server}, err)
		}
	}
	return nil
}

// Repo keeps accounts. Accounts returns those of a workspace, oldest first;
// DeleteAccount removes one, ErrNotFound if it is gone.
type Repo interface {
	Accounts(ctx context.Context, workspaceID string) ([]Account, error)
	Account(ctx context.Context, id string) (Account, error)
	PutAccount(ctx context.Context, a Account) error
	DeleteAccount(ctx context.Context, id string) error
}

// Service is the use cases of accounts.
type Service struct {
	repo  Repo
	now   func() time.Time
	newID func(time.Time) string
}

// NewService returns a Service over repo; now and newID are the clock and
// the identifier maker.
func NewService(repo Repo, now func() time.Time, newID func(time.Time) string) *Service {
	return &Service{repo: repo, now: now, newID: newID}
}

// List returns the accounts of workspace workspaceID, oldest first.
func (s *Service) List(ctx context.Context, workspaceID string) ([]Account, error) {
	return s.repo.Accounts(ctx, workspaceID)
}

// Get returns one account.
func (s *Service) Get(ctx context.Context, id string) (Account, error) {
	return s.repo.Account(ctx, id)
}

// Add validates in and saves it as a new account of workspace workspaceID.
// The same handle on the same network cannot be added twice to a workspace.
func (s *Service) Add(ctx context.Context, workspaceID string, in Input) (Account, error) {
	workspaceID = strings.TrimSpace(workspaceID)
	if workspaceID == "" {
		return Account{}, ErrWorkspaceRequired.With(nil, nil)
	}
	in = in.Normalize()
	if err := in.Validate(); err != nil {
		return Account{}, err
	}
	all, err := s.repo.Accounts(ctx, workspaceID)
	if err != nil {
		return Account{}, err
	}
	for _, a := range all {
		if a.Network == in.Network && SameHandle(a.Handle, in.Handle) {
			return Account{}, ErrTaken.With(map[string]any{"handle": a.Handle, "network": network.DisplayName(a.Network)}, nil)
		}
	}
	now := s.now().UTC()
	a := Account{ID: s.newID(now), WorkspaceID: workspaceID, Network: in.Network, Handle: in.Handle,
		DisplayName: in.DisplayName, Server: in.Server, Status: in.Status, CreatedAt: now,
		RemoteID: in.RemoteID, AvatarURL: in.AvatarURL}
	if err := s.repo.PutAccount(ctx, a); err != nil {
		return Account{}, err
	}
	return a, nil
}

// Update changes account id with change and saves it; the identifier,
// workspace and network cannot change.
func (s *Service) Update(ctx context.Context, id string, change func(*Account)) (Account, error) {
	a, err := s.repo.Account(ctx, id)
	if err != nil {
		return Account{}, err
	}
	before := a
	change(&a)
	a.ID, a.WorkspaceID, a.Network, a.CreatedAt = before.ID, before.WorkspaceID, before.Network, before.CreatedAt
	if !a.Status.Valid() {
		return Account{}, ErrStatus.With(map[string]any{"status": string(a.Status)}, nil)
	}
	if err := s.repo.PutAccount(ctx, a); err != nil {
		return Account{}, err
	}
	return a, nil
}

// MarkReconnect says account id lost its access (a 401): the user must
// reconnect it. A demo or disconnected account is left as it is.
func (s *Service) MarkReconnect(ctx context.Context, id string) (Account, error) {
	return s.Update(ctx, id, func(a *Account) {
		if a.Status == Connected {
			a.Status = ReconnectNeeded
		}
	})
}

// Remove deletes account id. Posts that target it keep their variant for it
// until edited; the scheduler cannot publish them there any more.
func (s *Service) Remove(ctx context.Context, id string) error {
	return s.repo.DeleteAccount(ctx, id)
}

// Find returns the account of workspace workspaceID named ref: its
// identifier, or its handle ignoring case and a leading "@".
func (s *Service) Find(ctx context.Context, workspaceID, ref string) (Account, error) {
	all, err := s.repo.Accounts(ctx, workspaceID)
	if err != nil {
		return Account{}, err
	}
	if a, ok := Match(all, ref); ok {
		return a, nil
	}
	return Account{}, ErrUnknown.With(map[string]any{"account": ref}, nil)
}

// Match returns the account of all named ref, as Find does.
func Match(all []Account, ref string) (Account, bool) {
	ref = strings.TrimSpace(ref)
	for _, a := range all {
		if a.ID == ref {
			return a, true
		}
	}
	for _, a := range all {
		if SameHandle(a.Handle, ref) {
			return a, true
		}
	}
	return Account{}, false
}

// SameHandle reports whether two handles name the same account: ignoring
// case, surrounding spaces and a leading "@".
func SameHandle(a, b string) bool {
	trim := func(s string) string { return strings.TrimPrefix(strings.TrimSpace(s), "@") }
	return trim(a) != "" && strings.EqualFold(trim(a), trim(b))
}
