package scheduler

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/post"
)

// The reasons the scheduler itself gives in a post's attempts.
var (
	// ErrTooManyAttempts fails a post that kept failing temporarily.
	ErrTooManyAttempts = fault.New(fault.Transient, "scheduler.too_many_attempts")
	// ErrInterrupted marks an attempt cut by a crash or a quit: the network
	// is asked before anything is sent again.
	ErrInterrupted = fault.New(fault.Transient, "scheduler.interrupted")
)

// job is a claimed post handed to a worker. late marks a post whose time
// passed beyond the grace period while an attempt may have published it (a
// crash left it publishing, or its last answer was lost): each network is
// asked whether it went out, nothing is sent, and what did not go out is
// missed (the user decides).
type job struct {
	post post.Post
	late bool
}

// deliver publishes a claimed post (status publishing) to each target still
// pending, then hands the attempts and the outcome to the outcome writer,
// which records them in one transaction: published, failed, missed, or
// scheduled again for a retry. The worker does not wait for the disk: should
// the process die before that write, the post is still publishing and
// reconcile asks the networks at the next start.
func (s *Scheduler) deliver(ctx context.Context, j job) {
	p := j.post
	var done []tried
	late := j.late
	for _, d := range p.Deliveries {
		if d.State != post.DeliveryPending || p.Variant(d.AccountID) == nil {
			continue
		}
		t := s.attempt(ctx, p, d, j.late)
		t.account = d.AccountID
		done = append(done, t)
		late = late || t.late
	}
	// Written even when ctx ended: a post must not stay publishing because
	// the app is quitting (Run waits for the writer).
	s.outcomes <- outcome{id: p.ID, change: func(q *post.Post) error {
		for _, t := range done {
			if d := q.Delivery(t.account); d != nil && t.neverHeld {
				d.Held = nil
			}
			if t.ok {
				q.Record(t.account, t.a, t.res.RemoteID, t.res.URL)
			}
		}
		return s.settle(q, s.now(), late)
	}}
}

// tried is what became of one delivery: an attempt (ok), and what the
// network said of a hand-over.
type tried struct {
	account string
	a       post.Attempt
	res     network.Result
	ok      bool // an attempt was made (not quitting, and not late and absent)
	// neverHeld: the hand-over whose answer was lost never reached the
	// network; the delivery is Ruche's again.
	neverHeld bool
	late      bool // nothing was sent: too late (see job)
}

// settled reports an outcome once it is on disk.
func (s *Scheduler) settled(id string, final post.Post, err error) {
	if errors.Is(err, errUnchanged) {
		return // no longer publishing: nothing to settle
	}
	if err != nil {
		s.log.Error().Err(err).Str("post", id).Msg("could not write the outcome")
		return
	}
	switch final.Status {
	case post.Published:
		s.log.Info().Str("post", id).Msg("published")
	case post.Failed:
		s.log.Warn().Str("post", id).Msg("failed")
	}
	if s.notify != nil {
		s.notify.PostChanged(final)
	}
}

// attempt makes one try at delivery d; ok is false when it was not tried
// (the app is quitting, or, late, the network does not have it).
func (s *Scheduler) attempt(ctx context.Context, p post.Post, d post.Delivery, late bool) tried {
	v := p.Variant(d.AccountID)
	account, pub, err := s.targets.Target(ctx, d.AccountID)
	var t tried
	if err == nil {
		lane := s.lane(account.Network)
		select {
		case lane <- struct{}{}:
		case <-ctx.Done():
			return t
		}
		t, err = s.send(ctx, pub, account, p, *v, d, late)
		<-lane
		if err == nil && t.late {
			return t
		}
	}
	if ctx.Err() != nil && err != nil {
		// Quitting mid-call: we cannot know whether it went out; the next
		// attempt asks the network first (see send).
		err = network.NewError(account.Network, network.ErrTimeout, 0, err)
	}
	t.ok = true
	a := post.Attempt{At: s.now(), Outcome: network.Outcome(err)}
	if err != nil {
		f := fault.As(err)
		a.Reason = f.Code
		for k, v := range f.Args {
			if a.Args == nil {
				a.Args = map[string]string{}
			}
			a.Args[k] = withoutToken(fmt.Sprint(v), account.Token)
		}
		var ne *network.Error
		if errors.As(err, &ne) {
			a.RetryAfter = ne.RetryAfter
		}
		if k := fault.KindOf(err); k == fault.NotFound || k == fault.Unavailable || k == fault.AuthExpired {
			a.Outcome = post.OutcomeAuth // the account is gone or disconnected: the user must act
		}
	}
	t.a = a
	return t
}

