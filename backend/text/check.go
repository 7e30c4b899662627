package text

import "strings"

// Options say how to read a text. All fields are plain data that a
// workspace stores; the zero value detects the language and checks nothing
// of a brand.
type Options struct {
	// Lang forces the language: "fr" or "en"; "" or "auto" detects it.
	Lang string `json:"lang,omitempty"`
	// Fallback is the language when the text does not say (the
	// workspace's language): "fr" or "en".
	Fallback string `json:"fallback,omitempty"`
	// Words are the workspace's own words, never flagged: brands,
	// products, names ("add to dictionary").
	Words []string `json:"words,omitempty"`
	// Voice holds the workspace's brand-voice rules; nil checks none.
	Voice *Voice `json:"voice,omitempty"`
	// Tags are the workspace's past hashtags and how they did, for
	// suggestions; empty suggests none.
	Tags []TagStat `json:"tags,omitempty"`
}

// Classification is what the inbox and listening need of a comment.
type Classification struct {
	Language  string    `json:"language"`
	Sentiment Sentiment `json:"sentiment"`
	Intents   []Intent  `json:"intents"`
}

// Result is everything Check finds in a text. Byte offsets (Start, End)
// index the text as given, in UTF-8.
type Result struct {
	Classification
	// Spelling lists the misspelled words; empty while the dictionaries
	// load (SpellingReady false).
	Spelling      []Misspelling   `json:"spelling"`
	SpellingReady bool            `json:"spellingReady"`
	Voice         []Finding       `json:"voice"`
	Readability   Readability     `json:"readability"`
	Hashtags      []Hashtag       `json:"hashtags"`
	SuggestedTags []TagSuggestion `json:"suggestedTags"`
}

// MaxText is the longest text analysed, in bytes; the rest of a longer
// text is ignored (a post is at most a few thousand characters).
const MaxText = 256 << 10

// clip cuts s to MaxText bytes at a rune boundary.
func clip(s string) string {
	if len(s) <= MaxText {
		return s
	}
	i := MaxText
	for i > 0 && i > MaxText-4 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i]
}

// ParseLang reads a language option: "fr", "en", or "auto"/"" for
// detection. ok is false for anything else.
func ParseLang(s string) (lang string, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return "", true
	case "fr", "fra", "french", "français":
		return French, true
	case "en", "eng", "english", "anglais":
		return English, true
	}
	return "", false
}

// Classify returns the language, sentiment and intents of a comment: what
// the inbox and listening show for each of hundreds of comments.
func (a *Analyzer) Classify(text string, opts Options) Classification {
	text = clip(text)
	toks := Tokenize(text)
	c, _ := a.classify(text, toks, opts)
	return c
}

func (a *Analyzer) classify(text string, toks []Token, opts Options) (Classification, []nword) {
	lang, _ := ParseLang(opts.Lang)
	if lang == "" {
		lang = a.detectLanguage(text, toks, opts.Fallback)
	}
	lex := a.langs[lang]
	if lex == nil { // "other": read it with the fallback's lexicon, or English
		if fb, _ := ParseLang(opts.Fallback); fb != "" {
			lex = a.langs[fb]
		} else {
			lex = a.langs[English]
		}
	}
	words := normWords(text, toks)
	raw := lex.sentiment(words)
	compound := squash(raw.sum)
	others := []*lexicon{a.langs[French], a.langs[English]}
	intents := lex.intents(lex.features(toks, words, others), raw, compound)
	compound = round2(adjust(compound, intents))
	return Classification{Language: lang, Sentiment: Sentiment{Score: compound, Label: labelOf(compound)}, Intents: intents}, words
}

// Check reads a text: its language, sentiment and intents, its misspelled
// words (once the dictionaries are loaded), the brand-voice findings of
// opts.Voice, its reading ease and its hashtags. It never fails: an empty
// or broken text gets an answer too.
func (a *Analyzer) Check(text string, opts Options) Result {
	text = clip(text)
	toks := Tokenize(text)
	c, _ := a.classify(text, toks, opts)
	r := Result{Classification: c, Spelling: []Misspelling{}, Voice: []Finding{}}
	spellLang := c.Language
	if spellLang == Other {
		spellLang, _ = ParseLang(opts.Fallback)
	}
	if d := a.dict(spellLang); d != nil {
		r.SpellingReady = true
		r.Spelling = a.spellTokens(d, text, toks, newWordList(opts.Words), spellLang)
	} else if spellLang == "" && a.isReady() {
		r.SpellingReady = true // a language Ruche has no dictionary for
	}
	r.Readability = readability(text, toks, c.Language)
	if opts.Voice != nil {
		r.Voice = opts.Voice.check(text, toks, c.Language, r.Readability)
	}
	r.Hashtags = hashtagsOf(toks)
	r.SuggestedTags = SuggestHashtags(text, opts.Tags, 5)
	return r
}

// Spelling returns the misspelled words of text in lang ("fr" or "en"),
// with the workspace's own words accepted; ErrNotReady while the
// dictionaries load, ErrLanguage for another language.
func (a *Analyzer) Spelling(text, lang string, words []string) ([]Misspelling, error) {
	l, ok := ParseLang(lang)
	if !ok || l == "" {
		return nil, ErrLanguage.With(map[string]any{"lang": lang}, nil)
	}
	d := a.dict(l)
	if d == nil {
		return nil, ErrNotReady
	}
	text = clip(text)
	return a.spellTokens(d, text, Tokenize(text), newWordList(words), l), nil
}

// Spell reports whether the dictionary of lang accepts word; ErrNotReady
// while the dictionaries load.
func (a *Analyzer) Spell(word, lang string) (bool, error) {
	l, ok := ParseLang(lang)
	if !ok || l == "" {
		return false, ErrLanguage.With(map[string]any{"lang": lang}, nil)
	}
	d := a.dict(l)
	if d == nil {
		return false, ErrNotReady
	}
	return len(d.check(word, nil)) == 0, nil
}
