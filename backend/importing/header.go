package importing

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"ruche/backend/locale"
)

// Field is a column an import file may have, and the names its header may
// give it in English and in French. Names are compared ignoring case,
// accents, quotes, repeated spaces and the spaces around a "/": "Média",
// "media" and "MEDIA" are one name, "Source / Support" and "source/support"
// too.
type Field struct {
	Key string   // what the import and the file errors call it ("datetime"); a name too, in both languages
	EN  []string // the English names
	FR  []string // the French names
}

// name is what a header name says: its field, and the languages that use
// it (both for a key).
type name struct {
	key    string
	en, fr bool
}

// names returns the fields' names, compared as normalize leaves them. The
// first field to give a name keeps it.
func (f Format) names() map[string]name {
	out := map[string]name{}
	add := func(n, key string, en, fr bool) {
		n = normalize(n)
		got, ok := out[n]
		if ok && got.key != key {
			return
		}
		got.key = key
		got.en, got.fr = got.en || en, got.fr || fr
		out[n] = got
	}
	for _, fd := range f.Fields {
		add(fd.Key, fd.Key, true, true)
		for _, n := range fd.EN {
			add(n, fd.Key, true, false)
		}
		for _, n := range fd.FR {
			add(n, fd.Key, false, true)
		}
	}
	return out
}

// Key returns the field a header cell names, or "".
func (f Format) Key(cell string) string { return f.names()[normalize(cell)].key }

var (
	slashes    = regexp.MustCompile(`\s*/\s*`)
	unaccented = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
)

// normalize returns a header cell as names are compared: without the quotes
// and BOM around it, in lower case, without accents, with single spaces and
// none around a "/".
func normalize(cell string) string {
	s := strings.Trim(strings.TrimSpace(cell), "\"\ufeff")
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	if plain, _, err := transform.String(unaccented, s); err == nil {
		s = plain
	}
	return slashes.ReplaceAllString(s, "/")
}

// Sniff returns the separator a header line uses: the one of comma,
// semicolon and tab that splits it into the most cells known names
// (spreadsheets write semicolons where the decimal mark is a comma); a
// comma when none does.
func Sniff(header string, known func(cell string) bool) rune {
	best, bestN := ',', 0
	for _, sep := range []rune{',', ';', '\t'} {
		n := 0
		for _, cell := range strings.Split(header, string(sep)) {
			if known(cell) {
				n++
			}
		}
		if n > bestN {
			best, bestN = sep, n
		}
	}
	return best
}

// columns maps each field the header names to its cell, and tells the
// header's language: French when a cell has a name only French gives,
// else English when one has a name only English gives, else "".
func (f Format) columns(header []string) (map[string]int, locale.Lang, error) {
	names := f.names()
	cols := make(map[string]int, len(f.Fields))
	var unknown string
	en, fr := false, false
	for i, cell := range header {
		n, ok := names[normalize(cell)]
		switch {
		case !ok:
			if f.Strict && unknown == "" && strings.TrimSpace(cell) != "" {
				unknown = strings.TrimSpace(cell)
			}
			continue
		case hasKey(cols, n.key) && f.Strict:
			return nil, "", f.Faults.columnRepeated().With(map[string]any{"column": n.key}, nil)
		case hasKey(cols, n.key):
			continue // the first one is read
		}
		cols[n.key] = i
		en = en || (n.en && !n.fr)
		fr = fr || (n.fr && !n.en)
	}
	switch {
	case len(cols) == 0:
		return nil, "", f.Faults.header().With(map[string]any{"columns": f.keys()}, nil)
	case unknown != "":
		return nil, "", f.Faults.columnUnknown().With(map[string]any{"column": unknown, "columns": f.keys()}, nil)
	}
	for _, set := range f.Required {
		if !hasAny(cols, set) {
			return nil, "", f.Faults.columnMissing().With(map[string]any{"column": set[0]}, nil)
		}
	}
	lang := locale.Lang("")
	switch {
	case fr:
		lang = locale.French
	case en:
		lang = locale.English
	}
	return cols, lang, nil
}

// keys lists the fields as the header errors name them: "date, sessions".
func (f Format) keys() string {
	ks := make([]string, len(f.Fields))
	for i, fd := range f.Fields {
		ks[i] = fd.Key
	}
	return strings.Join(ks, ", ")
}

func hasKey(cols map[string]int, key string) bool {
	_, ok := cols[key]
	return ok
}

func hasAny(cols map[string]int, keys []string) bool {
	for _, k := range keys {
		if hasKey(cols, k) {
			return true
		}
	}
	return false
}
