// Package importing reads the files a user imports — posts, Google
// Analytics figures, and later saved replies, monitors and feed lists — one
// way: a bound on the file's size and rows, its encoding found and decoded,
// its separator sniffed, its header mapped to fields by a table of English
// and French names, each row with its problems and its line, and previews
// kept in memory until the user confirms them.
//
// It knows nothing of what a file holds: each import describes its file
// with a Format, reads each row's cells into its own values and adds its
// own problems to the row. Errors and problems are *fault.Error values
// whose codes are translated by package locale; each import may keep its
// own codes (Faults).
package importing

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// The bounds of a Format that sets none.
const (
	DefaultMaxBytes = 10 << 20
	DefaultMaxRows  = 5000
)

// ReadText reads an import file of at most f.MaxBytes bytes and returns it
// as UTF-8 text (see Decode).
func (f Format) ReadText(r io.Reader) (string, error) {
	max := f.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return "", f.Faults.unreadable().Because(err)
	}
	if len(data) > max {
		return "", f.Faults.tooLarge().With(map[string]any{"max": megabytes(max)}, nil)
	}
	return Decode(data), nil
}

// megabytes is n bytes in megabytes, rounded up, as the size messages say it.
func megabytes(n int) int { return (n + 1<<20 - 1) >> 20 }

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode returns data as UTF-8 text without a byte order mark. data may be
// UTF-8 with or without a BOM, UTF-16 little or big endian after its BOM
// (Excel's "Unicode text"), or else, when it is not valid UTF-8,
// Windows-1252 (Excel's "CSV" in western Europe), whose five unused bytes
// read as in ISO-8859-1. The text is always valid UTF-8.
func Decode(data []byte) string {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		// The BOM chooses the byte order; an odd last byte or a lone
		// surrogate becomes U+FFFD.
		text, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err == nil {
			return string(text)
		}
	}
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/4)
	for _, c := range data {
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			r = charmap.ISO8859_1.DecodeByte(c)
		}
		b.WriteRune(r)
	}
	return b.String()
}
