// Package hold hands scheduled posts to the networks that can hold them
// until their time (Mastodon's scheduled statuses), for the accounts whose
// owner allowed it: such a post goes out even when the computer is off.
//
// The calendar stays the truth. Sync makes the network's copy of one post
// agree with it — handed over when the post is scheduled far enough ahead,
// moved with it, handed over again when its text changed, taken back when
// it is unscheduled, paused (the crisis switch), deleted, or its account no
// longer allows it. Sweep does so for every post held and every post the
// next Horizon might hand over; the scheduler runs it before each poll.
// When its time comes, the scheduler collects what the network published
// instead of publishing it again.
package hold

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/account"
	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/post"
	"ruche/backend/workspace"
)

// ErrStillHeld: a network still holds a post Ruche could not take back
// (the network did not answer): what was asked is not done, or the network
// would publish the post anyway.
var ErrStillHeld = fault.New(fault.Unavailable, "hold.still_held")

// Horizon is how far ahead posts are handed over.
const Horizon = 30 * 24 * time.Hour

// RetryIn is how long a post whose network failed waits before the next
// Sweep tries it again.
const RetryIn = time.Minute

// Store is where posts are.
type Store interface {
	Post(ctx context.Context, id string) (post.Post, error)
	UpdatePost(ctx context.Context, id string, change func(*post.Post) error) (post.Post, error)
	Held(ctx context.Context) ([]post.Post, error)
	Calendar(ctx context.Context, wsID string, from, to time.Time) ([]post.Entry, error)
}

// Workspaces lists the workspaces.
type Workspaces interface {
	List(ctx context.Context) ([]workspace.Workspace, error)
}

// Accounts finds an account.
type Accounts interface {
	Get(ctx context.Context, id string) (account.Account, error)
}

// Targets gives an account's network client (see directory.Target).
type Targets interface {
	Target(ctx context.Context, accountID string) (network.Account, network.Publisher, error)
}

// Switch is the crisis switch: a paused workspace's posts are taken back.
type Switch interface {
	Paused(ctx context.Context, workspaceID string) bool
}

// Service keeps the networks' copies in step.
type Service struct {
	store      Store
	workspaces Workspaces
	accounts   Accounts
	targets    Targets
	crisis     Switch
	now        func() time.Time
	log        zerolog.Logger

	mu      sync.Mutex
	retryAt map[string]time.Time // by post: a network failed, wait before trying again
}

// New returns the service over its collaborators; now is the clock.
func New(store Store, workspaces Workspaces, accounts Accounts, targets Targets, crisis Switch, now func() time.Time, log zerolog.Logger) *Service {
	return &Service{store: store, workspaces: workspaces, accounts: accounts, targets: targets, crisis: crisis,
		now: now, log: log, retryAt: map[string]time.Time{}}
}

// Sweep syncs the posts held and the scheduled posts of the next Horizon
// on a network that can hold them. A post whose network failed is tried
// again after RetryIn; the failures are logged, not returned.
func (s *Service) Sweep(ctx context.Context) error {
	ids, err := s.candidates(ctx)
	if err != nil {
		return err
	}
	now := s.now()
	for _, id := range ids {
		s.mu.Lock()
		wait := s.retryAt[id].After(now)
		s.mu.Unlock()
		if wait {
			continue
		}
		if err := s.Sync(ctx, id); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			s.log.Warn().Err(err).Str("post", id).Msg("could not bring the network's copy in step")
			s.mu.Lock()
			s.retryAt[id] = now.Add(RetryIn)
			s.mu.Unlock()
		}
	}
	return nil
}

