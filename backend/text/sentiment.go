package text

import (
	"math"
	"strings"
)

// Sentiment is the mood of a text: a score from -1 (negative) to 1
// (positive) and its label. It is an indicator: the UI lets users correct it.
type Sentiment struct {
	Score float64 `json:"score"`
	Label string  `json:"label"` // negative, neutral or positive
}

// The sentiment labels.
const (
	Negative = "negative"
	Neutral  = "neutral"
	Positive = "positive"
)

// Where a score becomes a label. Social comments are short: one mild word
// ("ok", "merci") should not make a comment positive.
const (
	positiveFrom = 0.3
	negativeFrom = -0.25
)

// The scoring follows VADER (Hutto & Gilbert, 2014): each opinion word or
// phrase has a valence; boosters before it strengthen or weaken it,
// negation turns it around (×-0.74), capitals and exclamation marks add
// emphasis, what follows "but" weighs 1.5 and what precedes 0.5, and the
// sum is squashed into [-1, 1]. Added for social French and English: French
// negation ("ne … pas", colloquial "pas"), elisions, phrases ("pas
// terrible", "thanks for nothing"), emoji and emoticons, courtesy that is
// no opinion ("merci d'avance"), and irony ("Génial, encore un retard 🙄").

const (
	negScale    = -0.74
	capsIncr    = 0.733
	alphaSquash = 15
)

// score holds the opinion of each word and what the scorer noticed.
type score struct {
	valence []float64
	sum     float64
	irony   bool
}

func (l *lexicon) wordValence(w string) (float64, bool) {
	if v, ok := l.valence[w]; ok {
		return v, true
	}
	// Plural and feminine forms the lexicon lacks: confortables → confortable.
	if n := len(w); n > 4 {
		for _, suf := range []string{"s", "x", "es", "e"} {
			if strings.HasSuffix(w, suf) {
				if v, ok := l.valence[w[:n-len(suf)]]; ok && v != 0 {
					return v, true
				}
			}
		}
	}
	if two, one, ok := squeeze(w); ok {
		if v, ok := l.valence[two]; ok {
			return v, true
		}
		if v, ok := l.valence[one]; ok {
			return v, true
		}
	}
	return 0, false
}

// booster returns the booster strength of the word at i, looking at booster
// phrases that end there too.
func (l *lexicon) boosterAt(words []nword, i int) float64 {
	if b, ok := l.boosters[words[i].w]; ok {
		return b
	}
	return 0
}

// negated reports whether the opinion at i (spanning n words) is turned
// around by a negation before it, or by a French "ne … pas" around it.
func (l *lexicon) negated(words []nword, i, n int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		w := words[j]
		if isClauseEnd(w) {
			break
		}
		// "jamais été aussi bien", "never had one this good": a superlative.
		if comparative[w.w] {
			return false
		}
		if l.isNegator(words, j) {
			return true
		}
	}
	if l.lang != French {
		return false
	}
	ne := false
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if w := words[j].w; w == "ne" || w == "n'" {
			ne = true
		}
	}
	if !ne {
		return false
	}
	for j := i + n; j < len(words) && j < i+n+2; j++ {
		if isClauseEnd(words[j]) {
			break
		}
		if l.negators[words[j].w] {
			return true
		}
	}
	return false
}

func (l *lexicon) isNegator(words []nword, j int) bool {
	w := words[j].w
	if l.lang == English && strings.HasSuffix(w, "n't") {
		return true
	}
	if !l.negators[w] {
		return false
	}
	if l.lang == French && w == "plus" {
		// "plus" negates only with "ne": "ne marche plus", not "plus rapide".
		for k := j - 1; k >= 0 && k >= j-3; k-- {
			if x := words[k].w; x == "ne" || x == "n'" {
				return true
			}
		}
		return false
	}
	return true
}

// sentiment scores words, the normalised tokens of a text: the opinion of
// each word with its modifiers, then what changes them all (a question, a
// "but", irony), then the sum with the text's emphasis.
func (l *lexicon) sentiment(words []nword) score {
	sc := score{valence: make([]float64, len(words))}
	if len(words) == 0 {
		return sc
	}
	question, capsDiff := shape(words)
	polite, boost := l.modifiers(words)
	ironic := l.valences(words, polite, boost, capsDiff, sc.valence)
	if question || l.opensQuestion(words) {
		l.dampQuestion(words, sc.valence)
	}
	l.weighContrast(words, sc.valence)
	// Irony: praise next to an eye roll, or opening a complaint.
	if ironic || l.openingIrony(words, sc.valence) {
		sc.irony = true
		for k, v := range sc.valence {
			if v > 0 && words[k].kind != KindEmoji {
				sc.valence[k] = -v * 0.8
			}
		}
	}
	for _, v := range sc.valence {
		sc.sum += v
	}
	if sc.sum != 0 {
		sc.sum += math.Copysign(exclamationEmphasis(words), sc.sum)
	}
	return sc
}

