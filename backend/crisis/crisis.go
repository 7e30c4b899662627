// Package crisis is the crisis switch: when a bad buzz starts, the community
// manager pauses every scheduled post of a workspace, or of all of them, with
// a reason and an optional time to resume by itself. Paused posts stay on the
// calendar, marked; every pause and resume is kept in an audit list.
package crisis

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"ruche/backend/fault"
	"ruche/backend/post"
	"ruche/backend/workspace"
)

// The errors of the crisis switch.
var (
	ErrReasonRequired = fault.New(fault.Invalid, "crisis.reason_required")
	ErrReasonTooLong  = fault.New(fault.Invalid, "crisis.reason_too_long")
	ErrUntilPast      = fault.New(fault.Invalid, "crisis.until_past")
	ErrNotPaused      = fault.New(fault.Conflict, "crisis.not_paused")
	ErrNotFound       = fault.New(fault.NotFound, "crisis.not_found")
)

// MaxReason is the longest reason accepted, in characters.
const MaxReason = 500

// The actions of the audit list.
const (
	ActionPause      = "pause"
	ActionResume     = "resume"
	ActionAutoResume = "auto_resume"
)

// Pause holds back the posts of one workspace, or of all when WorkspaceID is "".
type Pause struct {
	WorkspaceID string    `json:"workspaceId"`
	Reason      string    `json:"reason"`
	Since       time.Time `json:"since"`
	Until       time.Time `json:"until,omitzero"` // zero: until resumed by hand
}

// All reports whether the pause covers every workspace.
func (p Pause) All() bool { return p.WorkspaceID == "" }

// Event is one line of the audit list.
type Event struct {
	At          time.Time `json:"at"`
	Action      string    `json:"action"`
	Reason      string    `json:"reason"`
	WorkspaceID string    `json:"workspaceId"` // "" for all
	Posts       int       `json:"posts"`       // posts paused or resumed
}

// Repo keeps pauses, the audit list and the posts they act on.
type Repo interface {
	Pauses(ctx context.Context) ([]Pause, error)
	PutPause(ctx context.Context, p Pause) error
	DeletePause(ctx context.Context, workspaceID string) error
	AppendPauseEvent(ctx context.Context, e Event) error
	PauseEvents(ctx context.Context, limit int) ([]Event, error)
	Workspaces(ctx context.Context) ([]workspace.Workspace, error)
	Calendar(ctx context.Context, workspaceID string, from, to time.Time) ([]post.Entry, error)
	UpdatePost(ctx context.Context, id string, change func(*post.Post) error) (post.Post, error)
}

// Service is the crisis switch.
type Service struct {
	repo Repo
	now  func() time.Time
}

// NewService returns the switch over repo; now is the clock.
func NewService(repo Repo, now func() time.Time) *Service { return &Service{repo: repo, now: now} }

// Pause pauses every scheduled post of workspace wsID, or of every workspace
// when all is set, for reason; until, if not zero, is when it resumes by
// itself. Pausing again replaces the reason and the end.
func (s *Service) Pause(ctx context.Context, wsID string, all bool, reason string, until time.Time) (Pause, error) {
	reason = strings.TrimSpace(reason)
	now := s.now().UTC()
	switch {
	case reason == "":
		return Pause{}, ErrReasonRequired.With(nil, nil)
	case utf8.RuneCountInString(reason) > MaxReason:
		return Pause{}, ErrReasonTooLong.With(map[string]any{"max": MaxReason}, nil)
	case !until.IsZero() && !until.After(now):
		return Pause{}, ErrUntilPast.With(nil, nil)
	}
	if all {
		wsID = ""
	}
	p := Pause{WorkspaceID: wsID, Reason: reason, Since: now, Until: until.UTC()}
	if err := s.repo.PutPause(ctx, p); err != nil {
		return Pause{}, err
	}
	n, err := s.move(ctx, wsID, post.Scheduled, post.Paused, nil)
	if err != nil {
		return p, err
	}
	return p, s.repo.AppendPauseEvent(ctx, Event{At: now, Action: ActionPause, Reason: reason, WorkspaceID: wsID, Posts: n})
}

