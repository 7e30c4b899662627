package importing

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"

	"ruche/backend/fault"
)

// FuzzRead checks that any file gives either a fault error and no rows, or
// rows in file order within the bound, their cells valid UTF-8, and their
// problems naming their line.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"datetime,text\na,b\n",
		"\uFEFFDate;Texte;Média\r\n\"a\r\nb\";c;d;e\r\n",
		string(utf16Bytes("date\ttext\n1\t2\n", false)),
		string(utf16Bytes("date\ttext\n1\t2", true)) + "\x00",
		"Date;Texte\r\nCr\xe8me;\x80\x81\r\n",
		"datetime,text\n\"broken\n",
		"\n\n,,\ntext,date,text\n",
		"datetime,text\n" + "a,b\n\"\",\"\"\n" + "c,\"d\"\"e\"\n",
	} {
		f.Add([]byte(s))
	}
	bounded := posts
	bounded.MaxRows = 50
	bounded.MaxBytes = 1 << 16
	f.Fuzz(func(t *testing.T, data []byte) {
		tbl, err := bounded.Read(bytes.NewReader(data))
		if err != nil {
			var fe *fault.Error
			if !errors.As(err, &fe) || tbl.Rows != nil {
				t.Fatalf("Read(%q) = %d rows, %v; want no rows and a fault error", data, len(tbl.Rows), err)
			}
			return
		}
		if len(tbl.Rows) > bounded.MaxRows {
			t.Fatalf("Read() = %d rows, want at most %d", len(tbl.Rows), bounded.MaxRows)
		}
		for i, r := range tbl.Rows {
			if r.Line < 2 || (i > 0 && r.Line <= tbl.Rows[i-1].Line) {
				t.Errorf("row %d: line %d, want lines from 2 in file order", i, r.Line)
			}
			if blank(r.Cells) {
				t.Errorf("row %d: blank, want it skipped", i)
			}
			for _, c := range r.Cells {
				if !utf8.ValidString(c) {
					t.Errorf("row %d: cell %q is not valid UTF-8", i, c)
				}
			}
			for _, p := range r.Problems {
				if p.Args["line"] != r.Line || p.Code != ErrRowFields.Code || len(r.Cells) <= tbl.Width {
					t.Errorf("row %d: problem %v with %d cells of %d, want row_fields only for a longer row", i, p, len(r.Cells), tbl.Width)
				}
			}
		}
	})
}
