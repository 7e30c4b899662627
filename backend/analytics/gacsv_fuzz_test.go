package analytics

import (
	"errors"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"ruche/backend/fault"
)

// gaSeeds are the tricky exports the fuzz targets start from.
var gaSeeds = []string{
	"date,sessions,users,source/medium\n2026-11-23,\"1,234\",987,google / organic\n2026-11-24,12,10,(direct) / (none)\n",
	"Date;Sessions;Utilisateurs;Source/Support\n23/11/2026;1 234,5;1\u202f000;google / organic\n01/12/2026;7;;\n",
	"# GA4\n# Date de début : 20261101\n\nJour,Sessions,Utilisateurs actifs\n20261123,\"1 234,5\",42\n\n# ---\nSource / support de la session,Sessions\ngoogle / organic,99\n",
	"Date,Users\n11/23/2026,5\n11/02/2026,6\n",
	"date,sessions,users,source / medium\n,1,1,a\n2026-02-30,1,1,a\n2026-11-23,beaucoup,-3,a\n2026-11-25,1,1,a\n2026-11-25,2,2,a\n2026-11-26,1,1,a,extra\n",
	"\ufeffdate,sessions\r\n2026-11-23,5\r\n",
	"\xff\xfeD\x00a\x00t\x00e\x00\t\x00U\x00s\x00e\x00r\x00s\x00\n\x001\x002\x00/\x001\x001\x00/\x002\x000\x002\x006\x00\t\x005\x00\n\x00",
	"Date;Sessions;Source/Support\n23/11/2026;5;caf\xe9 \x96 direct\n",
	"date,sessions\n2026-11-23,\"5\n",
	"date,sessions\n2026-11-23,Inf\n2026-11-24,1e400\n2026-11-25,0x1p4\n2026-11-26,-0\n",
	"date,sessions,source/medium\n2026-11-23,1,\"" + strings.Repeat("é", 150) + "\"\n",
	"date,sessions,source/medium\n2026-11-23,1,\"a\nb\"\n2026-11-24,2,c\n",
	"date,sessions,source/medium\n2026-11-23,1,a" + strings.Repeat("é", 150) + "\n",
}

// FuzzParseGoogleAnalytics checks that any file gives either a fault error
// or rows in file order whose good ones hold usable figures: a real day,
// finite non-negative numbers, a valid and bounded source, no repeated
// day and source.
func FuzzParseGoogleAnalytics(f *testing.F) {
	for _, s := range gaSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ParseGoogleAnalytics(strings.NewReader(string(data)))
		if err != nil {
			var fe *fault.Error
			if !errors.As(err, &fe) {
				t.Fatalf("ParseGoogleAnalytics(%q) = %v, want a fault error", data, err)
			}
			if rows != nil {
				t.Fatalf("ParseGoogleAnalytics(%q) = %d rows and %v, want no rows with the error", data, len(rows), err)
			}
			return
		}
		if len(rows) > MaxImportRows {
			t.Fatalf("ParseGoogleAnalytics() = %d rows, want at most %d", len(rows), MaxImportRows)
		}
		seen := map[string]bool{}
		for i, r := range rows {
			if r.Line < 2 || (i > 0 && r.Line <= rows[i-1].Line) {
				t.Errorf("row %d: line %d after %d, want lines from 2 in file order", i, r.Line, lineBefore(rows, i))
			}
			if !utf8.ValidString(r.Source) || len(r.Source) > MaxSubjectLen || r.Source != strings.Join(strings.Fields(r.Source), " ") {
				t.Errorf("row %d: source %q, want valid UTF-8 of at most %d bytes with single spaces", i, r.Source, MaxSubjectLen)
			}
			for _, p := range r.Problems {
				if p == nil || p.Args["line"] != r.Line {
					t.Errorf("row %d: problem %v, want one naming line %d", i, p, r.Line)
				}
			}
			if !r.OK() {
				continue
			}
			if !r.Day.Valid() || r.Day.Year < 1970 || r.Day.Year >= 2200 {
				t.Errorf("good row %d: day %v, want a real day of 1970-2199", i, r.Day)
			}
			if !r.HasSessions && !r.HasUsers {
				t.Errorf("good row %d: no figure", i)
			}
			for name, v := range map[string]float64{"sessions": r.Sessions, "users": r.Users} {
				if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
					t.Errorf("good row %d: %s = %v, want a finite number ≥ 0", i, name, v)
				}
			}
			key := r.Day.String() + "\x00" + r.Source
			if seen[key] {
				t.Errorf("good row %d: %s %q repeated, want it marked as a duplicate", i, r.Day, r.Source)
			}
			seen[key] = true
		}
	})
}

func lineBefore(rows []ImportRow, i int) int {
	if i == 0 {
		return 0
	}
	return rows[i-1].Line
}

// FuzzParseNumber checks that a number read is always finite, and that a
// plain integer reads as itself.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1234", "1 234,5", "1\u202f234,5", "1,234.5", "1.234,5", "1,234", "−12", "NaN", "Inf", "-infinity", "1e400", "0x1p4", "1_000", "+5", ".5", "5."} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, decimalComma bool) {
		v, ok := ParseNumber(s, decimalComma)
		if ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Errorf("ParseNumber(%q, %v) = %v, true; want a finite number or false", s, decimalComma, v)
		}
		if !ok && v != 0 {
			t.Errorf("ParseNumber(%q, %v) = %v, false; want 0 with false", s, decimalComma, v)
		}
	})
}

func TestParseNumberRefusesNonDecimal(t *testing.T) {
	for _, in := range []string{"Inf", "+inf", "-Infinity", "NaN", "0x1p4", "0x10", "1_000", "1e400", "1e", "."} {
		for _, decimalComma := range []bool{false, true} {
			if got, ok := ParseNumber(in, decimalComma); ok {
				t.Errorf("ParseNumber(%q, %v) = %v, true; want false", in, decimalComma, got)
			}
		}
	}
	for in, want := range map[string]float64{"1e3": 1000, "+5": 5, ".5": 0.5, "5.": 5, "-0": 0} {
		if got, ok := ParseNumber(in, false); !ok || got != want {
			t.Errorf("ParseNumber(%q, false) = %v, %v; want %v, true", in, got, ok, want)
		}
	}
}

func TestImportSourceCutOnACharacter(t *testing.T) {
	in := "date,sessions,source/medium\n2026-11-23,1,a" + strings.Repeat("é", 150) + "\n"
	rows, err := ParseGoogleAnalytics(strings.NewReader(in))
	if err != nil || len(rows) != 1 {
		t.Fatalf("ParseGoogleAnalytics() = %v, %v; want one row", rows, err)
	}
	if got, want := rows[0].Source, "a"+strings.Repeat("é", 99); got != want {
		t.Errorf("source = %q (%d bytes), want %q", got, len(got), want)
	}
}
