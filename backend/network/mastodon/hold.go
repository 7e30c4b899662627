package mastodon

import (
	"context"
	"errors"
	"time"

	"ruche/backend/network"
	"ruche/backend/post"
)

// The Client holds posts on the instance (network.Holder) with its
// scheduled statuses.
var _ network.Holder = (*Client)(nil)

// HoldAhead is MinScheduleAhead with a margin for the clocks and the trip.
func (c *Client) HoldAhead() time.Duration { return MinScheduleAhead + 5*time.Minute }

// CanHold reports whether the instance can hold v: a thread cannot be
// scheduled, each reply needs the status before it.
func (c *Client) CanHold(v post.Variant) bool { return len(v.Thread) == 0 }

// Hold schedules v on the instance (Schedule).
func (c *Client) Hold(ctx context.Context, a network.Account, v post.Variant, key string, at time.Time) (string, error) {
	return c.Schedule(ctx, a, v, key, at)
}

// Rehold moves the scheduled status (Reschedule).
func (c *Client) Rehold(ctx context.Context, a network.Account, id string, at time.Time) error {
	return c.Reschedule(ctx, a, id, at)
}

// Release cancels the scheduled status (Unschedule).
func (c *Client) Release(ctx context.Context, a network.Account, id string) error {
	return c.Unschedule(ctx, a, id)
}

// FindHeld finds the scheduled status of a hand-over by its key
// (FindScheduled).
func (c *Client) FindHeld(ctx context.Context, a network.Account, key string) (string, bool, error) {
	return c.FindScheduled(ctx, a, key)
}

// Collect finds the status the scheduled status of held became: not found
// while the instance still holds it, ErrHoldLost when it holds it no more
// and no status of the account matches. A hand-over whose answer was lost
// (no id) is first looked for by its key; ErrNeverHeld when the instance
// has no trace of it.
func (c *Client) Collect(ctx context.Context, a network.Account, held post.Held, v post.Variant) (network.Result, bool, error) {
	id := held.ID
	if id == "" {
		found, err := false, error(nil)
		if id, found, err = c.FindScheduled(ctx, a, held.Key); err != nil || found {
			return network.Result{}, false, err // still held
		}
	} else if _, still, err := c.ScheduledStatus(ctx, a, id); err != nil || still {
		return network.Result{}, false, err
	}
	res, found, err := c.FindPublished(ctx, a, held.At, StatusText(held.HandedOver(v)))
	switch {
	case err != nil:
		return network.Result{}, false, err
	case found:
		return res, true, nil
	case held.ID == "":
		return network.Result{}, false, network.NewError(network.Mastodon, network.ErrNeverHeld, 0, errors.New("no scheduled status has the hand-over's key and no status matches it"))
	}
	return network.Result{}, false, network.NewError(network.Mastodon, network.ErrHoldLost, 0, errors.New("the scheduled status is gone and no status matches it"))
}
