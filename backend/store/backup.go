package store

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"ruche/backend/fault"
)

// The backup errors.
var (
	ErrBackupInvalid  = fault.New(fault.Invalid, "backup.invalid")
	ErrBackupWrongKey = fault.New(fault.Invalid, "backup.wrong_key")
	ErrBackupNewer    = fault.New(fault.Invalid, "backup.newer")
	ErrBackupWrite    = fault.New(fault.Unavailable, "backup.write_failed")
	ErrRestoreFailed  = fault.New(fault.Internal, "backup.restore_failed")
)

// autoPrefix starts the names of the backups Ruche makes by itself; only the
// newest keepAuto of them are kept.
const (
	autoPrefix = "auto-"
	keepAuto   = 10
	// BackupExt is the extension of backup files.
	BackupExt = ".rbak"
)

// backupMeta opens every backup, inside the encryption.
type backupMeta struct {
	App        string `json:"app"`
	AppVersion string `json:"appVersion"`
	Schema     int    `json:"schema"`
	CreatedAt  string `json:"createdAt"`
}

// Backup writes the whole store to w, encrypted with the store's key.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	schema, err := s.Schema(ctx)
	if err != nil {
		return err
	}
	sw, err := newSealWriter(w, s.cfg.Key)
	if err != nil {
		return err
	}
	meta, _ := json.Marshal(backupMeta{App: "ruche", AppVersion: s.cfg.AppVersion, Schema: schema,
		CreatedAt: s.cfg.Now().UTC().Format("2006-01-02T15:04:05Z")})
	var l [4]byte
	binary.BigEndian.PutUint32(l[:], uint32(len(meta)))
	if _, err := sw.Write(append(l[:], meta...)); err != nil {
		return err
	}
	if _, err := s.db.Backup(sw, 0); err != nil {
		return s.mapErr(fmt.Errorf("badger backup: %w", err))
	}
	return sw.Close()
}

// BackupFile writes a backup to path atomically (a partial file never takes
// its name) and returns its size.
func (s *Store) BackupFile(ctx context.Context, path string) (int64, error) {
	args := func(err error) map[string]any { return map[string]any{"path": path, "reason": err} }
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return 0, ErrBackupWrite.With(args(err), err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".backup-*.tmp")
	if err != nil {
		return 0, ErrBackupWrite.With(args(err), err)
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 256<<10)
	err = s.Backup(ctx, bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		if fault.KindOf(err) != fault.Internal {
			return 0, err
		}
		return 0, ErrBackupWrite.With(args(err), err)
	}
	s.pruneAuto()
	fi, err := os.Stat(path)
	if err != nil {
		return 0, ErrBackupWrite.With(args(err), err)
	}
	return fi.Size(), nil
}

// AutoBackup writes a backup into the backup folder under a name made of
// reason and the time, and returns its path.
func (s *Store) AutoBackup(ctx context.Context, reason string) (string, error) {
	base := filepath.Join(s.cfg.BackupDir, fmt.Sprintf("%s%s-%s", autoPrefix, reason, s.stamp()))
	path := base + BackupExt
	// Two backups in the same second must not overwrite each other.
	for n := 2; ; n++ {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			break
		}
		path = fmt.Sprintf("%s-%d%s", base, n, BackupExt)
	}
	_, err := s.BackupFile(ctx, path)
	return path, err
}

