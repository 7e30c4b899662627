package calendar

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/fault"
)

// testChecks knows two media files and three accounts; now is 2027-03-01.
func testChecks() Checks {
	files := map[string]bool{"photos/pain.jpg": true, `C:\Images\brioche.png`: true}
	accounts := map[string]bool{"@fournil@mastodon.social": true, "fournil.bsky.social": true, "Fournil Page": true}
	return Checks{
		Now:          time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC),
		FileExists:   func(p string) bool { return files[p] },
		KnownAccount: func(a string) bool { return accounts[a] },
	}
}

func TestParseCSVGoodFile(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	// A BOM, CRLF line ends, columns in another order and case, a quoted
	// text over three lines, every date format, both account separators.
	in := "\uFEFFText,DATETIME, Accounts ,media,Link\r\n" +
		"\"Ouverture du fournil 🥐\r\nDès 7 h, place du marché\r\n« Venez nombreux, vraiment ! »\",2027-03-28 09:30,@fournil@mastodon.social;fournil.bsky.social,photos/pain.jpg,https://fournil.example/ouverture\r\n" +
		"Heure d’été : 02:30 devient 03:00,28/03/2027 02:30,Fournil Page | fournil.bsky.social,,\r\n" +
		"Décalage donné,2027-03-28T09:30:00-04:00,fournil.bsky.social,,\r\n" +
		"Format 9h30,1/4/2027 9h30,,,\r\n" +
		",,,,\r\n" +
		"Heure d’hiver : la première 02:30,2027-10-31T02:30,fournil.bsky.social;;fournil.bsky.social,,\r\n"
	rows, err := ParseCSV(strings.NewReader(in), paris, testChecks())
	if err != nil {
		t.Fatalf("ParseCSV() error %v", err)
	}
	want := []Row{
		{Line: 2, Entry: Entry{
			At:       time.Date(2027, 3, 28, 7, 30, 0, 0, time.UTC),
			Text:     "Ouverture du fournil 🥐\nDès 7 h, place du marché\n« Venez nombreux, vraiment ! »",
			Link:     "https://fournil.example/ouverture",
			Media:    "photos/pain.jpg",
			Accounts: []string{"@fournil@mastodon.social", "fournil.bsky.social"},
		}},
		{Line: 5, Entry: Entry{At: time.Date(2027, 3, 28, 1, 0, 0, 0, time.UTC), Text: "Heure d’été : 02:30 devient 03:00", Accounts: []string{"Fournil Page", "fournil.bsky.social"}}},
		{Line: 6, Entry: Entry{At: time.Date(2027, 3, 28, 13, 30, 0, 0, time.UTC), Text: "Décalage donné", Accounts: []string{"fournil.bsky.social"}}},
		{Line: 7, Entry: Entry{At: time.Date(2027, 4, 1, 7, 30, 0, 0, time.UTC), Text: "Format 9h30"}},
		{Line: 9, Entry: Entry{At: time.Date(2027, 10, 31, 0, 30, 0, 0, time.UTC), Text: "Heure d’hiver : la première 02:30", Accounts: []string{"fournil.bsky.social"}}},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("ParseCSV() (-want +got):\n%s", diff)
	}
}

// codes lists each row's problems as "line:code".
func codes(rows []Row) []string {
	var out []string
	for _, r := range rows {
		for _, p := range r.Problems {
			out = append(out, fmt.Sprintf("%d:%s", r.Line, p.Code))
		}
	}
	return out
}

