package post

import (
	"fmt"
	"time"
)

// Status is where a post stands in the editorial workflow.
type Status string

// The statuses of a post.
const (
	Draft      Status = "draft"      // being written
	InReview   Status = "in_review"  // waiting for someone's approval
	Approved   Status = "approved"   // approved, not yet handed to the scheduler
	Scheduled  Status = "scheduled"  // the scheduler publishes it at its instant
	Publishing Status = "publishing" // the scheduler is sending it right now
	Published  Status = "published"  // every target has it
	Failed     Status = "failed"     // a target refused it for good; the attempts say why
	Missed     Status = "missed"     // its instant passed while Ruche was closed: the user decides
	Paused     Status = "paused"     // held back by the crisis switch
)

// Statuses lists every status, in workflow order.
var Statuses = []Status{Draft, InReview, Approved, Scheduled, Publishing, Published, Failed, Missed, Paused}

// moves is the table of legal status changes: moves[from] lists the
// statuses a post may go to from from. Staying in the same status is not a
// move.
var moves = map[Status][]Status{
	Draft:    {InReview, Approved, Scheduled},
	InReview: {Draft, Approved},
	Approved: {Draft, InReview, Scheduled},
	// Scheduled goes to Publishing (the scheduler takes it), Paused (crisis
	// switch), Missed (its time passed while Ruche was closed) or back to
	// Draft (unscheduled).
	Scheduled: {Draft, Publishing, Paused, Missed},
	// Publishing ends Published or Failed, or goes back to Scheduled to be
	// tried again later (temporary failure, or a target still pending), or
	// becomes Missed (a crash left it publishing and Ruche came back past
	// its grace period: what had not gone out waits for the user).
	Publishing: {Published, Failed, Scheduled, Missed},
	Published:  {},
	Failed:     {Draft, Scheduled},
	Missed:     {Draft, Scheduled},
	Paused:     {Draft, Scheduled, Missed},
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	_, ok := moves[s]
	return ok
}

// CanMove reports whether a post may go from status from to status to.
func CanMove(from, to Status) bool {
	for _, s := range moves[from] {
		if s == to {
			return true
		}
	}
	return false
}

// SetStatus moves p to status to at time now, or returns why it may not:
// ErrPublishing or ErrPublished when the post is out of the user's hands,
// ErrMove for any other illegal move. Setting the current status again does
// nothing.
func (p *Post) SetStatus(to Status, now time.Time) error {
	if p.Status == to {
		return nil
	}
	if !CanMove(p.Status, to) {
		return moveError(p.Status, to)
	}
	p.Status = to
	if to != Scheduled {
		p.RetryAt = time.Time{}
	}
	p.UpdatedAt = now.UTC()
	return nil
}

func moveError(from, to Status) error {
	cause := fmt.Errorf("status %s to %s", from, to)
	switch from {
	case Publishing:
		return ErrPublishing.Because(cause)
	case Published:
		return ErrPublished.Because(cause)
	}
	return ErrMove.Because(cause)
}

// editable reports whether the user may change the post's content or time:
// not while it is being sent, and not once it is out.
func (p *Post) editable() error {
	switch p.Status {
	case Publishing:
		return ErrPublishing.With(nil, nil)
	case Published:
		return ErrPublished.With(nil, nil)
	}
	return nil
}

// checkFuture refuses a zero instant, one the store cannot key, and one
// before now.
func checkFuture(at, now time.Time) error {
	if at.IsZero() {
		return ErrTimeRequired.With(nil, nil)
	}
	if err := CheckTime(at); err != nil {
		return err
	}
	if at.Before(now) {
		return ErrTimePast.Because(fmt.Errorf("%s is before %s", at.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339)))
	}
	return nil
}

// Schedule hands p to the scheduler for instant at, which must not be
// before now. The post needs at least one target.
func (p *Post) Schedule(at, now time.Time) error {
	if err := p.editable(); err != nil {
		return err
	}
	if err := checkFuture(at, now); err != nil {
		return err
	}
	if len(p.Variants) == 0 {
		return ErrNoTargets.With(nil, nil)
	}
	from := p.Status
	if err := p.SetStatus(Scheduled, now); err != nil {
		return err
	}
	if from == Failed {
		p.retryFailed()
	}
	p.ScheduledAt, p.RetryAt, p.UpdatedAt = at.UTC(), time.Time{}, now.UTC()
	return nil
}

// retryFailed gives the targets that failed a new round: pending again,
// with their attempts so far kept for the record but no longer counted
// against the scheduler's limit (Delivery.TriesFrom).
func (p *Post) retryFailed() {
	for i := range p.Deliveries {
		d := &p.Deliveries[i]
		if d.State == DeliveryFailed {
			d.State, d.TriesFrom = DeliveryPending, len(d.Attempts)
		}
	}
}

// Move gives p the new instant at, which must not be before now, keeping its
// status; a missed or failed post is scheduled again.
func (p *Post) Move(at, now time.Time) error {
	if err := p.editable(); err != nil {
		return err
	}
	if err := checkFuture(at, now); err != nil {
		return err
	}
	if p.Status == Missed || p.Status == Failed {
		if err := p.Schedule(at, now); err != nil {
			return err
		}
	}
	p.ScheduledAt, p.RetryAt, p.UpdatedAt = at.UTC(), time.Time{}, now.UTC()
	return nil
}

// Unschedule takes p off the calendar: it becomes a draft without an
// instant.
func (p *Post) Unschedule(now time.Time) error {
	if err := p.SetStatus(Draft, now); err != nil {
		return err
	}
	p.ScheduledAt, p.RetryAt, p.UpdatedAt = time.Time{}, time.Time{}, now.UTC()
	return nil
}
