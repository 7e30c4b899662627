// Package plan is the editorial calendar's use cases over one workspace:
// posts placed at wall-clock times of the workspace's zone (with the DST
// rule of package calendar), the queue, missed posts, and bulk import and
// export. The window's facades and the command line both go through it, so
// that a post is placed the same way from either.
package plan

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"ruche/backend/account"
	"ruche/backend/calendar"
	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/post"
	"ruche/backend/workspace"
)

// Queue keeps the weekly queue slots of each workspace.
type Queue interface {
	QueueSlots(ctx context.Context, workspaceID string) ([]calendar.Slot, error)
	SetQueueSlots(ctx context.Context, workspaceID string, slots []calendar.Slot) error
}

// Switch is the crisis switch, as placing a post needs it: a post scheduled
// while its workspace is paused waits, paused too.
type Switch interface {
	Paused(ctx context.Context, workspaceID string) bool
}

// Holds takes back what a network holds of a post (package hold) before
// the post is deleted.
type Holds interface {
	Release(ctx context.Context, p post.Post) error
}

// Service is the calendar's use cases.
type Service struct {
	posts    *post.Service
	accounts *account.Service
	queue    Queue
	crisis   Switch
	holds    Holds
	now      func() time.Time
	checker  network.Checker
	// due, when set, is told of each post it puts on the calendar (OnDue).
	due func(at time.Time)
}

// NewService returns the use cases over the services and stores given; now
// is the clock; holds may be nil (no network holds posts).
func NewService(posts *post.Service, accounts *account.Service, queue Queue, crisis Switch, holds Holds, checker network.Checker, now func() time.Time) *Service {
	return &Service{posts: posts, accounts: accounts, queue: queue, crisis: crisis, holds: holds, checker: checker, now: now}
}

// OnDue sets what is told the instant of each post the service puts on
// the calendar (created with a time, placed, rescheduled, published now,
// queued): the publishing loop wakes for a post due at once.
func (s *Service) OnDue(fn func(at time.Time)) { s.due = fn }

// placed tells OnDue of p when it is scheduled.
func (s *Service) placed(p post.Post, err error) (post.Post, error) {
	if at, ok := p.DueAt(); err == nil && ok && s.due != nil {
		s.due(at)
	}
	return p, err
}

// Review is the live check of a post being written: each variant by the
// rules of its account's network, and whether it can be saved.
type Review struct {
	Variants []network.Review
	CanSave  bool
}

// Review checks in as written in workspace w: each variant by the network
// of its account in w (the network it says when the account is unknown),
// the networks' remote checks included. The same rules refuse scheduling
// it (network.Checker.Check).
func (s *Service) Review(ctx context.Context, w workspace.Workspace, in post.Input) (Review, error) {
	all, err := s.accounts.List(ctx, w.ID)
	if err != nil {
		return Review{}, err
	}
	out := Review{CanSave: true}
	for _, v := range in.Variants {
		if k := slices.IndexFunc(all, func(a account.Account) bool { return a.ID == v.AccountID }); k >= 0 {
			v.Network = all[k].Network
		}
		r := s.checker.Review(ctx, v, true)
		out.Variants = append(out.Variants, r)
		out.CanSave = out.CanSave && !r.Blocks()
	}
	return out, nil
}

// Local is a day and a wall-clock time in a workspace's zone. The zero
// Local is "no time": an unscheduled draft.
type Local struct {
	Day   calendar.Day
	Clock calendar.Clock
}

// ParseLocal reads a day written YYYY-MM-DD and a time written HH:MM. Both
// empty give the zero Local; one without the other is refused.
func ParseLocal(date, clock string) (Local, error) {
	date, clock = strings.TrimSpace(date), strings.TrimSpace(clock)
	switch {
	case date == "" && clock == "":
		return Local{}, nil
	case date == "" || clock == "":
		return Local{}, post.ErrTimeRequired.With(nil, nil)
	}
	d, err := calendar.ParseDay(date)
	if err != nil {
		return Local{}, err
	}
	c, err := calendar.ParseClock(clock)
	if err != nil {
		return Local{}, err
	}
	return Local{Day: d, Clock: c}, nil
}

