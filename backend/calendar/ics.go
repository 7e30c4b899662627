package calendar

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"ruche/backend/fault"
)

// ICS export, for Google Calendar, Outlook and Apple Calendar (RFC 5545).
const (
	// EventDuration is the length given to a post's event: a post is an
	// instant, but a calendar needs a span to draw it.
	EventDuration = 15 * time.Minute
	// SummaryMax is the longest event title, in characters as a reader
	// counts them (grapheme clusters), before "…".
	SummaryMax = 80
	// lineMax is the longest content line, in octets, CRLF excluded.
	lineMax = 75
)

// Feed is what an ICS export holds: one workspace's scheduled posts.
type Feed struct {
	Name   string    // the calendar's name, X-WR-CALNAME
	Zone   string    // the workspace's IANA zone, X-WR-TIMEZONE
	Stamp  time.Time // when the export is made, every DTSTAMP: the caller's now
	Events []Event
}

// Event is one scheduled post.
type Event struct {
	ID   string    // the post's identifier: the UID is ID@ruche, stable across exports
	At   time.Time // when it publishes
	Text string    // the post's text: its first line is the title
	Link string    // optional, written as URL
}

// WriteICS writes f as an iCalendar file: one VEVENT per event, in time
// order, each starting at its instant in UTC ("Z", so no VTIMEZONE is
// needed) and lasting EventDuration, marked as free time. Text is escaped
// and lines are folded at 75 octets without splitting a UTF-8 sequence, with
// CRLF line ends.
func WriteICS(w io.Writer, f Feed) error {
	if f.Stamp.IsZero() {
		return fault.Wrap(fault.Internal, "internal", errors.New("calendar: ics feed without a stamp"))
	}
	var b strings.Builder
	line := func(name, value string) { writeFolded(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//Ruche//Editorial calendar//EN")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if f.Name != "" {
		line("X-WR-CALNAME", escapeText(f.Name))
	}
	if f.Zone != "" {
		line("X-WR-TIMEZONE", escapeText(f.Zone))
	}
	stamp := icsTime(f.Stamp)
	events := slices.Clone(f.Events)
	slices.SortStableFunc(events, func(a, b Event) int { return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID)) })
	for _, e := range events {
		line("BEGIN", "VEVENT")
		line("UID", escapeText(e.ID+"@ruche"))
		line("DTSTAMP", stamp)
		line("DTSTART", icsTime(e.At))
		line("DTEND", icsTime(e.At.Add(EventDuration)))
		line("SUMMARY", escapeText(summary(e.Text)))
		line("DESCRIPTION", escapeText(e.Text))
		if link := strings.Map(dropControl, e.Link); link != "" {
			line("URL", link)
		}
		line("TRANSP", "TRANSPARENT")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write ics: %w", err)
	}
	return nil
}

func icsTime(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// summary returns the first non-blank line of text, cut to SummaryMax
// grapheme clusters.
func summary(text string) string {
	first := ""
	for l := range strings.Lines(text) {
		if first = strings.TrimSpace(l); first != "" {
			break
		}
	}
	state, n := -1, 0
	for rest := first; rest != ""; n++ {
		if n == SummaryMax {
			return strings.TrimRightFunc(first[:len(first)-len(rest)], unicode.IsSpace) + "…"
		}
		_, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
	}
	return first
}

// escapeText escapes an RFC 5545 TEXT value: backslash, semicolon, comma,
// and line breaks (CRLF, CR or LF) as \n; other control characters, which
// TEXT may not hold, are dropped.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			if dropControl(r) >= 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// dropControl maps the control characters a content line may not hold,
// tab excepted, to -1 for strings.Map.
func dropControl(r rune) rune {
	if r != '\t' && (r < 0x20 || r == 0x7f) {
		return -1
	}
	return r
}

// writeFolded writes a content line and its CRLF, folded as RFC 5545 says:
// no line longer than 75 octets, continuation lines starting with a space,
// and never a break inside a UTF-8 sequence.
func writeFolded(b *strings.Builder, l string) {
	limit := lineMax
	for len(l) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		b.WriteString(l[:cut])
		b.WriteString("\r\n ")
		l = l[cut:]
		limit = lineMax - 1 // the leading space counts
	}
	b.WriteString(l)
	b.WriteString("\r\n")
}
