package store

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The sealed format again, written from the comment at the top of seal.go
// rather than from its code: a change to seal.go that changes what is on disk
// fails here, whatever seal.go's own helpers say.
const (
	specMagic = "RUCHEBAK"
	specInfo  = "ruche backup format 2: chunk key"
	specChunk = 64 << 10
)

// specHeadLen is the length of a header of format, or 0 for no known format.
func specHeadLen(format byte) int {
	switch format {
	case 1:
		return len(specMagic) + 1 + 8 + 4 // key id, nonce prefix
	case 2:
		return len(specMagic) + 1 + 8 + 32 // key id, salt
	}
	return 0
}

// specRandomLen is the length of the header's random part: the nonce prefix
// (format 1) or the salt (format 2).
func specRandomLen(format byte) int { return specHeadLen(format) - len(specMagic) - 1 - 8 }

// specKey is the key the chunks after head are sealed with.
func specKey(t testing.TB, key, head []byte) []byte {
	t.Helper()
	switch head[len(specMagic)] {
	case 1:
		return key
	case 2:
		k, err := hkdf.Key(sha256.New, key, head[len(specMagic)+9:], specInfo, 32)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	t.Fatalf("specKey: format %d", head[len(specMagic)])
	return nil
}

// specNonce is chunk n's nonce: the prefix (format 1) or zeros (format 2),
// then n.
func specNonce(head []byte, n uint64) []byte {
	nonce := make([]byte, 12)
	if head[len(specMagic)] == 1 {
		copy(nonce, head[len(specMagic)+9:])
	}
	binary.BigEndian.PutUint64(nonce[4:], n)
	return nonce
}

func specAEAD(t testing.TB, key []byte) cipher.AEAD {
	t.Helper()
	block, err := aes.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		t.Fatal(err)
	}
	return aead
}

func specHead(format byte, key, random []byte) []byte {
	id := sha256.Sum256(append([]byte("ruche-backup-key-id:"), key...))
	head := append([]byte(specMagic), format)
	head = append(head, id[:8]...)
	return append(head, random...)
}

// specSeal seals chunks as format says; random is the nonce prefix (format 1)
// or the salt (format 2). For format 1 it is a copy of the writer Ruche had
// before format 2 (TestSealOpensFormat1 checks it against a file that writer
// made).
func specSeal(t testing.TB, format byte, key, random []byte, chunks [][]byte) []byte {
	t.Helper()
	head := specHead(format, key, random)
	aead := specAEAD(t, specKey(t, key, head))
	out := append([]byte(nil), head...)
	for n, c := range chunks {
		ad := append(append([]byte(nil), head...), 0)
		if n == len(chunks)-1 {
			ad[len(head)] = 1
		}
		ct := aead.Seal(nil, specNonce(head, uint64(n)), c, ad)
		out = binary.BigEndian.AppendUint32(out, uint32(len(ct)))
		out = append(out, ct...)
	}
	return out
}

// specChunks cuts plain as a writer does: full chunks, then the rest; at
// least one chunk, the last one possibly full or empty.
func specChunks(plain []byte) [][]byte {
	chunks := [][]byte{}
	for len(plain) > specChunk {
		chunks = append(chunks, plain[:specChunk])
		plain = plain[specChunk:]
	}
	return append(chunks, plain)
}