func TestParseCSVBadRows(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	tests := []struct {
		name string
		row  string // after the header datetime,text,link,media,accounts
		want []string
	}{
		{"good", "2027-03-28 09:30,Bonjour,,,", nil},
		{"date missing", ",Bonjour,,,", []string{"2:calendar.csv_date_missing"}},
		{"date nonsense", "demain matin,Bonjour,,,", []string{"2:calendar.csv_date_invalid"}},
		{"date without a time", "2027-03-28,Bonjour,,,", []string{"2:calendar.csv_date_invalid"}},
		{"US month first", "03/28/2027 09:30,Bonjour,,,", []string{"2:calendar.csv_date_invalid"}},
		{"February 30", "30/02/2027 09:30,Bonjour,,,", []string{"2:calendar.csv_date_invalid"}},
		{"hour 24", "2027-03-28 24:00,Bonjour,,,", []string{"2:calendar.csv_date_invalid"}},
		{"in the past", "2027-02-28 09:30,Bonjour,,,", []string{"2:calendar.csv_date_past"}},
		{"text empty", "2027-03-28 09:30,,,,", []string{"2:calendar.csv_text_missing"}},
		{"text blank lines", "2027-03-28 09:30,\"  \r\n \",,,", []string{"2:calendar.csv_text_missing"}},
		{"link not web", "2027-03-28 09:30,Bonjour,ftp://x.example/a,,", []string{"2:calendar.csv_link_invalid"}},
		{"link relative", "2027-03-28 09:30,Bonjour,fournil.example,,", []string{"2:calendar.csv_link_invalid"}},
		{"media missing", "2027-03-28 09:30,Bonjour,,photos/absente.jpg,", []string{"2:calendar.csv_media_missing"}},
		{"media found", "2027-03-28 09:30,Bonjour,,C:\\Images\\brioche.png,", nil},
		{"unknown account", "2027-03-28 09:30,Bonjour,,,fournil.bsky.social|@inconnu@mastodon.social", []string{"2:calendar.csv_account_unknown"}},
		{"too many cells", "2027-03-28 09:30,Bonjour, le monde,,,,", []string{"2:calendar.csv_row_fields", "2:calendar.csv_link_invalid"}},
		{"fewer cells are empty ones", "2027-03-28 09:30,Bonjour", nil},
		{
			"everything wrong", "hier,,pas un lien,absent.png,personne",
			[]string{"2:calendar.csv_date_invalid", "2:calendar.csv_text_missing", "2:calendar.csv_link_invalid", "2:calendar.csv_media_missing", "2:calendar.csv_account_unknown"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := ParseCSV(strings.NewReader("datetime,text,link,media,accounts\n"+tt.row+"\n"), paris, testChecks())
			if err != nil {
				t.Fatalf("ParseCSV() error %v", err)
			}
			if len(rows) != 1 {
				t.Fatalf("ParseCSV() = %d rows, want 1", len(rows))
			}
			if diff := cmp.Diff(tt.want, codes(rows)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if rows[0].OK() != (len(tt.want) == 0) {
				t.Errorf("OK() = %v with problems %v", rows[0].OK(), tt.want)
			}
		})
	}
}

func TestParseCSVProblemArgs(t *testing.T) {
	in := "datetime,text,link,media,accounts\r\n" +
		"2027-03-28 09:30,\"deux\r\nlignes\",,,\r\n" +
		"n'importe quoi,Bonjour,,absent.png,Bob\r\n"
	rows, err := ParseCSV(strings.NewReader(in), time.UTC, testChecks())
	if err != nil {
		t.Fatal(err)
	}
	got := rows[1].Problems
	want := []*fault.Error{
		{Kind: fault.Invalid, Code: "calendar.csv_date_invalid", Args: map[string]any{"line": 4, "value": "n'importe quoi"}},
		{Kind: fault.Invalid, Code: "calendar.csv_media_missing", Args: map[string]any{"line": 4, "path": "absent.png"}},
		{Kind: fault.Invalid, Code: "calendar.csv_account_unknown", Args: map[string]any{"line": 4, "account": "Bob"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems of line 4 (-want +got):\n%s", diff)
	}
}

func TestParseCSVFileErrors(t *testing.T) {
	header := "datetime,text,link,media,accounts\n"
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", ErrCSVEmpty},
		{"only a BOM and blank lines", "\uFEFF\r\n\r\n", ErrCSVEmpty},
		{"no header", "2027-03-28 09:30,Bonjour\n", ErrCSVHeader},
		{"unknown column", "datetime,text,hashtags\n", ErrCSVColumnUnknown},
		{"no datetime", "text,link\nBonjour,\n", ErrCSVColumnMissing},
		{"no text", "datetime,link\n2027-03-28 09:30,\n", ErrCSVColumnMissing},
		{"column twice", "datetime,text,Text\n", ErrCSVColumnRepeated},
		{"alias and name twice", "date,datetime,text\n", ErrCSVColumnRepeated},
		{"unclosed quote", header + "2027-03-28 09:30,\"Bonjour,,,\n2027-03-29 09:30,Salut,,,\n", ErrCSVMalformed},
		{"quote inside a bare text", header + "2027-03-28 09:30,Un écran 27\" neuf,,,\n", ErrCSVMalformed},
		{"too many rows", header + strings.Repeat("2027-03-28 09:30,Bonjour,,,\n", MaxCSVRows+1), ErrCSVTooManyRows},
		{"as many rows as allowed", header + strings.Repeat("2027-03-28 09:30,Bonjour,,,\n", MaxCSVRows), nil},
		{"too large", header + strings.Repeat("x", MaxCSVBytes), ErrCSVTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseCSV(strings.NewReader(tt.in), time.UTC, Checks{}); !errors.Is(err, tt.want) {
				t.Errorf("ParseCSV() error = %v, want %v", err, tt.want)
			}
		})
	}
	var fe *fault.Error
	_, err := ParseCSV(strings.NewReader(header+"2027-03-28 09:30,ok,,,\n2027-03-28 09:30,\"Bonjour,,,\n"), time.UTC, Checks{})
	if !errors.As(err, &fe) || fe.Args["line"] != 3 {
		t.Errorf("ParseCSV(unclosed quote on line 3) = %v, want line 3", err)
	}
	if _, err := ParseCSV(strings.NewReader(header), nil, Checks{}); err == nil {
		t.Errorf("ParseCSV(nil zone) error = nil, want one")
	}
	if _, err := ParseCSV(iotestErr{}, time.UTC, Checks{}); !errors.Is(err, ErrCSVUnreadable) {
		t.Errorf("ParseCSV(failing reader) = %v, want ErrCSVUnreadable", err)
	}
}

type iotestErr struct{}

func (iotestErr) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// TestParseCSVFromExcel reads what Excel writes in France: semicolons and
// Windows-1252 for "CSV", UTF-16 and tabs for "Unicode text".
func TestParseCSVFromExcel(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	want := []Row{{Line: 2, Entry: Entry{
		At:       time.Date(2027, 3, 28, 7, 30, 0, 0, time.UTC),
		Text:     "Crème brûlée à 5 € – œufs frais",
		Accounts: []string{"fournil.bsky.social", "Fournil Page"},
	}}}
	cp1252 := []byte("Date;Texte;Lien;M\xe9dia;Comptes\r\n28/03/2027 09:30;Cr\xe8me br\xfbl\xe9e \xe0 5 \x80 \x96 \x9cufs frais;;;\"fournil.bsky.social;Fournil Page\"\r\n")
	var utf16le bytes.Buffer
	utf16le.Write([]byte{0xFF, 0xFE})
	for _, u := range utf16.Encode([]rune("datetime\ttext\taccounts\r\n28/03/2027 09:30\tCrème brûlée à 5 € – œufs frais\tfournil.bsky.social|Fournil Page\r\n")) {
		utf16le.Write([]byte{byte(u), byte(u >> 8)})
	}
	for name, in := range map[string][]byte{"Windows-1252 with semicolons": cp1252, "UTF-16 with tabs": utf16le.Bytes()} {
		t.Run(name, func(t *testing.T) {
			rows, err := ParseCSV(bytes.NewReader(in), paris, testChecks())
			if err != nil {
				t.Fatalf("ParseCSV() error %v", err)
			}
			if diff := cmp.Diff(want, rows); diff != "" {
				t.Errorf("ParseCSV() (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteCSV(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	entries := []Entry{
		{At: time.Date(2027, 3, 28, 1, 0, 0, 0, time.UTC), Text: "Printemps, « guillemets » et \"citations\"\nsur deux lignes 🎉", Link: "https://fournil.example/a?b=1,2", Media: "photos/pain.jpg", Accounts: []string{"fournil.bsky.social", "Fournil Page"}},
		{At: time.Date(2027, 1, 15, 8, 0, 0, 0, time.UTC), Text: "Hiver; point-virgule"},
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, paris, entries); err != nil {
		t.Fatalf("WriteCSV() error %v", err)
	}
	out := b.String()
	wantStart := "\uFEFFdatetime,text,link,media,accounts\r\n" +
		"2027-03-28T03:00:00+02:00,\"Printemps, « guillemets » et \"\"citations\"\"\r\nsur deux lignes 🎉\",\"https://fournil.example/a?b=1,2\",photos/pain.jpg,fournil.bsky.social|Fournil Page\r\n" +
		"2027-01-15T09:00:00+01:00,Hiver; point-virgule,,,\r\n"
	if out != wantStart {
		t.Errorf("WriteCSV() =\n%q\nwant\n%q", out, wantStart)
	}
	rows, err := ParseCSV(strings.NewReader(out), zone(t, "America/New_York"), Checks{})
	if err != nil {
		t.Fatalf("ParseCSV(WriteCSV()) error %v", err)
	}
	var got []Entry
	for _, r := range rows {
		if !r.OK() {
			t.Errorf("row %d problems %v", r.Line, r.Problems)
		}
		got = append(got, r.Entry)
	}
	if diff := cmp.Diff(entries, got); diff != "" {
		t.Errorf("ParseCSV(WriteCSV()) (-want +got):\n%s", diff)
	}
	if err := WriteCSV(&b, nil, entries); err == nil {
		t.Errorf("WriteCSV(nil zone) error = nil, want one")
	}
}
