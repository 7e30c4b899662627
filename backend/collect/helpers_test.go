package collect

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/calendar"
	"ruche/backend/store"
)

// openStore opens a real, encrypted store in a temporary folder.
func openStore(t testing.TB) *store.Store {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(context.Background(), store.Config{Dir: filepath.Join(dir, "store"), BackupDir: filepath.Join(dir, "backups"),
		Key: bytes.Repeat([]byte{7}, store.KeySize), AppVersion: "test", Log: zerolog.Nop(),
		Now: func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatalf("store.Open = %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func day(y int, m time.Month, d int) calendar.Day { return calendar.Day{Year: y, Month: m, Day: d} }
