package plan

import (
	"cmp"
	"context"
	"slices"
	"time"

	"ruche/backend/calendar"
	"ruche/backend/post"
	"ruche/backend/workspace"
)

// QueueMargin is how far ahead the next queue slot must be: a slot a few
// seconds away would be past by the time the post is saved.
const QueueMargin = time.Minute

// QueueSlots returns the weekly queue slots of workspace w, by weekday and
// time.
func (s *Service) QueueSlots(ctx context.Context, w workspace.Workspace) ([]calendar.Slot, error) {
	slots, err := s.queue.QueueSlots(ctx, w.ID)
	sortSlots(slots)
	return slots, err
}

// SetQueueSlots validates slots and makes them the weekly queue slots of
// workspace w; it returns them sorted by weekday and time.
func (s *Service) SetQueueSlots(ctx context.Context, w workspace.Workspace, slots []calendar.Slot) ([]calendar.Slot, error) {
	if err := calendar.ValidateSlots(slots); err != nil {
		return nil, err
	}
	slots = slices.Clone(slots)
	sortSlots(slots)
	if err := s.queue.SetQueueSlots(ctx, w.ID, slots); err != nil {
		return nil, err
	}
	return slots, nil
}

func sortSlots(slots []calendar.Slot) {
	slices.SortFunc(slots, func(a, b calendar.Slot) int {
		return cmp.Or(cmp.Compare(a.Weekday, b.Weekday), cmp.Compare(a.Time.Hour, b.Time.Hour), cmp.Compare(a.Time.Minute, b.Time.Minute))
	})
}

// AddToQueue schedules post id of workspace w at the next free queue slot:
// the first slot at least QueueMargin ahead that no other post of w has.
func (s *Service) AddToQueue(ctx context.Context, w workspace.Workspace, id string) (post.Post, error) {
	loc, err := Zone(w)
	if err != nil {
		return post.Post{}, err
	}
	if _, err := s.Post(ctx, w, id); err != nil {
		return post.Post{}, err
	}
	slots, err := s.queue.QueueSlots(ctx, w.ID)
	if err != nil {
		return post.Post{}, err
	}
	after := s.now().Add(QueueMargin)
	// One day more than NextFreeSlot looks: its last day's slots included.
	es, err := s.posts.Calendar(ctx, w.ID, after, after.AddDate(0, 0, calendar.QueueHorizonDays+2))
	if err != nil {
		return post.Post{}, err
	}
	taken := make(map[int64]bool, len(es))
	for _, e := range es {
		if e.ID != id {
			taken[e.ScheduledAt.UnixNano()] = true
		}
	}
	at, err := calendar.NextFreeSlot(slots, loc, after, func(t time.Time) bool { return taken[t.UnixNano()] })
	if err != nil {
		return post.Post{}, err
	}
	return s.placed(s.posts.Place(ctx, id, at, s.crisis.Paused(ctx, w.ID)))
}
