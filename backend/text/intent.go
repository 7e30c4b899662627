package text

import (
	"math"
	"sort"
	"strings"
)

// Intent is what a comment or mention does, with a confidence in [0, 1].
// Several may apply ("Super produit, vous livrez en Suisse ?" is praise and
// a question). Topic says what a complaint is about: order, delivery,
// refund, bug, product or service.
type Intent struct {
	Intent     string  `json:"intent"`
	Confidence float64 `json:"confidence"`
	Topic      string  `json:"topic,omitempty"`
}

// The intents.
const (
	Question    = "question"
	Complaint   = "complaint"
	Praise      = "praise"
	Spam        = "spam"
	Insult      = "insult"
	OtherIntent = "other"
)

// Intents lists the intents in the order Check reports them.
var Intents = []string{Question, Complaint, Praise, Spam, Insult, OtherIntent}

// features is what the intent rules look at.
type features struct {
	qmarks, questionOpen    int
	weakOpen                int // "quel", "what", "how": a question only with its mark
	strongOpen              int // openers that ask without a mark: "est-ce que", "pouvez-vous", "I was wondering"
	topics                  map[string]int
	status                  bool // asks where an order is: "où est ma commande", "where is my order"
	links, mentions, hashes int
	money, follow, contact  int
	phish                   int
	repeated                bool
	phone                   bool
	insult, softInsult      int
	praise                  int
	anticipation            bool // "hâte", "can't wait": enthusiasm, no praise yet
	words                   int
}

// countPhrases counts the phrases of ps found in words, each place once.
func countPhrases(ps phraseSet, words []nword) int {
	n := 0
	for i := 0; i < len(words); i++ {
		if words[i].kind != KindWord && words[i].kind != KindHashtag && words[i].kind != KindPunct {
			continue
		}
		if p, ok := ps.match(words, i); ok {
			n++
			i += len(p.words) - 1
		}
	}
	return n
}

