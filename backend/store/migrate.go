package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// Migration moves the data from version Version-1 to Version. Migrations run
// in order, each in its own transaction with the new schema number, after an
// automatic backup of the store as it was.
type Migration struct {
	Version int
	Name    string
	Up      func(txn *badger.Txn, m MigrationContext) error
}

// MigrationContext is what a migration may need besides the transaction.
type MigrationContext struct {
	AppVersion string
	Now        func() (rfc3339 string)
}

// Migrations is the app's list. Append only: never change a released one.
var Migrations = []Migration{
	{Version: 1, Name: "record when and by which version the store was made", Up: func(txn *badger.Txn, m MigrationContext) error {
		return put(txn, keyInfo, 1, storeInfo{CreatedAt: m.Now(), CreatedBy: m.AppVersion})
	}},
}

type storeInfo struct {
	CreatedAt string `json:"createdAt"`
	CreatedBy string `json:"createdBy"`
}

// Schema returns the number of migrations applied to the store.
func (s *Store) Schema(ctx context.Context) (int, error) {
	var n int
	err := s.view(ctx, func(txn *badger.Txn) error { return readSchema(txn, &n) })
	return n, err
}

func readSchema(txn *badger.Txn, n *int) error {
	err := get(txn, keySchema, n)
	if errors.Is(err, ErrNotFound) {
		*n = 0
		return nil
	}
	return err
}

func (s *Store) migrate(ctx context.Context) error {
	known := len(s.cfg.Migrations)
	current, err := s.Schema(ctx)
	if err != nil {
		return ErrCorrupt.With(map[string]any{"dir": s.cfg.Dir, "backups": s.cfg.BackupDir}, err)
	}
	if current > known {
		return ErrNewer.With(map[string]any{"dir": s.cfg.Dir, "found": current, "known": known}, nil)
	}
	if current == known {
		return nil
	}
	backup := ""
	if current > 0 {
		backup, err = s.AutoBackup(ctx, fmt.Sprintf("before-v%d", known))
		if err != nil {
			return ErrMigrationFailed.With(map[string]any{"version": current + 1, "backup": "-"}, err)
		}
	}
	mc := MigrationContext{AppVersion: s.cfg.AppVersion, Now: func() string { return s.cfg.Now().UTC().Format("2006-01-02T15:04:05Z07:00") }}
	for _, m := range s.cfg.Migrations[current:] {
		err := s.update(ctx, func(txn *badger.Txn) error {
			if err := m.Up(txn, mc); err != nil {
				return err
			}
			return put(txn, keySchema, 1, m.Version)
		})
		if err != nil {
			return ErrMigrationFailed.With(map[string]any{"version": m.Version, "backup": backup},
				fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err))
		}
	}
	return nil
}

func (s *Store) stamp() string { return s.cfg.Now().UTC().Format("20060102-150405") }