// specOpen opens a whole stream as the documentation says and returns the
// plain text and each chunk's nonce.
func specOpen(t testing.TB, key, stream []byte) (plain []byte, nonces [][]byte, err error) {
	t.Helper()
	if len(stream) <= len(specMagic) || string(stream[:len(specMagic)]) != specMagic {
		return nil, nil, errors.New("no magic")
	}
	hl := specHeadLen(stream[len(specMagic)])
	if hl == 0 || len(stream) < hl {
		return nil, nil, fmt.Errorf("format %d, header cut short", stream[len(specMagic)])
	}
	head, rest := stream[:hl], stream[hl:]
	aead := specAEAD(t, specKey(t, key, head))
	plain = []byte{}
	for n := uint64(0); ; n++ {
		if len(rest) < 4 || len(rest)-4 < int(binary.BigEndian.Uint32(rest)) {
			return nil, nil, fmt.Errorf("chunk %d cut short", n)
		}
		ct := rest[4 : 4+binary.BigEndian.Uint32(rest)]
		rest = rest[4+len(ct):]
		ad := append(append([]byte(nil), head...), 0)
		if len(rest) == 0 {
			ad[len(head)] = 1
		}
		pt, err := aead.Open(nil, specNonce(head, n), ct, ad)
		if err != nil {
			return nil, nil, fmt.Errorf("chunk %d: %w", n, err)
		}
		plain = append(plain, pt...)
		nonces = append(nonces, specNonce(head, n))
		if len(rest) == 0 {
			return plain, nonces, nil
		}
	}
}

// seal seals plain with key through the writer, in writes of step bytes
// (all at once for 0).
func seal(t testing.TB, key, plain []byte, step int) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := newSealWriter(&buf, key)
	if err != nil {
		t.Fatalf("newSealWriter() = %v", err)
	}
	if step <= 0 {
		step = len(plain) + 1
	}
	for p := plain; len(p) > 0; {
		n := min(step, len(p))
		if got, err := w.Write(p[:n]); got != n || err != nil {
			t.Fatalf("Write(%d bytes) = %d, %v, want %d, nil", n, got, err, n)
		}
		p = p[n:]
	}
	if err := w.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close() = %v, want nil", err)
	}
	return buf.Bytes()
}

// unseal reads stream to the end with the reader; what it returns before an
// error is returned too.
func unseal(key, stream []byte) ([]byte, error) {
	r, err := newSealReader(bytes.NewReader(stream), key)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func randomBytes(t testing.TB, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	rand.Read(b)
	return b
}

// sealSizes are the lengths worth sealing: empty, one byte, around one and
// two chunks.
var sealSizes = []int{0, 1, 100, specChunk - 1, specChunk, specChunk + 1, 2 * specChunk, 3*specChunk + 7}

func TestSealWritesFormat2(t *testing.T) {
	for _, size := range sealSizes {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			plain := randomBytes(t, size)
			stream := seal(t, testKey, plain, 0)
			if len(stream) < specHeadLen(2) {
				t.Fatalf("sealed stream of %d bytes, want at least a header of %d", len(stream), specHeadLen(2))
			}
			if got := stream[len(specMagic)]; got != 2 {
				t.Fatalf("format byte = %d, want 2", got)
			}
			got, nonces, err := specOpen(t, testKey, stream)
			if err != nil {
				t.Fatalf("opening as documented: %v", err)
			}
			if !bytes.Equal(got, plain) {
				t.Errorf("opening as documented gives %d bytes, want the %d sealed", len(got), len(plain))
			}
			if want := len(specChunks(plain)); len(nonces) != want {
				t.Errorf("%d chunks, want %d", len(nonces), want)
			}
			if got, err := unseal(testKey, stream); err != nil || !bytes.Equal(got, plain) {
				t.Errorf("newSealReader: %d bytes, %v, want the %d sealed, nil", len(got), err, len(plain))
			}
		})
	}
}

