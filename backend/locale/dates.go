package locale

import (
	"strconv"
	"time"
)

// Month and weekday names and dates are written here only: every screen,
// report and message writes them the same way.

var (
	monthsFR      = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	monthsEN      = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	monthsShortFR = [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
	monthsShortEN = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	// From Monday, the first day of the week in both.
	weekdaysShortFR = [7]string{"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."}
	weekdaysShortEN = [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
)

// MonthName is month m in full: "novembre", "November".
func MonthName(lang Lang, m time.Month) string {
	if lang == French {
		return monthsFR[m-1]
	}
	return monthsEN[m-1]
}

// MonthShort is month m abridged: "nov.", "Nov".
func MonthShort(lang Lang, m time.Month) string {
	if lang == French {
		return monthsShortFR[m-1]
	}
	return monthsShortEN[m-1]
}

// WeekdayShort is the short name of day i of the week, Monday being 0:
// "lun.", "Mon".
func WeekdayShort(lang Lang, i int) string {
	if lang == French {
		return weekdaysShortFR[i]
	}
	return weekdaysShortEN[i]
}

// DayOfMonth writes day d of a month: "1er" for the first in French.
func DayOfMonth(lang Lang, d int) string {
	if lang == French && d == 1 {
		return "1er"
	}
	return strconv.Itoa(d)
}

// LongDate writes a day in full: "1er novembre 2026", "November 1, 2026".
func LongDate(lang Lang, y int, m time.Month, d int) string {
	if lang == French {
		return DayOfMonth(lang, d) + " " + MonthName(lang, m) + " " + strconv.Itoa(y)
	}
	return MonthName(lang, m) + " " + strconv.Itoa(d) + ", " + strconv.Itoa(y)
}

// ShortDate writes a day briefly: "1er nov. 2026", "Nov 1, 2026".
func ShortDate(lang Lang, y int, m time.Month, d int) string {
	if lang == French {
		return DayOfMonth(lang, d) + " " + MonthShort(lang, m) + " " + strconv.Itoa(y)
	}
	return MonthShort(lang, m) + " " + strconv.Itoa(d) + ", " + strconv.Itoa(y)
}
