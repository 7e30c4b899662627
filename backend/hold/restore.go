package hold

import (
	"context"
	"errors"
	"fmt"

	"ruche/backend/network"
	"ruche/backend/post"
)

// A restore replaces the store with a backup that cannot know what was
// handed to the networks after it was made: Copies before, Reapply after.
// A post deleted, or its account gone, takes its copies back (takeBack).

// Copy is one post a network holds, as the store knew it.
type Copy struct {
	PostID    string
	AccountID string
	Held      post.Held
	Released  int
}

// Copies lists what the networks hold, before the store is replaced (a
// restore): a backup does not know what was handed over since it was made.
func (s *Service) Copies(ctx context.Context) ([]Copy, error) {
	held, err := s.store.Held(ctx)
	if err != nil {
		return nil, err
	}
	var out []Copy
	for _, p := range held {
		for _, d := range p.Deliveries {
			if d.Held != nil {
				out = append(out, Copy{PostID: p.ID, AccountID: d.AccountID, Held: *d.Held, Released: d.Released})
			}
		}
	}
	return out, nil
}

// Reapply writes back, after the store was replaced, what the networks
// hold: onto the post when the restored data has it (the next Sync then
// brings the network's copy in step with the restored post), and taken
// back from the network when it does not (a post made after the backup
// must not go out by itself). An error leaves the copy to a later Reapply
// with the same list.
func (s *Service) Reapply(ctx context.Context, copies []Copy) error {
	var errs []error
	for _, c := range copies {
		_, err := s.store.UpdatePost(ctx, c.PostID, func(p *post.Post) error {
			d := p.Delivery(c.AccountID)
			if d == nil {
				return post.ErrNotFound
			}
			if d.State == post.DeliveryPublished {
				return nil // the restored data knows it went out
			}
			held := c.Held
			d.Held, d.Released = &held, max(d.Released, c.Released)
			return nil
		})
		if !errors.Is(err, post.ErrNotFound) {
			if err != nil {
				errs = append(errs, fmt.Errorf("post %s: %w", c.PostID, err))
			}
			continue
		}
		na, pub, err := s.targets.Target(ctx, c.AccountID)
		h, ok := pub.(network.Holder)
		if !ok {
			errs = append(errs, fmt.Errorf("post %s, account %s: no client to take it back: %w", c.PostID, c.AccountID, err))
			continue
		}
		if err := takeBack(ctx, h, na, c.Held); err != nil {
			errs = append(errs, fmt.Errorf("post %s, account %s: %w", c.PostID, c.AccountID, err))
		}
	}
	if len(errs) > 0 {
		return ErrStillHeld.With(nil, errors.Join(errs...))
	}
	return nil
}

// takeBack takes back what the network holds of held before its post or
// account goes away: a hand-over whose answer was lost is found by its key
// first, and a post the network no longer holds has nothing to take back.
func takeBack(ctx context.Context, h network.Holder, na network.Account, held post.Held) error {
	id := held.ID
	if id == "" {
		found, err := false, error(nil)
		if id, found, err = h.FindHeld(ctx, na, held.Key); err != nil || !found {
			return err
		}
	}
	if err := h.Release(ctx, na, id); err != nil && !errors.Is(err, network.ErrHeldGone) {
		return err
	}
	return nil
}
