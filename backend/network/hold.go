package network

import (
	"context"
	"time"

	"ruche/backend/post"
)

// Holder is a network that can hold a post until its time and publish it
// itself (native scheduling): the post goes out even when Ruche is closed.
// Package hold keeps the network's copy in step with the calendar.
//
// Hold hands variant v over, to be published at at, and returns the
// network's identifier of the held post; Rehold moves it; Release takes it
// back (one already gone is not an error). Collect, once at has passed,
// returns the published post: found is false while the network still
// holds it, and the error is ErrHoldLost when it neither holds nor
// published it (cancelled or deleted on the network's side).
type Holder interface {
	// HoldAhead is how long before its time a post can be handed over.
	HoldAhead() time.Duration
	// CanHold reports whether the network can hold v (not a thread, say).
	CanHold(v post.Variant) bool
	Hold(ctx context.Context, account Account, v post.Variant, idempotencyKey string, at time.Time) (string, error)
	Rehold(ctx context.Context, account Account, id string, at time.Time) error
	Release(ctx context.Context, account Account, id string) error
	Collect(ctx context.Context, account Account, id string, at time.Time, v post.Variant) (Result, bool, error)
}
