package analytics

import (
	"encoding/csv"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"ruche/backend/calendar"
	"ruche/backend/fault"
)

// Bounds of a Google Analytics import file.
const (
	MaxImportBytes = 5 << 20
	MaxImportRows  = 20_000
)

// The errors that refuse a whole import file.
var (
	ErrImportUnreadable    = fault.New(fault.Unavailable, "analytics.csv_unreadable")
	ErrImportEmpty         = fault.New(fault.Invalid, "analytics.csv_empty")
	ErrImportTooLarge      = fault.New(fault.Invalid, "analytics.csv_too_large")
	ErrImportTooManyRows   = fault.New(fault.Invalid, "analytics.csv_too_many_rows")
	ErrImportMalformed     = fault.New(fault.Invalid, "analytics.csv_malformed")
	ErrImportHeader        = fault.New(fault.Invalid, "analytics.csv_header_missing")
	ErrImportColumnMissing = fault.New(fault.Invalid, "analytics.csv_column_missing")
)

// The problems of one row: the row is shown with them, and not imported.
var (
	ErrRowDateMissing = fault.New(fault.Invalid, "analytics.csv_date_missing")
	ErrRowDate        = fault.New(fault.Invalid, "analytics.csv_date_invalid")
	ErrRowNumber      = fault.New(fault.Invalid, "analytics.csv_number_invalid")
	ErrRowNegative    = fault.New(fault.Invalid, "analytics.csv_number_negative")
	ErrRowNoFigure    = fault.New(fault.Invalid, "analytics.csv_no_figure")
	ErrRowDuplicate   = fault.New(fault.Invalid, "analytics.csv_duplicate")
	ErrRowFields      = fault.New(fault.Invalid, "analytics.csv_row_fields")
)

// ImportRow is one row of a Google Analytics export, as far as it could be
// read, with what is wrong with it.
type ImportRow struct {
	Line        int            `json:"line"` // in the file, from 1
	Day         calendar.Day   `json:"day"`
	Sessions    float64        `json:"sessions"`
	HasSessions bool           `json:"hasSessions"`
	Users       float64        `json:"users"`
	HasUsers    bool           `json:"hasUsers"`
	Source      string         `json:"source,omitempty"` // "source / medium", "" when the file has no such column
	Problems    []*fault.Error `json:"problems,omitempty"`
}

// OK reports whether the row has no problem.
func (r ImportRow) OK() bool { return len(r.Problems) == 0 }

// The columns of an export, and the names Google Analytics gives them in
// English and French (compared ignoring case and the spaces around "/").
const (
	colDate     = "date"
	colSessions = "sessions"
	colUsers    = "users"
	colSource   = "source/medium"
)

var importColumns = map[string]string{
	"date": colDate, "day": colDate, "jour": colDate,
	"sessions": colSessions,
	"users":    colUsers, "total users": colUsers, "active users": colUsers,
	"utilisateurs": colUsers, "utilisateurs totaux": colUsers, "utilisateurs actifs": colUsers,
	"source/medium": colSource, "session source/medium": colSource, "first user source/medium": colSource,
	"source/support": colSource, "source/support de la session": colSource, "source/support de la première visite": colSource,
}

// frenchColumns are the header names only a French export uses.
var frenchColumns = map[string]bool{"jour": true, "utilisateurs": true, "utilisateurs totaux": true, "utilisateurs actifs": true,
	"source/support": true, "source/support de la session": true, "source/support de la première visite": true}

var slashes = regexp.MustCompile(`\s*/\s*`)

func headerName(cell string) string {
	return slashes.ReplaceAllString(strings.ToLower(strings.Join(strings.Fields(strings.Trim(cell, "\"\ufeff")), " ")), "/")
}

