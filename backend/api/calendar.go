package api

import (
	"strings"
	"time"

	"ruche/backend/calendar"
	"ruche/backend/fault"
	"ruche/backend/importing"
	"ruche/backend/plan"
	"ruche/backend/post"
)

// pauseLogLength is how many events of the crisis switch's audit list the
// window shows.
const pauseLogLength = 200

// ErrInstant: an instant from the window that is not RFC 3339.
var ErrInstant = fault.New(fault.Invalid, "api.instant_invalid")

// Calendar is the facade of the editorial calendar screen: the current
// workspace's posts by local day, drafts, moves, queue slots, the crisis
// switch, missed posts, import and export. Days and times are the
// workspace's wall clock ("YYYY-MM-DD", "HH:MM").
type Calendar struct {
	s *Settings

	imports importing.Previews[calendar.Row] // previews waiting for ConfirmImport
}

// NewCalendar returns the facade; it shares the Settings' data, dialogs and
// language.
func NewCalendar(s *Settings) *Calendar { return &Calendar{s: s} }

// Range returns the posts of the local days [from, to) of the current
// workspace, bucketed by day in its zone, and the crisis switch if on.
func (c *Calendar) Range(from, to string) (CalendarView, error) {
	sc, err := c.s.current()
	if err != nil {
		return CalendarView{}, err
	}
	fd, err := calendar.ParseDay(from)
	if err != nil {
		return CalendarView{}, err
	}
	td, err := calendar.ParseDay(to)
	if err != nil {
		return CalendarView{}, err
	}
	win, groups, err := sc.plan.Range(sc.ctx, sc.ws, fd, td)
	if err != nil {
		return CalendarView{}, err
	}
	pause, err := sc.app.Crisis.Active(sc.ctx, sc.ws.ID)
	if err != nil {
		return CalendarView{}, err
	}
	view := CalendarView{Zone: sc.ws.TimeZone, From: win.From.String(), To: win.To.String(),
		Days: make([]Day, len(groups)), Paused: pauseDTO(pause)}
	for i, g := range groups {
		day := Day{Date: g.Day.String(), Posts: make([]Post, len(g.Items))}
		for j, e := range g.Items {
			day.Posts[j] = sc.entryDTO(e)
		}
		view.Days[i] = day
	}
	return view, nil
}

// Drafts returns the unscheduled posts of the current workspace.
func (c *Calendar) Drafts() ([]Post, error) {
	sc, err := c.s.current()
	if err != nil {
		return nil, err
	}
	ps, err := sc.plan.Drafts(sc.ctx, sc.ws)
	if err != nil {
		return nil, err
	}
	return sc.postsDTO(ps), nil
}

// MovePost gives a post a local date and time: a draft dropped on the
// calendar is scheduled, a post on it moved. A time in the past is refused;
// while the crisis switch is on the post waits, paused.
func (c *Calendar) MovePost(id, date, clock string) (Post, error) {
	return c.change(func(sc scope) (post.Post, error) {
		at, err := plan.ParseLocal(date, clock)
		if err != nil {
			return post.Post{}, err
		}
		return sc.plan.Place(sc.ctx, sc.ws, id, at)
	})
}

// UnschedulePost takes a post off the calendar, back to the drafts.
func (c *Calendar) UnschedulePost(id string) (Post, error) {
	return c.change(func(sc scope) (post.Post, error) { return sc.plan.Unschedule(sc.ctx, sc.ws, id) })
}

// AddToQueue schedules a post at the next free queue slot.
func (c *Calendar) AddToQueue(id string) (Post, error) {
	return c.change(func(sc scope) (post.Post, error) { return sc.plan.AddToQueue(sc.ctx, sc.ws, id) })
}

// ResolveMissed applies the user's decision to a post whose time passed
// while Ruche was closed: action "publish_now", "reschedule" (at date and
// time) or "skip" (back to the drafts).
func (c *Calendar) ResolveMissed(id, action, date, clock string) (Post, error) {
	return c.change(func(sc scope) (post.Post, error) {
		at, err := plan.ParseLocal(date, clock)
		if err != nil {
			return post.Post{}, err
		}
		return sc.plan.ResolveMissed(sc.ctx, sc.ws, id, plan.Action(action), at)
	})
}