func (s *Service) candidates(ctx context.Context) ([]string, error) {
	held, err := s.store.Held(ctx)
	if err != nil {
		return nil, fmt.Errorf("held posts: %w", err)
	}
	var ids []string
	for _, p := range held {
		ids = append(ids, p.ID)
	}
	all, err := s.workspaces.List(ctx)
	if err != nil {
		return nil, fmt.Errorf("workspaces: %w", err)
	}
	now := s.now()
	for _, w := range all {
		entries, err := s.store.Calendar(ctx, w.ID, now, now.Add(Horizon))
		if err != nil {
			return nil, fmt.Errorf("calendar of %s: %w", w.ID, err)
		}
		for _, e := range entries {
			if e.Status == post.Scheduled && slices.ContainsFunc(e.Networks, holds) && !slices.Contains(ids, e.ID) {
				ids = append(ids, e.ID)
			}
		}
	}
	return ids, nil
}

// holds reports whether a network can hold posts at all.
func holds(net string) bool {
	caps, ok := network.Defaults(net)
	return ok && caps.NativeScheduling
}

// change is what Sync decided for one delivery.
type change struct {
	accountID string
	held      *post.Held // the delivery's new Held
	released  int        // copies given back in all, when one was: the delivery's new Released
	// published: the network had published the post already (found when
	// it no longer held it): the delivery is out.
	published *network.Result
}

