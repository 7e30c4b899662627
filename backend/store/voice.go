package store

import (
	"context"
	"errors"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/text"
)

// voiceVersion is the shape of a workspace's brand voice in the store.
const voiceVersion = 1

// Voice returns the brand voice of workspace wsID: the zero Voice (no
// rule) before the first is saved.
func (s *Store) Voice(ctx context.Context, wsID string) (text.Voice, error) {
	var v text.Voice
	err := s.view(ctx, func(txn *badger.Txn) error {
		err := get(txn, keyVoice(wsID), &v)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		return err
	})
	return v, err
}

// SaveVoice replaces the brand voice of workspace wsID; the caller checks
// its values.
func (s *Store) SaveVoice(ctx context.Context, wsID string, v text.Voice) error {
	if err := checkID("workspace", wsID); err != nil {
		return err
	}
	return s.update(ctx, func(txn *badger.Txn) error { return put(txn, keyVoice(wsID), voiceVersion, v) })
}

// DeleteVoice removes workspace wsID's brand voice, with the workspace.
func (s *Store) DeleteVoice(ctx context.Context, wsID string) error {
	if err := checkID("workspace", wsID); err != nil {
		return err
	}
	return s.update(ctx, func(txn *badger.Txn) error { return txn.Delete(keyVoice(wsID)) })
}
