package calendar

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/google/go-cmp/cmp"
)

const longFrench = "Ce week-end, la boulangerie fête ses 10 ans 🎉🥐 ! Venez goûter nos pains d’épices, brioches à la fleur d’oranger et éclairs au café ; réservez vite, c’est gratuit, mais les places sont limitées (\\ merci). 👨‍👩‍👧‍👦 Famille bienvenue. Ça va être génial, déjà 250 inscrits à Besançon, Orléans et Montréal."

func TestWriteICSRoundTrip(t *testing.T) {
	stamp := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	feed := Feed{
		Name:  "Le Fournil de Léa, calendrier; éditorial",
		Zone:  "Europe/Paris",
		Stamp: stamp,
		Events: []Event{
			{ID: "01J9ZX", At: time.Date(2027, 3, 28, 1, 0, 0, 0, time.UTC), Text: longFrench, Link: "https://fournil.example/fête?a=1,2;b"},
			{ID: "01J9ZW", At: time.Date(2027, 3, 27, 8, 30, 0, 0, time.UTC), Text: "Première ligne, courte\r\nDeuxième ligne; avec \\ barre\nTroisième"},
			{ID: "01J9ZY", At: time.Date(2027, 10, 31, 0, 30, 0, 0, time.FixedZone("CEST", 2*3600)), Text: ""},
		},
	}
	var b bytes.Buffer
	if err := WriteICS(&b, feed); err != nil {
		t.Fatalf("WriteICS() error %v", err)
	}
	out := b.String()

	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatalf("ics.ParseCalendar() error %v\n%s", err, out)
	}
	props := map[string]string{}
	for _, p := range cal.CalendarProperties {
		props[p.IANAToken] = p.Value
	}
	if props["X-WR-CALNAME"] != feed.Name || props["X-WR-TIMEZONE"] != "Europe/Paris" || props["VERSION"] != "2.0" {
		t.Errorf("calendar properties = %v, want the name %q and the zone", props, feed.Name)
	}

	type event struct {
		UID, Summary, Description, URL, Transp string
		Start, End, Stamp                      time.Time
	}
	var got []event
	for _, e := range cal.Events() {
		start, err1 := e.GetStartAt()
		end, err2 := e.GetEndAt()
		st, err3 := e.GetDtStampTime()
		if err := errors.Join(err1, err2, err3); err != nil {
			t.Fatalf("event %s: %v", e.Id(), err)
		}
		prop := func(p ics.ComponentProperty) string {
			if v := e.GetProperty(p); v != nil {
				return v.Value
			}
			return ""
		}
		got = append(got, event{e.Id(), prop(ics.ComponentPropertySummary), prop(ics.ComponentPropertyDescription),
			prop(ics.ComponentPropertyUrl), prop(ics.ComponentPropertyTransp), start.UTC(), end.UTC(), st.UTC()})
	}
	want := []event{
		{"01J9ZW@ruche", "Première ligne, courte", "Première ligne, courte\nDeuxième ligne; avec \\ barre\nTroisième", "", "TRANSPARENT",
			time.Date(2027, 3, 27, 8, 30, 0, 0, time.UTC), time.Date(2027, 3, 27, 8, 45, 0, 0, time.UTC), stamp},
		{"01J9ZX@ruche", summary(longFrench), longFrench, "https://fournil.example/fête?a=1,2;b", "TRANSPARENT",
			time.Date(2027, 3, 28, 1, 0, 0, 0, time.UTC), time.Date(2027, 3, 28, 1, 15, 0, 0, time.UTC), stamp},
		{"01J9ZY@ruche", "", "", "", "TRANSPARENT",
			time.Date(2027, 10, 30, 22, 30, 0, 0, time.UTC), time.Date(2027, 10, 30, 22, 45, 0, 0, time.UTC), stamp},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events read back (-want +got):\n%s", diff)
	}

	// The text as written: CRLF line ends, UTC with Z, folded lines.
	for _, l := range []string{"DTSTART:20270328T010000Z\r\n", "DTEND:20270328T011500Z\r\n", "DTSTAMP:20270301T100000Z\r\n",
		"UID:01J9ZX@ruche\r\n", "X-WR-TIMEZONE:Europe/Paris\r\n", `X-WR-CALNAME:Le Fournil de Léa\, calendrier\; éditorial` + "\r\n"} {
		if !strings.Contains(out, l) {
			t.Errorf("WriteICS() output lacks %q", l)
		}
	}
	checkFolded(t, out)
}

