package plan

import (
	"context"
	"errors"
	"time"

	"ruche/backend/calendar"
	"ruche/backend/ident"
	"ruche/backend/post"
	"ruche/backend/workspace"
)

// Recurrences preview and create recurring posts: one post per occurrence of
// a rule, expanded by wall clock in the workspace's zone (09:00 stays 09:00
// across a DST change; a 02:30 on a spring-forward night becomes 03:00), all
// sharing a RecurrenceID so that they can be found together.

// PreviewRecurrence returns the occurrences of rule in workspace w's zone,
// at most limit (all when limit <= 0).
func (s *Service) PreviewRecurrence(w workspace.Workspace, rule calendar.Rule, limit int) ([]time.Time, error) {
	loc, err := Zone(w)
	if err != nil {
		return nil, err
	}
	return calendar.Expand(rule, loc, limit)
}

// CreateRecurring creates and schedules one post from in per occurrence of
// rule. It is all or nothing: the first occurrence must be ahead, and if one
// post cannot be made the ones already made are deleted.
func (s *Service) CreateRecurring(ctx context.Context, w workspace.Workspace, in post.Input, rule calendar.Rule) ([]post.Post, error) {
	at, err := s.PreviewRecurrence(w, rule, 0)
	if err != nil {
		return nil, err
	}
	if len(at) > 0 && at[0].Before(s.now()) {
		return nil, post.ErrTimePast.With(nil, nil)
	}
	in.RecurrenceID = ident.New(s.now())
	made := make([]post.Post, 0, len(at))
	for _, t := range at {
		p, err := s.create(ctx, w, in, t)
		if err != nil {
			var errs []error
			for _, m := range made {
				errs = append(errs, s.posts.Delete(ctx, m.ID))
			}
			return nil, errors.Join(append([]error{err}, errs...)...)
		}
		made = append(made, p)
	}
	return made, nil
}
