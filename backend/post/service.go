package post

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Repo keeps posts.
//
// PutPost saves p when p.Revision is the stored revision (0 for a new post)
// and returns it with the next revision; otherwise it fails with
// ErrConflict. UpdatePost reads, changes and saves post id in one
// transaction; change may run more than once when the transaction collides
// with another, so it must only change the post. DeletePost removes post id
// if its stored revision is rev, else fails with ErrConflict. PostsBetween
// returns the posts of a workspace whose instant is in [from, to), by
// instant, and Calendar their entries; Drafts those without an instant,
// oldest first.
type Repo interface {
	Post(ctx context.Context, id string) (Post, error)
	PutPost(ctx context.Context, p Post) (Post, error)
	UpdatePost(ctx context.Context, id string, change func(*Post) error) (Post, error)
	DeletePost(ctx context.Context, id string, rev int) error
	PostsBetween(ctx context.Context, workspaceID string, from, to time.Time) ([]Post, error)
	Calendar(ctx context.Context, workspaceID string, from, to time.Time) ([]Entry, error)
	Drafts(ctx context.Context, workspaceID string) ([]Post, error)
}

// Checker finds the problems of a post's variants on their networks, such
// as a text over the limit. Schedule refuses a post while Check returns an
// error, and so does Update of a post already on its way (scheduled,
// paused, missed, failed), so that problems are seen before scheduling, not
// at publish time. network.Checker is the app's.
type Checker interface {
	Check(ctx context.Context, p Post) error
}

// Service is the use cases of posts.
type Service struct {
	repo  Repo
	check Checker
	now   func() time.Time
	newID func(time.Time) string
}

// NewService returns a Service over repo; check may be nil (nothing is
// checked); now and newID are the clock and the identifier maker.
func NewService(repo Repo, check Checker, now func() time.Time, newID func(time.Time) string) *Service {
	return &Service{repo: repo, check: check, now: now, newID: newID}
}

// Get returns one post.
func (s *Service) Get(ctx context.Context, id string) (Post, error) {
	return s.repo.Post(ctx, id)
}

// List returns the posts of workspace workspaceID whose instant is in
// [from, to), by instant.
func (s *Service) List(ctx context.Context, workspaceID string, from, to time.Time) ([]Post, error) {
	return s.repo.PostsBetween(ctx, workspaceID, from, to)
}

// Calendar returns the calendar entries of the posts of workspace
// workspaceID whose instant is in [from, to), by instant: what a month,
// week or day view shows.
func (s *Service) Calendar(ctx context.Context, workspaceID string, from, to time.Time) ([]Entry, error) {
	return s.repo.Calendar(ctx, workspaceID, from, to)
}

// Drafts returns the unscheduled drafts of workspace workspaceID.
func (s *Service) Drafts(ctx context.Context, workspaceID string) ([]Post, error) {
	return s.repo.Drafts(ctx, workspaceID)
}

// Create validates in and saves it as a new unscheduled draft of workspace
// workspaceID.
func (s *Service) Create(ctx context.Context, workspaceID string, in Input) (Post, error) {
	workspaceID = strings.TrimSpace(workspaceID)
	if workspaceID == "" {
		return Post{}, ErrWorkspaceRequired.With(nil, nil)
	}
	in = in.Normalize()
	if err := in.Validate(); err != nil {
		return Post{}, err
	}
	now := s.now().UTC()
	p := Post{ID: s.newID(now), WorkspaceID: workspaceID, Status: Draft, CreatedAt: now, UpdatedAt: now}
	p.apply(in)
	return s.repo.PutPost(ctx, p)
}

// Update validates in and saves it over post id, if the post is still at
// revision rev (the one the user edited) and not out of the user's hands. A
// post that may be published without going through Schedule again
// (scheduled, paused, missed, failed) is checked first.
func (s *Service) Update(ctx context.Context, id string, rev int, in Input) (Post, error) {
	in = in.Normalize()
	if err := in.Validate(); err != nil {
		return Post{}, err
	}
	p, err := s.repo.Post(ctx, id)
	if err != nil {
		return Post{}, err
	}
	if p.Revision != rev {
		return Post{}, ErrConflict.Because(fmt.Errorf("post %s edited at revision %d, now %d", id, rev, p.Revision))
	}
	if err := p.editable(); err != nil {
		return Post{}, err
	}
	p.apply(in)
	p.UpdatedAt = s.now().UTC()
	if p.Status != Draft && p.Status != InReview && p.Status != Approved {
		if err := s.checkPost(ctx, p); err != nil {
			return Post{}, err
		}
	}
	return s.repo.PutPost(ctx, p)
}

// Schedule hands post id to the scheduler for instant at, which must not be
// in the past, once the checker finds no problem.
func (s *Service) Schedule(ctx context.Context, id string, at time.Time) (Post, error) {
	p, err := s.repo.Post(ctx, id)
	if err != nil {
		return Post{}, err
	}
	if err := p.Schedule(at, s.now()); err != nil {
		return Post{}, err
	}
	if err := s.checkPost(ctx, p); err != nil {
		return Post{}, err
	}
	// PutPost fails if the post changed since it was read: what was checked
	// is what is scheduled.
	return s.repo.PutPost(ctx, p)
}

func (s *Service) checkPost(ctx context.Context, p Post) error {
	if s.check == nil {
		return nil
	}
	return s.check.Check(ctx, p)
}

// Move gives post id the new instant at, which must not be in the past: a
// drag and drop on the calendar.
func (s *Service) Move(ctx context.Context, id string, at time.Time) (Post, error) {
	return s.repo.UpdatePost(ctx, id, func(p *Post) error { return p.Move(at, s.now()) })
}

// Unschedule takes post id off the calendar, back to the drafts.
func (s *Service) Unschedule(ctx context.Context, id string) (Post, error) {
	return s.repo.UpdatePost(ctx, id, func(p *Post) error { return p.Unschedule(s.now()) })
}

// Delete removes post id from Ruche; a published post stays on its networks.
// A post being published cannot be deleted.
func (s *Service) Delete(ctx context.Context, id string) error {
	p, err := s.repo.Post(ctx, id)
	if err != nil {
		return err
	}
	if p.Status == Publishing {
		return ErrPublishing.With(nil, nil)
	}
	return s.repo.DeletePost(ctx, id, p.Revision)
}
