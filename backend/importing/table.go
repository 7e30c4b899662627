package importing

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"ruche/backend/fault"
	"ruche/backend/locale"
)

// Format describes one kind of import file: its fields, which of them it
// needs, its bounds and its errors.
type Format struct {
	Fields []Field
	// Required lists sets of field keys; the header must name one field of
	// each set, or the file is refused with ColumnMissing naming the set's
	// first.
	Required [][]string
	// Strict refuses a header with a column no field names (ColumnUnknown)
	// or a field named twice (ColumnRepeated); otherwise such a column is
	// not read, and of a field named twice the first column is.
	Strict   bool
	MaxBytes int // the file's size at most; DefaultMaxBytes when 0
	MaxRows  int // the rows at most, blank ones not counted; DefaultMaxRows when 0
	Faults   Faults
}

func (f Format) maxBytes() int {
	if f.MaxBytes > 0 {
		return f.MaxBytes
	}
	return DefaultMaxBytes
}

func (f Format) maxRows() int {
	if f.MaxRows > 0 {
		return f.MaxRows
	}
	return DefaultMaxRows
}

// Table is an import file read: its header's separator and language, and
// its rows.
type Table struct {
	Comma rune        // ',', ';' or '\t'
	Lang  locale.Lang // French or English when a name of the header only that language gives, else ""
	Width int         // the header's cells
	Rows  []Row
}

// Row is one row of a file: its cells, where it starts and what is wrong
// with it. The import reads its values with Cell and adds its own problems
// with Problem.
type Row struct {
	Line     int // the file's line where the row starts, from 1
	Cells    []string
	Problems []*fault.Error
	cols     map[string]int
}

// Cell returns the cell of field key, its spaces trimmed; "" when the file
// has no such column or the row is short of it.
func (r Row) Cell(key string) string {
	if i, ok := r.cols[key]; ok && i < len(r.Cells) {
		return strings.TrimSpace(r.Cells[i])
	}
	return ""
}

// Problem adds e to the row's problems with the values args and the row's
// line as "line".
func (r *Row) Problem(e *fault.Error, args map[string]any) {
	if args == nil {
		args = map[string]any{}
	}
	args["line"] = r.Line
	r.Problems = append(r.Problems, e.With(args, nil))
}

// OK reports whether the row has no problem.
func (r Row) OK() bool { return len(r.Problems) == 0 }

// Read reads an import file of format f (ReadText, then Parse).
func (f Format) Read(r io.Reader) (Table, error) {
	text, err := f.ReadText(r)
	if err != nil {
		return Table{}, err
	}
	return f.Parse(text)
}

// Parse reads text as CSV: the first line that is not empty is the header,
// whose separator (Sniff) is the file's; each later record is a row, but
// blank ones, which are skipped. Lines may end in CRLF or LF, and a quoted
// cell may span several lines. A row with more cells than the header has
// the RowFields problem; one with fewer reads the missing ones as empty.
//
// The error refuses the whole file: empty, too many rows, a header without
// the fields f needs, a quotation mark that breaks the file.
func (f Format) Parse(text string) (Table, error) {
	if strings.TrimSpace(text) == "" {
		return Table{}, f.Faults.empty().With(nil, nil)
	}
	names := f.names()
	first, _, _ := strings.Cut(strings.TrimLeft(text, "\r\n"), "\n")
	t := Table{Comma: Sniff(first, func(cell string) bool { _, ok := names[normalize(cell)]; return ok })}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = t.Comma
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return Table{}, f.readError(err)
	}
	cols, lang, err := f.columns(header)
	if err != nil {
		return Table{}, err
	}
	t.Lang, t.Width = lang, len(header)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Table{}, f.readError(err)
		}
		if blank(rec) {
			continue
		}
		if len(t.Rows) == f.maxRows() {
			return Table{}, f.Faults.tooManyRows().With(map[string]any{"max": f.maxRows()}, nil)
		}
		line, _ := cr.FieldPos(0)
		row := Row{Line: line, Cells: rec, cols: cols}
		if len(rec) > t.Width {
			row.Problem(f.Faults.rowFields(), map[string]any{"got": len(rec), "want": t.Width})
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// readError turns an error of encoding/csv into one of the file.
func (f Format) readError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return f.Faults.malformed().With(map[string]any{"line": pe.Line}, err)
	}
	return f.Faults.unreadable().Because(err)
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
