// Package store keeps all of Ruche's data in an embedded, encrypted Badger
// database sized for a desktop.
//
// The store is one folder. It is encrypted at rest with a 32-byte key that
// the caller gets from the OS keychain or a key file; the store never sees
// where the key came from. Values are versioned JSON (codec.go), keys follow
// the schema in keys.go, the shape of the data evolves through numbered
// migrations (migrate.go) with a backup before each, and the whole store can
// be backed up to and restored from one encrypted file (backup.go).
package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/rs/zerolog"

	"ruche/backend/fault"
)

// KeySize is the length of the encryption key: AES-256.
const KeySize = 32

// The errors of the store. Each carries the values its message needs.
var (
	ErrNotFound        = fault.New(fault.NotFound, "not_found")
	ErrLocked          = fault.New(fault.Unavailable, "store.locked")
	ErrWrongKey        = fault.New(fault.Unavailable, "store.key_wrong")
	ErrNewer           = fault.New(fault.Unavailable, "store.newer")
	ErrForeign         = fault.New(fault.Unavailable, "store.foreign")
	ErrCorrupt         = fault.New(fault.Unavailable, "store.corrupt")
	ErrDiskFull        = fault.New(fault.Unavailable, "store.disk_full")
	ErrUnwritable      = fault.New(fault.Unavailable, "store.unwritable")
	ErrClosed          = fault.New(fault.Unavailable, "store.closed")
	ErrTooBig          = fault.New(fault.Invalid, "store.too_big")
	ErrMigrationFailed = fault.New(fault.Internal, "store.migration_failed")
)

// Config says where the store lives and how to open it.
type Config struct {
	Dir        string         // the Badger folder, created if missing
	BackupDir  string         // where automatic backups go (before migrations, before restores)
	Key        []byte         // KeySize bytes
	AppVersion string         // written in backups and meta/info
	Log        zerolog.Logger // Badger's warnings and errors go here
	Now        func() time.Time
	Migrations []Migration // nil means the app's own list, Migrations
	// MinFree is the room kept free on the store's disk (DefaultMinFree
	// when 0): below it writes fail with ErrDiskFull (space.go).
	MinFree int64
	// OnSpace, when set, is told when the disk fills up (true) and when it
	// has room again (false).
	OnSpace func(full bool)
}

// Store is the open database.
type Store struct {
	db  *badger.DB
	cfg Config
	// community counts the writes of community activity and answers
	// (CommunityVersion).
	community atomic.Uint64
	state     folderState // as recorded at Open
	full      atomic.Bool // the last write found the disk full
}

// Exists reports whether dir holds a Badger database.
func Exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "MANIFEST"))
	return err == nil
}

// Open opens or creates the store and brings its data up to date. It refuses
// a folder that holds something other than a Badger database, a wrong key,
// and data written by a newer version of Ruche.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if len(cfg.Key) != KeySize {
		return nil, fmt.Errorf("store: key of %d bytes, want %d", len(cfg.Key), KeySize)
	}
	if cfg.Migrations == nil {
		cfg.Migrations = Migrations
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	args := map[string]any{"dir": cfg.Dir, "backups": cfg.BackupDir}
	repairs, err := checkIntegrity(cfg.Dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, ErrCorrupt.With(args, err)
	}
	if err := checkFolder(cfg.Dir); err != nil {
		return nil, err.With(args, err.Err)
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, ErrUnwritable.With(map[string]any{"dir": cfg.Dir, "reason": err}, err)
	}
	if repairs {
		// Badger truncates a MANIFEST an interrupted write left cut
		// short: keep the folder as it was first.
		if _, err := copyFolder(cfg.Dir, filepath.Join(cfg.BackupDir, "before-repair-"+time.Now().UTC().Format("20060102-150405"))); err != nil {
			return nil, ErrCorrupt.With(args, fmt.Errorf("copying the store before its repair: %w", err))
		}
	}
	if free, err := freeSpace(cfg.Dir); err == nil && free < (&Store{cfg: cfg}).minFree() {
		return nil, ErrDiskFull.With(args, fmt.Errorf("%d bytes free", free))
	}
	db, err := badger.Open(desktopOptions(cfg))
	if err != nil {
		switch {
		case errors.Is(err, badger.ErrEncryptionKeyMismatch):
			return nil, ErrWrongKey.With(args, err)
		case isDiskFull(err):
			return nil, ErrDiskFull.With(args, err)
		}
		return nil, ErrCorrupt.With(args, err)
	}
	s := &Store{db: db, cfg: cfg}
	if err := verifyTables(db); err != nil {
		db.Close()
		return nil, ErrCorrupt.With(args, err)
	}
	if err := s.checkNotNew(ctx); err != nil {
		db.Close()
		return nil, ErrCorrupt.With(args, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.recordState(ctx); err != nil {
		db.Close()
		return nil, s.mapErr(err)
	}
	return s, nil
}

// verifyTables reads every block of every table, checking its checksum.
// Badger's check dereferences a nil block when one fails (v4.9.6): that
// panic, in this goroutine, is a damaged table too.
func verifyTables(db *badger.DB) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("a table fails its checksum (%v)", r)
		}
	}()
	return db.VerifyChecksum()
}

