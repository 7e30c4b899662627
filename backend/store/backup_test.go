package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"ruche/backend/workspace"
)

func names(t *testing.T, s *Store) []string {
	t.Helper()
	all, err := s.Workspaces(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var n []string
	for _, w := range all {
		n = append(n, w.Name)
	}
	return n
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t, t.TempDir())
	s := openTest(t, cfg)
	s.PutWorkspace(ctx, sampleWorkspace("a", "Avant"))
	s.PutWorkspaceLogo(ctx, sampleWorkspace("a", "Avant"), []byte("logo-bytes"))
	file := filepath.Join(t.TempDir(), "mine"+BackupExt)
	size, err := s.BackupFile(ctx, file)
	if err != nil || size == 0 {
		t.Fatalf("BackupFile() = %d, %v", size, err)
	}
	raw, _ := os.ReadFile(file)
	if containsAny(raw, "Avant", "logo-bytes") {
		t.Fatal("the backup file holds plain text: it must be encrypted")
	}

	s.PutWorkspace(ctx, sampleWorkspace("b", "Après"))
	s.DeleteWorkspace(ctx, "a")
	safety, err := s.RestoreFile(ctx, file)
	if err != nil {
		t.Fatalf("RestoreFile() = %v", err)
	}
	if got := names(t, s); len(got) != 1 || got[0] != "Avant" {
		t.Errorf("after restore: workspaces = %v, want [Avant]", got)
	}
	if logo, _ := s.WorkspaceLogo(ctx, "a"); string(logo) != "logo-bytes" {
		t.Errorf("after restore: logo = %q, want logo-bytes", logo)
	}
	// The safety backup holds what was there just before.
	if _, err := s.RestoreFile(ctx, safety); err != nil {
		t.Fatalf("RestoreFile(safety) = %v", err)
	}
	if got := names(t, s); len(got) != 1 || got[0] != "Après" {
		t.Errorf("after restoring the safety backup: workspaces = %v, want [Après]", got)
	}
}

func TestRestoreRefusesBadFilesAndKeepsData(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cfg := testConfig(t, dir)
	s := openTest(t, cfg)
	s.PutWorkspace(ctx, sampleWorkspace("a", "Gardé"))
	good := filepath.Join(dir, "good"+BackupExt)
	if _, err := s.BackupFile(ctx, good); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(good)

	other := testConfig(t, t.TempDir())
	other.Key = otherKey
	o := openTest(t, other)
	foreignKey := filepath.Join(dir, "other"+BackupExt)
	o.BackupFile(ctx, foreignKey)

	flipped := append([]byte(nil), data...)
	flipped[len(flipped)/2] ^= 1
	tests := []struct {
		name string
		data []byte // nil: use path as is
		path string
		want error
	}{
		{"not a backup", []byte("%PDF-1.7 hello"), "", ErrBackupInvalid},
		{"cut short", data[:len(data)-10], "", ErrBackupInvalid},
		{"one bit flipped", flipped, "", ErrBackupInvalid},
		{"extra bytes", append(append([]byte(nil), data...), 'x'), "", ErrBackupInvalid},
		{"another key", nil, foreignKey, ErrBackupWrongKey},
		{"missing file", nil, filepath.Join(dir, "nope"), ErrBackupInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			if tt.data != nil {
				path = filepath.Join(t.TempDir(), "bad"+BackupExt)
				os.WriteFile(path, tt.data, 0o600)
			}
			if _, err := s.RestoreFile(ctx, path); !errors.Is(err, tt.want) {
				t.Fatalf("RestoreFile() = %v, want %v", err, tt.want)
			}
			if got := names(t, s); len(got) != 1 || got[0] != "Gardé" {
				t.Errorf("after a refused restore: workspaces = %v, want [Gardé]", got)
			}
		})
	}
}

func containsAny(b []byte, subs ...string) bool {
	for _, s := range subs {
		if len(s) > 0 && indexOf(b, s) >= 0 {
			return true
		}
	}
	return false
}

func indexOf(b []byte, s string) int {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return i
		}
	}
	return -1
}

func TestStoreFilesAreEncrypted(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t, t.TempDir())
	s := openTest(t, cfg)
	s.PutWorkspace(ctx, sampleWorkspace("a", "Secret Boulangerie Zéphyr"))
	s.Close()
	filepath.WalkDir(cfg.Dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			if containsAny(b, "Zéphyr", "Secret Boulangerie") {
				t.Errorf("%s holds the workspace name in plain text", filepath.Base(p))
			}
		}
		return nil
	})
}

func TestWorkspaceNamesAreUniqueIgnoringCase(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	steps := []struct {
		name string
		w    workspace.Workspace
		want error
	}{
		{"first", sampleWorkspace("a", "Café Zinc"), nil},
		{"same name other case", sampleWorkspace("b", "CAFÉ ZINC"), workspace.ErrNameTaken},
		{"rename a", sampleWorkspace("a", "Café Cuivre"), nil},
		{"old name is free", sampleWorkspace("b", "café zinc"), nil},
		{"rename a to its own name again", sampleWorkspace("a", "Café Cuivre"), nil},
	}
	for _, st := range steps {
		if err := s.PutWorkspace(ctx, st.w); !errors.Is(err, st.want) {
			t.Fatalf("%s: PutWorkspace(%q) = %v, want %v", st.name, st.w.Name, err, st.want)
		}
	}
	if err := s.DeleteWorkspace(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if err := s.PutWorkspace(ctx, sampleWorkspace("c", "Café Cuivre")); err != nil {
		t.Errorf("PutWorkspace(deleted workspace's name) = %v, want nil", err)
	}
	if _, err := s.Workspace(ctx, "a"); !errors.Is(err, workspace.ErrNotFound) {
		t.Errorf("Workspace(deleted) = %v, want ErrNotFound", err)
	}
}