// shape reports whether the text asks a question, and whether some but not
// all of its words are in capitals (those then weigh more).
func shape(words []nword) (question, capsDiff bool) {
	capsWords, letterWords := 0, 0
	for _, w := range words {
		if w.kind == KindPunct && strings.Contains(w.w, "?") {
			question = true
		}
		if w.kind == KindWord {
			letterWords++
			if w.caps {
				capsWords++
			}
		}
	}
	return question, capsWords > 0 && capsWords < letterWords
}

// modifiers marks the words of courtesy phrases (no opinion themselves)
// and the boost each word gives the opinion after it.
func (l *lexicon) modifiers(words []nword) (polite []bool, boost []float64) {
	polite = make([]bool, len(words))
	boost = make([]float64, len(words))
	for i := 0; i < len(words); i++ {
		// "Merci de régulariser": a request, no thanks.
		if l.lang == French && words[i].w == "merci" && i+2 < len(words) && (words[i+1].w == "de" || words[i+1].w == "d'") && isInfinitive(words[i+2].w) {
			polite[i], polite[i+1] = true, true
			i++
			continue
		}
		if p, ok := l.polite.match(words, i); ok {
			for k := i; k < i+len(p.words); k++ {
				polite[k] = true
			}
			i += len(p.words) - 1
			continue
		}
		if p, ok := l.boostPh.match(words, i); ok && len(p.words) > 1 {
			boost[i+len(p.words)-1] = p.value
			i += len(p.words) - 1
			continue
		}
		boost[i] = l.boosterAt(words, i)
	}

	return polite, boost
}

// valences writes into valence the opinion of each word, boosted, negated
// and emphasised as its neighbours say, and reports an ironic emoji.
func (l *lexicon) valences(words []nword, polite []bool, boost []float64, capsDiff bool, valence []float64) (ironic bool) {
	for i := 0; i < len(words); i++ {
		w := words[i]
		if polite[i] {
			continue
		}
		var v float64
		n := 1
		switch w.kind {
		case KindEmoji:
			v = emojiOpinion(w.w)
			if ironyEmoji[w.w] {
				ironic = true
			}
		case KindEmoticon:
			v = emoticonValence[w.w]
		case KindWord, KindHashtag:
			if p, ok := l.phrases.match(words, i); ok {
				v, n = p.value, len(p.words)
				break
			}
			var ok bool
			v, ok = l.wordValence(w.w)
			if !ok {
				continue
			}
			// A booster before another opinion word is a booster: "super content".
			if boost[i] != 0 && i+1 < len(words) {
				if _, next := l.wordValence(words[i+1].w); next {
					continue
				}
			}
		default:
			continue
		}
		if v == 0 {
			i += n - 1
			continue
		}
		if w.kind == KindEmoji || w.kind == KindEmoticon {
			// An emoji is read as it is: "jamais déçue ❤️" is no negated heart.
			valence[i] = v
			continue
		}
		if w.caps && capsDiff {
			v += math.Copysign(capsIncr, v)
		}
		// English "too" before praise: "too sweet", "way too big".
		if l.lang == English && v > 0 && i > 0 && (words[i-1].w == "too") {
			v = -0.5 * v
			valence[i] = v
			i += n - 1
			continue
		}
		v = boosted(words, boost, i, v)
		if i > 0 && neitherNor[words[i-1].w] {
			i += n - 1
			continue
		}
		valence[i] = l.negatedValence(words, i, n, v)
		i += n - 1
	}
	return ironic
}

// boosted adds to v, the opinion of word i, the boosters up to three words
// before it, fading with distance.
func boosted(words []nword, boost []float64, i int, v float64) float64 {
	for k, fade := i-1, 1.0; k >= 0 && k >= i-3; k, fade = k-1, fade-0.05 {
		if isClauseEnd(words[k]) {
			break
		}
		if b := boost[k]; b != 0 {
			// Twice VADER's 0.293, comments being short; a dampener
			// (negative b) weakens.
			if v > 0 {
				v += 2 * b * fade
			} else {
				v -= 2 * b * fade
			}
		}
	}
	return v
}

