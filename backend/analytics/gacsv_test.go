package analytics

import (
	"context"
	"errors"
	"ruche/backend/store/storetest"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/analytics/metric"
	"ruche/backend/fault"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in           string
		decimalComma bool
		want         float64
		ok           bool
	}{
		{"1234", false, 1234, true},
		{"1 234,5", true, 1234.5, true},
		{"1\u202f234,5", true, 1234.5, true},
		{"1\u00a0234", true, 1234, true},
		{"1,234.5", false, 1234.5, true},
		{"1.234,5", true, 1234.5, true},
		{"1.234,5", false, 1234.5, true},
		{"1,234", false, 1234, true},
		{"1,234", true, 1.234, true},
		{"1234,5", false, 1234.5, true},
		{"1.234", true, 1234, true},
		{"1.5", true, 1.5, true},
		{"12.5", false, 12.5, true},
		{"1,2,3", false, 0, false},
		{"1,2,3", true, 0, false},
		{"−12", false, -12, true},
		{"", false, 0, false},
		{"douze", true, 0, false},
		{"NaN", false, 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in, tt.decimalComma)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseNumber(%q, %v) = %v, %v; want %v, %v", tt.in, tt.decimalComma, got, ok, tt.want, tt.ok)
		}
	}
}

// rowSummary is what the tests compare of a row.
type rowSummary struct {
	Line     int
	Day      string
	Sessions float64
	Users    float64
	Source   string
	Problems []string
}

func summarize(rows []ImportRow) []rowSummary {
	out := make([]rowSummary, len(rows))
	for i, r := range rows {
		out[i] = rowSummary{Line: r.Line, Day: r.Day.String(), Sessions: r.Sessions, Users: r.Users, Source: r.Source}
		if r.Day.IsZero() {
			out[i].Day = ""
		}
		for _, p := range r.Problems {
			out[i].Problems = append(out[i].Problems, p.Code)
		}
	}
	return out
}

