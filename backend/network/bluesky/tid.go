package bluesky

import (
	"crypto/sha256"
	"encoding/binary"
	"strconv"
	"time"
)

// tidAlphabet is base32-sortable, the alphabet of TIDs.
const tidAlphabet = "234567abcdefghijklmnopqrstuvwxyz"

// tidEpoch starts the window of the timestamps RecordKey derives.
var tidEpoch = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// RecordKey returns the record key of the post published with
// idempotencyKey: a TID (13 characters of base32-sortable, 64 bits: a zero
// bit, 53 bits of microseconds since 1970, 10 bits of clock identifier)
// that is a pure function of the key, so that a retry writes to the same
// record and finds it there instead of making a second post.
//
// Derivation: h = SHA-256("ruche/bluesky/rkey/" + idempotencyKey); the
// timestamp is 2024-01-01T00:00:00Z plus the first 45 bits of h in
// microseconds (a sane instant in the past, within 13 months of that
// date); the clock identifier is the next 10 bits of h. That leaves 55 bits
// of the key's hash in the key: two keys of one account never meet in
// practice. The record's createdAt says when it was really posted; the
// record key's timestamp is not shown anywhere.
//
// The part n (from 1) of a thread uses the key idempotencyKey + "/" + n.
func RecordKey(idempotencyKey string) string {
	h := sha256.Sum256([]byte("ruche/bluesky/rkey/" + idempotencyKey))
	bits := binary.BigEndian.Uint64(h[:8])
	micros := uint64(tidEpoch.UnixMicro()) + bits>>(64-45)
	clock := (bits >> (64 - 55)) & 0x3FF
	return encodeTID(micros<<10 | clock)
}

// partKey returns the idempotency key of part i (0 is the first post) of
// a thread published with key.
func partKey(key string, i int) string {
	if i == 0 {
		return key
	}
	return key + "/" + strconv.Itoa(i)
}

// encodeTID writes v (its top bit zero) as 13 base32-sortable characters,
// the most significant first.
func encodeTID(v uint64) string {
	var b [13]byte
	for i := 12; i >= 0; i-- {
		b[i] = tidAlphabet[v&31]
		v >>= 5
	}
	return string(b[:])
}
