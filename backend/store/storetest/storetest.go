// Package storetest opens real, encrypted stores for the tests of the
// packages that read and write through one.
package storetest

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/store"
)

// Open opens a real, encrypted store in a temporary folder, closed when
// the test ends.
func Open(tb testing.TB) *store.Store {
	tb.Helper()
	dir := tb.TempDir()
	s, err := store.Open(context.Background(), store.Config{Dir: filepath.Join(dir, "store"), BackupDir: filepath.Join(dir, "backups"),
		Key: bytes.Repeat([]byte{7}, store.KeySize), AppVersion: "test", Log: zerolog.Nop(),
		Now: func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		tb.Fatalf("store.Open = %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}
