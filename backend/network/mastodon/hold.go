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

// Collect finds the status scheduled status id became: not found while the
// instance still holds it, ErrScheduledGone when it holds it no more and no
// status of the account matches.
func (c *Client) Collect(ctx context.Context, a network.Account, id string, at time.Time, v post.Variant) (network.Result, bool, error) {
	_, held, err := c.ScheduledStatus(ctx, a, id)
	if err != nil || held {
		return network.Result{}, false, err
	}
	res, found, err := c.FindPublished(ctx, a, at, StatusText(v))
	if err != nil {
		return network.Result{}, false, err
	}
	if !found {
		return network.Result{}, false, network.NewError(network.Mastodon, network.ErrHoldLost, 0, errors.New("the scheduled status is gone and no status matches it"))
	}
	return res, true, nil
}