// negatedValence returns v, the opinion of the n words from i, turned by a
// negation before it, firmer with "pas du tout", "not at all" after it.
func (l *lexicon) negatedValence(words []nword, i, n int, v float64) float64 {
	if !l.negated(words, i, n) {
		return v
	}
	v *= negScale
	for k := i + n; k < len(words) && k < i+n+4; k++ {
		if w := words[k].w; (w == "tout" && words[k-1].w == "du") || (w == "all" && words[k-1].w == "at") {
			return v * 1.4
		}
		if isClauseEnd(words[k]) {
			break
		}
	}
	return v
}

// dampQuestion weakens a question's mild positive words: a question is
// seldom an opinion, its positive words are incidental ("gluten free",
// "gift cards", "merci"), unless it praises.
func (l *lexicon) dampQuestion(words []nword, valence []float64) {
	praise := countPhrases(l.praise, words) > 0
	for i, w := range words {
		v := valence[i]
		if v <= 0 || w.kind == KindEmoji || w.kind == KindEmoticon {
			continue
		}
		if thanks[w.w] {
			valence[i] *= 0.3
		} else if !praise {
			valence[i] *= 0.4
		}
	}
}

// contrast weighs what follows the last "but" more than what precedes it.
func (l *lexicon) weighContrast(words []nword, valence []float64) {
	for i := len(words) - 1; i >= 0; i-- {
		if l.isContrast(words, i) {
			for k := range valence {
				if k < i {
					valence[k] *= 0.5
				} else {
					valence[k] *= 1.5
				}
			}
			return
		}
	}
}

// comparative words between a negation and an opinion make a superlative.
var comparative = map[string]bool{"aussi": true, "autant": true, "si": true, "so": true, "as": true, "this": true, "that": true}

// neutral negators deny both sides: "ni bon ni mauvais", "neither good nor bad".
var neitherNor = map[string]bool{"ni": true, "neither": true, "nor": true}

var thanks = map[string]bool{"merci": true, "thanks": true, "thank": true, "thx": true, "ty": true}

// opensQuestion reports a text that starts like a question, with or
// without its question mark: "Hello, I was wondering if…".
func (l *lexicon) opensQuestion(words []nword) bool {
	for i := range words {
		if words[i].kind != KindWord {
			continue
		}
		if p, ok := l.question.match(words, i); ok && len(p.words) > 1 {
			return true
		}
		if greeting[words[i].w] {
			continue
		}
		return false
	}
	return false
}

// isContrast reports a "but" at i.
func (l *lexicon) isContrast(words []nword, i int) bool {
	if words[i].kind != KindWord {
		return false
	}
	if l.contrast[words[i].w] {
		return true
	}
	if i+1 < len(words) && l.contrast[words[i].w+" "+words[i+1].w] {
		return true
	}
	return false
}

// openingIrony reports praise that opens a text which then complains:
// "Génial, encore un retard", "Great, another delay".
func (l *lexicon) openingIrony(words []nword, valence []float64) bool {
	start := -1
	for i := 0; i < len(words) && i < 4; i++ {
		if words[i].kind != KindWord {
			continue
		}
		if _, ok := l.irony.match(words, i); ok {
			start = i
			break
		}
		if w := words[i].w; w != "oh" && w != "ah" && w != "ouais" && w != "yeah" && w != "wow" && w != "bah" && w != "eh" {
			break
		}
	}
	if start < 0 {
		return false
	}
	cue, negative := false, false
	for i := start + 1; i < len(words); i++ {
		if _, ok := l.ironyCue.match(words, i); ok {
			cue = true
		}
		if valence[i] < 0 {
			negative = true
		}
	}
	return cue && negative
}

// isInfinitive reports a French verb in the infinitive, roughly.
func isInfinitive(w string) bool {
	return len(w) > 3 && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir") || strings.HasSuffix(w, "re") || strings.HasSuffix(w, "oir"))
}

// exclamationEmphasis adds up to four exclamation marks' weight.
func exclamationEmphasis(words []nword) float64 {
	n := 0
	for _, w := range words {
		if w.kind == KindPunct && strings.HasPrefix(w.w, "!") {
			n += strings.Count(w.w, "!")
		}
	}
	return math.Min(float64(n), 4) * 0.292
}

// squash maps a sum of valences into [-1, 1].
func squash(sum float64) float64 {
	if sum == 0 {
		return 0
	}
	return sum / math.Sqrt(sum*sum+alphaSquash)
}

func labelOf(s float64) string {
	switch {
	case s >= positiveFrom:
		return Positive
	case s <= negativeFrom:
		return Negative
	}
	return Neutral
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
