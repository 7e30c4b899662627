package store

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// A sealed stream is how backups stay encrypted outside the store. Format 2,
// the one written:
//
//	header: "RUCHEBAK" | format = 2 (1 byte) | key id (8 bytes) | salt (32 bytes)
//	chunks: length (uint32, big endian) | AES-256-GCM ciphertext of ≤ 64 KiB
//
// Every stream has a key of its own: HKDF-SHA256 of the store's key, salted
// with the header's random salt, info "ruche backup format 2: chunk key",
// 32 bytes. The key being used for one stream only, chunk n's nonce is a
// counter: 4 zero bytes, then n as a big-endian uint64.
//
// Chunk n's additional data is the whole header and a byte that is 1 for the
// last chunk only, and every chunk but the last holds a full 64 KiB: a
// reordered, cut or extended stream, one with another header, or one whose
// chunks come from another stream, fails to open. The key id is the start of
// SHA-256 over "ruche-backup-key-id:" and the store's key: it tells "another
// key" apart from "damaged".
//
// Format 1 is still read, never written: its header ends with a random 4-byte
// nonce prefix instead of the salt (21 bytes in all), its chunks are sealed
// with the store's key itself and chunk n's nonce is the prefix, then n. All
// the backups of a store shared that key, so nonces repeated once two backups
// drew the same prefix: likely after some 65,000 of them.

const (
	sealMagic   = "RUCHEBAK"
	sealFormat  = 2 // the format written
	sealChunk   = 64 << 10
	sealSaltLen = 32
	sealKeyInfo = "ruche backup format 2: chunk key"
)

var (
	errSealInvalid  = errors.New("not a sealed Ruche stream")
	errSealWrongKey = errors.New("sealed with another key")
)

// sealHeadLen is the length of a header of format, or 0 for a format this
// version does not know.
func sealHeadLen(format byte) int {
	switch format {
	case 1:
		return len(sealMagic) + 1 + 8 + 4 // key id, nonce prefix
	case 2:
		return len(sealMagic) + 1 + 8 + sealSaltLen // key id, salt
	}
	return 0
}

func keyID(key []byte) []byte {
	sum := sha256.Sum256(append([]byte("ruche-backup-key-id:"), key...))
	return sum[:8]
}

type sealWriter struct {
	w      io.Writer
	aead   cipher.AEAD
	head   []byte
	buf    []byte
	n      uint64
	closed bool
}

func newSealWriter(w io.Writer, key []byte) (*sealWriter, error) {
	head := make([]byte, 0, sealHeadLen(sealFormat))
	head = append(head, sealMagic...)
	head = append(head, sealFormat)
	head = append(head, keyID(key)...)
	salt := make([]byte, sealSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return nil, fmt.Errorf("backup salt: %w", err)
	}
	head = append(head, salt...)
	aead, err := chunkAEAD(key, head)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(head); err != nil {
		return nil, fmt.Errorf("write backup header: %w", err)
	}
	return &sealWriter{w: w, aead: aead, head: head, buf: make([]byte, 0, sealChunk)}, nil
}

func (s *sealWriter) Write(p []byte) (int, error) {
	if s.closed {
		return 0, errors.New("write to a closed sealed stream")
	}
	written := 0
	for len(p) > 0 {
		if len(s.buf) == sealChunk {
			if err := s.flush(false); err != nil {
				return written, err
			}
		}
		n := copy(s.buf[len(s.buf):sealChunk], p)
		s.buf = s.buf[:len(s.buf)+n]
		p = p[n:]
		written += n
	}
	return written, nil
}

// Close writes the last chunk; without it the stream does not open.
func (s *sealWriter) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.flush(true)
}

func (s *sealWriter) flush(last bool) error {
	ct := s.aead.Seal(nil, chunkNonce(s.head, s.n), s.buf, chunkAD(s.head, last))
	var l [4]byte
	binary.BigEndian.PutUint32(l[:], uint32(len(ct)))
	if _, err := s.w.Write(l[:]); err != nil {
		return fmt.Errorf("write backup chunk %d: %w", s.n, err)
	}
	if _, err := s.w.Write(ct); err != nil {
		return fmt.Errorf("write backup chunk %d: %w", s.n, err)
	}
	s.buf = s.buf[:0]
	s.n++
	return nil
}

type sealReader struct {
	r    io.Reader
	aead cipher.AEAD
	head []byte
	ct   []byte // the chunk being opened, never over a full chunk
	pt   []byte // its plain text
	buf  []byte // what Read has yet to hand out of pt
	n    uint64
	done bool
}

