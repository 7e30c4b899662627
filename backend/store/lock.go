package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// Lock is an exclusive hold on a data folder: one Ruche process at a time.
// Badger locks its own folder too, but taking this lock first lets Ruche
// refuse a second process before it touches the keychain or the logs.
type Lock struct {
	f *os.File
}

// LockFolder takes the lock of the data folder dir, creating dir if needed.
// It fails with ErrLocked when another process holds it.
func LockFolder(dir string) (*Lock, error) {
	args := map[string]any{"dir": dir}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, ErrUnwritable.With(map[string]any{"dir": dir, "reason": err}, err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "ruche.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, ErrUnwritable.With(map[string]any{"dir": dir, "reason": err}, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, ErrLocked.With(args, err)
	}
	// The PID helps a user who wonders which process holds the folder.
	if err := f.Truncate(0); err == nil {
		fmt.Fprintf(f, "%d\n", os.Getpid())
	}
	return &Lock{f: f}, nil
}

// Release gives the folder back.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	unlockFile(l.f)
	err := l.f.Close()
	l.f = nil
	return err
}
