package store

import (
	"context"
	"errors"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/calendar"
)

// queueVersion is the shape of the queue slots in the store.
const queueVersion = 1

// QueueSlots returns the weekly queue slots of workspace wsID; none before
// the first save.
func (s *Store) QueueSlots(ctx context.Context, wsID string) ([]calendar.Slot, error) {
	var slots []calendar.Slot
	err := s.view(ctx, func(txn *badger.Txn) error {
		err := get(txn, keyQueue(wsID), &slots)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		return err
	})
	return slots, err
}

// SetQueueSlots replaces the weekly queue slots of workspace wsID; the
// caller validates them (calendar.ValidateSlots).
func (s *Store) SetQueueSlots(ctx context.Context, wsID string, slots []calendar.Slot) error {
	if slots == nil {
		slots = []calendar.Slot{}
	}
	return s.update(ctx, func(txn *badger.Txn) error { return put(txn, keyQueue(wsID), queueVersion, slots) })
}