// checkFolded checks RFC 5545's line rules on a whole file: CRLF only, no
// line over 75 octets, every line valid UTF-8 on its own.
func checkFolded(t *testing.T, out string) {
	t.Helper()
	if !strings.HasSuffix(out, "\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\r") {
		t.Errorf("line ends are not all CRLF")
	}
	for i, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d is %d octets, want 75 at most: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
	}
}

func TestWriteFolded(t *testing.T) {
	a := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name, in, want string
	}{
		{"75 octets stay", a(75), a(75) + "\r\n"},
		{"76 octets fold", a(76), a(75) + "\r\n a\r\n"},
		{"continuations hold 74 octets", a(75 + 74 + 1), a(75) + "\r\n " + a(74) + "\r\n a\r\n"},
		{"é across the limit moves down", a(74) + "é", a(74) + "\r\n é\r\n"},
		{"é just fits", a(73) + "éb", a(73) + "é\r\n b\r\n"},
		{"emoji across the limit moves down", a(73) + "🎉", a(73) + "\r\n 🎉\r\n"},
		{"emoji just fits", a(71) + "🎉b", a(71) + "🎉\r\n b\r\n"},
		{"empty", "", "\r\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		writeFolded(&b, tt.in)
		if got := b.String(); got != tt.want {
			t.Errorf("writeFolded(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
	// Long French with accents and emoji: every physical line fits and
	// unfolding gives the line back.
	long := "DESCRIPTION:" + escapeText(strings.Repeat(longFrench, 3))
	var b strings.Builder
	writeFolded(&b, long)
	checkFolded(t, b.String())
	if got := strings.ReplaceAll(strings.TrimSuffix(b.String(), "\r\n"), "\r\n ", ""); got != long {
		t.Errorf("unfolded line differs from the original:\n got %q\nwant %q", got, long)
	}
}

func TestEscapeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain été", "plain été"},
		{`a,b;c\d`, `a\,b\;c\\d`},
		{"one\r\ntwo\nthree\rfour", `one\ntwo\nthree\nfour`},
		{"bell\a and\ttab", "bell and\ttab"},
		{`\n is not a newline`, `\\n is not a newline`},
	}
	for _, tt := range tests {
		if got := escapeText(tt.in); got != tt.want {
			t.Errorf("escapeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	family := "👨‍👩‍👧‍👦" // one grapheme cluster of 7 code points
	tests := []struct{ name, in, want string }{
		{"first line", "Titre\nreste", "Titre"},
		{"blank lines before", "\n  \r\n  Titre  \r\nreste", "Titre"},
		{"empty", "", ""},
		{"exactly the limit", strings.Repeat("é", SummaryMax), strings.Repeat("é", SummaryMax)},
		{"one over", strings.Repeat("é", SummaryMax+1), strings.Repeat("é", SummaryMax) + "…"},
		{"clusters count as one", strings.Repeat(family, SummaryMax) + "x", strings.Repeat(family, SummaryMax) + "…"},
		{"cut before a space", strings.Repeat("a", SummaryMax-1) + " b", strings.Repeat("a", SummaryMax-1) + "…"},
		{"decomposed accent stays whole", strings.Repeat("e\u0301", SummaryMax+5), strings.Repeat("e\u0301", SummaryMax) + "…"},
	}
	for _, tt := range tests {
		if got := summary(tt.in); got != tt.want {
			t.Errorf("summary(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestWriteICSNeedsAStamp(t *testing.T) {
	if err := WriteICS(&bytes.Buffer{}, Feed{Zone: "Europe/Paris"}); err == nil {
		t.Errorf("WriteICS(no stamp) error = nil, want one")
	}
}
