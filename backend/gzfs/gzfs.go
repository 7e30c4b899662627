// Package gzfs reads files kept gzip-compressed in an fs.FS (an embedded
// one, mostly): the dictionaries and fonts Ruche ships take a quarter of
// the binary's space that way, and are expanded when read.
package gzfs

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"
)

// FS shows the files NAME.gz of an fs.FS as NAME, expanded; a file kept
// as it is (no NAME.gz) is read as it is.
type FS struct{ fs.FS }

// New returns the expanded view of fsys.
func New(fsys fs.FS) FS { return FS{fsys} }

// ReadFile returns the expanded content of name (kept as name.gz), or
// name's content when it is not compressed.
func (f FS) ReadFile(name string) ([]byte, error) {
	raw, err := fs.ReadFile(f.FS, name+".gz")
	if errors.Is(err, fs.ErrNotExist) {
		return fs.ReadFile(f.FS, name)
	}
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("gzfs: %s: %w", name, err)
	}
	defer zr.Close()
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gzfs: %s: %w", name, err)
	}
	return b, nil
}

// Open opens name, expanded in memory.
func (f FS) Open(name string) (fs.File, error) {
	b, err := f.ReadFile(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &file{Reader: bytes.NewReader(b), name: name, size: int64(len(b))}, nil
}

type file struct {
	*bytes.Reader
	name string
	size int64
}

func (f *file) Stat() (fs.FileInfo, error) { return info{f.name, f.size}, nil }
func (f *file) Close() error               { return nil }

type info struct {
	name string
	size int64
}

func (i info) Name() string       { return i.name }
func (i info) Size() int64        { return i.size }
func (i info) Mode() fs.FileMode  { return 0o444 }
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return false }
func (i info) Sys() any           { return nil }
