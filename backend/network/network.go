// Package network is the contract every social network package implements:
// what a network accepts (Capabilities), how it counts a text (Count), what
// is wrong with a variant before it is scheduled (Validate), how a post is
// published exactly once (Publisher, with an idempotency key), and how a
// network's failures are classified (Error, Classify, CheckResponse).
//
// The networks themselves live in subpackages, one each; testnet is a real
// HTTP test network for the scheduler's tests.
package network

import (
	"context"
	"time"

	"ruche/backend/post"
)

// The networks Ruche knows, as written in post.Variant.Network.
const (
	Bluesky   = "bluesky"
	Mastodon  = "mastodon"
	X         = "x"
	Threads   = "threads"
	LinkedIn  = "linkedin"
	Instagram = "instagram"
	Testnet   = "testnet"
)

// DisplayName returns the name of network as its users write it.
func DisplayName(network string) string {
	switch network {
	case Bluesky:
		return "Bluesky"
	case Mastodon:
		return "Mastodon"
	case X:
		return "X"
	case Threads:
		return "Threads"
	case LinkedIn:
		return "LinkedIn"
	case Instagram:
		return "Instagram"
	case Testnet:
		return "Testnet"
	}
	return network
}

// Account is the target of a publication, with the access token read from
// the keychain just before the call. The token is never printed, logged or
// saved.
type Account struct {
	ID      string `json:"id"`
	Network string `json:"network"`
	Handle  string `json:"handle"`           // e.g. "@fournil@piaille.fr", "fournil.bsky.social"
	Server  string `json:"server,omitempty"` // the instance or PDS base URL, "" when the network has one host
	Token   string `json:"-"`
}

// String names the account without its token.
func (a Account) String() string { return a.Network + ":" + a.Handle }

// GoString keeps the token out of %#v.
func (a Account) GoString() string { return "network.Account{" + a.String() + "}" }

// Result is where a published post lives on its network.
type Result struct {
	RemoteID string `json:"remoteId"`
	URL      string `json:"url"`
}

// Publisher is one network's client, as the scheduler uses it.
//
// Publish sends variant v for account with idempotencyKey
// (post.IdempotencyKey): sending the same key again must never make a second
// post, either because the network honours the key (a Mastodon
// Idempotency-Key header, a Bluesky record key) or because the package asks
// Lookup first. Lookup answers "did this key publish already?", so that a
// post left half-sent by a crash is reconciled before any retry. Delete
// removes a published post; deleting one already gone is not an error.
// Every error is an *Error (see Classify) or ctx's.
type Publisher interface {
	Capabilities() Capabilities
	Publish(ctx context.Context, account Account, v post.Variant, idempotencyKey string) (Result, error)
	Delete(ctx context.Context, account Account, remoteID string) error
	Lookup(ctx context.Context, account Account, sent Sent) (Result, bool, error)
}

// Sent is an earlier attempt Lookup looks for: the publication's key, the
// variant it sent, and the earliest instant it can have gone out.
type Sent struct {
	Key     string
	Variant post.Variant
	Since   time.Time
}