// sentenceStart reports whether words[i] opens a sentence, greetings
// aside: "Bonjour, comment…", "Hi, when…".
func sentenceStart(words []nword, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch w := words[k]; w.kind {
		case KindPunct:
			if strings.ContainsAny(w.w, ".!?…:") {
				return true
			}
			if !strings.Contains(w.w, ",") {
				return false
			}
		case KindMention, KindEmoji, KindEmoticon:
		case KindWord:
			if !greeting[w.w] {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// praiseEmoji applaud: 👏 alone is praise.
var praiseEmoji = map[string]bool{"👏": true, "🙌": true, "👍": true, "💯": true, "🔥": true, "❤": true, "😍": true, "🥰": true, "🤩": true, "🏆": true}

// exclamative question words also open exclamations: "Quelle belle
// initiative !", "What a bunch of clowns", "How cute".
var exclamative = map[string]bool{"quel": true, "quelle": true, "quels": true, "quelles": true, "what": true, "how": true, "which": true}

var greeting = map[string]bool{"bonjour": true, "bonsoir": true, "salut": true, "hello": true, "hi": true, "hey": true, "coucou": true, "allo": true, "svp": true, "please": true}

func (l *lexicon) features(toks []Token, words []nword, others []*lexicon) features {
	f := features{topics: map[string]int{}}
	for _, t := range toks {
		switch t.Kind {
		case KindURL, KindEmail:
			f.links++
		case KindMention:
			f.mentions++
		case KindHashtag:
			f.hashes++
		case KindNumber:
			if digitsIn(t.Text) >= 9 {
				f.phone = true
			}
		case KindEmoji:
			if strings.ContainsAny(t.Text, "💰💸🤑💵💶📈") {
				f.money++
			}
			if praiseEmoji[emojiBase(t.Text)] {
				f.praise++
			}
		}
	}
	for i, w := range words {
		switch w.kind {
		case KindPunct:
			if strings.Contains(w.w, "?") {
				f.qmarks++
			}
			continue
		case KindWord:
			f.words++
		default:
			continue
		}
		if p, ok := l.question.match(words, i); ok && sentenceStart(words, i) {
			// "Quelle belle initiative", "What a joke": exclamations, unless asked.
			switch {
			case len(p.words) == 1 && exclamative[w.w]:
				f.weakOpen++
			case p.value >= 2:
				f.strongOpen++
				f.questionOpen++
			default:
				f.questionOpen++
			}
		}
		if _, ok := l.status.match(words, i); ok {
			f.status = true
		}
	}
	for topic, ps := range l.complaint {
		if n := l.countTopic(ps, words); n > 0 {
			f.topics[topic] = n
		}
	}
	f.praise = countPhrases(l.praise, words)
	f.anticipation = countPhrases(l.anticipation, words) > 0
	for _, t := range toks {
		if t.Kind == KindURL || t.Kind == KindMention {
			f.money += spammyDomain(t.Text)
		}
	}
	f.money += countPhrases(l.spam["money"], words)
	f.follow = countPhrases(l.spam["follow"], words)
	f.contact = countPhrases(l.spam["contact"], words)
	f.phish = countPhrases(l.spam["phish"], words)
	f.repeated = repeatedText(words)
	f.insult = l.insults(words, toks)
	for _, o := range others {
		if o != l {
			f.insult += o.strongInsults(words, l) + o.disguisedInsults(toks, l)
		}
	}
	f.softInsult = l.aimedSoftInsults(words)
	return f
}

// spammyWords in a link's domain: cheap-designer-bags.shop, free-gift.xyz.
var spammyWords = map[string]bool{"cheap": true, "free": true, "promo": true, "deal": true, "deals": true, "gift": true, "gifts": true,
	"win": true, "winner": true, "bonus": true, "crypto": true, "casino": true, "bet": true, "luxe": true, "luxury": true,
	"replica": true, "discount": true, "cash": true, "money": true, "gratuit": true, "cadeau": true, "gain": true, "gagner": true,
	"followers": true, "likes": true, "outlet": true, "soldes": true, "invest": true, "profit": true, "loan": true, "pret": true,
	"verif": true, "verify": true, "secure": true, "security": true, "securite": true, "abonnes": true, "gratuits": true}

// spammyDomain counts the spam words in a link's host name.
func spammyDomain(link string) int {
	host := strings.ToLower(link)
	for _, p := range []string{"https://", "http://", "www.", "@"} {
		host = strings.TrimPrefix(host, p)
	}
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	n := 0
	for part := range strings.FieldsFuncSeq(host, func(r rune) bool { return r == '.' || r == '-' || r == '_' || r == '@' }) {
		if spammyWords[part] {
			n++
		}
	}
	return n
}

func digitsIn(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// repeatedText reports a text that says the same thing over and over: a
// word sequence of three or more repeated three times, or one word making
// most of a long text.
func repeatedText(words []nword) bool {
	var ws []string
	for _, w := range words {
		if w.kind == KindWord || w.kind == KindHashtag || w.kind == KindEmoji || w.kind == KindURL {
			ws = append(ws, w.w)
		}
	}
	if len(ws) < 6 {
		return false
	}
	counts := map[string]int{}
	for i := 0; i+3 <= len(ws); i++ {
		k := ws[i] + " " + ws[i+1] + " " + ws[i+2]
		counts[k]++
		if counts[k] >= 3 {
			return true
		}
	}
	if len(ws) >= 10 {
		one := map[string]int{}
		for _, w := range ws {
			one[w]++
			if one[w]*2 > len(ws) && len(w) > 0 {
				return true
			}
		}
	}
	return false
}

// intents decides the intents of a text from its features and its raw
// sentiment (before the intents adjust it).
func (l *lexicon) intents(f features, raw score, compound float64) []Intent {
	var out []Intent
	add := func(name string, c float64, topic string) {
		out = append(out, Intent{Intent: name, Confidence: round2(math.Min(c, 0.99)), Topic: topic})
	}

	// Spam: links or contacts with money, followers or repetition.
	spam := 0.0
	if f.links > 0 {
		spam += 1
	}
	spam += 0.6 * math.Min(float64(f.money), 3)
	spam += 1.2 * math.Min(float64(f.follow), 2)
	if f.contact > 0 || f.phone {
		spam += 0.8
	}
	if f.repeated {
		spam += 1.6
	}
	spam += 1.0 * math.Min(float64(f.phish), 2)
	if f.mentions >= 4 {
		spam += 0.8
	}
	if f.hashes >= 10 {
		spam += 0.6
	}
	if f.money+f.phish > 0 && f.links+f.contact+f.follow == 0 && !f.phone {
		spam = math.Min(spam, 1.2) // money talk alone is no spam: "trop cher, 50 €"
	}
	isSpam := spam >= 2
	if isSpam {
		add(Spam, 0.5+0.15*spam, "")
	}

	// Insults: a hard one anywhere, a soft one aimed at someone.
	isInsult := f.insult > 0 || f.softInsult > 0
	if isInsult {
		c := 0.6 + 0.2*float64(f.insult) + 0.1*float64(f.softInsult)
		add(Insult, c, "")
	}

	// Questions: a question mark with a question word, or either alone.
	question := 0.0
	switch {
	case f.qmarks > 0 && f.questionOpen+f.weakOpen > 0:
		question = 0.9
	case f.qmarks > 0 && f.words >= 3:
		question = 0.7
	case f.strongOpen > 0 && f.words >= 3:
		question = 0.55
	}
	if question > 0 && !isSpam {
		add(Question, question, "")
	}

	// Complaints: a topic (order, delivery…) in a negative text, or a
	// question about "my order".
	negative := compound <= -0.05 || (minValence(raw) <= -1.5 && compound < 0.3)
	topic, hits := "", 0
	for _, t := range complaintTopics {
		if n := f.topics[t]; n > hits {
			topic, hits = t, n
		}
	}
	switch {
	case isSpam:
	case hits > 0 && (negative || (f.status && question > 0)):
		c := 0.45 + 0.12*float64(hits)
		if negative {
			c += 0.15 + 0.2*math.Min(-compound, 1)
		}
		if raw.irony {
			c += 0.1
		}
		add(Complaint, c, topic)
	case compound <= -0.35 && !isInsult:
		// A clearly unhappy comment on a brand's page is a complaint even
		// without naming what about: "le gâteau était sec", "not a fan".
		add(Complaint, 0.4+0.3*math.Min(-compound, 1), "")
	}

	// Praise: a positive text with words of praise.
	hasComplaint := len(out) > 0 && out[len(out)-1].Intent == Complaint
	if !isSpam && !isInsult && !hasComplaint && compound >= positiveFrom && (f.praise > 0 || (compound >= positiveFrom+0.05 && !f.anticipation && f.words > 0)) {
		c := 0.35 + 0.6*compound
		if f.praise == 0 {
			c -= 0.15
		}
		add(Praise, c, "")
	}

	if len(out) == 0 {
		add(OtherIntent, 0.5, "")
	}
	order := map[string]int{}
	for i, name := range Intents {
		order[name] = i
	}
	sort.SliceStable(out, func(i, j int) bool { return order[out[i].Intent] < order[out[j].Intent] })
	return out
}

// countTopic counts the complaint words of a topic, leaving out those that
// are insults too ("incompétents"): an insult is no complaint by itself.
func (l *lexicon) countTopic(ps phraseSet, words []nword) int {
	n := 0
	for i := 0; i < len(words); i++ {
		if words[i].kind != KindWord {
			continue
		}
		if p, ok := ps.match(words, i); ok {
			if len(p.words) > 1 || !(l.insultWord(p.words[0])) {
				n++
			}
			i += len(p.words) - 1
		}
	}
	return n
}

func (l *lexicon) insultWord(w string) bool {
	if _, ok := l.softInsult[w]; ok {
		return true
	}
	return l.insultFolded[fold(w)]
}

// complaintTopics in the order that breaks ties.
var complaintTopics = []string{"delivery", "order", "refund", "bug", "product", "service"}

func minValence(s score) float64 {
	m := 0.0
	for _, v := range s.valence {
		m = math.Min(m, v)
	}
	return m
}

// adjust moves the sentiment score by what the intents say: a complaint or
// an insult is negative whatever its words, spam is no opinion.
func adjust(compound float64, intents []Intent) float64 {
	for _, in := range intents {
		switch in.Intent {
		case Complaint:
			if compound > -0.3 {
				compound = math.Min(compound-0.5*in.Confidence, -0.3)
			}
		case Insult:
			compound = math.Min(compound, -0.5)
		case Spam:
			compound *= 0.2
		}
	}
	return math.Max(-1, math.Min(1, compound))
}
