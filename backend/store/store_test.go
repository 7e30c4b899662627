package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/rs/zerolog"

	"ruche/backend/workspace"
)

var (
	testKey  = bytes.Repeat([]byte{7}, KeySize)
	otherKey = bytes.Repeat([]byte{9}, KeySize)
	fixedNow = func() time.Time { return time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC) }
)

func testConfig(t *testing.T, dir string) Config {
	t.Helper()
	return Config{Dir: filepath.Join(dir, "store"), BackupDir: filepath.Join(dir, "backups"), Key: testKey,
		AppVersion: "test", Log: zerolog.Nop(), Now: fixedNow}
}

func openTest(t *testing.T, cfg Config) *Store {
	t.Helper()
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open(%s) = %v, want nil", cfg.Dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func sampleWorkspace(id, name string) workspace.Workspace {
	return workspace.Workspace{ID: id, Name: name, TimeZone: "Europe/Paris", Language: "fr", Color: "#f5a623",
		CreatedAt: fixedNow(), UpdatedAt: fixedNow()}
}

func TestOpenNewStoreAppliesEveryMigration(t *testing.T) {
	s := openTest(t, testConfig(t, t.TempDir()))
	got, err := s.Schema(context.Background())
	if err != nil || got != len(Migrations) {
		t.Fatalf("Schema() = %d, %v; want %d, nil", got, err, len(Migrations))
	}
	for i, m := range Migrations {
		if m.Version != i+1 {
			t.Errorf("Migrations[%d].Version = %d, want %d", i, m.Version, i+1)
		}
	}
}

func TestOpenRefuses(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		prepare func(t *testing.T, cfg *Config)
		want    error
		// untouched: the folder is byte for byte the same afterwards. Badger
		// rewrites its own files when it opens, so only refusals made before
		// it opens can promise that; the others are checked by reopening.
		untouched bool
	}{
		{"wrong key", func(t *testing.T, cfg *Config) {
			s := openTest(t, *cfg)
			s.Close()
			cfg.Key = otherKey
		}, ErrWrongKey, true},
		{"newer data", func(t *testing.T, cfg *Config) {
			newer := *cfg
			newer.Migrations = append(append([]Migration(nil), Migrations...), Migration{Version: len(Migrations) + 1, Name: "future",
				Up: func(*badger.Txn, MigrationContext) error { return nil }})
			s := openTest(t, newer)
			s.Close()
		}, ErrNewer, false},
		{"foreign folder", func(t *testing.T, cfg *Config) {
			os.MkdirAll(cfg.Dir, 0o700)
			os.WriteFile(filepath.Join(cfg.Dir, "holiday.jpg"), []byte("not a database"), 0o600)
		}, ErrForeign, true},
		{"damaged manifest", func(t *testing.T, cfg *Config) {
			s := openTest(t, *cfg)
			s.Close()
			os.WriteFile(filepath.Join(cfg.Dir, "MANIFEST"), []byte("garbage garbage garbage"), 0o600)
		}, ErrCorrupt, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(t, t.TempDir())
			tt.prepare(t, &cfg)
			before := snapshot(t, cfg.Dir)
			s, err := Open(ctx, cfg)
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open() = %v, want %v", err, tt.want)
			}
			if after := snapshot(t, cfg.Dir); tt.untouched && !bytes.Equal(before, after) {
				t.Errorf("Open() changed the folder it refused")
			}
		})
	}
}

// snapshot concatenates the names and contents of the files in dir, minus the
// lock files Badger rewrites.
func snapshot(t *testing.T, dir string) []byte {
	t.Helper()
	var b bytes.Buffer
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(p) == "LOCK" {
			return nil
		}
		data, _ := os.ReadFile(p)
		b.WriteString(p)
		b.Write(data)
		return nil
	})
	return b.Bytes()
}