// ParseGoogleAnalytics reads a Google Analytics CSV export and returns its
// rows with their problems. It saves nothing: the caller previews the rows
// and imports the good ones (Service.ImportGoogleAnalytics).
//
// The file may be UTF-8 (with or without a BOM), UTF-16 with a BOM, or
// Windows-1252; its separator a comma, a semicolon or a tab; lines starting
// with "#" (Google Analytics 4's report headers) are skipped, and of
// several tables separated by blank lines the first with a date column is
// read. Columns, in any order: date (required), sessions, users (one of
// the two required) and source/medium, named in English or French ("Date",
// "Sessions", "Utilisateurs", "Source/Support"); other columns are ignored.
//
// Dates are 2026-11-23, 20261123 (Google Analytics 4), 23.11.2026 or with
// slashes: day first (23/11/2026), unless the file is in English and one of
// its dates only reads month first (11/23/2026). Numbers may group
// thousands with spaces (also no-break ones) and use a decimal comma in a
// French or semicolon-separated file ("1 234,5"), or a comma for thousands
// and a point for decimals otherwise ("1,234.5").
func ParseGoogleAnalytics(r io.Reader) ([]ImportRow, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, ErrImportUnreadable.Because(err)
	}
	if len(data) > MaxImportBytes {
		return nil, ErrImportTooLarge.With(map[string]any{"max": "5 MB"}, nil)
	}
	text := calendar.DecodeText(data)
	blocks := tables(text)
	if len(blocks) == 0 {
		return nil, ErrImportEmpty.With(nil, nil)
	}
	block := blocks[0]
	for _, b := range blocks {
		if hasDateColumn(b.header()) {
			block = b
			break
		}
	}
	comma := calendar.SniffSeparator(block.header(), func(cell string) bool {
		_, ok := importColumns[headerName(cell)]
		return ok
	})
	cr := csv.NewReader(strings.NewReader(strings.Join(block.lines, "\n")))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, csvProblem(err, block)
	}
	cols := map[string]int{}
	french := false
	for i, cell := range header {
		name := headerName(cell)
		if c, ok := importColumns[name]; ok {
			if _, seen := cols[c]; !seen {
				cols[c] = i
			}
		}
		french = french || frenchColumns[name]
	}
	switch {
	case len(cols) == 0:
		return nil, ErrImportHeader.With(map[string]any{"columns": "date, sessions, users, source/medium"}, nil)
	case !hasCol(cols, colDate):
		return nil, ErrImportColumnMissing.With(map[string]any{"column": colDate}, nil)
	case !hasCol(cols, colSessions) && !hasCol(cols, colUsers):
		return nil, ErrImportColumnMissing.With(map[string]any{"column": colSessions}, nil)
	}
	var recs [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvProblem(err, block)
		}
		if len(recs) == MaxImportRows {
			return nil, ErrImportTooManyRows.With(map[string]any{"max": MaxImportRows}, nil)
		}
		line, _ := cr.FieldPos(0)
		recs = append(recs, rec)
		lines = append(lines, block.line(line))
	}
	dayFirst := slashOrder(recs, cols[colDate], french)
	decimalComma := french || comma == ';'
	rows := make([]ImportRow, 0, len(recs))
	seen := map[string]int{}
	for i, rec := range recs {
		row := parseImportRow(lines[i], rec, cols, len(header), dayFirst, decimalComma)
		if row.OK() {
			key := row.Day.String() + "\x00" + row.Source
			if first, dup := seen[key]; dup {
				row.Problems = append(row.Problems, ErrRowDuplicate.With(map[string]any{"line": row.Line, "first": first, "date": row.Day.String()}, nil))
			} else {
				seen[key] = row.Line
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func hasCol(cols map[string]int, c string) bool {
	_, ok := cols[c]
	return ok
}

// table is a run of lines of the file without blank or "#" lines.
type table struct {
	lines   []string
	numbers []int // the line number in the file of each line
}

func (t table) header() string { return t.lines[0] }

// line returns the file's line number of line n (from 1) of t.
func (t table) line(n int) int {
	if n >= 1 && n <= len(t.numbers) {
		return t.numbers[n-1]
	}
	return n
}

// tables splits text into its tables.
func tables(text string) []table {
	var out []table
	var cur table
	flush := func() {
		if len(cur.lines) > 0 {
			out = append(out, cur)
		}
		cur = table{}
	}
	for i, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		l = strings.TrimRight(l, "\r")
		switch t := strings.TrimSpace(l); {
		case strings.HasPrefix(t, "#"):
			flush()
		case strings.Trim(t, ",;\t") == "":
			flush()
		default:
			cur.lines = append(cur.lines, l)
			cur.numbers = append(cur.numbers, i+1)
		}
	}
	flush()
	return out
}

func hasDateColumn(header string) bool {
	for _, sep := range []string{",", ";", "\t"} {
		for _, cell := range strings.Split(header, sep) {
			if importColumns[headerName(cell)] == colDate {
				return true
			}
		}
	}
	return false
}

func csvProblem(err error, t table) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return ErrImportMalformed.With(map[string]any{"line": t.line(pe.Line)}, err)
	}
	return ErrImportUnreadable.Because(err)
}