// All the backups of a store come from its one key; a nonce must never repeat
// under one chunk key, however many backups there are (a 4-byte random nonce
// prefix under the store's key, format 1, repeats after some 65,000).
func TestSealBackupsNeverShareKeyAndNonce(t *testing.T) {
	const backups = 2000
	keys := map[string]int{}
	pairs := map[string]int{}
	salts := map[string]int{}
	for i := range backups {
		size := 10
		if i%100 == 0 {
			size = 2*specChunk + 1 // some with several chunks, so several nonces
		}
		stream := seal(t, testKey, randomBytes(t, size), 0)
		head := stream[:specHeadLen(stream[len(specMagic)])]
		key := specKey(t, testKey, head)
		if bytes.Equal(key, testKey) {
			t.Fatalf("backup %d is sealed with the store's key itself", i)
		}
		if j, ok := keys[string(key)]; ok {
			t.Fatalf("backups %d and %d are sealed with the same chunk key", j, i)
		}
		keys[string(key)] = i
		_, nonces, err := specOpen(t, testKey, stream)
		if err != nil {
			t.Fatalf("backup %d: opening as documented: %v", i, err)
		}
		for _, nonce := range nonces {
			pair := string(key) + string(nonce)
			if j, ok := pairs[pair]; ok {
				t.Fatalf("backups %d and %d use the same key and nonce %x", j, i, nonce)
			}
			pairs[pair] = i
		}
		// The key's uniqueness comes from a 32-byte salt in the header.
		salt := head[len(specMagic)+9:]
		if len(salt) != 32 {
			t.Fatalf("backup %d: a salt of %d bytes, want 32", i, len(salt))
		}
		if j, ok := salts[string(salt)]; ok {
			t.Fatalf("backups %d and %d have the same salt", j, i)
		}
		salts[string(salt)] = i
	}
}

// format1Plain is what testdata/seal-format1.bin holds; the file was written by
// the writer Ruche had before format 2.
var format1Plain = []byte(strings.Repeat("format 1 still opens. ", 40))

func TestSealOpensFormat1(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("testdata", "seal-format1.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := unseal(testKey, fixture); err != nil || !bytes.Equal(got, format1Plain) {
		t.Fatalf("unseal(testdata/seal-format1.bin) = %q, %v, want %q, nil", got, err, format1Plain)
	}
	// The copy of the old writer in specSeal writes that same file.
	prefix := fixture[len(specMagic)+9 : specHeadLen(1)]
	if got := specSeal(t, 1, testKey, prefix, specChunks(format1Plain)); !bytes.Equal(got, fixture) {
		t.Fatalf("specSeal(format 1) differs from testdata/seal-format1.bin:\n got %x\nwant %x", got, fixture)
	}
	for _, size := range sealSizes {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			plain := randomBytes(t, size)
			stream := specSeal(t, 1, testKey, randomBytes(t, 4), specChunks(plain))
			if got, err := unseal(testKey, stream); err != nil || !bytes.Equal(got, plain) {
				t.Errorf("unseal(format 1) = %d bytes, %v, want the %d sealed, nil", len(got), err, len(plain))
			}
		})
	}
}

func TestRestoreFormat1Backup(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	s.PutWorkspace(ctx, sampleWorkspace("b", "Après"))
	// Made by BackupFile before format 2, from a store holding the workspace
	// "Avant" and its logo.
	if _, err := s.RestoreFile(ctx, filepath.Join("testdata", "backup-format1.rbak")); err != nil {
		t.Fatalf("RestoreFile(testdata/backup-format1.rbak) = %v, want nil", err)
	}
	if got := names(t, s); len(got) != 1 || got[0] != "Avant" {
		t.Errorf("after restore: workspaces = %v, want [Avant]", got)
	}
	if logo, _ := s.WorkspaceLogo(ctx, "a"); string(logo) != "logo-bytes" {
		t.Errorf("after restore: logo = %q, want logo-bytes", logo)
	}
}

func TestBackupFileIsFormat2(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	s.PutWorkspace(ctx, sampleWorkspace("a", "Avant"))
	file := filepath.Join(t.TempDir(), "b"+BackupExt)
	if _, err := s.BackupFile(ctx, file); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(file)
	if _, _, err := specOpen(t, testKey, raw); err != nil || raw[len(specMagic)] != 2 {
		t.Errorf("BackupFile wrote format %d (%v), want format 2 opening as documented", raw[len(specMagic)], err)
	}
}

// chunkSpans returns where each chunk, its length included, lies in stream.
func chunkSpans(stream []byte, headLen int) [][2]int {
	var spans [][2]int
	for at := headLen; at+4 <= len(stream); {
		end := at + 4 + int(binary.BigEndian.Uint32(stream[at:]))
		spans = append(spans, [2]int{at, end})
		at = end
	}
	return spans
}