// newSealReader reads the header of a stream of format 1 or 2.
func newSealReader(r io.Reader, key []byte) (*sealReader, error) {
	head := make([]byte, len(sealMagic)+1, max(sealHeadLen(1), sealHeadLen(2)))
	if _, err := io.ReadFull(r, head); err != nil {
		return nil, fmt.Errorf("header cut short (%v): %w", err, errSealInvalid)
	}
	if string(head[:len(sealMagic)]) != sealMagic {
		return nil, fmt.Errorf("no %s at the start: %w", sealMagic, errSealInvalid)
	}
	format := head[len(sealMagic)]
	n := sealHeadLen(format)
	if n == 0 {
		return nil, fmt.Errorf("format %d: %w", format, errSealInvalid)
	}
	head = head[:n]
	if _, err := io.ReadFull(r, head[len(sealMagic)+1:]); err != nil {
		return nil, fmt.Errorf("header cut short (%v): %w", err, errSealInvalid)
	}
	if !bytes.Equal(head[len(sealMagic)+1:len(sealMagic)+9], keyID(key)) {
		return nil, errSealWrongKey
	}
	aead, err := chunkAEAD(key, head)
	if err != nil {
		return nil, err
	}
	return &sealReader{r: r, aead: aead, head: head}, nil
}

func (s *sealReader) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		if s.done {
			return 0, io.EOF
		}
		if err := s.next(); err != nil {
			return 0, err
		}
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

func (s *sealReader) next() error {
	var l [4]byte
	if _, err := io.ReadFull(s.r, l[:]); err != nil {
		return fmt.Errorf("cut short before chunk %d (%v): %w", s.n, err, errSealInvalid)
	}
	// The length is checked before anything is read or allocated for it.
	overhead := s.aead.Overhead()
	size := binary.BigEndian.Uint32(l[:])
	if size < uint32(overhead) || size > uint32(sealChunk+overhead) {
		return fmt.Errorf("chunk %d of %d bytes: %w", s.n, size, errSealInvalid)
	}
	if s.ct == nil {
		s.ct, s.pt = make([]byte, sealChunk+overhead), make([]byte, 0, sealChunk)
	}
	ct := s.ct[:size]
	if _, err := io.ReadFull(s.r, ct); err != nil {
		return fmt.Errorf("cut short in chunk %d (%v): %w", s.n, err, errSealInvalid)
	}
	nonce := chunkNonce(s.head, s.n)
	// Only a full chunk may have another after it.
	if size == uint32(sealChunk+overhead) {
		if pt, err := s.aead.Open(s.pt[:0], nonce, ct, chunkAD(s.head, false)); err == nil {
			s.buf, s.n = pt, s.n+1
			return nil
		}
	}
	pt, err := s.aead.Open(s.pt[:0], nonce, ct, chunkAD(s.head, true))
	if err != nil {
		return fmt.Errorf("chunk %d fails authentication: %w", s.n, errSealInvalid)
	}
	// Nothing may follow the last chunk.
	var one [1]byte
	if _, err := io.ReadFull(s.r, one[:]); err == nil {
		return fmt.Errorf("data after the last chunk: %w", errSealInvalid)
	} else if !errors.Is(err, io.EOF) {
		return fmt.Errorf("after the last chunk: %w", err)
	}
	s.buf, s.n, s.done = pt, s.n+1, true
	return nil
}

// chunkAEAD seals the chunks after head: with a key of the stream's own
// (format 2) or with the store's key itself (format 1).
func chunkAEAD(key, head []byte) (cipher.AEAD, error) {
	if head[len(sealMagic)] == 2 {
		k, err := hkdf.Key(sha256.New, key, head[len(sealMagic)+9:], sealKeyInfo, 32)
		if err != nil {
			return nil, fmt.Errorf("backup key: %w", err)
		}
		key = k
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("backup key: %w", err)
	}
	return cipher.NewGCM(block)
}

// chunkNonce is chunk n's nonce: the header's prefix (format 1) or zeros
// (format 2), then n.
func chunkNonce(head []byte, n uint64) []byte {
	nonce := make([]byte, 12)
	if head[len(sealMagic)] == 1 {
		copy(nonce, head[len(head)-4:])
	}
	binary.BigEndian.PutUint64(nonce[4:], n)
	return nonce
}

func chunkAD(head []byte, last bool) []byte {
	ad := append([]byte(nil), head...)
	if last {
		return append(ad, 1)
	}
	return append(ad, 0)
}
