package calendar

import (
	"encoding/csv"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"ruche/backend/fault"
	"ruche/backend/importing"
)

// The columns of a bulk import or export file, in the order WriteCSV writes
// them. ParseCSV takes them in any order, any case and with or without
// accents, and also under the other names of csvFormat (French ones among
// them).
const (
	ColDateTime = "datetime"
	ColText     = "text"
	ColLink     = "link"
	ColMedia    = "media"
	ColAccounts = "accounts"
)

var csvColumns = []string{ColDateTime, ColText, ColLink, ColMedia, ColAccounts}

// Bounds of an import file.
const (
	MaxCSVBytes = 10 << 20
	MaxCSVRows  = 5000
)

// The errors that stop an import: the whole file is refused.
var (
	ErrCSVUnreadable     = fault.New(fault.Unavailable, "calendar.csv_unreadable")
	ErrCSVEmpty          = fault.New(fault.Invalid, "calendar.csv_empty")
	ErrCSVTooLarge       = fault.New(fault.Invalid, "calendar.csv_too_large")
	ErrCSVTooManyRows    = fault.New(fault.Invalid, "calendar.csv_too_many_rows")
	ErrCSVMalformed      = fault.New(fault.Invalid, "calendar.csv_malformed")
	ErrCSVHeader         = fault.New(fault.Invalid, "calendar.csv_header_missing")
	ErrCSVColumnMissing  = fault.New(fault.Invalid, "calendar.csv_column_missing")
	ErrCSVColumnUnknown  = fault.New(fault.Invalid, "calendar.csv_column_unknown")
	ErrCSVColumnRepeated = fault.New(fault.Invalid, "calendar.csv_column_repeated")
)

// The problems of one row; the row is shown with them, and not imported.
var (
	ErrRowFields         = fault.New(fault.Invalid, "calendar.csv_row_fields")
	ErrRowDateMissing    = fault.New(fault.Invalid, "calendar.csv_date_missing")
	ErrRowDate           = fault.New(fault.Invalid, "calendar.csv_date_invalid")
	ErrRowPast           = fault.New(fault.Invalid, "calendar.csv_date_past")
	ErrRowText           = fault.New(fault.Invalid, "calendar.csv_text_missing")
	ErrRowLink           = fault.New(fault.Invalid, "calendar.csv_link_invalid")
	ErrRowMedia          = fault.New(fault.Invalid, "calendar.csv_media_missing")
	ErrRowAccountUnknown = fault.New(fault.Invalid, "calendar.csv_account_unknown")
)

// Entry is one post of an import or export file.
type Entry struct {
	At       time.Time `json:"at"` // UTC
	Text     string    `json:"text"`
	Link     string    `json:"link,omitempty"`
	Media    string    `json:"media,omitempty"`    // a file path
	Accounts []string  `json:"accounts,omitempty"` // account names as the file gives them
}

// Row is one parsed row of an import file: its values as far as they could
// be read, and what is wrong with it.
type Row struct {
	Line int `json:"line"` // where the row starts in the file, the header being line 1
	Entry
	Problems []*fault.Error `json:"problems,omitempty"`
}

// OK reports whether the row has no problem.
func (r Row) OK() bool { return len(r.Problems) == 0 }

// Checks are what ParseCSV verifies beyond the file itself. A nil function
// or a zero Now skips its check.
type Checks struct {
	Now          time.Time              // rows at or before Now are in the past
	FileExists   func(path string) bool // the media path, as written in the file
	KnownAccount func(name string) bool // an account name, as written in the file
}

// csvFormat is the file ParseCSV reads.
var csvFormat = importing.Format{
	Fields: []importing.Field{
		{Key: ColDateTime, EN: []string{"date", "date/time"}, FR: []string{"date", "date et heure"}},
		{Key: ColText, FR: []string{"texte"}},
		{Key: ColLink, EN: []string{"url"}, FR: []string{"lien", "url"}},
		{Key: ColMedia, FR: []string{"média"}},
		{Key: ColAccounts, EN: []string{"account"}, FR: []string{"compte", "comptes"}},
	},
	Required: [][]string{{ColDateTime}, {ColText}},
	Strict:   true,
	MaxBytes: MaxCSVBytes,
	MaxRows:  MaxCSVRows,
	Faults: importing.Faults{
		Unreadable: ErrCSVUnreadable, Empty: ErrCSVEmpty, TooLarge: ErrCSVTooLarge, TooManyRows: ErrCSVTooManyRows,
		Malformed: ErrCSVMalformed, Header: ErrCSVHeader, ColumnMissing: ErrCSVColumnMissing,
		ColumnUnknown: ErrCSVColumnUnknown, ColumnRepeated: ErrCSVColumnRepeated, RowFields: ErrRowFields,
	},
}

