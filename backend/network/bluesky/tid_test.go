package bluesky

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// tidSyntax is the syntax of a TID: the first character holds the zero bit.
var tidSyntax = regexp.MustCompile(`^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$`)

// tidTime returns the instant of a TID's timestamp.
func tidTime(s string) time.Time {
	var v uint64
	for i := 0; i < len(s); i++ {
		v = v<<5 | uint64(strings.IndexByte(tidAlphabet, s[i]))
	}
	return time.UnixMicro(int64(v >> 10)).UTC()
}

func TestRecordKey(t *testing.T) {
	seen := map[string]string{}
	for i := range 2000 {
		key := fmt.Sprintf("k%032d", i)
		got := RecordKey(key)
		if !tidSyntax.MatchString(got) {
			t.Fatalf("RecordKey(%q) = %q, want a TID", key, got)
		}
		if again := RecordKey(key); again != got {
			t.Fatalf("RecordKey(%q) = %q then %q, want the same", key, got, again)
		}
		if other, ok := seen[got]; ok {
			t.Fatalf("RecordKey(%q) = RecordKey(%q) = %q, want different keys", key, other, got)
		}
		seen[got] = key
		at := tidTime(got)
		if at.Before(tidEpoch) || !at.Before(tidEpoch.Add(time.Duration(1<<45)*time.Microsecond)) {
			t.Fatalf("RecordKey(%q) = %q dated %v, want within 2024-01-01 + 2^45 µs", key, got, at)
		}
	}
	if a, b := RecordKey("x"), RecordKey(partKey("x", 1)); a == b {
		t.Errorf("RecordKey of a post and of its thread part = %q, want different", a)
	}
}

func TestEncodeTID(t *testing.T) {
	tests := []struct {
		v    uint64
		want string
	}{
		{0, "2222222222222"},
		{1, "2222222222223"},
		{31, "222222222222z"},
		{32, "2222222222232"},
		{1<<63 - 1, "bzzzzzzzzzzzz"},
	}
	for _, tt := range tests {
		if got := encodeTID(tt.v); got != tt.want {
			t.Errorf("encodeTID(%d) = %q, want %q", tt.v, got, tt.want)
		}
	}
	// Sortable: the order of the strings is the order of the numbers.
	if a, b := encodeTID(1_700_000_000_000_000<<10), encodeTID(1_700_000_000_000_001<<10); a >= b {
		t.Errorf("encodeTID order: %q >= %q", a, b)
	}
	if got := tidTime(encodeTID(uint64(tidEpoch.UnixMicro()) << 10)); !got.Equal(tidEpoch) {
		t.Errorf("tidTime(encodeTID(epoch)) = %v, want %v", got, tidEpoch)
	}
}
