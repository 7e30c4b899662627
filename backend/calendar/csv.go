package calendar

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"ruche/backend/fault"
)

// The columns of a bulk import or export file, in the order WriteCSV writes
// them. ParseCSV takes them in any order and any case, and also the aliases
// in csvAliases (French names among them).
const (
	ColDateTime = "datetime"
	ColText     = "text"
	ColLink     = "link"
	ColMedia    = "media"
	ColAccounts = "accounts"
)

var csvColumns = []string{ColDateTime, ColText, ColLink, ColMedia, ColAccounts}

var csvAliases = map[string]string{
	"date": ColDateTime, "date/time": ColDateTime, "date et heure": ColDateTime,
	"texte": ColText, "lien": ColLink, "url": ColLink, "média": ColMedia,
	"account": ColAccounts, "compte": ColAccounts, "comptes": ColAccounts,
}

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

// ParseCSV reads a bulk import file and returns its rows with their
// problems. It saves nothing: the caller previews the rows and imports the
// good ones.
//
// The first line names the columns (see ColDateTime...; any order, any case;
// only datetime and text are required). The file may be UTF-8 with or
// without a BOM, UTF-16 with a BOM, or Windows-1252 (Excel's "CSV" in
// France); lines may end in CRLF or LF; a quoted text may span several
// lines; the separator is a comma, a semicolon (Excel in French) or a tab,
// whichever the header uses. Accounts are separated by ";" or "|". Blank
// rows are skipped.
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
	data, err := io.ReadAll(io.LimitReader(r, MaxCSVBytes+1))
	if err != nil {
		return nil, ErrCSVUnreadable.Because(err)
	}
	if len(data) > MaxCSVBytes {
		return nil, ErrCSVTooLarge.With(map[string]any{"max": "10 MB"}, nil)
	}
	text := DecodeText(data)
	if strings.TrimSpace(text) == "" {
		return nil, ErrCSVEmpty.With(nil, nil)
	}
	cr := csv.NewReader(strings.NewReader(text))
	first, _, _ := strings.Cut(strings.TrimLeft(text, "\r\n"), "\n")
	cr.Comma = SniffSeparator(first, func(cell string) bool { return columnName(cell) != "" })
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, csvError(err)
	}
	cols, err := columns(header)
	if err != nil {
		return nil, err
	}
	var rows []Row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		if blank(rec) {
			continue
		}
		if len(rows) == MaxCSVRows {
			return nil, ErrCSVTooManyRows.With(map[string]any{"max": MaxCSVRows}, nil)
		}
		line, _ := cr.FieldPos(0)
		rows = append(rows, parseRow(line, rec, cols, len(header), loc, c))
	}
	return rows, nil
}

// csvError turns a reading error of encoding/csv into a file error.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return ErrCSVMalformed.With(map[string]any{"line": pe.Line}, err)
	}
	return ErrCSVUnreadable.Because(err)
}

// DecodeText returns data as UTF-8 text without a byte order mark: UTF-16
// when it starts with a UTF-16 BOM, Windows-1252 when it is not valid UTF-8
// (what spreadsheets write). Every CSV import reads its file this way.
func DecodeText(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		big := data[0] == 0xFE
		data = data[2:]
		units := make([]uint16, len(data)/2)
		for i := range units {
			if big {
				units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
			} else {
				units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
			}
		}
		return string(utf16.Decode(units))
	}
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	for _, c := range data {
		if c >= 0x80 && c < 0xA0 {
			b.WriteRune(cp1252[c-0x80])
		} else {
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

// cp1252 maps the bytes 0x80..0x9F of Windows-1252 (the rest is Latin-1);
// the five unused ones keep their C1 code.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// SniffSeparator returns the separator a CSV header line uses: the one of
// comma, semicolon and tab that splits it into the most cells known names
// (spreadsheets write semicolons where the decimal mark is a comma). Every
// CSV import finds its separator this way.
func SniffSeparator(header string, known func(cell string) bool) rune {
	best, bestN := ',', 0
	for _, sep := range []rune{',', ';', '\t'} {
		n := 0
		for _, f := range strings.Split(header, string(sep)) {
			if known(f) {
				n++
			}
		}
		if n > bestN {
			best, bestN = sep, n
		}
	}
	return best
}

// columnName returns the column a header cell names, or "".
func columnName(cell string) string {
	name := strings.ToLower(strings.Trim(strings.TrimSpace(cell), `"`))
	if slices.Contains(csvColumns, name) {
		return name
	}
	return csvAliases[name]
}

// columns maps each column to its index in the header.
func columns(header []string) (map[string]int, error) {
	cols := make(map[string]int, len(csvColumns))
	var unknown string
	for i, cell := range header {
		name := columnName(cell)
		switch {
		case name == "" && strings.TrimSpace(cell) != "" && unknown == "":
			unknown = strings.TrimSpace(cell)
		case name == "":
		case hasKey(cols, name):
			return nil, ErrCSVColumnRepeated.With(map[string]any{"column": name}, nil)
		default:
			cols[name] = i
		}
	}
	switch {
	case len(cols) == 0:
		return nil, ErrCSVHeader.With(map[string]any{"columns": strings.Join(csvColumns, ", ")}, nil)
	case unknown != "":
		return nil, ErrCSVColumnUnknown.With(map[string]any{"column": unknown, "columns": strings.Join(csvColumns, ", ")}, nil)
	case !hasKey(cols, ColDateTime):
		return nil, ErrCSVColumnMissing.With(map[string]any{"column": ColDateTime}, nil)
	case !hasKey(cols, ColText):
		return nil, ErrCSVColumnMissing.With(map[string]any{"column": ColText}, nil)
	}
	return cols, nil
}

func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// parseRow reads one record and lists its problems.
func parseRow(line int, rec []string, cols map[string]int, width int, loc *time.Location, c Checks) Row {
	row := Row{Line: line}
	problem := func(e *fault.Error, args map[string]any) {
		args["line"] = line
		row.Problems = append(row.Problems, e.With(args, nil))
	}
	cell := func(col string) string {
		if i, ok := cols[col]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	if len(rec) > width {
		problem(ErrRowFields, map[string]any{"got": len(rec), "want": width})
	}

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