// IsZero reports whether l is "no time".
func (l Local) IsZero() bool { return l.Day.IsZero() }

// In returns the instant of l in loc, by the rule of calendar.Instant.
func (l Local) In(loc *time.Location) time.Time { return calendar.Instant(l.Day, l.Clock, loc) }

// LocalOf returns the day and wall-clock time of t in loc.
func LocalOf(t time.Time, loc *time.Location) Local {
	lt := t.In(loc)
	return Local{Day: calendar.DayOf(t, loc), Clock: calendar.Clock{Hour: lt.Hour(), Minute: lt.Minute()}}
}

// Zone returns the zone of workspace w.
func Zone(w workspace.Workspace) (*time.Location, error) { return calendar.Zone(w.TimeZone) }

// Post returns post id if it belongs to workspace w, else post.ErrNotFound.
func (s *Service) Post(ctx context.Context, w workspace.Workspace, id string) (post.Post, error) {
	p, err := s.posts.Get(ctx, id)
	if err != nil {
		return post.Post{}, err
	}
	if p.WorkspaceID != w.ID {
		return post.Post{}, post.ErrNotFound.With(nil, errors.New("post "+id+" is of another workspace"))
	}
	return p, nil
}

// Range returns the window of the local days [from, to) in the zone of
// workspace w, and the calendar entries of its posts in each of those days:
// the one bucketing every view uses.
func (s *Service) Range(ctx context.Context, w workspace.Workspace, from, to calendar.Day) (calendar.Window, []calendar.Group[post.Entry], error) {
	loc, err := Zone(w)
	if err != nil {
		return calendar.Window{}, nil, err
	}
	win, err := calendar.NewWindow(from, to, loc)
	if err != nil {
		return calendar.Window{}, nil, err
	}
	es, err := s.posts.Calendar(ctx, w.ID, win.Start, win.End)
	if err != nil {
		return calendar.Window{}, nil, err
	}
	return win, calendar.Bucket(win, es, func(e post.Entry) time.Time { return e.ScheduledAt }), nil
}

// Drafts returns the unscheduled posts of workspace w.
func (s *Service) Drafts(ctx context.Context, w workspace.Workspace) ([]post.Post, error) {
	return s.posts.Drafts(ctx, w.ID)
}

// Create saves in as a new post of workspace w: a draft when at is zero,
// else a post scheduled at the local time at. When scheduling fails (a time
// past, a text too long) nothing is kept.
func (s *Service) Create(ctx context.Context, w workspace.Workspace, in post.Input, at Local) (post.Post, error) {
	if at.IsZero() {
		return s.create(ctx, w, in, time.Time{})
	}
	loc, err := Zone(w)
	if err != nil {
		return post.Post{}, err
	}
	return s.create(ctx, w, in, at.In(loc))
}

// create saves in as a new post of w, scheduled at at unless it is zero.
func (s *Service) create(ctx context.Context, w workspace.Workspace, in post.Input, at time.Time) (post.Post, error) {
	in, err := s.targets(ctx, w, in)
	if err != nil {
		return post.Post{}, err
	}
	p, err := s.posts.Create(ctx, w.ID, in)
	if err != nil || at.IsZero() {
		return p, err
	}
	placed, err := s.posts.Place(ctx, p.ID, at, s.crisis.Paused(ctx, w.ID))
	if err != nil {
		if derr := s.posts.Delete(ctx, p.ID); derr != nil {
			return post.Post{}, errors.Join(err, derr)
		}
		return post.Post{}, err
	}
	return s.placed(placed, nil)
}

// Update saves in over post id of workspace w, if it is still at revision
// rev.
func (s *Service) Update(ctx context.Context, w workspace.Workspace, id string, rev int, in post.Input) (post.Post, error) {
	if _, err := s.Post(ctx, w, id); err != nil {
		return post.Post{}, err
	}
	in, err := s.targets(ctx, w, in)
	if err != nil {
		return post.Post{}, err
	}
	return s.posts.Update(ctx, id, rev, in)
}

