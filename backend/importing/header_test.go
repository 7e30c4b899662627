package importing

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/fault"
	"ruche/backend/locale"
)

// posts is a strict format like the post import's.
var posts = Format{
	Fields: []Field{
		{Key: "datetime", EN: []string{"date", "date/time"}, FR: []string{"date", "date et heure"}},
		{Key: "text", FR: []string{"texte"}},
		{Key: "media", FR: []string{"média"}},
		{Key: "accounts", EN: []string{"account"}, FR: []string{"compte", "comptes"}},
	},
	Required: [][]string{{"datetime"}, {"text"}},
	Strict:   true,
}

// figures is a lenient format like the Google Analytics import's.
var figures = Format{
	Fields: []Field{
		{Key: "date", EN: []string{"day"}, FR: []string{"date", "jour"}},
		{Key: "sessions", FR: []string{"sessions"}},
		{Key: "users", EN: []string{"users", "total users"}, FR: []string{"utilisateurs", "utilisateurs totaux"}},
		{Key: "source/medium", EN: []string{"session source/medium"}, FR: []string{"source/support", "source/support de la première visite"}},
	},
	Required: [][]string{{"date"}, {"sessions", "users"}},
}

func TestKey(t *testing.T) {
	tests := []struct {
		f    Format
		cell string
		want string
	}{
		{posts, "datetime", "datetime"},
		{posts, "DATETIME", "datetime"},
		{posts, "  Text ", "text"},
		{posts, `"Texte"`, "text"},
		{posts, "\ufeffdate", "datetime"},
		{posts, "Date et heure", "datetime"},
		{posts, "DATE  ET\tHEURE", "datetime"},
		{posts, "date / time", "datetime"},
		{posts, "Média", "media"},
		{posts, "MEDIA", "media"},
		{posts, "médià", "media"},
		{posts, "Comptes", "accounts"},
		{posts, "hashtags", ""},
		{posts, "", ""},
		{figures, "Source / Support", "source/medium"},
		{figures, "Source/support de la premiere visite", "source/medium"},
		{figures, "SOURCE/SUPPORT DE LA PREMIÈRE VISITE", "source/medium"},
		{figures, "Utilisateurs totaux", "users"},
		{figures, "Jour", "date"},
		{figures, "source", ""},
	}
	for _, tt := range tests {
		if got := tt.f.Key(tt.cell); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.cell, got, tt.want)
		}
	}
}

func TestSniff(t *testing.T) {
	known := func(cell string) bool { return posts.Key(cell) != "" }
	tests := []struct {
		header string
		want   rune
	}{
		{"datetime,text,media", ','},
		{"Date;Texte;Média;Comptes", ';'},
		{"datetime\ttext\taccounts", '\t'},
		{"date;text,media", ','}, // one known cell either way: a tie keeps the comma
		{"date,text;media;accounts", ';'},
		{"nothing known here", ','},
		{"", ','},
		{"\"date;x\",text", ','},
	}
	for _, tt := range tests {
		if got := Sniff(tt.header, known); got != tt.want {
			t.Errorf("Sniff(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestParseHeader(t *testing.T) {
	tests := []struct {
		name      string
		f         Format
		in        string
		wantComma rune
		wantLang  locale.Lang
		wantCells map[string]string // field -> the first row's cell
		wantErr   *fault.Error
		wantArgs  map[string]any
	}{
		{"english names", posts, "DateTime,Text\n2027-03-28 09:30,Bonjour\n", ',', "",
			map[string]string{"datetime": "2027-03-28 09:30", "text": "Bonjour", "media": ""}, nil, nil},
		{"french names and semicolons", posts, "Date;Texte;Média;Comptes\n28/03/2027;Bonjour;a.png;x\n", ';', locale.French,
			map[string]string{"datetime": "28/03/2027", "text": "Bonjour", "media": "a.png", "accounts": "x"}, nil, nil},
		{"an english-only name", posts, "date/time\ttext\taccount\nd\tt\ta\n", '\t', locale.English,
			map[string]string{"datetime": "d", "text": "t", "accounts": "a"}, nil, nil},
		{"french wins over english", figures, "Day,Utilisateurs\n2026-11-23,5\n", ',', locale.French,
			map[string]string{"date": "2026-11-23", "users": "5"}, nil, nil},
		{"columns in any order, unknown ones skipped when lenient", figures, "Pays,Sessions,Date,Taux\nFrance,12,2026-11-23,3\n", ',', "",
			map[string]string{"date": "2026-11-23", "sessions": "12", "users": ""}, nil, nil},
		{"the first of a column named twice, when lenient", figures, "date,sessions,Sessions\n2026-11-23,1,2\n", ',', "",
			map[string]string{"sessions": "1"}, nil, nil},
		{"the header after blank lines", posts, "\r\n\r\ntext;date\r\nBonjour;demain\r\n", ';', "",
			map[string]string{"datetime": "demain", "text": "Bonjour"}, nil, nil},
		{"no known column", posts, "a,b\n1,2\n", 0, "", nil, ErrHeader, map[string]any{"columns": "datetime, text, media, accounts"}},
		{"a data row first", posts, "2027-03-28 09:30,Bonjour\n", 0, "", nil, ErrHeader, nil},
		{"unknown column when strict", posts, "datetime,text, Hashtags ,Other\n", 0, "", nil, ErrColumnUnknown,
			map[string]any{"column": "Hashtags", "columns": "datetime, text, media, accounts"}},
		{"blank header cells are not unknown", posts, "datetime,,text,\n", ',', "", map[string]string{}, nil, nil},
		{"repeated when strict", posts, "datetime,text,Texte\n", 0, "", nil, ErrColumnRepeated, map[string]any{"column": "text"}},
		{"repeated before unknown", posts, "hashtags,date,datetime,text\n", 0, "", nil, ErrColumnRepeated, map[string]any{"column": "datetime"}},
		{"a required field missing", posts, "text,media\n", 0, "", nil, ErrColumnMissing, map[string]any{"column": "datetime"}},
		{"the second required field missing", posts, "datetime,media\n", 0, "", nil, ErrColumnMissing, map[string]any{"column": "text"}},
		{"one of a set is enough", figures, "date,users\n", ',', "", map[string]string{}, nil, nil},
		{"none of a set", figures, "date,source/medium\n", 0, "", nil, ErrColumnMissing, map[string]any{"column": "sessions"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tbl, err := tt.f.Parse(tt.in)
			checkFault(t, err, tt.wantErr, tt.wantArgs)
			if err != nil {
				return
			}
			if tbl.Comma != tt.wantComma || tbl.Lang != tt.wantLang {
				t.Errorf("Parse() comma %q, lang %q; want %q, %q", tbl.Comma, tbl.Lang, tt.wantComma, tt.wantLang)
			}
			if len(tt.wantCells) == 0 {
				return
			}
			got := map[string]string{}
			for k := range tt.wantCells {
				got[k] = tbl.Rows[0].Cell(k)
			}
			if diff := cmp.Diff(tt.wantCells, got); diff != "" {
				t.Errorf("first row's cells (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHeaderErrorsOfTheImport(t *testing.T) {
	own := posts
	own.Faults = Faults{Header: fault.New(fault.Invalid, "calendar.csv_header_missing")}
	_, err := own.Parse("a,b\n")
	checkFault(t, err, own.Faults.Header, map[string]any{"columns": "datetime, text, media, accounts"})
	_, err = own.Parse("hashtags,text\n")
	checkFault(t, err, ErrColumnUnknown, map[string]any{"column": "hashtags"}) // the package's where the import names none
}
