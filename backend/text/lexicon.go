package text

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/jonreiter/govader"
)

// The lexicons are small text files of Ruche's own (lexicon/fr.txt,
// lexicon/en.txt) plus the French adjectives of Pattern and the English
// lexicon of VADER (through govader). Each own file has sections:
//
//	[sentiment]   word or phrase, tab, valence from -4 to 4
//	[negators]    words that turn the next opinion around
//	[boosters]    word or phrase, tab, how much it strengthens (negative: weakens)
//	[contrast]    "but": what follows weighs more than what precedes
//	[function]    the most frequent words of the language (language detection)
//	[polite]      courtesy that is no opinion (merci d'avance, thanks in advance)
//	[question]    words or phrases that open a question; with a tab and 2,
//	              ones that ask even without a question mark (est-ce que)
//	[complaint.T] words or phrases of a complaint about T (order, delivery…)
//	[praise]      words or phrases of praise
//	[spam.money], [spam.follow], [spam.contact], [spam.phish]   what spam sells and how
//	[insult]      insults and slurs; [insult.soft] ones that insult only when aimed at someone
//	[target]      words that aim at someone (you, vous, t'es, bande de)
//	[irony]       interjections that, opening a complaint, are ironic (génial, great)
//	[irony.cue]   what makes them so (encore, again, still)
//	[complaint.status] asking where an order is (où est, where is)
//	[anticipation] enthusiasm before the fact (hâte, can't wait): no praise yet
//	[common]      frequent words of social media, preferred by the suggester
//
// Phrases are written in lower case, words separated by spaces; elided
// words keep their apostrophe ("n'importe quoi").

//go:embed lexicon/*.txt lexicon/*.tsv
var lexiconFiles embed.FS

// phrase is a sequence of normalised words with a value.
type phrase struct {
	words []string
	value float64
}

// phraseSet finds phrases by their first word, longest first.
type phraseSet map[string][]phrase

func (ps phraseSet) add(p string, v float64) {
	words := phraseWords(p)
	if len(words) == 0 {
		return
	}
	list := append(ps[words[0]], phrase{words, v})
	// Longest first, so that "pas terrible" wins over "pas".
	for i := len(list) - 1; i > 0 && len(list[i].words) > len(list[i-1].words); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	ps[words[0]] = list
}

// match returns the longest phrase starting at words[i].
func (ps phraseSet) match(words []nword, i int) (phrase, bool) {
	for _, p := range ps[words[i].w] {
		if i+len(p.words) > len(words) {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			if words[i+k].w != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return p, true
		}
	}
	return phrase{}, false
}

// phraseWords normalises a lexicon phrase as the analyser normalises text.
func phraseWords(p string) []string {
	var out []string
	for _, w := range normWords(p, Tokenize(p)) {
		out = append(out, w.w)
	}
	return out
}

// lexicon is what the analyser knows of one language.
type lexicon struct {
	lang         string
	valence      map[string]float64 // single words
	phrases      phraseSet          // opinion phrases of two words or more
	negators     map[string]bool
	boosters     map[string]float64
	boostPh      phraseSet
	contrast     map[string]bool
	function     map[string]bool
	polite       phraseSet
	question     phraseSet
	complaint    map[string]phraseSet // by topic
	praise       phraseSet
	spam         map[string]phraseSet // money, follow, contact
	insult       phraseSet
	softInsult   phraseSet
	target       phraseSet
	irony        phraseSet
	ironyCue     phraseSet
	insultFolded map[string]bool // every insult word, folded, for obfuscated spellings
	frequent     map[string]bool // frequent words of social media ([common])
	status       phraseSet       // asking where an order is ([complaint.status])
	anticipation phraseSet       // enthusiasm before the fact ([anticipation])
}

// common reports a frequent word: a function word or one of the lexicon.
func (l *lexicon) common(w string) bool {
	if l == nil {
		return false
	}
	w = lower(w)
	if l.function[w] || l.frequent[w] {
		return true
	}
	_, ok := l.valence[w]
	return ok
}

func newLexicon(lang string) *lexicon {
	return &lexicon{lang: lang, valence: map[string]float64{}, phrases: phraseSet{}, negators: map[string]bool{},
		boosters: map[string]float64{}, boostPh: phraseSet{}, contrast: map[string]bool{}, function: map[string]bool{},
		polite: phraseSet{}, question: phraseSet{}, complaint: map[string]phraseSet{}, praise: phraseSet{},
		spam: map[string]phraseSet{}, insult: phraseSet{}, softInsult: phraseSet{}, target: phraseSet{},
		irony: phraseSet{}, ironyCue: phraseSet{}, insultFolded: map[string]bool{}, frequent: map[string]bool{}, status: phraseSet{}, anticipation: phraseSet{}}
}

