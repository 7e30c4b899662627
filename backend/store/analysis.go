package store

import (
	"context"
	"errors"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/calendar"
)

// analysisVersion is the shape of a report's analysis in the store.
const analysisVersion = 1

// Analysis returns the "analysis and recommendations" written for the
// report of workspace wsID over the local days from..to; "" when none was.
func (s *Store) Analysis(ctx context.Context, wsID string, from, to calendar.Day) (string, error) {
	var text string
	err := s.view(ctx, func(txn *badger.Txn) error { return get(txn, keyAnalysis(wsID, from, to), &text) })
	if errors.Is(err, ErrNotFound) {
		return "", nil
	}
	return text, err
}

// PutAnalysis keeps text as the analysis of that report; "" removes it.
func (s *Store) PutAnalysis(ctx context.Context, wsID string, from, to calendar.Day, text string) error {
	if err := checkID("workspace", wsID); err != nil {
		return err
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		if text == "" {
			return txn.Delete(keyAnalysis(wsID, from, to))
		}
		return put(txn, keyAnalysis(wsID, from, to), analysisVersion, text)
	})
}