// ParseCSV reads a bulk import file and returns its rows with their
// problems. It saves nothing: the caller previews the rows and imports the
// good ones.
//
// The file is read as package importing reads every import: UTF-8 with or
// without a BOM, UTF-16 with a BOM, or Windows-1252 (Excel's "CSV" in
// France); lines ending in CRLF or LF; a quoted text may span several
// lines; the separator is a comma, a semicolon (Excel in French) or a tab,
// whichever the header uses; blank rows are skipped. The first line names
// the columns (see ColDateTime...; any order, any case; only datetime and
// text are required). Accounts are separated by ";" or "|".
//
// A date and time is RFC 3339 (2027-03-28T09:30:00+02:00, kept as written,
// to the second as WriteCSV writes it), or "YYYY-MM-DD HH:MM" or
// "DD/MM/YYYY HH:MM" (day first, as in French; "9h30" also works), read
// in loc with the rule of Instant.
//
// The error is for a file that cannot be imported at all: unreadable, too
// large, no header, a quotation mark that breaks the file.
func ParseCSV(r io.Reader, loc *time.Location, c Checks) ([]Row, error) {
	if loc == nil {
		return nil, errNoZone
	}
	t, err := csvFormat.Read(r)
	if err != nil {
		return nil, err
	}
	var rows []Row
	for _, rec := range t.Rows {
		rows = append(rows, parseRow(rec, loc, c))
	}
	return rows, nil
}

// parseRow reads the values of one row and lists its problems.
func parseRow(rec importing.Row, loc *time.Location, c Checks) Row {
	row := Row{Line: rec.Line}
	cell, problem := rec.Cell, rec.Problem // a row with more cells than the header has its problem already
	switch at, ok := parseDateTime(cell(ColDateTime), loc); {
	case cell(ColDateTime) == "":
		problem(ErrRowDateMissing, map[string]any{})
	case !ok:
		problem(ErrRowDate, map[string]any{"value": cell(ColDateTime)})
	default:
		row.At = at
		if !c.Now.IsZero() && !at.After(c.Now) {
			problem(ErrRowPast, map[string]any{"value": cell(ColDateTime)})
		}
	}

	row.Text = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(cell(ColText), "\r\n", "\n"), "\r", "\n"))
	if row.Text == "" {
		problem(ErrRowText, map[string]any{})
	}

	row.Link = cell(ColLink)
	if u, err := url.Parse(row.Link); row.Link != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
		problem(ErrRowLink, map[string]any{"value": row.Link})
	}

	row.Media = cell(ColMedia)
	if row.Media != "" && c.FileExists != nil && !c.FileExists(row.Media) {
		problem(ErrRowMedia, map[string]any{"path": row.Media})
	}

	for _, a := range strings.FieldsFunc(cell(ColAccounts), func(r rune) bool { return r == ';' || r == '|' }) {
		if a = strings.TrimSpace(a); a == "" || slices.Contains(row.Accounts, a) {
			continue
		}
		row.Accounts = append(row.Accounts, a)
		if c.KnownAccount != nil && !c.KnownAccount(a) {
			problem(ErrRowAccountUnknown, map[string]any{"account": a})
		}
	}
	row.Problems = rec.Problems
	return row
}

var (
	isoLocal = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2})[:hH](\d{2})(?::(\d{2}))?$`)
	frLocal  = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})[ T](\d{1,2})[:hH](\d{2})(?::(\d{2}))?$`)
)

// parseDateTime reads a date and time of an import file: RFC 3339 as
// written, or a local date and time in loc (see ParseCSV).
func parseDateTime(s string, loc *time.Location) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04Z07:00", "2006-01-02 15:04Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Truncate(time.Second), true // to the second, as WriteCSV writes it
		}
	}
	var y, mo, d, h, mi, sec string
	if m := isoLocal.FindStringSubmatch(s); m != nil {
		y, mo, d, h, mi, sec = m[1], m[2], m[3], m[4], m[5], m[6]
	} else if m := frLocal.FindStringSubmatch(s); m != nil {
		d, mo, y, h, mi, sec = m[1], m[2], m[3], m[4], m[5], m[6]
	} else {
		return time.Time{}, false
	}
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	day := Day{num(y), time.Month(num(mo)), num(d)}
	clock := Clock{num(h), num(mi)}
	if !day.Valid() || !clock.Valid() || num(sec) > 59 {
		return time.Time{}, false
	}
	return Instant(day, clock, loc).Add(time.Duration(num(sec)) * time.Second), true
}

// WriteCSV writes entries as an export file with the columns of ParseCSV:
// UTF-8 with a BOM, so that Excel shows accents, CRLF line ends, dates in
// RFC 3339 with loc's offset of the day (2027-03-28T09:30:00+02:00), and
// accounts separated by "|". ParseCSV reads it back.
func WriteCSV(w io.Writer, loc *time.Location, entries []Entry) error {
	if loc == nil {
		return errNoZone
	}
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(csvColumns)
	for _, e := range entries {
		cw.Write([]string{e.At.In(loc).Format(time.RFC3339), e.Text, e.Link, e.Media, strings.Join(e.Accounts, "|")})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}
