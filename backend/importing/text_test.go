package importing

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"ruche/backend/fault"
)

// utf16Bytes encodes s as UTF-16 with its BOM, little or big endian.
func utf16Bytes(s string, big bool) []byte {
	var out []byte
	for _, u := range append([]uint16{0xFEFF}, utf16.Encode([]rune(s))...) {
		if big {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecode(t *testing.T) {
	const french = "Crème brûlée à 5 € – œufs « frais » 🥐"
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"UTF-8", []byte(french), french},
		{"UTF-8 with a BOM", append([]byte{0xEF, 0xBB, 0xBF}, french...), french},
		{"UTF-8 BOM only", []byte{0xEF, 0xBB, 0xBF}, ""},
		{"UTF-16 LE with a BOM", utf16Bytes(french, false), french},
		{"UTF-16 BE with a BOM", utf16Bytes(french, true), french},
		{"UTF-16 LE with an odd last byte", append(utf16Bytes("ab", false), 'c'), "ab\uFFFD"},
		{"UTF-16 LE with a lone surrogate", append(utf16Bytes("a", false), 0x00, 0xD8, 'b', 0), "a\uFFFDb"},
		{"Windows-1252", []byte("Cr\xe8me br\xfbl\xe9e \xe0 5 \x80 \x96 \x9cufs \xab frais \xbb"), "Crème brûlée à 5 € – œufs « frais »"},
		{"Windows-1252 quotes and ellipsis", []byte("\x93oui\x94 \x85 l\x92heure"), "“oui” … l’heure"},
		{"ISO-8859-1 for the bytes Windows-1252 leaves unused", []byte("a\x81\x8d\x8f\x90\x9d\xe9"), "a\u0081\u008d\u008f\u0090\u009dé"},
		{"one invalid byte makes the whole file Windows-1252", []byte("é\xe9"), "Ã©é"},
		{"empty", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Decode(tt.in)
			if got != tt.want {
				t.Errorf("Decode(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("Decode(%q) = %q, not valid UTF-8", tt.in, got)
			}
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReadText(t *testing.T) {
	small := Format{MaxBytes: 10}
	tests := []struct {
		name    string
		f       Format
		in      string
		want    string
		wantErr *fault.Error
		args    map[string]any
	}{
		{"within the bound", small, "0123456789", "0123456789", nil, nil},
		{"one byte over", small, "0123456789a", "", ErrTooLarge, map[string]any{"max": 1}},
		{"the bound in MB, rounded up", Format{MaxBytes: 5 << 20}, strings.Repeat("x", 5<<20+1), "", ErrTooLarge, map[string]any{"max": 5}},
		{"the default bound", Format{}, strings.Repeat("x", DefaultMaxBytes), strings.Repeat("x", DefaultMaxBytes), nil, nil},
		{"over the default bound", Format{}, strings.Repeat("x", DefaultMaxBytes+1), "", ErrTooLarge, map[string]any{"max": 10}},
		{"the import's own error", Format{MaxBytes: 1, Faults: Faults{TooLarge: fault.New(fault.Invalid, "x.too_large")}}, "ab", "",
			fault.New(fault.Invalid, "x.too_large"), map[string]any{"max": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.f.ReadText(strings.NewReader(tt.in))
			if got != tt.want {
				t.Errorf("ReadText() = %d bytes, want %d", len(got), len(tt.want))
			}
			checkFault(t, err, tt.wantErr, tt.args)
		})
	}
	if _, err := (Format{}).ReadText(failingReader{}); !errors.Is(err, ErrUnreadable) {
		t.Errorf("ReadText(failing reader) = %v, want ErrUnreadable", err)
	}
}

// checkFault checks that err is want with the values args (nil: any).
func checkFault(t *testing.T, err error, want *fault.Error, args map[string]any) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Errorf("error = %v, want none", err)
		}
		return
	}
	var fe *fault.Error
	if !errors.As(err, &fe) || fe.Code != want.Code || fe.Kind != want.Kind {
		t.Errorf("error = %v, want %s", err, want.Code)
		return
	}
	for k, v := range args {
		if fe.Args[k] != v {
			t.Errorf("error %s: %s = %v, want %v", fe.Code, k, fe.Args[k], v)
		}
	}
}
