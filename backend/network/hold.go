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
// back. Both fail with ErrHeldGone when the network no longer holds it:
// it may have published it already, which Collect tells.
//
// Collect returns the post the network published for held: found is false
// while the network still holds it, and the error is ErrHoldLost when it
// neither holds nor published it (cancelled or deleted on the network's
// side). A hand-over whose answer was never recorded (held.ID is "": a
// crash came between the call and the record) is looked for by its key
// (held.Key): the error is then ErrNeverHeld when the network has no trace
// of it. What was handed over is held.Text where known, v's text otherwise.
type Holder interface {
	// HoldAhead is how long before its time a post can be handed over.
	HoldAhead() time.Duration
	// CanHold reports whether the network can hold v (not a thread, say).
	CanHold(v post.Variant) bool
	Hold(ctx context.Context, account Account, v post.Variant, idempotencyKey string, at time.Time) (string, error)
	Rehold(ctx context.Context, account Account, id string, at time.Time) error
	Release(ctx context.Context, account Account, id string) error
	Collect(ctx context.Context, account Account, held post.Held, v post.Variant) (Result, bool, error)
	// FindHeld returns the identifier of the post the network holds from
	// a hand-over with key; found is false when it holds none.
	FindHeld(ctx context.Context, account Account, key string) (id string, found bool, err error)
}
