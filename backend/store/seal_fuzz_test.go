package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime/metrics"
	"testing"
)

// Run each for a minute:
//
//	go test -run XXX -fuzz '^FuzzSealReader$' -fuzztime 60s -fuzzminimizetime 3s ./backend/store/
//	go test -run XXX -fuzz '^FuzzSealRoundTrip$' -fuzztime 60s -fuzzminimizetime 3s ./backend/store/
//
// The seeds reach past 64 KiB: with the default -fuzzminimizetime (a minute),
// minimizing one such input takes the whole run, at 0 execs/sec.

// heapAllocated is how many bytes the program has allocated so far.
func heapAllocated() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// Whatever the bytes, the reader either refuses them or returns exactly what a
// writer sealed: the stream is then byte for byte what sealing that plain text
// under its header gives. Before an error, it may only have returned whole
// chunks that authenticate.
func FuzzSealReader(f *testing.F) {
	for _, size := range []int{0, 1, 100, specChunk, specChunk + 1} {
		plain := bytes.Repeat([]byte("ruche "), size/6+1)[:size]
		stream := seal(f, testKey, plain, 0)
		f.Add(stream)
		f.Add(stream[:len(stream)-1])
		f.Add(specSeal(f, 1, testKey, []byte{1, 2, 3, 4}, specChunks(plain)))
	}
	fixture, err := os.ReadFile(filepath.Join("testdata", "seal-format1.bin"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(fixture)
	f.Add(seal(f, otherKey, []byte("another key"), 0))
	f.Add([]byte(specMagic))
	f.Add([]byte{})

	f.Fuzz(func(t *testing.T, data []byte) {
		before := heapAllocated()
		got, err := unseal(testKey, data)
		// Two chunk buffers, io.ReadAll's growth, a little for the rest:
		// never what a length field claims.
		if n, limit := heapAllocated()-before, uint64(4<<20+4*len(data)); n > limit {
			t.Fatalf("reading %d bytes allocated %d, want at most %d", len(data), n, limit)
		}
		if err != nil {
			if !errors.Is(err, errSealInvalid) && !errors.Is(err, errSealWrongKey) {
				t.Fatalf("unseal() = %v, want %v or %v", err, errSealInvalid, errSealWrongKey)
			}
			if len(got) == 0 {
				return
			}
		}
		// It opened, at least in part: data has a known header.
		format := data[len(specMagic)]
		hl := specHeadLen(format)
		if hl == 0 {
			t.Fatalf("unseal() returned %d bytes from format %d, %v", len(got), format, err)
		}
		random := data[len(specMagic)+9 : hl]
		if err == nil {
			if want := specSeal(t, format, testKey, random, specChunks(got)); !bytes.Equal(data, want) {
				t.Fatalf("unseal() = %d bytes, nil from a stream that sealing them does not give", len(got))
			}
			return
		}
		// Before the error, only full chunks that were not the last.
		if len(got)%specChunk != 0 {
			t.Fatalf("unseal() = %d bytes, %v: not whole chunks", len(got), err)
		}
		chunks := append(specChunks(got), nil) // one more, so that those are not the last
		want := specSeal(t, format, testKey, random, chunks)
		want = want[:len(want)-(4+16)]
		if !bytes.HasPrefix(data, want) {
			t.Fatalf("unseal() = %d bytes, %v: they are not the chunks at the start of the stream", len(got), err)
		}
	})
}

// Sealing in writes of any size, then opening, gives the bytes back, in a
// stream as long as the documented format says.
func FuzzSealRoundTrip(f *testing.F) {
	for _, size := range []int{0, 1, 100, specChunk - 1, specChunk, specChunk + 1, 2*specChunk + 3} {
		for _, step := range []uint16{0, 1, 4096} {
			f.Add(bytes.Repeat([]byte{0xa5}, size), step)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, step uint16) {
		stream := seal(t, testKey, data, int(step))
		if want := specHeadLen(2) + len(specChunks(data))*(4+16) + len(data); len(stream) != want {
			t.Errorf("seal(%d bytes) = %d bytes, want %d", len(data), len(stream), want)
		}
		got, err := unseal(testKey, stream)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("unseal(seal(%d bytes in writes of %d)) = %d bytes, %v, want the same bytes, nil", len(data), step, len(got), err)
		}
	})
}
