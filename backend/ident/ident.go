// Package ident makes the identifiers of Ruche's records.
package ident

import (
	"crypto/rand"
	"encoding/base32"
	"encoding/binary"
	"time"
)

var encoding = base32.NewEncoding("0123456789abcdefghjkmnpqrstvwxyz").WithPadding(base32.NoPadding)

// New returns a 26-character identifier that sorts by creation time: 48 bits
// of milliseconds since the Unix epoch followed by 80 random bits, in
// lowercase Crockford base 32.
func New(now time.Time) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(now.UnixMilli())<<16)
	if _, err := rand.Read(b[6:]); err != nil {
		panic("ident: no randomness: " + err.Error()) // crypto/rand never fails on supported platforms
	}
	return encoding.EncodeToString(b[:])
}

// Valid reports whether s has the shape of an identifier made by New.
func Valid(s string) bool {
	if len(s) != 26 {
		return false
	}
	_, err := encoding.DecodeString(s)
	return err == nil
}
