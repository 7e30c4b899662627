package calendar

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/fault"
)

// csvSeeds are the tricky import files the fuzz target starts from.
var csvSeeds = []string{
	"\uFEFFText,DATETIME, Accounts ,media,Link\r\n\"Ouverture 🥐\r\nDès 7 h\",2027-03-28 09:30,@fournil@mastodon.social;fournil.bsky.social,photos/pain.jpg,https://fournil.example/o\r\n",
	"datetime,text\n28/03/2027 02:30,heure d’été\n2027-10-31T02:30,heure d’hiver\n1/4/2027 9h30,9h30\n,,\n",
	"Date;Texte;Lien;M\xe9dia;Comptes\r\n28/03/2027 09:30;Cr\xe8me br\xfbl\xe9e \x80;;;\"a;b\"\r\n",
	"\xff\xfed\x00a\x00t\x00e\x00t\x00i\x00m\x00e\x00\t\x00t\x00e\x00x\x00t\x00\n\x00",
	"datetime,text,link\n2027-03-28T09:30:00.123456789+02:00,fractions,http://\n2027-03-28T09:30:00Z,x,ftp://a\n",
	"datetime,text,accounts\n2027-03-28 09:30,\"a \"\"quoted\"\" text\",| ; |\n2027-03-28 09:30,x,a|a;b\n",
	"datetime,text\n2027-03-28 09:30,\"broken\n",
	"datetime,datetime,text\n",
	"datetime,text,extra\n",
	"datetime,text\n2027-02-29 09:30,x\n9999-12-31T23:59:59+14:00,far\n2027-03-28T09:30:60Z,leap\n",
	"datetime\ttext\r\n2027-03-28 09:30\t\r\n",
	"datetime,text\n2027-03-28 09:30,\"\r\n  \r\n\"\n2027-03-28 09:30,a\rb\r\nc\n",
	"datetime,text\n2027-03-28T09:30:00.5+02:00,fractions of a second\n",
}

// FuzzParseCSV checks that any file gives either a fault error or at most
// MaxCSVRows rows in file order, each good row a post that can be
// scheduled, and that writing the good rows back with WriteCSV and reading
// them again gives the same posts.
func FuzzParseCSV(f *testing.F) {
	for _, s := range csvSeeds {
		f.Add([]byte(s))
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		f.Fatal(err)
	}
	now := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ParseCSV(bytes.NewReader(data), paris, Checks{Now: now})
		if err != nil {
			var fe *fault.Error
			if !errors.As(err, &fe) || rows != nil {
				t.Fatalf("ParseCSV(%q) = %d rows, %v; want no rows and a fault error", data, len(rows), err)
			}
			return
		}
		if len(rows) > MaxCSVRows {
			t.Fatalf("ParseCSV() = %d rows, want at most %d", len(rows), MaxCSVRows)
		}
		var good []Entry
		for i, r := range rows {
			if r.Line < 2 || (i > 0 && r.Line <= rows[i-1].Line) {
				t.Errorf("row %d: line %d, want lines from 2 in file order", i, r.Line)
			}
			for _, s := range append([]string{r.Text, r.Link, r.Media}, r.Accounts...) {
				if !utf8.ValidString(s) {
					t.Errorf("row %d: %q is not valid UTF-8", i, s)
				}
			}
			for _, p := range r.Problems {
				if p == nil || p.Args["line"] != r.Line {
					t.Errorf("row %d: problem %v, want one naming line %d", i, p, r.Line)
				}
			}
			if !r.OK() {
				continue
			}
			if !r.At.After(now) || r.At.Location() != time.UTC {
				t.Errorf("good row %d: at %v, want a UTC time after %v", i, r.At, now)
			}
			if r.Text == "" || r.Text != strings.TrimSpace(r.Text) || strings.Contains(r.Text, "\r") {
				t.Errorf("good row %d: text %q, want a trimmed text with \\n line ends", i, r.Text)
			}
			for _, a := range r.Accounts {
				if a == "" || a != strings.TrimSpace(a) || strings.ContainsAny(a, ";|") {
					t.Errorf("good row %d: account %q, want a trimmed name without separators", i, a)
				}
			}
			good = append(good, r.Entry)
		}
		if len(good) == 0 {
			return
		}
		var b bytes.Buffer
		if err := WriteCSV(&b, paris, good); err != nil {
			t.Fatalf("WriteCSV() = %v", err)
		}
		again, err := ParseCSV(&b, paris, Checks{Now: now})
		if err != nil {
			t.Fatalf("ParseCSV(WriteCSV(%q)) = %v", data, err)
		}
		var back []Entry
		for _, r := range again {
			if !r.OK() {
				t.Errorf("ParseCSV(WriteCSV()) line %d: problems %v", r.Line, r.Problems)
			}
			back = append(back, r.Entry)
		}
		if diff := cmp.Diff(good, back); diff != "" {
			t.Errorf("ParseCSV(WriteCSV(good rows of %q)) mismatch (-want +got):\n%s", data, diff)
		}
	})
}

func TestParseCSVFractionsOfASecond(t *testing.T) {
	rows, err := ParseCSV(strings.NewReader("datetime,text\n2027-03-28T09:30:00.999+02:00,x\n"), time.UTC, Checks{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("ParseCSV() = %v, %v; want one row", rows, err)
	}
	if got, want := rows[0].At, time.Date(2027, 3, 28, 7, 30, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("ParseCSV() at = %v, want %v (to the second, as WriteCSV writes it)", got, want)
	}
}
