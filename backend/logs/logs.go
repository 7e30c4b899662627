// Package logs writes Ruche's log: JSON lines from zerolog into a file of
// capped size in the data folder, every line passed through a redactor so
// that no token or password ever reaches the disk.
package logs

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/rs/zerolog"
)

// FileName is the name of the current log file.
const FileName = "ruche.log"

// Options size the log.
type Options struct {
	MaxBytes int64         // rotate when the file would grow past this; default 5 MB
	Keep     int           // rotated files kept (ruche.1.log …); default 2
	Level    zerolog.Level // lowest level written; default Info
}

// Log is an open log file.
type Log struct {
	Logger   zerolog.Logger
	Redactor *Redactor
	file     *cappedFile
}

// Open creates dir if needed and returns a logger writing to dir/ruche.log.
func Open(dir string, opts Options) (*Log, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 5 << 20
	}
	if opts.Keep <= 0 {
		opts.Keep = 2
	}
	if opts.Level == zerolog.NoLevel {
		opts.Level = zerolog.InfoLevel
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("logs: %w", err)
	}
	f, err := openCapped(filepath.Join(dir, FileName), opts.MaxBytes, opts.Keep)
	if err != nil {
		return nil, err
	}
	r := NewRedactor(f)
	return &Log{Logger: New(r).Level(opts.Level), Redactor: r, file: f}, nil
}

// New returns Ruche's logger over w, with time stamps in UTC.
func New(w io.Writer) zerolog.Logger {
	return zerolog.New(w).With().Timestamp().Logger()
}

// For returns l with the component field set, the way every part of the app
// gets its logger.
func For(l zerolog.Logger, component string) zerolog.Logger {
	return l.With().Str("component", component).Logger()
}

// Path returns the current log file's path.
func (l *Log) Path() string { return l.file.path }

// Close closes the file.
func (l *Log) Close() error { return l.file.Close() }

// cappedFile is a file that rotates itself: when a write would take it past
// max bytes it becomes name.1.log, name.1 becomes name.2, and so on up to keep.
type cappedFile struct {
	mu   sync.Mutex
	path string
	max  int64
	keep int
	f    *os.File
	size int64
}

func openCapped(path string, max int64, keep int) (*cappedFile, error) {
	c := &cappedFile{path: path, max: max, keep: keep}
	return c, c.open()
}

func (c *cappedFile) open() error {
	f, err := os.OpenFile(c.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("logs: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("logs: %w", err)
	}
	c.f, c.size = f, fi.Size()
	return nil
}

func (c *cappedFile) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.f == nil {
		return 0, os.ErrClosed
	}
	if c.size > 0 && c.size+int64(len(p)) > c.max {
		if err := c.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := c.f.Write(p)
	c.size += int64(n)
	return n, err
}

func (c *cappedFile) rotated(n int) string {
	ext := filepath.Ext(c.path)
	return fmt.Sprintf("%s.%d%s", c.path[:len(c.path)-len(ext)], n, ext)
}

func (c *cappedFile) rotate() error {
	c.f.Close()
	os.Remove(c.rotated(c.keep))
	for n := c.keep - 1; n >= 1; n-- {
		os.Rename(c.rotated(n), c.rotated(n+1))
	}
	os.Rename(c.path, c.rotated(1))
	return c.open()
}

func (c *cappedFile) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.f == nil {
		return nil
	}
	err := c.f.Close()
	c.f = nil
	return err
}
