package boot

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"ruche/backend/locale"
	"ruche/backend/secrets"
	"ruche/backend/store"
)

var parisFR = locale.System{Lang: locale.French, Zone: "Europe/Paris"}

func config(dir string, vault secrets.Vault) Config {
	return Config{DataDir: dir, Vault: vault, Version: "test", System: parisFR,
		Now: func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }}
}

func mustOpen(t *testing.T, cfg Config) *App {
	t.Helper()
	a, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open(%s) = %v", cfg.DataDir, err)
	}
	return a
}

func TestFirstRunMakesAWorkspaceFromTheOS(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	vault := secrets.NewMemory()
	a := mustOpen(t, config(dir, vault))
	w, err := a.Workspaces.Current(ctx)
	if err != nil || w.Name != "Mon entreprise" || w.TimeZone != "Europe/Paris" || w.Language != "fr" {
		t.Fatalf("first workspace = %+v, %v; want Mon entreprise, Europe/Paris, fr", w, err)
	}
	if _, err := vault.Get(keyName(dir)); err != nil {
		t.Errorf("the store key is not in the keychain: %v", err)
	}
	a.Close()

	a = mustOpen(t, config(dir, vault))
	defer a.Close()
	all, _ := a.Workspaces.List(ctx)
	if len(all) != 1 || all[0].ID != w.ID {
		t.Errorf("after reopening: workspaces = %+v, want only %s", all, w.ID)
	}
}

func TestOpenRefusesAndLeavesTheFolder(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, cfg *Config)
		want    error
	}{
		{"key gone from the keychain", func(t *testing.T, cfg *Config) {
			mustOpen(t, *cfg).Close()
			cfg.Vault = secrets.NewMemory()
		}, ErrKeyMissing},
		{"no keychain at all", func(t *testing.T, cfg *Config) {
			v := secrets.NewMemory()
			v.Unavailable = true
			cfg.Vault = v
		}, ErrKeychainUnavailable},
		{"another process holds the folder", func(t *testing.T, cfg *Config) {
			a := mustOpen(t, *cfg)
			t.Cleanup(func() { a.Close() })
		}, store.ErrLocked},
		{"someone else's folder", func(t *testing.T, cfg *Config) {
			os.MkdirAll(cfg.DataDir, 0o700)
			os.WriteFile(filepath.Join(cfg.DataDir, "thesis.docx"), []byte("my thesis"), 0o600)
		}, store.ErrForeign},
		{"key file readable by others", func(t *testing.T, cfg *Config) {
			cfg.KeyFile = filepath.Join(t.TempDir(), "key")
			os.WriteFile(cfg.KeyFile, []byte("00"), 0o644)
		}, ErrKeyFileMode},
		{"key file without a key", func(t *testing.T, cfg *Config) {
			cfg.KeyFile = filepath.Join(t.TempDir(), "key")
			os.WriteFile(cfg.KeyFile, []byte("not hex at all"), 0o600)
		}, ErrKeyFileInvalid},
		{"key file lost for an existing store", func(t *testing.T, cfg *Config) {
			mustOpen(t, *cfg).Close()
			cfg.KeyFile = filepath.Join(t.TempDir(), "key")
		}, ErrKeyFileMissing},
		{"key file of another folder", func(t *testing.T, cfg *Config) {
			cfg.KeyFile = filepath.Join(t.TempDir(), "key")
			mustOpen(t, *cfg).Close()
			os.Remove(cfg.KeyFile)
			other := *cfg
			other.DataDir = filepath.Join(t.TempDir(), "other")
			mustOpen(t, other).Close()
		}, store.ErrWrongKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config(filepath.Join(t.TempDir(), "data"), secrets.NewMemory())
			tt.prepare(t, &cfg)
			_, hadStore := os.Stat(filepath.Join(cfg.DataDir, "store", "MANIFEST"))
			a, err := Open(context.Background(), cfg)
			if err == nil {
				a.Close()
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open() = %v, want %v", err, tt.want)
			}
			if msg := Message(locale.French, err); msg == "" || msg == locale.Message(locale.French, "internal", nil) {
				t.Errorf("message for %v = %q, want a specific French message", err, msg)
			}
			if _, has := os.Stat(filepath.Join(cfg.DataDir, "store", "MANIFEST")); hadStore != nil && has == nil {
				t.Errorf("a refused Open created a store")
			}
		})
	}
}

func TestKeyFileIsCreatedPrivate(t *testing.T) {
	cfg := config(filepath.Join(t.TempDir(), "data"), nil)
	cfg.KeyFile = filepath.Join(t.TempDir(), "ruche.key")
	a := mustOpen(t, cfg)
	a.Close()
	fi, err := os.Stat(cfg.KeyFile)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v, %v; want mode 0600", fi, err)
	}
	mustOpen(t, cfg).Close() // the same file opens the same store
}

func TestCloseStopsTheGCLoop(t *testing.T) {
	a := mustOpen(t, config(filepath.Join(t.TempDir(), "data"), secrets.NewMemory()))
	done := a.gcDone
	if err := a.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	select {
	case <-done:
	default:
		t.Fatal("the GC goroutine still runs after Close")
	}
	if err := a.Close(); err != nil {
		t.Errorf("second Close() = %v, want nil", err)
	}
}