func loadLexicons() (map[string]*lexicon, error) {
	fr := newLexicon(French)
	if err := fr.readTSV("lexicon/fr_pattern.tsv", 3); err != nil {
		return nil, err
	}
	if err := fr.readOwn("lexicon/fr.txt"); err != nil {
		return nil, err
	}
	en := newLexicon(English)
	for w, v := range govader.NewSentimentIntensityAnalyzer().Lexicon {
		if !strings.ContainsAny(w, " ") {
			en.valence[lower(w)] = v
		}
	}
	if err := en.readOwn("lexicon/en.txt"); err != nil {
		return nil, err
	}
	return map[string]*lexicon{French: fr, English: en}, nil
}

func (l *lexicon) setValence(p string, v float64) {
	words := phraseWords(p)
	switch len(words) {
	case 0:
	case 1:
		l.valence[words[0]] = v
	default:
		l.phrases.add(p, v)
	}
}

// readTSV reads "word<TAB>polarity" lines, scaling polarities by scale.
func (l *lexicon) readTSV(name string, scale float64) error {
	f, err := lexiconFiles.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, v, ok := strings.Cut(line, "\t")
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if !ok || err != nil {
			return fmt.Errorf("%s:%d: want word<TAB>number", name, n)
		}
		l.setValence(w, x*scale)
	}
	return sc.Err()
}

// readOwn reads one of Ruche's own lexicon files.
func (l *lexicon) readOwn(name string) error {
	f, err := lexiconFiles.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	section := ""
	own := map[string]bool{}
	defer func() {
		// A booster is no opinion of its own unless this file says so:
		// Pattern gives "trop" a negative polarity, VADER none.
		for b := range l.boosters {
			if !own[b] {
				delete(l.valence, b)
			}
		}
	}()
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		key, val, hasVal := strings.Cut(line, "\t")
		key = strings.TrimSpace(key)
		num := 0.0
		if hasVal {
			num, err = strconv.ParseFloat(strings.TrimSpace(val), 64)
			if err != nil {
				return fmt.Errorf("%s:%d: %q is not a number", name, n, val)
			}
		}
		words := phraseWords(key)
		if len(words) == 0 {
			return fmt.Errorf("%s:%d: empty entry", name, n)
		}
		single := len(words) == 1
		topic, isComplaint := strings.CutPrefix(section, "complaint.")
		kind, isSpam := strings.CutPrefix(section, "spam.")
		switch {
		case section == "sentiment":
			if !hasVal {
				return fmt.Errorf("%s:%d: a sentiment entry needs a valence", name, n)
			}
			l.setValence(key, num)
			own[strings.Join(words, " ")] = true
		case section == "negators" && single:
			l.negators[words[0]] = true
		case section == "boosters":
			if single {
				l.boosters[words[0]] = num
			} else {
				l.boostPh.add(key, num)
			}
		case section == "contrast":
			l.contrast[strings.Join(words, " ")] = true
		case section == "function" && single:
			l.function[words[0]] = true
		case section == "common":
			l.frequent[lower(key)] = true
		case section == "polite":
			l.polite.add(key, 0)
		case section == "question":
			v := 1.0
			if hasVal {
				v = num // 2: asks even without a question mark
			}
			l.question.add(key, v)
		case section == "complaint.status":
			l.status.add(key, 1)
		case section == "anticipation":
			l.anticipation.add(key, 1)
		case isComplaint:
			if l.complaint[topic] == nil {
				l.complaint[topic] = phraseSet{}
			}
			l.complaint[topic].add(key, 1)
		case section == "praise":
			l.praise.add(key, 1)
		case isSpam:
			if l.spam[kind] == nil {
				l.spam[kind] = phraseSet{}
			}
			l.spam[kind].add(key, 1)
		case section == "insult":
			l.insult.add(key, 1)
			if single {
				l.insultFolded[fold(words[0])] = true
			}
		case section == "insult.soft":
			l.softInsult.add(key, 1)
		case section == "target":
			l.target.add(key, 1)
		case section == "irony":
			l.irony.add(key, 1)
		case section == "irony.cue":
			l.ironyCue.add(key, 1)
		default:
			return fmt.Errorf("%s:%d: entry in unknown section [%s] or of the wrong shape", name, n, section)
		}
	}
	return sc.Err()
}