func TestMigrationBacksUpFirst(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t, t.TempDir())
	s := openTest(t, cfg)
	if err := s.PutWorkspace(ctx, sampleWorkspace("w1", "Boulangerie")); err != nil {
		t.Fatal(err)
	}
	s.Close()

	ran := false
	cfg.Migrations = append(append([]Migration(nil), Migrations...), Migration{Version: len(Migrations) + 1, Name: "rename",
		Up: func(txn *badger.Txn, _ MigrationContext) error {
			ran = true
			var w workspace.Workspace
			if err := getWorkspace(txn, "w1", &w); err != nil {
				return err
			}
			w.Name = "Boulangerie Léa"
			return putWorkspace(txn, w)
		}})
	s = openTest(t, cfg)
	if got, _ := s.Schema(ctx); !ran || got != len(cfg.Migrations) {
		t.Fatalf("after reopen: ran = %v, Schema() = %d; want true, %d", ran, got, len(cfg.Migrations))
	}
	backups, _ := filepath.Glob(filepath.Join(cfg.BackupDir, "auto-before-v*"+BackupExt))
	if len(backups) != 1 {
		t.Fatalf("backups before migration = %v, want exactly one", backups)
	}
	if _, err := s.RestoreFile(ctx, backups[0]); err != nil {
		t.Fatalf("RestoreFile(pre-migration backup) = %v", err)
	}
	// The restored data is older than the code: the migration runs again.
	w, err := s.Workspace(ctx, "w1")
	if err != nil || w.Name != "Boulangerie Léa" {
		t.Errorf("after restore and migration: Workspace(w1) = %q, %v; want %q", w.Name, err, "Boulangerie Léa")
	}
}

func TestFailedMigrationLeavesDataAsItWas(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t, t.TempDir())
	s := openTest(t, cfg)
	s.PutWorkspace(ctx, sampleWorkspace("w1", "Atelier"))
	s.Close()
	cfg.Migrations = append(append([]Migration(nil), Migrations...), Migration{Version: len(Migrations) + 1, Name: "broken",
		Up: func(txn *badger.Txn, _ MigrationContext) error {
			txn.Delete(keyWorkspace("w1"))
			return errors.New("boom")
		}})
	if _, err := Open(ctx, cfg); !errors.Is(err, ErrMigrationFailed) {
		t.Fatalf("Open() = %v, want ErrMigrationFailed", err)
	}
	cfg.Migrations = nil
	s = openTest(t, cfg)
	if _, err := s.Workspace(ctx, "w1"); err != nil {
		t.Errorf("Workspace(w1) after a failed migration = %v, want it kept", err)
	}
}

func TestLockFolder(t *testing.T) {
	dir := t.TempDir()
	l, err := LockFolder(dir)
	if err != nil {
		t.Fatalf("LockFolder() = %v", err)
	}
	if _, err := LockFolder(dir); !errors.Is(err, ErrLocked) {
		t.Fatalf("second LockFolder() = %v, want ErrLocked", err)
	}
	l.Release()
	l2, err := LockFolder(dir)
	if err != nil {
		t.Fatalf("LockFolder() after Release = %v, want nil", err)
	}
	l2.Release()
}

func TestRunGCStopsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	tick := make(chan time.Time)
	runs := 0
	done := make(chan struct{})
	go func() { RunGC(ctx, tick, func() { runs++ }); close(done) }()
	for range 3 {
		tick <- time.Time{}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("RunGC did not return after its context ended")
	}
	if runs != 3 {
		t.Errorf("gc runs = %d, want 3", runs)
	}
}

func TestCollectGarbageReclaimsOverwrittenValues(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t, t.TempDir())
	s := openTest(t, cfg)
	big := bytes.Repeat([]byte("x"), 64<<10) // above the value threshold: lives in the value log
	for i := range 200 {
		w := sampleWorkspace("w1", "Atelier")
		if err := s.PutWorkspaceLogo(ctx, w, append(big, byte(i))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CollectGarbage(); err != nil {
		t.Fatalf("CollectGarbage() = %v, want nil", err)
	}
	logo, err := s.WorkspaceLogo(ctx, "w1")
	if err != nil || len(logo) != len(big)+1 || logo[len(big)] != 199 {
		t.Errorf("logo after GC: %d bytes, %v; want the last one written", len(logo), err)
	}
}