// change runs fn in the current scope and returns the post it changed.
func (c *Calendar) change(fn func(scope) (post.Post, error)) (Post, error) {
	sc, err := c.s.current()
	if err != nil {
		return Post{}, err
	}
	p, err := fn(sc)
	if err != nil {
		return Post{}, err
	}
	return sc.postDTO(p), nil
}

// QueueSlots returns the weekly queue slots of the current workspace.
func (c *Calendar) QueueSlots() ([]Slot, error) {
	sc, err := c.s.current()
	if err != nil {
		return nil, err
	}
	slots, err := sc.plan.QueueSlots(sc.ctx, sc.ws)
	if err != nil {
		return nil, err
	}
	return slotsDTO(slots), nil
}

// SetQueueSlots replaces the weekly queue slots of the current workspace
// and returns them sorted.
func (c *Calendar) SetQueueSlots(slots []Slot) ([]Slot, error) {
	sc, err := c.s.current()
	if err != nil {
		return nil, err
	}
	in := make([]calendar.Slot, len(slots))
	for i, s := range slots {
		clock, err := calendar.ParseClock(s.Time)
		if err != nil {
			return nil, calendar.ErrSlotTime.With(map[string]any{"index": i + 1}, err)
		}
		in[i] = calendar.Slot{Weekday: time.Weekday(s.Weekday), Time: clock}
	}
	saved, err := sc.plan.SetQueueSlots(sc.ctx, sc.ws, in)
	if err != nil {
		return nil, err
	}
	return slotsDTO(saved), nil
}

func slotsDTO(slots []calendar.Slot) []Slot {
	out := make([]Slot, len(slots))
	for i, s := range slots {
		out[i] = Slot{Weekday: int(s.Weekday), Time: s.Time.String()}
	}
	return out
}

// Pause turns the crisis switch on for the current workspace, or for every
// workspace with allSpaces: its scheduled posts wait, paused. until is RFC
// 3339, or "" to resume by hand.
func (c *Calendar) Pause(reason, until string, allSpaces bool) (Pause, error) {
	sc, err := c.s.current()
	if err != nil {
		return Pause{}, err
	}
	var end time.Time
	if until = strings.TrimSpace(until); until != "" {
		if end, err = time.Parse(time.RFC3339, until); err != nil {
			return Pause{}, ErrInstant.With(map[string]any{"value": until}, err)
		}
	}
	p, err := sc.app.Crisis.Pause(sc.ctx, sc.ws.ID, allSpaces, reason, end)
	if err != nil {
		return Pause{}, err
	}
	return *pauseDTO(&p), nil
}

// Resume turns the crisis switch off for the current workspace: its paused
// posts are scheduled again.
func (c *Calendar) Resume() error {
	sc, err := c.s.current()
	if err != nil {
		return err
	}
	_, err = sc.app.Crisis.Resume(sc.ctx, sc.ws.ID)
	return err
}

// PauseState returns the pause that holds the current workspace back, nil
// when the switch is off.
func (c *Calendar) PauseState() (*Pause, error) {
	sc, err := c.s.current()
	if err != nil {
		return nil, err
	}
	p, err := sc.app.Crisis.Active(sc.ctx, sc.ws.ID)
	if err != nil {
		return nil, err
	}
	return pauseDTO(p), nil
}

// PauseLog returns the crisis switch's audit list, newest first.
func (c *Calendar) PauseLog() ([]PauseEvent, error) {
	sc, err := c.s.current()
	if err != nil {
		return nil, err
	}
	events, err := sc.app.Crisis.Log(sc.ctx, pauseLogLength)
	if err != nil {
		return nil, err
	}
	all, err := sc.app.Workspaces.List(sc.ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(all))
	for _, w := range all {
		names[w.ID] = w.Name
	}
	out := make([]PauseEvent, len(events))
	for i, e := range events {
		out[i] = PauseEvent{At: rfc3339(e.At), Action: e.Action, Reason: e.Reason, Workspace: names[e.WorkspaceID], Posts: e.Posts}
	}
	return out, nil
}
