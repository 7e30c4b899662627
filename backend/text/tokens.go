package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a token of text is.
type Kind int

// The kinds of token.
const (
	KindWord     Kind = iota // letters, with inner apostrophes and hyphens: l'accueil, Pourriez-vous
	KindNumber               // anything with a digit: 2024, 10h30, 1er, 3,5
	KindHashtag              // #Soldes
	KindMention              // @ruche, @alice@mastodon.social
	KindURL                  // https://…, www.…, shop.example.com/x
	KindEmail                // contact@example.com
	KindEmoji                // one emoji, with its modifiers: 👍🏽, 👨‍👩‍👧, 🇫🇷
	KindEmoticon             // :) :-( <3 xD
	KindPunct                // a run of one punctuation mark: !!! ? … ,
)

var kindNames = [...]string{"word", "number", "hashtag", "mention", "url", "email", "emoji", "emoticon", "punct"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Token is a piece of the text with its byte range: Text == input[Start:End].
type Token struct {
	Kind  Kind
	Start int
	End   int
	Text  string
}

// topLevelDomains are the endings that make "word.tld" a link even
// without http:// — the ones spam uses most and the common ones.
var topLevelDomains = map[string]bool{
	"com": true, "fr": true, "net": true, "org": true, "io": true, "ly": true, "co": true, "be": true,
	"ch": true, "ca": true, "uk": true, "us": true, "eu": true, "de": true, "es": true, "it": true,
	"info": true, "biz": true, "me": true, "gg": true, "link": true, "shop": true, "store": true,
	"app": true, "xyz": true, "top": true, "site": true, "online": true, "club": true, "live": true,
	"ru": true, "cn": true, "tk": true, "ml": true, "ga": true, "cf": true, "gq": true, "pw": true,
	"social": true, "gl": true, "to": true, "tv": true, "cc": true, "ai": true, "dev": true, "win": true,
	"vip": true, "bet": true, "money": true, "cash": true, "click": true,
}

// emoticons are matched where a token starts; longest first.
var emoticons = []string{
	":-)))", ":-))", ":'-(", ">:-(", ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-O", ":-o", ";-)", ":'(", ">:(",
	":))", ":((", ":)", ":(", ":D", ":P", ":p", ":/", ":O", ":o", ";)", "=)", "=(", "<3", "</3", "^^", "^_^", "xD", "XD", ":3",
}

// Tokenize splits text into tokens with their byte offsets. It never fails:
// invalid UTF-8 bytes and spaces fall between tokens.
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5+1)
	prev := rune(' ') // the rune before i
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		start := i
		boundary := !isLetter(prev) && !isDigit(prev)
		switch {
		case r == utf8.RuneError && n <= 1, unicode.IsSpace(r), r == 0x200B:
			i += n
		case boundary && hasURLPrefix(s[i:]):
			i = urlEnd(s, i)
			toks = append(toks, Token{KindURL, start, i, s[start:i]})
		case (r == '#' || r == '＃') && boundary && i+n < len(s) && startsWord(s[i+n:]):
			i = wordCharsEnd(s, i+n, false)
			toks = append(toks, Token{KindHashtag, start, i, s[start:i]})
		case r == '@' && boundary && i+1 < len(s) && startsWord(s[i+1:]):
			i = wordCharsEnd(s, i+1, true)
			toks = append(toks, Token{KindMention, start, i, s[start:i]})
		case boundary && emoticonAt(s[i:]) > 0:
			i += emoticonAt(s[i:])
			toks = append(toks, Token{KindEmoticon, start, i, s[start:i]})
		case isLetter(r) || isDigit(r):
			var k Kind
			i, k = wordEnd(s, i)
			toks = append(toks, Token{k, start, i, s[start:i]})
		case isEmojiRune(r) || isRegionalIndicator(r):
			i = emojiEnd(s, i)
			toks = append(toks, Token{KindEmoji, start, i, s[start:i]})
		case isEmojiJoiner(r) || isMark(r):
			i += n // a stray modifier
		default:
			// A run of the same punctuation mark: "!!!", "??", "...".
			i += n
			for i < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[i:])
				if r2 != r {
					break
				}
				i += n2
			}
			toks = append(toks, Token{KindPunct, start, i, s[start:i]})
		}
		if i > start {
			prev, _ = utf8.DecodeLastRuneInString(s[:i])
		}
	}
	return toks
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isLetter(r) || isDigit(r) || r == '_'
}

func hasURLPrefix(s string) bool {
	if len(s) < 8 {
		return false
	}
	p := strings.ToLower(s[:8])
	return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") || strings.HasPrefix(p, "www.")
}

// urlEnd returns where a link starting at i ends: at a space, less the
// punctuation that closes a sentence.
func urlEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 || r == '<' || r == '>' || r == '"' || r == '«' || r == '»' {
			break
		}
		j += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !strings.ContainsRune(".,;:!?)]}'’", r) {
			break
		}
		j -= n
	}
	if j == i {
		_, n := utf8.DecodeRuneInString(s[i:])
		return i + n
	}
	return j
}

