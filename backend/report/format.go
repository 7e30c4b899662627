package report

import (
	"math"
	"strconv"
	"strings"
	"time"

	"ruche/backend/analytics"
	"ruche/backend/locale"
)

// The characters of French print typography.
const (
	nnbsp  = "\u202f" // narrow no-break space: thousands, before ; ! ? and inside « »
	nbsp   = "\u00a0" // no-break space: before % : € and units
	minus  = "\u2212" // the minus sign
	enDash = "\u2013"
)

// number formats v with decimals digits after the separator, grouped by
// thousands: French "1 234,5" (U+202F), English "1,234.5", rounded as the
// screen rounds (analytics.FormatNumber: halves away from zero). Negative
// values take the minus sign U+2212; a value that rounds to zero has no
// sign.
func number(lang locale.Lang, v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	s := analytics.FormatNumber(lang, v, decimals)
	if rest, neg := strings.CutPrefix(s, "-"); neg {
		return minus + rest
	}
	return s
}

// count formats a count: no decimals when whole, one otherwise (an average).
func count(lang locale.Lang, v float64) string {
	if v == math.Trunc(v) {
		return number(lang, v, 0)
	}
	return number(lang, v, 1)
}

// percent formats a ratio as a percentage with one decimal: 0.125 gives
// French "12,5 %" (U+00A0 before %), English "12.5%".
func percent(lang locale.Lang, ratio float64) string {
	return withPercent(lang, number(lang, ratio*100, 1))
}

func withPercent(lang locale.Lang, n string) string {
	if lang == locale.French {
		return n + nbsp + "%"
	}
	return n + "%"
}

// currencySymbols are the symbols printed instead of an ISO 4217 code.
var currencySymbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£"}

// money formats an amount in cents of currency (ISO 4217, "EUR" if empty):
// French "1 234,56 €", English "€1,234.56"; a currency without a symbol
// keeps its code ("12,50 CHF", "CHF 12.50").
func money(lang locale.Lang, cents float64, currency string) string {
	currency = strings.ToUpper(strings.TrimSpace(currency))
	if currency == "" {
		currency = "EUR"
	}
	n := number(lang, cents/100, 2)
	sym, ok := currencySymbols[currency]
	switch {
	case lang == locale.French && ok:
		return n + nbsp + sym
	case lang == locale.French:
		return n + nbsp + currency
	case ok:
		if neg, found := strings.CutPrefix(n, minus); found {
			return minus + sym + neg
		}
		return sym + n
	default:
		return currency + nbsp + n
	}
}

// duration formats seconds as the screen writes a duration
// (analytics.FormatMinutes): "12 min", "2 h", French "1 h 05", "1 j 4 h".
func duration(lang locale.Lang, seconds float64) string {
	if math.IsNaN(seconds) || math.IsInf(seconds, 0) {
		return "—"
	}
	return analytics.FormatMinutes(lang, seconds/60)
}

// value formats v in unit u.
func value(lang locale.Lang, u Unit, v float64, currency string) string {
	switch u {
	case Percent:
		return percent(lang, v)
	case Duration:
		return duration(lang, v)
	case Money:
		return money(lang, v, currency)
	case Average:
		return number(lang, v, 1)
	default:
		return count(lang, v)
	}
}

// trend is the direction of a figure from the previous period.
type trend int

const (
	trendNone trend = iota // no previous figure to compare with
	trendFlat
	trendUp
	trendDown
)

// change returns the relative change from prev to cur as French "+12,5 %"
// or English "−3.0%" and its direction; with no previous figure (zero) the
// text is a dash.
func change(lang locale.Lang, cur, prev float64) (string, trend) {
	if prev == 0 || math.IsNaN(prev) || math.IsNaN(cur) {
		return "—", trendNone
	}
	pct := (cur - prev) / math.Abs(prev) * 100
	n := number(lang, pct, 1)
	switch r := math.Round(pct * 10); { // as written: a change that reads 0.0 % is flat
	case r > 0:
		return withPercent(lang, "+"+n), trendUp
	case r < 0:
		return withPercent(lang, n), trendDown
	default:
		return withPercent(lang, number(lang, 0, 1)), trendFlat
	}
}

// longDate formats a day: "1er novembre 2026", "November 1, 2026".
func longDate(lang locale.Lang, t time.Time) string {
	return locale.LongDate(lang, t.Year(), t.Month(), t.Day())
}

// shortDate formats a day briefly: "12 nov. 2026", "Nov 12, 2026".
func shortDate(lang locale.Lang, t time.Time) string {
	return locale.ShortDate(lang, t.Year(), t.Month(), t.Day())
}

// period formats the days from..to, both included, saying the month and
// year once when they are shared: "1er – 30 novembre 2026", "November 1 –
// 30, 2026", "15 octobre – 14 novembre 2026", "December 15, 2025 – January
// 14, 2026".
func period(lang locale.Lang, from, to time.Time) string {
	fy, fm, fd := from.Date()
	ty, tm, td := to.Date()
	dash := " " + enDash + " "
	if lang == locale.French {
		switch {
		case fy == ty && fm == tm && fd == td:
			return longDate(lang, from)
		case fy == ty && fm == tm:
			return locale.DayOfMonth(lang, fd) + dash + longDate(lang, to)
		case fy == ty:
			return locale.DayOfMonth(lang, fd) + " " + locale.MonthName(lang, fm) + dash + longDate(lang, to)
		default:
			return longDate(lang, from) + dash + longDate(lang, to)
		}
	}
	switch {
	case fy == ty && fm == tm && fd == td:
		return longDate(lang, from)
	case fy == ty && fm == tm:
		return locale.MonthName(lang, fm) + " " + strconv.Itoa(fd) + dash + strconv.Itoa(td) + ", " + strconv.Itoa(ty)
	case fy == ty:
		return locale.MonthName(lang, fm) + " " + strconv.Itoa(fd) + dash + locale.MonthName(lang, tm) + " " + strconv.Itoa(td) + ", " + strconv.Itoa(ty)
	default:
		return longDate(lang, from) + dash + longDate(lang, to)
	}
}

// moment formats an instant in its own zone: "1er décembre 2026 à 09:30",
// "December 1, 2026 at 9:30 AM".
func moment(lang locale.Lang, t time.Time) string {
	if lang == locale.French {
		return longDate(lang, t) + " à " + t.Format("15:04")
	}
	return longDate(lang, t) + " at " + t.Format("3:04 PM")
}