// targets checks that every variant of in goes to an account of workspace
// w, and gives each the network of its account.
func (s *Service) targets(ctx context.Context, w workspace.Workspace, in post.Input) (post.Input, error) {
	if len(in.Variants) == 0 {
		return in, nil
	}
	all, err := s.accounts.List(ctx, w.ID)
	if err != nil {
		return in, err
	}
	vs := slices.Clone(in.Variants)
	for i, v := range vs {
		id := strings.TrimSpace(v.AccountID)
		k := slices.IndexFunc(all, func(a account.Account) bool { return a.ID == id })
		if id == "" {
			return in, post.ErrAccountRequired.With(nil, nil)
		}
		if k < 0 {
			return in, account.ErrUnknown.With(map[string]any{"account": id}, nil)
		}
		vs[i].Network = all[k].Network
	}
	in.Variants = vs
	return in, nil
}

// Delete removes post id of workspace w, once every network holding it has
// given it back (else it would go out anyway, and nothing is deleted).
func (s *Service) Delete(ctx context.Context, w workspace.Workspace, id string) error {
	p, err := s.Post(ctx, w, id)
	if err != nil {
		return err
	}
	if s.holds != nil && len(p.HeldBy()) > 0 {
		if err := s.holds.Release(ctx, p); err != nil {
			return err
		}
	}
	return s.posts.Delete(ctx, id)
}

// SetStatus moves post id of workspace w to an editorial status: draft, in
// review or approved.
func (s *Service) SetStatus(ctx context.Context, w workspace.Workspace, id string, to post.Status) (post.Post, error) {
	if _, err := s.Post(ctx, w, id); err != nil {
		return post.Post{}, err
	}
	return s.posts.SetStatus(ctx, id, to)
}

// Place gives post id of workspace w the local time at: a draft is
// scheduled, a post on the calendar moved (see post.Service.Place). A time
// in the past is refused; while the crisis switch is on, the post waits
// paused.
func (s *Service) Place(ctx context.Context, w workspace.Workspace, id string, at Local) (post.Post, error) {
	if at.IsZero() {
		return post.Post{}, post.ErrTimeRequired.With(nil, nil)
	}
	loc, err := Zone(w)
	if err != nil {
		return post.Post{}, err
	}
	if _, err := s.Post(ctx, w, id); err != nil {
		return post.Post{}, err
	}
	return s.placed(s.posts.Place(ctx, id, at.In(loc), s.crisis.Paused(ctx, w.ID)))
}

// Unschedule takes post id of workspace w off the calendar, back to the
// drafts.
func (s *Service) Unschedule(ctx context.Context, w workspace.Workspace, id string) (post.Post, error) {
	if _, err := s.Post(ctx, w, id); err != nil {
		return post.Post{}, err
	}
	return s.posts.Unschedule(ctx, id)
}

// The errors about missed posts.
var (
	ErrAction    = fault.New(fault.Invalid, "plan.missed_action_invalid")
	ErrNotMissed = fault.New(fault.Conflict, "plan.not_missed")
)

// Action is what the user decides for a missed post.
type Action string

// The decisions about a missed post.
const (
	PublishNow Action = "publish_now" // send it at once
	Reschedule Action = "reschedule"  // give it a new time
	Skip       Action = "skip"        // back to the drafts
)

// ResolveMissed applies the user's decision to post id of workspace w,
// whose time passed while Ruche was closed: publish it now, schedule it at
// the local time at, or take it back to the drafts.
func (s *Service) ResolveMissed(ctx context.Context, w workspace.Workspace, id string, action Action, at Local) (post.Post, error) {
	p, err := s.Post(ctx, w, id)
	if err != nil {
		return post.Post{}, err
	}
	if p.Status != post.Missed {
		return post.Post{}, ErrNotMissed.With(nil, errors.New("post "+id+" is "+string(p.Status)))
	}
	switch action {
	case PublishNow:
		return s.placed(s.posts.PlaceNow(ctx, id, s.crisis.Paused(ctx, w.ID)))
	case Reschedule:
		return s.Place(ctx, w, id, at)
	case Skip:
		return s.posts.Unschedule(ctx, id)
	}
	return post.Post{}, ErrAction.With(map[string]any{"action": string(action)}, nil)
}