// RestoreFile replaces the whole store with the backup at path. The backup is
// read and authenticated in full before anything changes; then the current
// data is backed up automatically (the path is returned), and if loading
// fails that safety backup is put back.
func (s *Store) RestoreFile(ctx context.Context, path string) (safety string, err error) {
	if err := s.checkBackup(path); err != nil {
		return "", err
	}
	safety, err = s.AutoBackup(ctx, "before-restore")
	if err != nil {
		return "", err
	}
	if err := s.checkSpace(); err != nil {
		return safety, err
	}
	if err := s.load(path); err != nil {
		if rerr := s.load(safety); rerr != nil {
			return safety, ErrRestoreFailed.With(map[string]any{"reason": err},
				fmt.Errorf("restore %s: %w; putting back %s: %v", path, err, safety, rerr))
		}
		return safety, ErrRestoreFailed.With(map[string]any{"reason": err}, err)
	}
	if err := s.migrate(ctx); err != nil {
		return safety, err
	}
	// Badger made its files anew: what the next Open checks is theirs.
	if err := s.recordState(ctx); err != nil {
		return safety, s.mapErr(err)
	}
	return safety, nil
}

// checkBackup reads the whole file: it opens with our key, every chunk
// authenticates, the schema is one we know, and Badger's framing is whole.
func (s *Store) checkBackup(path string) error {
	return s.readBackup(path, func(r io.Reader) error {
		var size uint64
		for {
			err := binary.Read(r, binary.LittleEndian, &size)
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			if _, err := io.CopyN(io.Discard, r, int64(size)); err != nil {
				return err
			}
		}
	})
}

func (s *Store) load(path string) error {
	if err := s.db.DropAll(); err != nil {
		return fmt.Errorf("drop all: %w", err)
	}
	return s.readBackup(path, func(r io.Reader) error { return s.db.Load(r, 64) })
}

// readBackup opens a backup file, checks its header and meta, and hands the
// Badger stream to fn.
func (s *Store) readBackup(path string, fn func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return ErrBackupInvalid.Because(err)
	}
	defer f.Close()
	sr, err := newSealReader(bufio.NewReaderSize(f, 256<<10), s.cfg.Key)
	if errors.Is(err, errSealWrongKey) {
		return ErrBackupWrongKey.Because(err)
	}
	if err != nil {
		return ErrBackupInvalid.Because(err)
	}
	r := bufio.NewReaderSize(sr, 64<<10)
	var l [4]byte
	if _, err := io.ReadFull(r, l[:]); err != nil {
		return ErrBackupInvalid.Because(err)
	}
	n := binary.BigEndian.Uint32(l[:])
	if n > 64<<10 {
		return ErrBackupInvalid.Because(fmt.Errorf("meta of %d bytes", n))
	}
	raw := make([]byte, n)
	if _, err := io.ReadFull(r, raw); err != nil {
		return ErrBackupInvalid.Because(err)
	}
	var meta backupMeta
	if err := json.Unmarshal(raw, &meta); err != nil || meta.App != "ruche" {
		return ErrBackupInvalid.Because(fmt.Errorf("meta %q: %v", raw, err))
	}
	if known := len(s.cfg.Migrations); meta.Schema > known {
		return ErrBackupNewer.With(map[string]any{"found": meta.Schema, "known": known}, nil)
	}
	if err := fn(r); err != nil {
		if errors.Is(err, errSealInvalid) || errors.Is(err, io.ErrUnexpectedEOF) {
			return ErrBackupInvalid.Because(err)
		}
		return err
	}
	return nil
}

// pruneAuto keeps the newest keepAuto automatic backups.
func (s *Store) pruneAuto() {
	entries, err := os.ReadDir(s.cfg.BackupDir)
	if err != nil {
		return
	}
	var auto []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), autoPrefix) && strings.HasSuffix(e.Name(), BackupExt) {
			auto = append(auto, e.Name())
		}
	}
	if len(auto) <= keepAuto {
		return
	}
	sort.Slice(auto, func(i, j int) bool {
		return modTime(s.cfg.BackupDir, auto[i]).Before(modTime(s.cfg.BackupDir, auto[j]))
	})
	for _, name := range auto[:len(auto)-keepAuto] {
		os.Remove(filepath.Join(s.cfg.BackupDir, name))
	}
}

func modTime(dir, name string) time.Time {
	fi, err := os.Stat(filepath.Join(dir, name))
	if err != nil {
		return time.Time{}
	}
	return fi.ModTime()
}
