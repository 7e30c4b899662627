package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/post"
)

// filled makes a store with a workspace, its logo (a value in the value
// log) and 30 posts, closed as the app closes it (its tables written).
func filled(t *testing.T) Config {
	t.Helper()
	cfg := testConfig(t, t.TempDir())
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	w := sampleWorkspace("ws-1", "Le Fournil")
	if err := s.PutWorkspace(ctx, w); err != nil {
		t.Fatal(err)
	}
	if err := s.PutWorkspaceLogo(ctx, w, bytes.Repeat([]byte("logo"), 4096)); err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		p := post.Post{ID: fmt.Sprintf("post-%02d", i), WorkspaceID: w.ID, Status: post.Draft, CreatedAt: fixedNow(), UpdatedAt: fixedNow(),
			Variants: []post.Variant{{AccountID: "acc", Network: "mastodon", Text: strings.Repeat("Pain au levain. ", 20)}}}
		if _, err := s.PutPost(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return cfg
}

func files(t *testing.T, dir, suffix string) []string {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), suffix) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(out)
	return out
}

func countPosts(t *testing.T, s *Store) int {
	t.Helper()
	ps, err := s.PostsBetween(context.Background(), "ws-1", post.MinTime, post.MaxTime)
	if err != nil {
		t.Fatalf("PostsBetween() = %v", err)
	}
	drafts, err := s.Drafts(context.Background(), "ws-1")
	if err != nil {
		t.Fatalf("Drafts() = %v", err)
	}
	return len(ps) + len(drafts)
}

// TestDamagedStoreIsRefusedAndKept: whatever the damage, Open refuses with
// ErrCorrupt, changes no file, and the data comes back whole once the
// damaged file is put back. A damage only Badger can see (a table's
// checksum) is found once it opened the folder: it may have added its
// empty files for writing then, but changed none of those there.
func TestDamagedStoreIsRefusedAndKept(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string) (undo func())
		opened bool
	}{
		{"MANIFEST cut to 10 bytes", func(t *testing.T, dir string) func() { return cut(t, filepath.Join(dir, "MANIFEST"), 10) }, false},
		{"MANIFEST cut after its header", func(t *testing.T, dir string) func() { return cut(t, filepath.Join(dir, "MANIFEST"), 8) }, false},
		{"MANIFEST gone", func(t *testing.T, dir string) func() {
			path := filepath.Join(dir, "MANIFEST")
			data, _ := os.ReadFile(path)
			os.Remove(path)
			return func() { os.WriteFile(path, data, 0o600) }
		}, false},
		{"table file damaged", func(t *testing.T, dir string) func() {
			path := files(t, dir, ".sst")[0]
			data, _ := os.ReadFile(path)
			bad := slices.Clone(data)
			for i := len(bad) / 4; i < len(bad)/4+64; i++ {
				bad[i] ^= 0x5a
			}
			os.WriteFile(path, bad, 0o600)
			return func() { os.WriteFile(path, data, 0o600) }
		}, true},
		{"value log cut short", func(t *testing.T, dir string) func() {
			path := files(t, dir, ".vlog")[0]
			fi, _ := os.Stat(path)
			return cut(t, path, fi.Size()/2)
		}, false},
		{"every Badger file gone", func(t *testing.T, dir string) func() {
			saved := map[string][]byte{}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != stateFile {
					path := filepath.Join(dir, e.Name())
					saved[path], _ = os.ReadFile(path)
					os.Remove(path)
				}
			}
			return func() {
				for path, data := range saved {
					os.WriteFile(path, data, 0o600)
				}
			}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := filled(t)
			undo := tt.damage(t, cfg.Dir)
			before := contents(t, cfg.Dir)
			s, err := Open(context.Background(), cfg)
			if err == nil {
				n := countPosts(t, s)
				s.Close()
				t.Fatalf("Open() of a damaged store = nil (%d posts), want ErrCorrupt", n)
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Open() = %v, want ErrCorrupt", err)
			}
			after := contents(t, cfg.Dir)
			for name, data := range before {
				if got, ok := after[name]; !ok || !bytes.Equal(got, data) {
					t.Errorf("Open() changed or removed %s", name)
				}
			}
			for name := range after {
				if _, ok := before[name]; !ok && !tt.opened {
					t.Errorf("Open() added %s to the folder it refused", name)
				}
			}
			undo()
			s = openTest(t, cfg)
			if got := countPosts(t, s); got != 30 {
				t.Errorf("once the damaged file is put back: %d posts, want 30", got)
			}
		})
	}
}

// contents returns the files of dir by name, but Badger's LOCK.
func contents(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "LOCK" {
			out[e.Name()], _ = os.ReadFile(filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// cut truncates path to size bytes and returns what puts it back.
func cut(t *testing.T, path string, size int64) func() {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, size); err != nil {
		t.Fatal(err)
	}
	return func() { os.WriteFile(path, data, 0o600) }
}

// TestStoreWithoutSchemaIsNotNew: a store that holds data but lost its
// schema number is refused, never migrated as a new one.
func TestStoreWithoutSchemaIsNotNew(t *testing.T) {
	for _, withState := range []bool{true, false} {
		t.Run(fmt.Sprintf("state file %v", withState), func(t *testing.T) {
			cfg := filled(t)
			db, err := badgerOpenRaw(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Update(func(txn *badgerTxn) error { return txn.Delete(keySchema) }); err != nil {
				t.Fatal(err)
			}
			db.Close()
			if !withState {
				os.Remove(filepath.Join(cfg.Dir, stateFile))
			}
			if s, err := Open(context.Background(), cfg); !errors.Is(err, ErrCorrupt) {
				if err == nil {
					s.Close()
				}
				t.Fatalf("Open() of a store without its schema = %v, want ErrCorrupt", err)
			}
		})
	}
}

// TestLeftoversOfAnInterruptedWriteAreRepaired: what a crash or a power
// cut leaves (a table made but not recorded, a MANIFEST entry cut short)
// opens with every post, the folder copied aside before the repair.
func TestLeftoversOfAnInterruptedWriteAreRepaired(t *testing.T) {
	tests := []struct {
		name       string
		damage     func(t *testing.T, dir string)
		copiedOnce bool
	}{
		{"a table made, not recorded", func(t *testing.T, dir string) {
			data, _ := os.ReadFile(files(t, dir, ".sst")[0])
			os.WriteFile(filepath.Join(dir, "000099.sst"), data, 0o600)
		}, false},
		{"a MANIFEST entry cut short", func(t *testing.T, dir string) {
			f, _ := os.OpenFile(filepath.Join(dir, "MANIFEST"), os.O_APPEND|os.O_WRONLY, 0)
			f.Write([]byte{0, 0, 0, 40, 1, 2})
			f.Close()
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := filled(t)
			tt.damage(t, cfg.Dir)
			s := openTest(t, cfg)
			if got := countPosts(t, s); got != 30 {
				t.Errorf("%d posts, want 30", got)
			}
			copies, _ := filepath.Glob(filepath.Join(cfg.BackupDir, "before-repair-*", "MANIFEST"))
			if got := len(copies) == 1; got != tt.copiedOnce {
				t.Errorf("copies before repair: %v, want one: %v", copies, tt.copiedOnce)
			}
		})
	}
}

type badgerTxn = badger.Txn

// badgerOpenRaw opens the store's Badger folder without Ruche's checks.
func badgerOpenRaw(cfg Config) (*badger.DB, error) { return badger.Open(desktopOptions(cfg)) }
