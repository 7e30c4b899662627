package post

import (
	"context"
	"time"

	"ruche/backend/fault"
)

// ErrStatus: a status a user may not set by hand.
var ErrStatus = fault.New(fault.Invalid, "post.status_invalid")

// Editorial reports whether s is a status of the editorial workflow, before
// the post is handed to the scheduler: draft, in review or approved.
func (s Status) Editorial() bool { return s == Draft || s == InReview || s == Approved }

// Place gives post id the instant at, which must not be in the past: what a
// drop on the calendar does. A post still in the editorial workflow (draft,
// approved) is scheduled; a post already on the calendar is moved, keeping
// its status (a missed or failed one is scheduled again). A post that ends
// up scheduled is checked first, as Schedule does. With hold set, because
// the crisis switch of its workspace is on, a scheduled post waits paused.
func (s *Service) Place(ctx context.Context, id string, at time.Time, hold bool) (Post, error) {
	return s.place(ctx, id, func(time.Time) time.Time { return at }, hold)
}

// PlaceNow is Place at the current instant: "publish now".
func (s *Service) PlaceNow(ctx context.Context, id string, hold bool) (Post, error) {
	return s.place(ctx, id, func(now time.Time) time.Time { return now }, hold)
}

func (s *Service) place(ctx context.Context, id string, at func(now time.Time) time.Time, hold bool) (Post, error) {
	p, err := s.repo.Post(ctx, id)
	if err != nil {
		return Post{}, err
	}
	now := s.now()
	if p.Status.Editorial() {
		err = p.Schedule(at(now), now)
	} else {
		err = p.Move(at(now), now)
	}
	if err != nil {
		return Post{}, err
	}
	if p.Status == Scheduled || p.Status == Paused {
		if err := s.checkPost(ctx, p); err != nil {
			return Post{}, err
		}
	}
	if hold && p.Status == Scheduled {
		if err := p.SetStatus(Paused, now); err != nil {
			return Post{}, err
		}
	}
	// PutPost fails if the post changed since it was read: what was checked
	// is what is saved.
	return s.repo.PutPost(ctx, p)
}

// SetStatus moves post id, still in the editorial workflow, to another
// editorial status: draft, in review or approved. Scheduling goes through
// Place, unscheduling through Unschedule.
func (s *Service) SetStatus(ctx context.Context, id string, to Status) (Post, error) {
	if !to.Editorial() {
		return Post{}, ErrStatus.With(map[string]any{"status": string(to)}, nil)
	}
	return s.repo.UpdatePost(ctx, id, func(p *Post) error {
		if !p.Status.Editorial() {
			return moveError(p.Status, to) // scheduled or later: out of the editorial workflow
		}
		return p.SetStatus(to, s.now())
	})
}
