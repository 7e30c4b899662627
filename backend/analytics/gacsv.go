package analytics

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"ruche/backend/calendar"
	"ruche/backend/fault"
	"ruche/backend/importing"
	"ruche/backend/locale"
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

// The columns of an export.
const (
	colDate     = "date"
	colSessions = "sessions"
	colUsers    = "users"
	colSource   = "source/medium"
)

// gaFormat is a Google Analytics export: its columns under the names Google
// Analytics gives them in English and French; other columns are not read.
var gaFormat = importing.Format{
	Fields: []importing.Field{
		{Key: colDate, EN: []string{"date", "day"}, FR: []string{"date", "jour"}},
		{Key: colSessions, EN: []string{"sessions"}, FR: []string{"sessions"}},
		{Key: colUsers, EN: []string{"users", "total users", "active users"}, FR: []string{"utilisateurs", "utilisateurs totaux", "utilisateurs actifs"}},
		{Key: colSource, EN: []string{"source/medium", "session source/medium", "first user source/medium"},
			FR: []string{"source/support", "source/support de la session", "source/support de la première visite"}},
	},
	Required: [][]string{{colDate}, {colSessions, colUsers}},
	MaxBytes: MaxImportBytes,
	MaxRows:  MaxImportRows,
	Faults: importing.Faults{
		Unreadable: ErrImportUnreadable, Empty: ErrImportEmpty, TooLarge: ErrImportTooLarge, TooManyRows: ErrImportTooManyRows,
		Malformed: ErrImportMalformed, Header: ErrImportHeader, ColumnMissing: ErrImportColumnMissing, RowFields: ErrRowFields,
	},
}

// ParseGoogleAnalytics reads a Google Analytics CSV export and returns its
// rows with their problems. It saves nothing: the caller previews the rows
// and imports the good ones (Service.ImportGoogleAnalytics).
//
// The file is read as package importing reads every import: UTF-8 (with or
// without a BOM), UTF-16 with a BOM, or Windows-1252; its separator a
// comma, a semicolon or a tab. Lines starting with "#" (Google Analytics
// 4's report headers) are skipped, and of several tables separated by
// blank lines the first with a date column is read. Columns, in any order:
// date (required), sessions, users (one of the two required) and
// source/medium, named in English or French ("Date", "Sessions",
// "Utilisateurs", "Source/Support"); other columns are ignored.
//
// Dates are 2026-11-23, 20261123 (Google Analytics 4), 23.11.2026 or with
// slashes: day first (23/11/2026), unless the file is in English and one of
// its dates only reads month first (11/23/2026). Numbers may group
// thousands with spaces (also no-break ones) and use a decimal comma in a
// French or semicolon-separated file ("1 234,5"), or a comma for thousands
// and a point for decimals otherwise ("1,234.5").
func ParseGoogleAnalytics(r io.Reader) ([]ImportRow, error) {
	text, err := gaFormat.ReadText(r)
	if err != nil {
		return nil, err
	}
	t, err := gaFormat.Parse(firstTable(text))
	if err != nil {
		return nil, err
	}
	french := t.Lang == locale.French
	dayFirst := slashOrder(t.Rows, french)
	decimalComma := french || t.Comma == ';'
	rows := make([]ImportRow, 0, len(t.Rows))
	seen := map[string]int{}
	for _, rec := range t.Rows {
		row := parseImportRow(rec, dayFirst, decimalComma)
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

// firstTable returns the text with only the lines of the table to read:
// of the runs of lines between blank lines and "#" lines, the first whose
// header has a date column, else the first. The other lines are left
// empty, so that each row keeps its line in the file.
func firstTable(text string) string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	type run struct{ from, to int }
	var runs []run
	from := -1
	for i, l := range lines {
		switch t := strings.TrimSpace(l); {
		case strings.HasPrefix(t, "#"), strings.Trim(t, ",;\t") == "":
			if from >= 0 {
				runs = append(runs, run{from, i})
			}
			from = -1
		case from < 0:
			from = i
		}
	}
	if from >= 0 {
		runs = append(runs, run{from, len(lines)})
	}
	if len(runs) == 0 {
		return ""
	}
	pick := runs[0]
	for _, r := range runs {
		if hasDateColumn(lines[r.from]) {
			pick = r
			break
		}
	}
	out := make([]string, len(lines))
	for i := pick.from; i < pick.to; i++ {
		out[i] = strings.TrimRight(lines[i], "\r")
	}
	return strings.Join(out, "\n")
}

func hasDateColumn(header string) bool {
	for _, sep := range []string{",", ";", "\t"} {
		for _, cell := range strings.Split(header, sep) {
			if gaFormat.Key(cell) == colDate {
				return true
			}
		}
	}
	return false
}

var (
	isoDate     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	compactDate = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	slashDate   = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})$`)
)

// slashOrder tells how the file's slashed dates read: day first unless the
// file is in English and some date only reads month first.
func slashOrder(rows []importing.Row, french bool) bool {
	if french {
		return true
	}
	monthFirst := false
	for _, r := range rows {
		m := slashDate.FindStringSubmatch(r.Cell(colDate))
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

func parseImportRow(rec importing.Row, dayFirst, decimalComma bool) ImportRow {
	row := ImportRow{Line: rec.Line}
	cell, problem := rec.Cell, rec.Problem // a row with more cells than the header has its problem already
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
	row.Problems = rec.Problems
	return row
}
