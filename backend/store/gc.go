package store

import (
	"context"
	"errors"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// gcDiscardRatio: rewrite a value-log file when half of it is garbage.
const gcDiscardRatio = 0.5

// CollectGarbage runs Badger's value-log GC until there is nothing left to
// rewrite, and returns how many files it rewrote.
func (s *Store) CollectGarbage() (int, error) {
	n := 0
	for {
		err := s.db.RunValueLogGC(gcDiscardRatio)
		switch {
		case err == nil:
			n++
		case errors.Is(err, badger.ErrNoRewrite), errors.Is(err, badger.ErrRejected):
			return n, nil
		default:
			return n, s.mapErr(err)
		}
	}
}

// RunGC calls gc on every tick until ctx ends, then returns. Badger does not
// collect its value log by itself: the app runs this loop, owned by whoever
// opened the store, with a ticker such as time.NewTicker(10*time.Minute).C.
func RunGC(ctx context.Context, tick <-chan time.Time, gc func()) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			gc()
		}
	}
}