// withoutToken keeps the account's token out of a reason kept in the
// store: a network's error text is its own, and may quote what it was sent.
func withoutToken(reason, token string) string {
	if len(token) < 8 {
		return reason
	}
	return strings.ReplaceAll(reason, token, "[redacted]")
}

// send publishes, asking the network first whether an earlier attempt of
// the same publication went out (a timeout, a broken connection, a crash),
// whatever the delay since. A post the network held is collected, not
// sent; one whose hand-over never reached the network is Ruche's to send.
// Late, it only asks: t.late when the network does not have the post.
func (s *Scheduler) send(ctx context.Context, pub network.Publisher, a network.Account, p post.Post, v post.Variant, d post.Delivery, late bool) (t tried, err error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	if d.Held != nil {
		t.res, err = s.collect(ctx, pub, a, v, d)
		if !errors.Is(err, network.ErrNeverHeld) {
			return t, err
		}
		// Its time is the post's: past the grace period, the user decides.
		t.neverHeld = true
		late = late || s.now().Sub(p.ScheduledAt) > s.cfg.Grace
	}
	if len(d.Attempts) > 0 {
		res, found, err := pub.Lookup(ctx, a, network.Sent{Key: d.IdempotencyKey, Variant: v, Since: s.sentSince(p, d)})
		if err != nil || found {
			t.res = res
			return t, err
		}
	}
	if late {
		t.late = true
		return t, nil
	}
	t.res, err = pub.Publish(ctx, a, v, d.IdempotencyKey)
	return t, err
}

// sentSince is the earliest instant an earlier attempt of d can have gone
// out: a post never goes before its time, and an attempt is recorded at
// most one call timeout after it began.
func (s *Scheduler) sentSince(p post.Post, d post.Delivery) time.Time {
	since := p.ScheduledAt
	if len(d.Attempts) > 0 {
		if first := d.Attempts[0].At.Add(-s.cfg.Timeout); first.Before(since) {
			since = first
		}
	}
	return since
}

// ErrStillHeld: the network holds the post past its time (a Mastodon
// instance publishes its scheduled statuses every few minutes): ask again.
var ErrStillHeld = fault.New(fault.Transient, "scheduler.still_held")

// stillHeldWait is how long to wait before asking the network again.
const stillHeldWait = time.Minute

// collect finds the post a network held and published itself (package
// hold): nothing is sent.
func (s *Scheduler) collect(ctx context.Context, pub network.Publisher, a network.Account, v post.Variant, d post.Delivery) (network.Result, error) {
	h, ok := pub.(network.Holder)
	if !ok {
		return network.Result{}, network.NewError(a.Network, network.ErrHoldLost, 0, fmt.Errorf("the client of %s cannot hold posts", a.Network))
	}
	res, found, err := h.Collect(ctx, a, *d.Held, v)
	switch {
	case err != nil:
		return network.Result{}, err
	case !found:
		return network.Result{}, &network.Error{Network: a.Network, RetryAfter: stillHeldWait,
			Fault: ErrStillHeld.With(map[string]any{"network": network.DisplayName(a.Network)}, nil)}
	}
	return res, nil
}

// errUnchanged aborts an UpdatePost that has nothing to write.
var errUnchanged = errors.New("unchanged")

