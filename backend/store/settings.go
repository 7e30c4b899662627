package store

import (
	"context"
	"errors"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/settings"
)

const settingsVersion = 1

// Settings returns the app settings; the zero value before the first save.
func (s *Store) Settings(ctx context.Context) (settings.Settings, error) {
	var st settings.Settings
	err := s.view(ctx, func(txn *badger.Txn) error {
		err := get(txn, keySettings, &st)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		return err
	})
	return st, err
}

// UpdateSettings applies change to the settings in one transaction and
// returns the result.
func (s *Store) UpdateSettings(ctx context.Context, change func(*settings.Settings) error) (settings.Settings, error) {
	var st settings.Settings
	err := s.update(ctx, func(txn *badger.Txn) error {
		st = settings.Settings{}
		if err := get(txn, keySettings, &st); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if err := change(&st); err != nil {
			return err
		}
		return put(txn, keySettings, settingsVersion, st)
	})
	return st, err
}

// CurrentWorkspaceID returns the remembered current workspace, "" if none.
func (s *Store) CurrentWorkspaceID(ctx context.Context) (string, error) {
	st, err := s.Settings(ctx)
	return st.CurrentWorkspace, err
}

// SetCurrentWorkspaceID remembers the current workspace.
func (s *Store) SetCurrentWorkspaceID(ctx context.Context, id string) error {
	_, err := s.UpdateSettings(ctx, func(st *settings.Settings) error {
		st.CurrentWorkspace = id
		return nil
	})
	return err
}