// Resume ends the pause that holds workspace wsID back (its own, else the
// one of all workspaces) and schedules its posts again; those whose time
// passed meanwhile are left to the scheduler, which marks them missed. It
// returns how many posts were resumed.
func (s *Service) Resume(ctx context.Context, wsID string) (int, error) {
	p, err := s.Active(ctx, wsID)
	if err != nil {
		return 0, err
	}
	if p == nil {
		return 0, ErrNotPaused.With(nil, nil)
	}
	return s.end(ctx, *p, ActionResume)
}

// AutoResume ends the pauses whose time has come; the scheduler calls it
// before each poll.
func (s *Service) AutoResume(ctx context.Context) error {
	ps, err := s.repo.Pauses(ctx)
	if err != nil {
		return err
	}
	now := s.now()
	var errs []error
	for _, p := range ps {
		if !p.Until.IsZero() && !p.Until.After(now) {
			_, err := s.end(ctx, p, ActionAutoResume)
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (s *Service) end(ctx context.Context, p Pause, action string) (int, error) {
	if err := s.repo.DeletePause(ctx, p.WorkspaceID); err != nil {
		return 0, err
	}
	// A workspace still under another pause keeps its posts paused.
	rest, err := s.repo.Pauses(ctx)
	if err != nil {
		return 0, err
	}
	held := map[string]bool{}
	for _, q := range rest {
		held[q.WorkspaceID] = true
	}
	n, err := s.move(ctx, p.WorkspaceID, post.Paused, post.Scheduled, func(ws string) bool {
		return held[""] || held[ws]
	})
	if err != nil {
		return n, err
	}
	return n, s.repo.AppendPauseEvent(ctx, Event{At: s.now().UTC(), Action: action, Reason: p.Reason, WorkspaceID: p.WorkspaceID, Posts: n})
}

// Active returns the pause that holds workspace wsID back, nil if none.
func (s *Service) Active(ctx context.Context, wsID string) (*Pause, error) {
	ps, err := s.repo.Pauses(ctx)
	if err != nil {
		return nil, err
	}
	var all *Pause
	for i := range ps {
		switch ps[i].WorkspaceID {
		case wsID:
			return &ps[i], nil
		case "":
			all = &ps[i]
		}
	}
	return all, nil
}

// Paused reports whether workspace wsID is paused; the scheduler asks before
// publishing, so that a post scheduled during a pause is held too.
func (s *Service) Paused(ctx context.Context, wsID string) bool {
	p, err := s.Active(ctx, wsID)
	return err != nil || p != nil // in doubt, hold back
}

// Log returns the audit list, newest first, at most limit events.
func (s *Service) Log(ctx context.Context, limit int) ([]Event, error) {
	return s.repo.PauseEvents(ctx, limit)
}

// move changes every post of workspace wsID ("" for all) from status from to
// status to, skipping the workspaces skip says to, and returns how many moved.
func (s *Service) move(ctx context.Context, wsID string, from, to post.Status, skip func(ws string) bool) (int, error) {
	ids := []string{wsID}
	if wsID == "" {
		all, err := s.repo.Workspaces(ctx)
		if err != nil {
			return 0, err
		}
		ids = ids[:0]
		for _, w := range all {
			ids = append(ids, w.ID)
		}
	}
	n := 0
	for _, ws := range ids {
		if skip != nil && skip(ws) {
			continue
		}
		entries, err := s.repo.Calendar(ctx, ws, post.MinTime, post.MaxTime)
		if err != nil {
			return n, err
		}
		for _, e := range entries {
			if e.Status != from {
				continue
			}
			moved := false
			_, err := s.repo.UpdatePost(ctx, e.ID, func(p *post.Post) error {
				moved = false
				if p.Status != from {
					return errSkip
				}
				moved = true
				return p.SetStatus(to, s.now())
			})
			switch {
			case errors.Is(err, errSkip), errors.Is(err, post.ErrNotFound):
			case err != nil:
				return n, err
			case moved:
				n++
			}
		}
	}
	return n, nil
}

var errSkip = errors.New("skip")