var (
	isoDate     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	compactDate = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	slashDate   = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})$`)
)

// slashOrder tells how the file's slashed dates read: day first unless the
// file is in English and some date only reads month first.
func slashOrder(recs [][]string, col int, french bool) bool {
	if french {
		return true
	}
	monthFirst := false
	for _, rec := range recs {
		if col >= len(rec) {
			continue
		}
		m := slashDate.FindStringSubmatch(strings.TrimSpace(rec[col]))
		if m == nil {
			continue
		}
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a > 12 {
			return true
		}
		monthFirst = monthFirst || b > 12
	}
	return !monthFirst
}

// parseImportDate reads a date of an export.
func parseImportDate(s string, dayFirst bool) (calendar.Day, bool) {
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	var d calendar.Day
	if m := isoDate.FindStringSubmatch(s); m != nil {
		d = calendar.Day{Year: num(m[1]), Month: monthOf(num(m[2])), Day: num(m[3])}
	} else if m := compactDate.FindStringSubmatch(s); m != nil {
		d = calendar.Day{Year: num(m[1]), Month: monthOf(num(m[2])), Day: num(m[3])}
	} else if m := slashDate.FindStringSubmatch(s); m != nil {
		day, month := num(m[1]), num(m[2])
		if !dayFirst {
			day, month = month, day
		}
		year := num(m[3])
		if len(m[3]) == 2 {
			year += 2000
		}
		d = calendar.Day{Year: year, Month: monthOf(month), Day: day}
	} else {
		return calendar.Day{}, false
	}
	return d, d.Valid() && d.Month >= 1 && d.Month <= 12 && d.Year >= 1970 && d.Year < 2200
}

func monthOf(n int) time.Month { return time.Month(n) }

var grouped = map[rune]*regexp.Regexp{
	',': regexp.MustCompile(`^-?\d{1,3}(,\d{3})+$`),
	'.': regexp.MustCompile(`^-?\d{1,3}(\.\d{3})+$`),
}

// ParseNumber reads a number as written in an export: "1 234,5" (spaces,
// no-break spaces and thin spaces group thousands), "1,234.5", "1.234,5",
// "1234". With decimalComma (a French file), a lone comma is the decimal
// separator and "1.234" is a thousand; otherwise a comma only groups
// thousands ("1,234") and a point is the decimal separator.
func ParseNumber(s string, decimalComma bool) (float64, bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u2009', '\'':
			return -1
		case '−':
			return '-'
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return 0, false
	}
	comma, point := strings.LastIndex(s, ","), strings.LastIndex(s, ".")
	switch {
	case comma >= 0 && point >= 0 && comma > point: // 1.234,5
		s = strings.ReplaceAll(s[:comma], ".", "") + "." + s[comma+1:]
	case comma >= 0 && point >= 0: // 1,234.5
		s = strings.ReplaceAll(s, ",", "")
	case comma >= 0 && !decimalComma && grouped[','].MatchString(s): // 1,234
		s = strings.ReplaceAll(s, ",", "")
	case comma >= 0 && strings.Count(s, ",") == 1: // 1234,5
		s = strings.Replace(s, ",", ".", 1)
	case comma >= 0:
		return 0, false
	case point >= 0 && decimalComma && grouped['.'].MatchString(s): // 1.234
		s = strings.ReplaceAll(s, ".", "")
	}
	if !decimalNumber.MatchString(s) {
		return 0, false // not "Inf", "NaN", "0x1p4" or "1_000", which ParseFloat takes
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// decimalNumber is a number in decimal notation, as ParseNumber leaves it
// for strconv.ParseFloat.
var decimalNumber = regexp.MustCompile(`^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$`)

func parseImportRow(line int, rec []string, cols map[string]int, width int, dayFirst, decimalComma bool) ImportRow {
	row := ImportRow{Line: line}
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
	switch d, ok := parseImportDate(cell(colDate), dayFirst); {
	case cell(colDate) == "":
		problem(ErrRowDateMissing, map[string]any{})
	case !ok:
		problem(ErrRowDate, map[string]any{"value": cell(colDate)})
	default:
		row.Day = d
	}
	number := func(col string, v *float64, has *bool) {
		text := cell(col)
		if text == "" {
			return
		}
		n, ok := ParseNumber(text, decimalComma)
		switch {
		case !ok:
			problem(ErrRowNumber, map[string]any{"column": col, "value": text})
		case n < 0:
			problem(ErrRowNegative, map[string]any{"column": col, "value": text})
		default:
			*v, *has = n, true
		}
	}
	number(colSessions, &row.Sessions, &row.HasSessions)
	number(colUsers, &row.Users, &row.HasUsers)
	if !row.HasSessions && !row.HasUsers && cell(colSessions) == "" && cell(colUsers) == "" {
		problem(ErrRowNoFigure, map[string]any{})
	}
	row.Source = strings.Join(strings.Fields(cell(colSource)), " ")
	if len(row.Source) > MaxSubjectLen {
		n := MaxSubjectLen
		for n > 0 && !utf8.RuneStart(row.Source[n]) {
			n-- // cut on a character, not inside one
		}
		row.Source = strings.TrimSpace(row.Source[:n])
	}
	return row
}
