package analytics

import (
	"math"
	"strconv"
	"strings"
	"time"

	"ruche/backend/calendar"
	"ruche/backend/locale"
)

// The formats of numbers and dates in the charts, tiles and report, by
// language. French writes "1 234,5" with a narrow no-break space (U+202F)
// between thousands, "4,2 %" with one before the sign, and "23 nov.";
// English writes "1,234.5", "4.2%" and "Nov 23".

// nnbsp is the narrow no-break space of French numbers; nbsp keeps a
// number with its unit.
const (
	nnbsp = "\u202f"
	nbsp  = "\u00a0"
)

// Lang returns the language of the workspace's reports: French or English.
func Lang(s string) locale.Lang {
	if l, ok := locale.ParseLang(s); ok {
		return l
	}
	return locale.English
}

// FormatNumber writes v with the given number of decimals (trailing zeros
// kept) in lang: FormatNumber(fr, 1234.5, 1) = "1 234,5".
func FormatNumber(lang locale.Lang, v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(round(v, decimals)), 'f', decimals, 64) // halves away from zero
	whole, frac, _ := strings.Cut(s, ".")
	sep, dec := ",", "."
	if lang == locale.French {
		sep, dec = nnbsp, ","
	}
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("-")
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(dec + frac)
	}
	return b.String()
}

// FormatCount writes a whole number in lang: "12 345" or "12,345".
func FormatCount(lang locale.Lang, n int) string { return FormatNumber(lang, float64(n), 0) }

// FormatPercent writes a percentage (4.2 for 4.2 %) with one decimal:
// "4,2 %" or "4.2%".
func FormatPercent(lang locale.Lang, v float64) string {
	if lang == locale.French {
		return FormatNumber(lang, v, 1) + nnbsp + "%"
	}
	return FormatNumber(lang, v, 1) + "%"
}

// FormatChange writes a change in percent with its sign: "+12,5 %",
// "−3.0%" (a real minus sign).
func FormatChange(lang locale.Lang, v float64) string {
	s := FormatPercent(lang, math.Abs(v))
	switch {
	case math.Round(v*10) > 0:
		return "+" + s
	case math.Round(v*10) < 0:
		return "−" + s
	}
	return s
}

// FormatCents writes an amount of cents in euros: "1 234,56 €" or
// "€1,234.56".
func FormatCents(lang locale.Lang, cents float64) string {
	if lang == locale.French {
		return FormatNumber(lang, cents/100, 2) + nnbsp + "€"
	}
	return "€" + FormatNumber(lang, cents/100, 2)
}

// FormatDay writes a day without its year: "23 nov." or "Nov 23".
func FormatDay(lang locale.Lang, d calendar.Day) string {
	if d.Month < 1 || d.Month > 12 {
		return "–" // no day (a zero Day)
	}
	if lang == locale.French {
		return strconv.Itoa(d.Day) + " " + locale.MonthShort(lang, d.Month)
	}
	return locale.MonthShort(lang, d.Month) + " " + strconv.Itoa(d.Day)
}

// FormatLongDay writes a day with its year: "23 novembre 2026" or
// "November 23, 2026".
func FormatLongDay(lang locale.Lang, d calendar.Day) string {
	if d.Month < 1 || d.Month > 12 {
		return "–"
	}
	return locale.LongDate(lang, d.Year, d.Month, d.Day)
}

// FormatPeriod writes a period: "1 nov. – 30 nov. 2026" or
// "Nov 1 – Nov 30, 2026".
func FormatPeriod(lang locale.Lang, p Period) string {
	if lang == locale.French {
		return FormatDay(lang, p.From) + " – " + FormatDay(lang, p.To) + " " + strconv.Itoa(p.To.Year)
	}
	return FormatDay(lang, p.From) + " – " + FormatDay(lang, p.To) + ", " + strconv.Itoa(p.To.Year)
}

// Weekday returns the short name of the day of the week i, Monday being 0.
func Weekday(lang locale.Lang, i int) string { return locale.WeekdayShort(lang, i) }

// mondayIndex returns 0 for Monday to 6 for Sunday.
func mondayIndex(w time.Weekday) int { return (int(w) + 6) % 7 }

// FormatHour writes the hour h of a day: "9 h" or "9 am".
func FormatHour(lang locale.Lang, h int) string {
	if lang == locale.French {
		return strconv.Itoa(h) + " h"
	}
	switch {
	case h == 0:
		return "12 am"
	case h < 12:
		return strconv.Itoa(h) + " am"
	case h == 12:
		return "12 pm"
	}
	return strconv.Itoa(h-12) + " pm"
}

// message returns the text of code in lang.
func message(lang locale.Lang, code string, args map[string]any) string {
	return locale.Message(lang, code, args)
}