func join(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

type tamperCase struct {
	name   string
	stream []byte
	want   error
}

// tamperings are damaged copies of stream; another is a stream of the same
// plain text sealed with the same key.
func tamperings(stream, another []byte) []tamperCase {
	format := stream[len(specMagic)]
	hl := specHeadLen(format)
	spans := chunkSpans(stream, hl)
	edit := func(f func(b []byte)) []byte {
		b := append([]byte(nil), stream...)
		f(b)
		return b
	}
	chunk := func(s []byte, i int) []byte { sp := chunkSpans(s, hl)[i]; return s[sp[0]:sp[1]] }
	var cases []tamperCase

	// Flip every byte of the header and of the chunk lengths, the first and
	// last bytes of each chunk (the tag ends it), and bytes all along.
	flip := map[int]bool{}
	for i := range hl {
		flip[i] = true
	}
	for _, sp := range spans {
		for i := range 20 {
			flip[sp[0]+i], flip[sp[1]-1-i] = true, true
		}
	}
	for i := 0; i < len(stream); i += 499 {
		flip[i] = true
	}
	for i := range flip {
		want := errSealInvalid
		if i >= len(specMagic)+1 && i < len(specMagic)+9 {
			want = errSealWrongKey // the key id: it names another key
		}
		cases = append(cases, tamperCase{fmt.Sprintf("flip byte %d", i), edit(func(b []byte) { b[i] ^= 0x80 }), want})
	}

	// Cut in the header, at each chunk boundary, in each length, mid-chunk,
	// and one byte short.
	cuts := []int{0, 1, len(specMagic), len(specMagic) + 1, hl - 1, hl, len(stream) - 1}
	for _, sp := range spans {
		cuts = append(cuts, sp[0], sp[0]+1, sp[0]+3, sp[0]+4, sp[0]+5, (sp[0]+sp[1])/2, sp[1]-1, sp[1])
	}
	for _, at := range cuts {
		if at < len(stream) {
			cases = append(cases, tamperCase{fmt.Sprintf("cut at %d", at), stream[:at:at], errSealInvalid})
		}
	}

	head := stream[:hl]
	cases = append(cases,
		tamperCase{"swap chunks 0 and 1", join(head, chunk(stream, 1), chunk(stream, 0), stream[spans[1][1]:]), errSealInvalid},
		tamperCase{"chunk 0 twice", join(stream[:spans[0][1]], stream[spans[0][0]:]), errSealInvalid},
		tamperCase{"chunk 1 dropped", join(stream[:spans[1][0]], stream[spans[1][1]:]), errSealInvalid},
		tamperCase{"last chunk dropped", stream[:spans[len(spans)-1][0]], errSealInvalid},
		tamperCase{"last chunk twice", join(stream, chunk(stream, len(spans)-1)), errSealInvalid},
		tamperCase{"one byte appended", join(stream, []byte{0}), errSealInvalid},
		tamperCase{"another stream appended", join(stream, another), errSealInvalid},
		tamperCase{"empty length appended", join(stream, make([]byte, 4)), errSealInvalid},
		tamperCase{"chunk 1 of another backup", join(stream[:spans[1][0]], chunk(another, 1), stream[spans[1][1]:]), errSealInvalid},
		tamperCase{"header of another backup", join(another[:hl], stream[hl:]), errSealInvalid},
		tamperCase{"magic changed", edit(func(b []byte) { copy(b, "RUCHEBAQ") }), errSealInvalid},
	)
	for _, f := range []byte{0, 1, 2, 3, 0xff} {
		if f != format {
			cases = append(cases, tamperCase{fmt.Sprintf("format byte %d", f), edit(func(b []byte) { b[len(specMagic)] = f }), errSealInvalid})
		}
	}
	for i := len(specMagic) + 9; i < hl; i++ {
		cases = append(cases, tamperCase{fmt.Sprintf("salt or prefix byte %d zeroed", i), edit(func(b []byte) { b[i] = 0 }), errSealInvalid})
	}
	return cases
}

func TestSealRefusesTampering(t *testing.T) {
	plain := randomBytes(t, 2*specChunk+100) // three chunks
	streams := []struct {
		name   string
		stream func() []byte
	}{
		{"format 1", func() []byte { return specSeal(t, 1, testKey, randomBytes(t, 4), specChunks(plain)) }},
		{"format 2", func() []byte { return seal(t, testKey, plain, 0) }},
	}
	for _, st := range streams {
		t.Run(st.name, func(t *testing.T) {
			stream, another := st.stream(), st.stream()
			if got, err := unseal(testKey, stream); err != nil || !bytes.Equal(got, plain) {
				t.Fatalf("unseal(untouched) = %d bytes, %v, want %d, nil", len(got), err, len(plain))
			}
			for _, tc := range tamperings(stream, another) {
				t.Run(tc.name, func(t *testing.T) {
					got, err := unseal(testKey, tc.stream)
					if !errors.Is(err, tc.want) {
						t.Errorf("unseal() = %d bytes, %v, want %v", len(got), err, tc.want)
					}
					// Streaming: chunks before the damage come out, but never
					// a byte that was not sealed there.
					if !bytes.HasPrefix(plain, got) {
						t.Errorf("unseal() returned %d bytes that are not the start of what was sealed", len(got))
					}
				})
			}
		})
	}
}

func TestSealWrongKey(t *testing.T) {
	plain := []byte("hello")
	tests := []struct {
		name   string
		stream []byte
	}{
		{"format 1", specSeal(t, 1, testKey, randomBytes(t, 4), specChunks(plain))},
		{"format 2", seal(t, testKey, plain, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := unseal(otherKey, tt.stream); !errors.Is(err, errSealWrongKey) {
				t.Errorf("unseal(other key) = %q, %v, want %v", got, err, errSealWrongKey)
			}
		})
	}
}

// A chunk may not be shorter than a full one unless it is the last: only a
// writer's own cutting opens (a stream is one sequence of bytes, one way).
func TestSealRefusesShortInnerChunk(t *testing.T) {
	chunks := [][]byte{[]byte("short"), []byte("last")}
	for _, format := range []byte{1, 2} {
		t.Run(fmt.Sprint("format ", format), func(t *testing.T) {
			stream := specSeal(t, format, testKey, randomBytes(t, specRandomLen(format)), chunks)
			if got, err := unseal(testKey, stream); !errors.Is(err, errSealInvalid) {
				t.Errorf("unseal(short chunk before the last) = %q, %v, want %v", got, err, errSealInvalid)
			}
		})
	}
}

// A length field is read before its chunk: the reader must not believe it.
func TestSealReaderRefusesHugeChunks(t *testing.T) {
	for _, format := range []byte{1, 2} {
		head := specHead(format, testKey, randomBytes(t, specRandomLen(format)))
		for _, size := range []uint32{specChunk + 16 + 1, 1 << 31, 1<<32 - 1} {
			t.Run(fmt.Sprintf("format %d length %d", format, size), func(t *testing.T) {
				stream := binary.BigEndian.AppendUint32(append([]byte(nil), head...), size)
				stream = append(stream, make([]byte, 100)...)
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				got, err := unseal(testKey, stream)
				runtime.ReadMemStats(&after)
				if !errors.Is(err, errSealInvalid) {
					t.Errorf("unseal() = %d bytes, %v, want %v", len(got), err, errSealInvalid)
				}
				if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
					t.Errorf("unseal() allocated %d bytes for a stream of %d", n, len(stream))
				}
			})
		}
	}
}

func TestSealRoundTrip(t *testing.T) {
	for _, size := range sealSizes {
		for _, step := range []int{0, 1000, specChunk, specChunk + 1} {
			t.Run(fmt.Sprintf("%d bytes in writes of %d", size, step), func(t *testing.T) {
				plain := randomBytes(t, size)
				if got, err := unseal(testKey, seal(t, testKey, plain, step)); err != nil || !bytes.Equal(got, plain) {
					t.Errorf("unseal(seal(%d bytes)) = %d bytes, %v, want the same bytes, nil", size, len(got), err)
				}
			})
		}
	}
}