// wordCharsEnd returns the end of a hashtag or mention body starting at i.
func wordCharsEnd(s string, i int, mention bool) int {
	j := i
	at := false
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case isLetter(r) || isDigit(r) || isMark(r) || r == '_':
		case mention && (r == '.' || r == '-') && j+n < len(s) && startsWord(s[j+n:]):
		case mention && r == '@' && !at && j+n < len(s) && startsWord(s[j+n:]):
			at = true // @user@server
		default:
			return j
		}
		j += n
	}
	return j
}

func emoticonAt(s string) int {
	for _, e := range emoticons {
		if strings.HasPrefix(s, e) {
			rest := s[len(e):]
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || !(isLetter(r) || isDigit(r)) {
				return len(e)
			}
		}
	}
	return 0
}

// wordEnd scans a word from i: letters and digits, joined by inner
// apostrophes and hyphens, decimal marks between digits. A word followed
// by .tld becomes a link, by @domain an e-mail address.
func wordEnd(s string, i int) (int, Kind) {
	j := i
	digits := false
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case isLetter(r) || isMark(r):
		case isDigit(r):
			digits = true
		case (isApostrophe(r) || isHyphen(r)) && j+n < len(s):
			next, _ := utf8.DecodeRuneInString(s[j+n:])
			if !isLetter(next) && !(isHyphen(r) && isDigit(next)) {
				return j, kindOf(digits)
			}
		case (r == '.' || r == ',') && digits && j+n < len(s) && isDigit(rune(s[j+n])):
		case r == '.' && j+n < len(s):
			if end, ok := domainEnd(s, j); ok {
				return end, KindURL
			}
			return j, kindOf(digits)
		case r == '@' && j+n < len(s) && startsWord(s[j+n:]):
			if end, ok := emailEnd(s, j+n); ok {
				return end, KindEmail
			}
			return j, kindOf(digits)
		default:
			return j, kindOf(digits)
		}
		j += n
	}
	return j, kindOf(digits)
}

func kindOf(digits bool) Kind {
	if digits {
		return KindNumber
	}
	return KindWord
}

// domainEnd reports whether the '.' at dot starts the end of a domain name
// (".com", ".fr/page") and where the link ends.
func domainEnd(s string, dot int) (int, bool) {
	j := dot + 1
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !(isLetter(r) || isDigit(r) || r == '-' || r == '.') {
			break
		}
		j += n
	}
	host := strings.ToLower(strings.TrimRight(s[dot+1:j], ".-"))
	tld := host
	if k := strings.LastIndexByte(host, '.'); k >= 0 {
		tld = host[k+1:]
	}
	if !topLevelDomains[tld] {
		return 0, false
	}
	return urlEnd(s, dot), true
}

func emailEnd(s string, i int) (int, bool) {
	j := i
	dot := false
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if r == '.' && j+n < len(s) && startsWord(s[j+n:]) {
			dot = true
		} else if !(isLetter(r) || isDigit(r) || r == '-') {
			break
		}
		j += n
	}
	return j, dot
}

// emojiEnd returns the end of the emoji cluster starting at i: a flag (two
// regional indicators) or an emoji with its joiners and modifiers.
func emojiEnd(s string, i int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	j := i + n
	if isRegionalIndicator(r) {
		if r2, n2 := utf8.DecodeRuneInString(s[j:]); isRegionalIndicator(r2) {
			j += n2
		}
		return j
	}
	for j < len(s) {
		r2, n2 := utf8.DecodeRuneInString(s[j:])
		switch {
		case r2 == 0x200D: // zero-width joiner: the next emoji belongs here
			j += n2
			if r3, n3 := utf8.DecodeRuneInString(s[j:]); isEmojiRune(r3) {
				j += n3
			}
		case isEmojiJoiner(r2):
			j += n2
		default:
			return j
		}
	}
	return j
}

// elisionHeads are the French words that elide before a vowel or a mute h.
var elisionHeads = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true, "c": true, "ç": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true, "presqu": true, "quelqu": true,
}

// splitElision splits "l'entreprise" into "l'" and "entreprise" (with ' or
// ’). ok is false when w starts with no elided word.
func splitElision(w string) (head, rest string, ok bool) {
	for i, r := range w {
		if i > 7 {
			return "", "", false
		}
		if isApostrophe(r) {
			h := strings.ToLower(w[:i])
			_, n := utf8.DecodeRuneInString(w[i:])
			rest = w[i+n:]
			if !elisionHeads[h] || rest == "" {
				return "", "", false
			}
			return w[:i+n], rest, true
		}
		if !isLetter(r) {
			return "", "", false
		}
	}
	return "", "", false
}

// startsWithVowelSound reports whether w may follow an elision: a vowel, a
// y or an h.
func startsWithVowelSound(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	f, ok := foldRune(r)
	if !ok {
		f = string(toLowerRune(r))
	}
	return strings.ContainsAny(f[:1], "aeiouyh")
}