// checkNotNew refuses a store that reads as new (no schema) while it holds
// data, or while it held some at its last open: its data was lost.
func (s *Store) checkNotNew(ctx context.Context) error {
	schema, err := s.Schema(ctx)
	if err != nil {
		return err
	}
	if schema > 0 {
		return nil
	}
	if st, known, _ := readState(s.cfg.Dir); known && st.Schema > 0 {
		return fmt.Errorf("the store was at schema %d and reads as new", st.Schema)
	}
	keys := 0
	err = s.db.View(func(txn *badger.Txn) error {
		return walk(txn, scan{keysOnly: true}, func([]byte, []byte) error { keys++; return errStop })
	})
	if err == nil && keys > 0 {
		err = errors.New("the store holds data but no schema")
	}
	return err
}

// recordState writes what the next Open checks the folder against, while
// the database is open.
func (s *Store) recordState(ctx context.Context) error {
	schema, err := s.Schema(ctx)
	if err != nil {
		return err
	}
	s.state = folderState{Schema: schema, Logs: valueLogs(s.cfg.Dir, true)}
	for _, t := range s.db.Tables() {
		s.state.MaxTable = max(s.state.MaxTable, t.ID)
	}
	if err := writeState(s.cfg.Dir, s.state); err != nil {
		return fmt.Errorf("store: recording its state: %w", err)
	}
	return nil
}

// checkFolder refuses a non-empty folder that is not a Badger database, so
// that Ruche never writes its files among someone else's.
func checkFolder(dir string) *fault.Error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return ErrUnwritable.Because(err)
	}
	if Exists(dir) {
		return nil
	}
	return ErrForeign.Because(fmt.Errorf("%s has %d entries and no MANIFEST", dir, len(entries)))
}

// desktopOptions sizes Badger for one user's data on a laptop: Badger's
// defaults (64 MB memtables ×5, 256 MB block cache) are made for servers.
func desktopOptions(cfg Config) badger.Options {
	return badger.DefaultOptions(cfg.Dir).
		WithLogger(badgerLogger{cfg.Log}).
		WithEncryptionKey(cfg.Key).
		WithIndexCacheSize(4 << 20). // required with encryption
		WithBlockCacheSize(8 << 20).
		WithMemTableSize(8 << 20).
		WithNumMemtables(2).
		WithNumLevelZeroTables(2).
		WithNumLevelZeroTablesStall(6).
		WithBaseTableSize(2 << 20).
		WithValueLogFileSize(64 << 20).
		WithValueThreshold(4 << 10).
		WithNumCompactors(2).
		WithSyncWrites(true). // a post saved is a post kept, even on power loss
		// Every block is checked when read, and Open reads them all
		// (verifyTables): a damaged file refuses to open instead of
		// reading as empty. (Badger's own check at open, OnTableRead,
		// panics in its goroutine on a damaged block.)
		WithChecksumVerificationMode(options.OnBlockRead).
		WithCompactL0OnClose(true)
}

// Close flushes and closes the database, then records the folder's state
// (every value log is final then).
func (s *Store) Close() error {
	if s.db.IsClosed() {
		return nil
	}
	st := s.state
	for _, t := range s.db.Tables() {
		st.MaxTable = max(st.MaxTable, t.ID)
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	st.Logs = valueLogs(s.cfg.Dir, false)
	if err := writeState(s.cfg.Dir, st); err != nil {
		return fmt.Errorf("store: recording its state: %w", err)
	}
	return nil
}

// view runs fn in a read-only transaction.
func (s *Store) view(ctx context.Context, fn func(*badger.Txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.mapErr(s.db.View(fn))
}

// update runs fn in a read-write transaction, retried when it conflicts with
// a concurrent one.
func (s *Store) update(ctx context.Context, fn func(*badger.Txn) error) error {
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.checkSpace(); err != nil {
			return err
		}
		err := s.db.Update(fn)
		if errors.Is(err, badger.ErrConflict) && attempt < 5 {
			continue
		}
		return s.mapErr(err)
	}
}

func (s *Store) mapErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, badger.ErrDBClosed), errors.Is(err, badger.ErrBlockedWrites):
		return ErrClosed.Because(err)
	case errors.Is(err, badger.ErrTxnTooBig):
		return ErrTooBig.Because(err)
	case isDiskFull(err):
		return ErrDiskFull.With(map[string]any{"dir": s.cfg.Dir}, err)
	}
	return err
}

// badgerLogger passes Badger's warnings and errors to zerolog; its chatty
// info and debug lines are dropped.
type badgerLogger struct{ log zerolog.Logger }

func (l badgerLogger) Errorf(f string, a ...any)   { l.log.Error().Msgf(f, a...) }
func (l badgerLogger) Warningf(f string, a ...any) { l.log.Warn().Msgf(f, a...) }
func (l badgerLogger) Infof(string, ...any)        {}
func (l badgerLogger) Debugf(string, ...any)       {}
