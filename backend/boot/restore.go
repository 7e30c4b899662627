package boot

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"ruche/backend/fault"
	"ruche/backend/logs"
	"ruche/backend/store"
)

// ErrNoBackup: a restore from the newest backup found none.
var ErrNoBackup = fault.New(fault.NotFound, "backup.none")

// Restored says what a restore did.
type Restored struct {
	From string // the backup restored
	// Kept is where the data found before the restore now is: the
	// damaged store folder, moved aside whole, or the safety backup of a
	// store that opened.
	Kept string
}

// NewestBackup returns the newest backup in the data folder's backups.
func NewestBackup(p Paths) (string, error) {
	entries, err := os.ReadDir(p.Backups)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	newest, at := "", time.Time{}
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), store.BackupExt) {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().After(at) {
			newest, at = filepath.Join(p.Backups, e.Name()), fi.ModTime()
		}
	}
	if newest == "" {
		return "", ErrNoBackup.With(map[string]any{"backups": p.Backups}, nil)
	}
	return newest, nil
}

// RestoreDamaged restores the data folder of cfg from the backup at path
// (the newest when path is ""), when its store cannot be opened (Open
// refused it as damaged). The damaged store folder is not deleted: it is
// moved whole into the backups folder, beside the backup, then a new store
// is made and the backup loaded into it. The folder is held meanwhile, as
// Open holds it.
func RestoreDamaged(ctx context.Context, cfg Config, path string) (Restored, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	p := PathsOf(cfg.DataDir)
	lock, err := store.LockFolder(p.Data)
	if err != nil {
		return Restored{}, err
	}
	defer lock.Release()
	if path == "" {
		if path, err = NewestBackup(p); err != nil {
			return Restored{}, err
		}
	}
	log, err := logs.Open(p.Logs, logs.Options{Level: cfg.LogLevel})
	if err != nil {
		return Restored{}, store.ErrUnwritable.With(map[string]any{"dir": p.Data, "reason": err}, err)
	}
	defer log.Close()
	key, err := storeKey(p, cfg.KeyFile, cfg.Vault)
	if err != nil {
		return Restored{}, err
	}
	kept := ""
	if store.HoldsData(p.Store) {
		kept = filepath.Join(p.Backups, "damaged-store-"+cfg.Now().UTC().Format("20060102-150405"))
		if err := os.MkdirAll(p.Backups, 0o700); err != nil {
			return Restored{}, store.ErrUnwritable.With(map[string]any{"dir": p.Backups, "reason": err}, err)
		}
		if err := os.Rename(p.Store, kept); err != nil {
			return Restored{}, store.ErrUnwritable.With(map[string]any{"dir": p.Store, "reason": err}, err)
		}
	}
	s, err := store.Open(ctx, store.Config{Dir: p.Store, BackupDir: p.Backups, Key: key, AppVersion: cfg.Version,
		Log: logs.For(log.Logger, "store"), Now: cfg.Now})
	if err == nil {
		_, err = s.RestoreFile(ctx, path)
		if cerr := s.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		// Put the folder back as it was: nothing is lost either way.
		if kept != "" {
			if rerr := os.RemoveAll(p.Store); rerr == nil {
				if rerr := os.Rename(kept, p.Store); rerr != nil {
					err = errors.Join(err, fmt.Errorf("putting the damaged store back: %w", rerr))
				}
			}
		}
		return Restored{}, err
	}
	log.Logger.Warn().Str("backup", path).Str("kept", kept).Msg("damaged store replaced by a backup")
	return Restored{From: path, Kept: kept}, nil
}