// Sync makes the networks' copies of post id agree with it. A post gone
// from the store has nothing left to sync: Release takes its copies back
// before it is deleted.
func (s *Service) Sync(ctx context.Context, id string) error {
	p, err := s.store.Post(ctx, id)
	if errors.Is(err, post.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	paused := s.crisis != nil && s.crisis.Paused(ctx, p.WorkspaceID)
	var changes []change
	var errs []error
	for _, d := range p.Deliveries {
		if d.State != post.DeliveryPending {
			continue
		}
		c, err := s.syncDelivery(ctx, p, d, paused)
		if c != nil {
			changes = append(changes, *c)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("account %s: %w", d.AccountID, err))
		}
	}
	if len(changes) > 0 {
		// Written whatever happened to the post meanwhile: a copy the
		// network holds must never be forgotten. The next Sync compares again.
		if _, err := s.store.UpdatePost(ctx, id, func(q *post.Post) error {
			for _, c := range changes {
				if d := q.Delivery(c.accountID); d != nil {
					d.Held = c.held
					if c.released > d.Released {
						d.Released = c.released
					}
					if c.published != nil {
						q.PublishedByNetwork(c.accountID, s.now(), c.published.RemoteID, c.published.URL)
					}
				}
			}
			return nil
		}); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// syncDelivery brings one delivery in step; the change is nil when there
// is nothing to write.
func (s *Service) syncDelivery(ctx context.Context, p post.Post, d post.Delivery, paused bool) (*change, error) {
	v := p.Variant(d.AccountID)
	acc, accErr := s.accounts.Get(ctx, d.AccountID)
	na, pub, tErr := s.targets.Target(ctx, d.AccountID)
	h, isHolder := pub.(network.Holder)
	allowed := v != nil && accErr == nil && tErr == nil && isHolder && acc.NativeScheduling &&
		acc.Status == account.Connected && h.CanHold(*v)
	scheduled := p.Status == post.Scheduled && !paused && p.RetryAt.IsZero()
	now := s.now()

	if d.Held != nil && (p.Status == post.Publishing || p.Status == post.Published) {
		return nil, nil // its time came: the scheduler collects it
	}
	var found *change // what finding out changed, written whatever comes next
	if d.Held != nil && d.Held.ID == "" {
		if !isHolder {
			return nil, fmt.Errorf("cannot ask the network about a hand-over: %w", errors.Join(tErr, accErr))
		}
		c, err := s.recover(ctx, d, h, na, now)
		if err != nil || c == nil {
			return nil, err
		}
		d.Held, found = c.held, c
	}
	if d.Held != nil {
		if scheduled && allowed && d.Held.Sum == post.VariantSum(*v) {
			if d.Held.At.Equal(p.ScheduledAt) {
				return found, nil
			}
			if p.ScheduledAt.Sub(now) >= h.HoldAhead() {
				err := h.Rehold(ctx, na, d.Held.ID, p.ScheduledAt)
				if err == nil {
					moved := *d.Held
					moved.At = p.ScheduledAt
					return &change{accountID: d.AccountID, held: &moved}, nil
				}
				if !errors.Is(err, network.ErrHeldGone) {
					return found, err
				}
				return s.gone(ctx, p, d, v, h, na, scheduled && allowed, now)
			}
			// Too close now for the network to hold it: Ruche publishes it.
		}
		if !isHolder {
			return found, fmt.Errorf("cannot take the post back from the network: %w", errors.Join(tErr, accErr))
		}
		if err := h.Release(ctx, na, d.Held.ID); err != nil {
			if !errors.Is(err, network.ErrHeldGone) {
				return found, err
			}
			return s.gone(ctx, p, d, v, h, na, scheduled && allowed, now)
		}
		return s.handBack(ctx, p, d, v, h, na, scheduled && allowed, now)
	}
	if !isHolder {
		return found, nil
	}
	c, err := s.handOver(ctx, p, d, v, h, na, scheduled && allowed, now)
	if c == nil {
		c = found
	}
	return c, err
}

// recover finds out what became of a hand-over whose answer was never
// recorded (a crash between the call and the record): the network holds
// it (its id is recorded), or it never got it (the delivery is Ruche's
// again; the caller decides whether to hand it over anew). Once its time
// has passed the network may have published it: nothing changes, the
// scheduler collects it or, if the network has no trace of it, publishes
// it (nil change).
func (s *Service) recover(ctx context.Context, d post.Delivery, h network.Holder, na network.Account, now time.Time) (*change, error) {
	id, ok, err := h.FindHeld(ctx, na, d.Held.Key)
	switch {
	case err != nil:
		return nil, err
	case ok:
		held := *d.Held
		held.ID = id
		return &change{accountID: d.AccountID, held: &held}, nil
	case !d.Held.At.After(now):
		return nil, nil
	}
	s.log.Info().Str("account", d.AccountID).Msg("a hand-over cut short never reached the network")
	return &change{accountID: d.AccountID}, nil
}

// handBack records a copy given back, and hands the post over again when
// still wanted (its text changed).
func (s *Service) handBack(ctx context.Context, p post.Post, d post.Delivery, v *post.Variant, h network.Holder, na network.Account, want bool, now time.Time) (*change, error) {
	d.Held, d.Released = nil, d.Released+1
	c := &change{accountID: d.AccountID, released: d.Released}
	next, err := s.handOver(ctx, p, d, v, h, na, want, now)
	if next != nil {
		c.held = next.held
	}
	return c, err
}

// gone handles a network that no longer holds a post it was handed: it
// published it already (the delivery is out: never publish it again,
// whatever was edited since), or it was cancelled there (then the post is
// Ruche's again, as if given back).
func (s *Service) gone(ctx context.Context, p post.Post, d post.Delivery, v *post.Variant, h network.Holder, na network.Account, want bool, now time.Time) (*change, error) {
	res, found, err := h.Collect(ctx, na, *d.Held, *v)
	switch {
	case found:
		s.log.Info().Str("post", p.ID).Str("account", d.AccountID).Msg("the network had published the post it held")
		return &change{accountID: d.AccountID, published: &res}, nil
	case errors.Is(err, network.ErrHoldLost), errors.Is(err, network.ErrNeverHeld):
		return s.handBack(ctx, p, d, v, h, na, want, now)
	case err != nil:
		return nil, err
	}
	// Still held after all (the network was between two states): ask again.
	return nil, ErrStillHeld.With(nil, errors.New("the network says it neither holds nor gave back the post"))
}

// handOver hands delivery d to its network when wanted and far enough
// ahead. The intent is recorded first (a Held without id): a crash before
// the answer is recorded never forgets a post the network may hold.
func (s *Service) handOver(ctx context.Context, p post.Post, d post.Delivery, v *post.Variant, h network.Holder, na network.Account, want bool, now time.Time) (*change, error) {
	if !want || p.ScheduledAt.Sub(now) < h.HoldAhead() {
		return nil, nil
	}
	intent := post.Held{At: p.ScheduledAt, Key: d.HoldKey(), Text: v.Text, Link: v.Link, Sum: post.VariantSum(*v)}
	if _, err := s.store.UpdatePost(ctx, p.ID, func(q *post.Post) error {
		qd := q.Delivery(d.AccountID)
		if qd == nil {
			return post.ErrNotFound
		}
		held := intent
		qd.Held, qd.Released = &held, max(qd.Released, d.Released)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("recording the hand-over before it: %w", err)
	}
	id, err := h.Hold(ctx, na, *v, intent.Key, p.ScheduledAt)
	if err != nil {
		// Unknown whether the network got it: the intent stays, and the
		// next Sync asks the network by its key.
		return nil, err
	}
	intent.ID = id
	return &change{accountID: d.AccountID, held: &intent}, nil
}

// Release takes back every copy the networks hold of post p, before it is
// deleted; an error leaves some with the network (the post must not be
// deleted then: it would go out anyway).
func (s *Service) Release(ctx context.Context, p post.Post) error {
	var errs []error
	for _, d := range p.Deliveries {
		if d.Held == nil {
			continue
		}
		na, pub, err := s.targets.Target(ctx, d.AccountID)
		h, ok := pub.(network.Holder)
		if !ok {
			errs = append(errs, fmt.Errorf("account %s: no client to take the post back: %w", d.AccountID, err))
			continue
		}
		if err := takeBack(ctx, h, na, *d.Held); err != nil {
			errs = append(errs, fmt.Errorf("account %s: %w", d.AccountID, err))
		}
	}
	if len(errs) > 0 {
		return ErrStillHeld.With(nil, errors.Join(errs...))
	}
	return nil
}

// ReleaseAccount takes back what the network holds for account id, before
// it is disconnected or removed: without its access Ruche could no longer
// take it back, and the network would publish it anyway.
func (s *Service) ReleaseAccount(ctx context.Context, accountID string) error {
	return s.releaseWhere(ctx, func(p post.Post, d post.Delivery) bool { return d.AccountID == accountID })
}

// ReleaseWorkspace takes back what the networks hold for the posts of
// workspace wsID, before it is deleted.
func (s *Service) ReleaseWorkspace(ctx context.Context, wsID string) error {
	return s.releaseWhere(ctx, func(p post.Post, d post.Delivery) bool { return p.WorkspaceID == wsID })
}

func (s *Service) releaseWhere(ctx context.Context, match func(post.Post, post.Delivery) bool) error {
	held, err := s.store.Held(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, p := range held {
		var released []string
		for _, d := range p.Deliveries {
			if d.Held == nil || !match(p, d) {
				continue
			}
			na, pub, err := s.targets.Target(ctx, d.AccountID)
			h, ok := pub.(network.Holder)
			if !ok {
				errs = append(errs, fmt.Errorf("post %s, account %s: no client to take it back: %w", p.ID, d.AccountID, err))
				continue
			}
			if err := takeBack(ctx, h, na, *d.Held); err != nil {
				errs = append(errs, fmt.Errorf("post %s, account %s: %w", p.ID, d.AccountID, err))
				continue
			}
			released = append(released, d.AccountID)
		}
		if len(released) > 0 {
			if _, err := s.store.UpdatePost(ctx, p.ID, func(q *post.Post) error {
				for _, id := range released {
					if d := q.Delivery(id); d != nil {
						d.Held, d.Released = nil, d.Released+1
					}
				}
				return nil
			}); err != nil && !errors.Is(err, post.ErrNotFound) {
				errs = append(errs, err)
			}
		}
	}
	if len(errs) > 0 {
		return ErrStillHeld.With(nil, errors.Join(errs...))
	}
	return nil
}
