package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isMark(r rune) bool { return r >= 0x300 && unicode.Is(unicode.Mn, r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isHyphen(r rune) bool { return r == '-' || r == '‑' || r == '‐' }

func toLowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	}
	return unicode.ToLower(r)
}

// lower returns s in lower case with typographic apostrophes made straight.
// A lower-case ASCII word is returned as it is, without allocating.
func lower(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isApostrophe(r) {
			r = '\''
		}
		b.WriteRune(toLowerRune(r))
	}
	return b.String()
}

// foldRune maps a letter to its plain Latin letter(s) in lower case: é→e,
// Ç→c, œ→oe. ok is false when the rune is kept as it is.
func foldRune(r rune) (string, bool) {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'ā', 'Ā':
		return "a", true
	case 'ç', 'Ç', 'ć', 'č':
		return "c", true
	case 'è', 'é', 'ê', 'ë', 'È', 'É', 'Ê', 'Ë', 'ē', 'ė', 'ę', 'ě':
		return "e", true
	case 'ì', 'í', 'î', 'ï', 'Ì', 'Í', 'Î', 'Ï', 'ī':
		return "i", true
	case 'ñ', 'Ñ', 'ń':
		return "n", true
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'ø', 'Ø', 'ō':
		return "o", true
	case 'ù', 'ú', 'û', 'ü', 'Ù', 'Ú', 'Û', 'Ü', 'ū':
		return "u", true
	case 'ý', 'ÿ', 'Ý', 'Ÿ':
		return "y", true
	case 'œ', 'Œ':
		return "oe", true
	case 'æ', 'Æ':
		return "ae", true
	case 'ß':
		return "ss", true
	case '’', 'ʼ':
		return "'", true
	}
	return "", false
}

// fold returns s in lower case without accents: "Événement" → "evenement".
func fold(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := foldRune(r); ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(toLowerRune(r))
	}
	return b.String()
}

// caseStyle is how a word is capitalised.
type caseStyle int

const (
	caseLower caseStyle = iota
	caseTitle           // first letter only
	caseUpper           // every letter
	caseMixed           // iPhone, McDonald
)

func styleOf(w string) caseStyle {
	upper, lowerN, first := 0, 0, false
	i := 0
	for _, r := range w {
		if !isLetter(r) {
			i++
			continue
		}
		if unicode.IsUpper(r) {
			upper++
			if i == 0 {
				first = true
			}
		} else {
			lowerN++
		}
		i++
	}
	switch {
	case upper == 0:
		return caseLower
	case lowerN == 0:
		return caseUpper
	case upper == 1 && first:
		return caseTitle
	}
	return caseMixed
}

// applyStyle gives w (in lower case) the capitalisation style.
func applyStyle(w string, s caseStyle) string {
	switch s {
	case caseUpper:
		return strings.ToUpper(w)
	case caseTitle:
		r, n := utf8.DecodeRuneInString(w)
		if n == 0 || unicode.IsUpper(r) {
			return w
		}
		return string(unicode.ToUpper(r)) + w[n:]
	}
	return w
}

// isEmojiRune reports runes that start an emoji or pictograph.
func isEmojiRune(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF: // emoticons, pictographs, transport, flags…
		return true
	case r >= 0x2600 && r <= 0x27BF: // misc symbols, dingbats (☀ ✨ ❤)
		return true
	case r >= 0x2B00 && r <= 0x2BFF: // arrows, stars (⭐)
		return true
	case r == 0x203C || r == 0x2049 || r == 0x2122 || r == 0x2139 || r == 0x00A9 || r == 0x00AE:
		return true
	case r >= 0x2190 && r <= 0x21FF, r >= 0x2300 && r <= 0x23FF, r >= 0x25A0 && r <= 0x25FF:
		return true
	case r == 0x3030 || r == 0x303D || r == 0x3297 || r == 0x3299:
		return true
	}
	return false
}

// isEmojiJoiner reports runes that continue an emoji cluster: joiners,
// variation selectors, skin tones, keycaps and tags.
func isEmojiJoiner(r rune) bool {
	return r == 0x200D || r == 0xFE0F || r == 0xFE0E || r == 0x20E3 ||
		(r >= 0x1F3FB && r <= 0x1F3FF) || (r >= 0xE0020 && r <= 0xE007F)
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// isLatin reports a letter of the Latin script.
func isLatin(r rune) bool {
	return r < utf8.RuneSelf || unicode.Is(unicode.Latin, r)
}