// settle decides a post's status once its pending deliveries were tried;
// late (see job), what is still pending is missed.
func (s *Scheduler) settle(p *post.Post, now time.Time, late bool) error {
	if p.Status != post.Publishing {
		return errUnchanged
	}
	pending, failed := 0, 0
	var wait time.Duration
	for _, d := range p.Deliveries {
		if p.Variant(d.AccountID) == nil {
			continue
		}
		switch d.State {
		case post.DeliveryPending:
			pending++
			if w := s.retryDelay(d); w > wait {
				wait = w
			}
			if d.Tries() >= s.cfg.MaxAttempts {
				p.Record(d.AccountID, post.Attempt{At: now, Outcome: post.OutcomeInvalid, Reason: ErrTooManyAttempts.Code}, "", "")
				pending--
				failed++
			}
		case post.DeliveryFailed:
			failed++
		}
	}
	switch {
	case pending > 0 && late:
		return p.SetStatus(post.Missed, now)
	case pending > 0:
		if err := p.SetStatus(post.Scheduled, now); err != nil {
			return err
		}
		p.RetryAt = now.Add(wait)
		return nil
	case failed > 0:
		return p.SetStatus(post.Failed, now)
	}
	return p.SetStatus(post.Published, now)
}

// retryDelay is the wait before the next attempt of d: exponential from
// Backoff, capped at MaxBackoff, with ±25 % jitter so that many posts do not
// retry in step, and never shorter than the network's Retry-After.
func (s *Scheduler) retryDelay(d post.Delivery) time.Duration {
	n := d.Tries()
	if n == 0 {
		return 0 // never tried (e.g. the app quit first): go again at once
	}
	last := d.Attempts[len(d.Attempts)-1]
	base := float64(s.cfg.Backoff) * math.Pow(2, float64(n-1))
	if base > float64(s.cfg.MaxBackoff) {
		base = float64(s.cfg.MaxBackoff)
	}
	wait := time.Duration(base * (0.75 + 0.5*s.jitter()))
	if last.RetryAfter > wait {
		wait = last.RetryAfter
	}
	return wait
}

// reconcile handles the posts a crash left publishing: each pending target
// is asked whether the post's key went out; the post then goes back to
// scheduled (due at once) so that what is missing is sent, or is settled.
// One whose time passed beyond the grace period meanwhile is only asked
// about: what did not go out is missed, as claim does for a post that was
// never taken.
func (s *Scheduler) reconcile(ctx context.Context, jobs chan<- job) error {
	stuck, err := s.store.Publishing(ctx)
	if err != nil {
		return err
	}
	now := s.now()
	for _, p := range stuck {
		late := now.Sub(claimedAt(p)) > s.cfg.Grace && len(p.HeldBy()) == 0
		s.log.Warn().Str("post", p.ID).Bool("late", late).Msg("found publishing after a restart: reconciling")
		select {
		case jobs <- job{post: s.markUnknown(ctx, p), late: late}:
		case <-ctx.Done():
			return nil
		}
	}
	return nil
}

// claimedAt is when a post left publishing was taken: the status change
// (UpdatedAt), never before its time.
func claimedAt(p post.Post) time.Time {
	if p.UpdatedAt.After(p.ScheduledAt) {
		return p.UpdatedAt
	}
	return p.ScheduledAt
}

// markUnknown records, for each pending target of a post left publishing,
// that an attempt may have happened: deliver then asks Lookup before sending.
func (s *Scheduler) markUnknown(ctx context.Context, p post.Post) post.Post {
	q, err := s.store.UpdatePost(ctx, p.ID, func(q *post.Post) error {
		for _, d := range q.Deliveries {
			if d.State == post.DeliveryPending {
				q.Record(d.AccountID, post.Attempt{At: s.now(), Outcome: post.OutcomeUnknown, Reason: ErrInterrupted.Code}, "", "")
			}
		}
		return nil
	})
	if err != nil {
		s.log.Error().Err(err).Str("post", p.ID).Msg("could not reconcile")
		return p
	}
	return q
}
