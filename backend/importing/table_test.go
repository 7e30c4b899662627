package importing

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/fault"
)

// lines lists each row as "line:cells|problem codes".
func lines(t Table) []string {
	var out []string
	for _, r := range t.Rows {
		s := fmt.Sprintf("%d:%s", r.Line, strings.Join(r.Cells, "/"))
		for _, p := range r.Problems {
			s += "|" + p.Code
		}
		out = append(out, s)
	}
	return out
}

func TestParseRows(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"LF", "datetime,text\na,b\nc,d\n", []string{"2:a/b", "3:c/d"}},
		{"CRLF and no last line end", "datetime,text\r\na,b\r\nc,d", []string{"2:a/b", "3:c/d"}},
		{"a quoted cell over three lines", "datetime,text\n\"a\nb\nc\",x\nd,e\n", []string{"2:a\nb\nc/x", "5:d/e"}},
		{"a quoted CRLF keeps its LF", "datetime,text\r\n\"a\r\nb\",x\r\n", []string{"2:a\nb/x"}},
		{"blank rows skipped, lines kept", "datetime,text\n\n,\n  ,\t\na,b\n\"\",\"\"\nc,d\n", []string{"5:a/b", "7:c/d"}},
		{"quoted separators and quotes", "datetime,text\n\"a,b\",\"say \"\"hi\"\"\"\n", []string{"2:a,b/say \"hi\""}},
		{"fewer cells", "datetime,text,media\na\n", []string{"2:a"}},
		{"more cells: a problem", "datetime,text\na,b,c\na,b,,\n", []string{"2:a/b/c|import.row_fields", "3:a/b//|import.row_fields"}},
		{"semicolons", "date;texte\na,b;c\n", []string{"2:a,b/c"}},
		{"tabs", "date\ttexte\na,b\tc\n", []string{"2:a,b/c"}},
		{"a header only", "datetime,text\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tbl, err := posts.Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse() error %v", err)
			}
			if diff := cmp.Diff(tt.want, lines(tbl)); diff != "" {
				t.Errorf("Parse() rows (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseRefuses(t *testing.T) {
	bounded := posts
	bounded.MaxRows = 3
	header := "datetime,text\n"
	tests := []struct {
		name string
		f    Format
		in   string
		want *fault.Error
		args map[string]any
	}{
		{"empty", posts, "", ErrEmpty, nil},
		{"blank", posts, " \r\n\t\n\n", ErrEmpty, nil},
		{"as many rows as allowed", bounded, header + "a,b\n\nc,d\n,\ne,f\n", nil, nil},
		{"one row too many", bounded, header + "a,b\nc,d\ne,f\ng,h\n", ErrTooManyRows, map[string]any{"max": 3}},
		{"the default bound", posts, header + strings.Repeat("a,b\n", DefaultMaxRows+1), ErrTooManyRows, map[string]any{"max": DefaultMaxRows}},
		{"an unclosed quote", posts, header + "a,b\nc,\"d\n", ErrMalformed, map[string]any{"line": 3}},
		{"a quote in a bare cell", posts, header + "a,b\nc,27\" screen\n", ErrMalformed, map[string]any{"line": 3}},
		{"a broken header", posts, "\"datetime,text\n", ErrMalformed, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.f.Parse(tt.in)
			checkFault(t, err, tt.want, tt.args)
		})
	}
}

func TestRowProblem(t *testing.T) {
	tbl, err := posts.Parse("datetime,text\na,b,c\n")
	if err != nil {
		t.Fatal(err)
	}
	r := tbl.Rows[0]
	mine := fault.New(fault.Invalid, "x.date_invalid")
	r.Problem(mine, map[string]any{"value": r.Cell("datetime")})
	r.Problem(mine, nil)
	want := []*fault.Error{
		{Kind: fault.Invalid, Code: "import.row_fields", Args: map[string]any{"line": 2, "got": 3, "want": 2}},
		{Kind: fault.Invalid, Code: "x.date_invalid", Args: map[string]any{"line": 2, "value": "a"}},
		{Kind: fault.Invalid, Code: "x.date_invalid", Args: map[string]any{"line": 2}},
	}
	if diff := cmp.Diff(want, r.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if r.OK() {
		t.Error("OK() = true with problems, want false")
	}
	if ok := (Row{Line: 3}).OK(); !ok {
		t.Error("OK() of a row without problems = false, want true")
	}
	own := posts
	own.Faults.RowFields = fault.New(fault.Invalid, "calendar.csv_row_fields")
	tbl, _ = own.Parse("datetime,text\na,b,c\n")
	if got := tbl.Rows[0].Problems[0].Code; got != "calendar.csv_row_fields" {
		t.Errorf("row problem = %s, want the import's own code", got)
	}
}

func TestRead(t *testing.T) {
	in := utf16Bytes("Date\tTexte\r\n28/03/2027\tCrème brûlée\r\n", false)
	tbl, err := posts.Read(strings.NewReader(string(in)))
	if err != nil {
		t.Fatalf("Read() error %v", err)
	}
	if diff := cmp.Diff([]string{"2:28/03/2027/Crème brûlée"}, lines(tbl)); diff != "" || tbl.Comma != '\t' {
		t.Errorf("Read(UTF-16, tabs) comma %q, rows (-want +got):\n%s", tbl.Comma, diff)
	}
	bounded := posts
	bounded.MaxBytes = 8
	if _, err := bounded.Read(strings.NewReader("datetime,text\n")); err == nil {
		t.Error("Read(over MaxBytes) = nil error, want ErrTooLarge")
	}
}
