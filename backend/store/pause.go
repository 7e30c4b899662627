package store

import (
	"context"
	"crypto/rand"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/crisis"
)

const pauseVersion = 1

// Pauses returns the pauses in force.
func (s *Store) Pauses(ctx context.Context) ([]crisis.Pause, error) {
	var ps []crisis.Pause
	err := s.view(ctx, func(txn *badger.Txn) error {
		return each(txn, prefixPause, func(_, v []byte) error {
			var p crisis.Pause
			if _, err := decode(v, &p); err != nil {
				return err
			}
			ps = append(ps, p)
			return nil
		})
	})
	return ps, err
}

// PutPause saves a pause, replacing the one of the same workspace.
func (s *Store) PutPause(ctx context.Context, p crisis.Pause) error {
	return s.update(ctx, func(txn *badger.Txn) error { return put(txn, keyPause(p.WorkspaceID), pauseVersion, p) })
}

// DeletePause removes the pause of workspace wsID ("" for all).
func (s *Store) DeletePause(ctx context.Context, wsID string) error {
	return s.update(ctx, func(txn *badger.Txn) error { return txn.Delete(keyPause(wsID)) })
}

// AppendPauseEvent adds an event to the audit list.
func (s *Store) AppendPauseEvent(ctx context.Context, e crisis.Event) error {
	nonce := make([]byte, 4)
	rand.Read(nonce)
	return s.update(ctx, func(txn *badger.Txn) error { return put(txn, keyPauseEvent(e.At, nonce), pauseVersion, e) })
}

// PauseEvents returns the audit list, newest first, at most limit events
// (all if limit <= 0).
func (s *Store) PauseEvents(ctx context.Context, limit int) ([]crisis.Event, error) {
	var es []crisis.Event
	err := s.view(ctx, func(txn *badger.Txn) error {
		return walk(txn, scan{prefix: prefixPauseLog, reverse: true}, func(_, v []byte) error {
			var e crisis.Event
			if _, err := decode(v, &e); err != nil {
				return err
			}
			es = append(es, e)
			if limit > 0 && len(es) == limit {
				return errStop
			}
			return nil
		})
	})
	return es, err
}
