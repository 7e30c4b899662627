package text

import "strings"

// emojiValence is the opinion an emoji carries, on the -4..4 scale of the
// lexicons. Ruche's own table: the emoji of social comments, read as their
// most common use (🙏 thanks, 😂 laughter, 💀 "I'm dead" laughing).
var emojiValence = map[string]float64{
	"😍": 3, "🥰": 3, "😘": 2.5, "😊": 2.2, "🙂": 1.2, "😀": 2, "😃": 2.2, "😄": 2.4, "😁": 2.2, "😆": 2,
	"😅": 0.5, "🤩": 3, "😎": 1.8, "🤗": 2.2, "😇": 1.8, "😋": 2.4, "😌": 1.2, "😉": 1.4, "🥳": 3, "😻": 2.8,
	"❤": 3, "🧡": 2.8, "💛": 2.8, "💚": 2.8, "💙": 2.8, "💜": 2.8, "🖤": 2, "🤍": 2.5, "💕": 3, "💖": 3,
	"💗": 3, "💓": 3, "💞": 3, "💘": 2.8, "❣": 2.5, "♥": 2.8, "😂": 1.6, "🤣": 1.8, "💀": 0.5,
	"👍": 2, "👌": 2, "👏": 2.4, "🙌": 2.6, "🙏": 1.6, "💪": 2, "✌": 1.2, "🤝": 1.6, "🫶": 3, "🤙": 1.6,
	"🎉": 2.6, "🎊": 2.4, "🥂": 2.2, "🍾": 2.2, "🏆": 2.4, "🥇": 2.4, "⭐": 1.6, "🌟": 2.2, "✨": 1.6, "💯": 2.6,
	"🔥": 2, "🚀": 1.8, "☀": 1, "🌞": 1.6, "🌈": 1.6, "🌸": 1.2, "🌹": 1.8, "💐": 2, "🎁": 1.6, "✅": 1.2,
	"👎": -2.4, "😡": -3, "🤬": -3.4, "😠": -2.8, "😤": -2.2, "💩": -2.6, "🤮": -3, "🤢": -2.6, "😢": -2.2, "😭": -2.4,
	"😞": -2.2, "😔": -2, "😟": -1.8, "😕": -1.6, "🙁": -1.8, "☹": -2, "😩": -2.2, "😫": -2.2, "😖": -2, "😣": -1.8,
	"😒": -2, "🙄": -2, "😑": -1.2, "😐": -0.6, "😬": -1, "😱": -1.8, "😨": -1.8, "😰": -1.8, "😓": -1.4, "🥺": -0.6,
	"💔": -2.6, "😿": -2, "🤦": -2, "🤷": -0.6, "❌": -1.6, "⛔": -1.6, "🚫": -1.6, "⚠": -1, "🤡": -2.2, "🐍": -1.8,
	"😈": -0.8, "👿": -2.4, "💢": -2, "🥱": -1.6, "😴": -0.8, "🤔": -0.4, "🙃": -0.8, "😏": -0.4, "🤨": -1,
}

// ironyEmoji turn the praise around them to blame: "Super 🙄".
var ironyEmoji = map[string]bool{"🙄": true, "🙃": true, "😒": true, "🤡": true, "😑": true}

// emoticonValence is the opinion of text emoticons.
var emoticonValence = map[string]float64{
	":)": 2, ":-)": 2, ":))": 2.4, ":-))": 2.4, ":-)))": 2.6, "=)": 2, ":D": 2.5, ":-D": 2.5, "xD": 1.8, "XD": 1.8,
	";)": 1.4, ";-)": 1.4, ":P": 1.2, ":p": 1.2, ":-P": 1.2, ":-p": 1.2, "<3": 3, "^^": 1.8, "^_^": 1.8, ":3": 1.6,
	":(": -2, ":-(": -2, ":((": -2.4, ":'(": -2.2, ":'-(": -2.2, ">:(": -2.8, ">:-(": -2.8, "=(": -2, "</3": -2.6,
	":/": -1.2, ":-/": -1.2, ":o": -0.4, ":O": -0.4, ":-o": -0.4, ":-O": -0.4,
}

// emojiBase drops the variation selectors and skin tones of an emoji, so
// that 👍🏽 reads as 👍.
func emojiBase(e string) string {
	if !strings.ContainsAny(e, "\uFE0F\uFE0E\U0001F3FB\U0001F3FC\U0001F3FD\U0001F3FE\U0001F3FF") {
		return e
	}
	var b strings.Builder
	for _, r := range e {
		if r == 0xFE0F || r == 0xFE0E || (r >= 0x1F3FB && r <= 0x1F3FF) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// emojiOpinion returns the valence of an emoji cluster: its first emoji's.
func emojiOpinion(e string) float64 {
	e = emojiBase(e)
	if v, ok := emojiValence[e]; ok {
		return v
	}
	for _, r := range e { // a ZWJ sequence: 🤦‍♀️ reads as 🤦
		return emojiValence[string(r)]
	}
	return 0
}