func TestParseGoogleAnalytics(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []rowSummary
	}{
		{"english export", "date,sessions,users,source/medium\n2026-11-23,\"1,234\",987,google / organic\n2026-11-24,12,10,(direct) / (none)\n",
			[]rowSummary{{Line: 2, Day: "2026-11-23", Sessions: 1234, Users: 987, Source: "google / organic"},
				{Line: 3, Day: "2026-11-24", Sessions: 12, Users: 10, Source: "(direct) / (none)"}}},
		{"french export with a semicolon, spaces and decimal commas", "Date;Sessions;Utilisateurs;Source/Support\n23/11/2026;1 234,5;1\u202f000;google / organic\n01/12/2026;7;;\n",
			[]rowSummary{{Line: 2, Day: "2026-11-23", Sessions: 1234.5, Users: 1000, Source: "google / organic"},
				{Line: 3, Day: "2026-12-01", Sessions: 7}}},
		{"GA4 with its comment lines and a second table", "# ----------------------------------------\n# Acquisition de trafic\n# Date de début : 20261101\n# ----------------------------------------\n\n" +
			"Jour,Sessions,Utilisateurs actifs\n20261123,\"1 234,5\",42\n20261124,\"2,5\",3\n\n# ------\nSource / support de la session,Sessions\ngoogle / organic,99\n",
			[]rowSummary{{Line: 7, Day: "2026-11-23", Sessions: 1234.5, Users: 42}, {Line: 8, Day: "2026-11-24", Sessions: 2.5, Users: 3}}},
		{"american dates read month first", "Date,Users\n11/23/2026,5\n11/02/2026,6\n",
			[]rowSummary{{Line: 2, Day: "2026-11-23", Users: 5}, {Line: 3, Day: "2026-11-02", Users: 6}}},
		{"english ambiguous dates read day first", "Date,Users\n02/11/2026,5\n",
			[]rowSummary{{Line: 2, Day: "2026-11-02", Users: 5}}},
		{"each row's problems", "date,sessions,users,source / medium\n,1,1,a\n2026-02-30,1,1,a\n2026-11-23,beaucoup,-3,a\n2026-11-24,,,a\n2026-11-25,1,1,a\n2026-11-25,2,2,a\n2026-11-26,1,1,a,extra\nTotal,99,99,\n",
			[]rowSummary{
				{Line: 2, Sessions: 1, Users: 1, Source: "a", Problems: []string{"analytics.csv_date_missing"}},
				{Line: 3, Sessions: 1, Users: 1, Source: "a", Problems: []string{"analytics.csv_date_invalid"}},
				{Line: 4, Day: "2026-11-23", Source: "a", Problems: []string{"analytics.csv_number_invalid", "analytics.csv_number_negative"}},
				{Line: 5, Day: "2026-11-24", Source: "a", Problems: []string{"analytics.csv_no_figure"}},
				{Line: 6, Day: "2026-11-25", Sessions: 1, Users: 1, Source: "a"},
				{Line: 7, Day: "2026-11-25", Sessions: 2, Users: 2, Source: "a", Problems: []string{"analytics.csv_duplicate"}},
				{Line: 8, Day: "2026-11-26", Sessions: 1, Users: 1, Source: "a", Problems: []string{"analytics.csv_row_fields"}},
				{Line: 9, Sessions: 99, Users: 99, Problems: []string{"analytics.csv_date_invalid"}},
			}},
		{"windows line ends and a BOM", "\ufeffdate,sessions\r\n2026-11-23,5\r\n", []rowSummary{{Line: 2, Day: "2026-11-23", Sessions: 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := ParseGoogleAnalytics(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ParseGoogleAnalytics() = %v", err)
			}
			if diff := cmp.Diff(tt.want, summarize(rows)); diff != "" {
				t.Errorf("ParseGoogleAnalytics() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseGoogleAnalyticsEncodings(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune("Date\tUtilisateurs\n23/11/2026\t5\n")) {
		utf16le = append(utf16le, byte(u), byte(u>>8))
	}
	cp1252 := []byte("Date;Sessions;Source/Support\n23/11/2026;5;caf\xe9 \x96 direct\n")
	for name, in := range map[string][]byte{"utf-16": utf16le, "windows-1252": cp1252} {
		rows, err := ParseGoogleAnalytics(strings.NewReader(string(in)))
		if err != nil || len(rows) != 1 || !rows[0].OK() || rows[0].Day != day(2026, 11, 23) {
			t.Errorf("%s: ParseGoogleAnalytics() = %+v, %v; want one good row of 23 November", name, rows, err)
		}
	}
	rows, _ := ParseGoogleAnalytics(strings.NewReader(string(cp1252)))
	if len(rows) == 1 && rows[0].Source != "café – direct" {
		t.Errorf("windows-1252 source = %q, want %q", rows[0].Source, "café – direct")
	}
}

func TestParseGoogleAnalyticsRefuses(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *fault.Error
	}{
		{"empty", "  \n\n", ErrImportEmpty},
		{"only comments", "# nothing\n", ErrImportEmpty},
		{"no known column", "a,b\n1,2\n", ErrImportHeader},
		{"no date", "sessions,users\n1,2\n", ErrImportColumnMissing},
		{"no figure", "date,source/medium\n2026-11-23,a\n", ErrImportColumnMissing},
		{"a broken quote", "date,sessions\n2026-11-23,\"5\n", ErrImportMalformed},
		{"too large", "date,sessions\n" + strings.Repeat("x", MaxImportBytes), ErrImportTooLarge},
		{"too many rows", "date,sessions\n" + strings.Repeat("2026-11-23,1\n", MaxImportRows+1), ErrImportTooManyRows},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseGoogleAnalytics(strings.NewReader(tt.in))
			if !errors.Is(err, tt.want) {
				t.Errorf("ParseGoogleAnalytics() = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestImportGoogleAnalytics(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	svc := NewService(st, func() time.Time { return now }, func(time.Time) string { return "id1" })
	rows, err := ParseGoogleAnalytics(strings.NewReader("Date;Sessions;Utilisateurs;Source/Support\n23/11/2026;1 234,5;1 000;google / organic\n23/11/2026;10;8;(direct) / (none)\nhier;1;1;x\n"))
	if err != nil {
		t.Fatal(err)
	}
	n, err := svc.ImportGoogleAnalytics(ctx, "ws", rows)
	if err != nil || n != 2 {
		t.Fatalf("ImportGoogleAnalytics() = %d, %v; want 2 rows saved", n, err)
	}
	// Importing the same file again replaces its figures.
	if _, err := svc.ImportGoogleAnalytics(ctx, "ws", rows); err != nil {
		t.Fatal(err)
	}
	got, err := svc.Manuals(ctx, "ws", Period{day(2026, 11, 1), day(2026, 11, 30)})
	if err != nil {
		t.Fatal(err)
	}
	total := map[metric.ManualKind]float64{}
	for _, m := range got {
		total[m.Kind] += m.Value
		if m.Source != metric.SourceGA {
			t.Errorf("source = %q, want %q", m.Source, metric.SourceGA)
		}
	}
	if len(got) != 4 || total[metric.WebsiteSessions] != 1244.5 || total[metric.WebsiteUsers] != 1008 {
		t.Errorf("Manuals() = %d figures, sessions %v, users %v; want 4, 1244.5, 1008", len(got), total[metric.WebsiteSessions], total[metric.WebsiteUsers])
	}
}
