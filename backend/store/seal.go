package store

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// A sealed stream is how backups stay encrypted outside the store:
//
//	header: "RUCHEBAK" | format (1 byte) | key id (8 bytes) | nonce prefix (4 bytes)
//	chunks: length (uint32, big endian) | AES-256-GCM ciphertext of ≤ 64 KiB
//
// Chunk n's nonce is the prefix followed by n as a big-endian uint64; its
// additional data is the header and a byte that is 1 for the last chunk only,
// so a reordered, cut or extended file fails to open. The key id is the start
// of SHA-256 over the key: it tells "another key" apart from "damaged".

const (
	sealMagic   = "RUCHEBAK"
	sealFormat  = 1
	sealChunk   = 64 << 10
	sealHeadLen = len(sealMagic) + 1 + 8 + 4
)

var (
	errSealInvalid  = errors.New("not a sealed Ruche stream")
	errSealWrongKey = errors.New("sealed with another key")
)

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
	aead, err := newAEAD(key)
	if err != nil {
		return nil, err
	}
	head := make([]byte, 0, sealHeadLen)
	head = append(head, sealMagic...)
	head = append(head, sealFormat)
	head = append(head, keyID(key)...)
	prefix := make([]byte, 4)
	if _, err := rand.Read(prefix); err != nil {
		return nil, err
	}
	head = append(head, prefix...)
	if _, err := w.Write(head); err != nil {
		return nil, err
	}
	return &sealWriter{w: w, aead: aead, head: head, buf: make([]byte, 0, sealChunk)}, nil
}

func (s *sealWriter) Write(p []byte) (int, error) {
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
	ct := s.aead.Seal(nil, s.nonce(), s.buf, s.ad(last))
	var l [4]byte
	binary.BigEndian.PutUint32(l[:], uint32(len(ct)))
	if _, err := s.w.Write(l[:]); err != nil {
		return err
	}
	if _, err := s.w.Write(ct); err != nil {
		return err
	}
	s.buf = s.buf[:0]
	s.n++
	return nil
}

func (s *sealWriter) nonce() []byte { return chunkNonce(s.head, s.n) }
func (s *sealWriter) ad(last bool) []byte {
	return chunkAD(s.head, last)
}

type sealReader struct {
	r    io.Reader
	aead cipher.AEAD
	head []byte
	buf  []byte
	n    uint64
	done bool
}

func newSealReader(r io.Reader, key []byte) (*sealReader, error) {
	head := make([]byte, sealHeadLen)
	if _, err := io.ReadFull(r, head); err != nil {
		return nil, fmt.Errorf("%w: %v", errSealInvalid, err)
	}
	if string(head[:len(sealMagic)]) != sealMagic || head[len(sealMagic)] != sealFormat {
		return nil, errSealInvalid
	}
	if !bytes.Equal(head[len(sealMagic)+1:len(sealMagic)+9], keyID(key)) {
		return nil, errSealWrongKey
	}
	aead, err := newAEAD(key)
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
		return fmt.Errorf("%w: cut short: %v", errSealInvalid, err)
	}
	size := binary.BigEndian.Uint32(l[:])
	if size > sealChunk+uint32(s.aead.Overhead()) {
		return fmt.Errorf("%w: chunk of %d bytes", errSealInvalid, size)
	}
	ct := make([]byte, size)
	if _, err := io.ReadFull(s.r, ct); err != nil {
		return fmt.Errorf("%w: cut short: %v", errSealInvalid, err)
	}
	nonce := chunkNonce(s.head, s.n)
	if pt, err := s.aead.Open(nil, nonce, ct, chunkAD(s.head, false)); err == nil {
		s.buf, s.n = pt, s.n+1
		return nil
	}
	pt, err := s.aead.Open(nil, nonce, ct, chunkAD(s.head, true))
	if err != nil {
		return fmt.Errorf("%w: chunk %d fails authentication", errSealInvalid, s.n)
	}
	// Nothing may follow the last chunk.
	if n, _ := s.r.Read(make([]byte, 1)); n > 0 {
		return fmt.Errorf("%w: data after the last chunk", errSealInvalid)
	}
	s.buf, s.n, s.done = pt, s.n+1, true
	return nil
}

func newAEAD(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

func chunkNonce(head []byte, n uint64) []byte {
	nonce := make([]byte, 12)
	copy(nonce, head[sealHeadLen-4:])
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
