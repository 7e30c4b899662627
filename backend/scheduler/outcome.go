package scheduler

import (
	"context"
	"errors"

	"ruche/backend/post"
)

// Outcomes are written in groups: when many workers finish at once, one
// synced transaction records them all instead of one each, and the workers
// go on sending meanwhile. Nothing is reported (log, window) before it is on
// disk.

// outcome is one post's change waiting to be written.
type outcome struct {
	id     string
	change func(*post.Post) error
}

// writeOutcomes writes what arrives on in until it is closed, taking with
// each outcome those already waiting (never waiting for more).
func (s *Scheduler) writeOutcomes(in <-chan outcome) {
	for first := range in {
		batch := map[string]outcome{first.id: first}
		ids := []string{first.id}
	gather:
		for len(ids) < claimChunk {
			select {
			case o, ok := <-in:
				if !ok {
					break gather
				}
				if _, dup := batch[o.id]; dup {
					// A post is in one worker's hands at a time; keep it safe anyway.
					s.settled(o.id, post.Post{}, errors.New("scheduler: one post written twice in a batch"))
					continue
				}
				batch[o.id] = o
				ids = append(ids, o.id)
			default:
				break gather
			}
		}
		s.writeBatch(ids, batch)
	}
}

func (s *Scheduler) writeBatch(ids []string, batch map[string]outcome) {
	errs := map[string]error{}
	saved, err := s.store.UpdatePosts(context.Background(), ids, func(p *post.Post) (bool, error) {
		errs[p.ID] = nil
		if cerr := batch[p.ID].change(p); cerr != nil {
			errs[p.ID] = cerr // this post only: the others are still written
			return false, nil
		}
		return true, nil
	})
	got := make(map[string]post.Post, len(saved))
	for _, p := range saved {
		got[p.ID] = p
	}
	for _, id := range ids {
		if err != nil {
			s.settled(id, post.Post{}, err)
			continue
		}
		p, ok := got[id]
		cerr, seen := errs[id]
		switch {
		case ok:
			s.settled(id, p, nil)
		case !seen:
			s.settled(id, post.Post{}, post.ErrNotFound)
		default:
			s.settled(id, post.Post{}, cerr)
		}
	}
}
