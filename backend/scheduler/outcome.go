package scheduler

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

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

// Retrying a failed write: a store that cannot write (the disk is full, a
// transient I/O error) must not leave posts publishing until the next
// start. The outcomes are kept in memory and written again, first after
// writeRetryFirst, doubling to writeRetryMax, while new ones keep coming;
// once Run ends, writeRetryFinal more tries are made before giving up (the
// posts are then still publishing, and the next start asks the networks).
const (
	writeRetryFirst = 250 * time.Millisecond
	writeRetryMax   = 30 * time.Second
	writeRetryFinal = 5
)

// writeOutcomes writes what arrives on in until it is closed, taking with
// each outcome those already waiting (never waiting for more), and writes
// again those whose write failed.
func (s *Scheduler) writeOutcomes(in <-chan outcome) {
	var retry []outcome // failed writes, oldest first
	wait, finals := writeRetryFirst, 0
	for in != nil || len(retry) > 0 {
		var next []outcome
		var timer <-chan time.Time
		if len(retry) > 0 {
			timer = time.After(wait)
		}
		select {
		case o, ok := <-in:
			if !ok {
				in = nil
				if len(retry) == 0 {
					continue
				}
				break
			}
			next = append(next, o)
		case <-timer:
		}
		if in == nil {
			if finals++; finals > writeRetryFinal {
				for _, o := range retry {
					s.settled(o.id, post.Post{}, fmt.Errorf("giving up writing the outcome: %w", errRetriesExhausted))
				}
				return
			}
		}
		next = append(retry, next...)
		retry = nil
	gather:
		for in != nil && len(next) < claimChunk {
			select {
			case o, ok := <-in:
				if !ok {
					in = nil
					break gather
				}
				next = append(next, o)
			default:
				break gather
			}
		}
		for batch := range slices.Chunk(next, claimChunk) {
			retry = append(retry, s.writeBatch(batch)...)
		}
		if len(retry) == 0 {
			wait = writeRetryFirst
		} else {
			wait = min(2*wait, writeRetryMax)
		}
	}
}

var errRetriesExhausted = errors.New("the store kept refusing the write")

// writeBatch writes outcomes in one transaction and returns those to write
// again: all of them when the store failed (nothing was written).
func (s *Scheduler) writeBatch(outcomes []outcome) (again []outcome) {
	batch := make(map[string]outcome, len(outcomes))
	ids := make([]string, 0, len(outcomes))
	for _, o := range outcomes {
		if _, dup := batch[o.id]; dup {
			// A post is in one worker's hands at a time; keep it safe anyway.
			s.settled(o.id, post.Post{}, errors.New("scheduler: one post written twice in a batch"))
			continue
		}
		batch[o.id] = o
		ids = append(ids, o.id)
	}
	errs := map[string]error{}
	saved, err := s.store.UpdatePosts(context.Background(), ids, func(p *post.Post) (bool, error) {
		errs[p.ID] = nil
		if cerr := batch[p.ID].change(p); cerr != nil {
			errs[p.ID] = cerr // this post only: the others are still written
			return false, nil
		}
		return true, nil
	})
	if err != nil {
		s.log.Warn().Err(err).Int("posts", len(ids)).Msg("could not write the outcomes: trying again")
		for _, id := range ids {
			again = append(again, batch[id])
		}
		return again
	}
	got := make(map[string]post.Post, len(saved))
	for _, p := range saved {
		got[p.ID] = p
	}
	for _, id := range ids {
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
	return nil
}
