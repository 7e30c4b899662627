package api

import (
	"unicode/utf8"

	"ruche/backend/locale"
)

// TextCheck is the composer's live reading of one variant's text (or the
// master text): its language and its misspelled words.
type TextCheck struct {
	// Language is "fr", "en" or "other", detected from the text, the
	// workspace's language when the text does not say.
	Language string `json:"language"`
	// Ready is false while the spelling dictionaries load: Misspellings
	// is then empty, and the window asks again a moment later.
	Ready        bool          `json:"ready"`
	Misspellings []Misspelling `json:"misspellings"`
	// Voice lists the rules of the workspace's brand voice the text
	// breaks; empty when it has none.
	Voice []VoiceFinding `json:"voice"`
	// Tags are hashtags the workspace used before with success, worth
	// adding: first those the text speaks of.
	Tags []TagSuggestion `json:"tags"`
}

// TagSuggestion is a past hashtag worth adding.
type TagSuggestion struct {
	Tag     string `json:"tag"`     // without "#"
	Related bool   `json:"related"` // the text speaks of it
}

// VoiceFinding is a brand-voice rule a text breaks. Start and End index the
// text in UTF-16 code units, End exclusive; an empty range at the end for
// something missing (a signature, a hashtag).
type VoiceFinding struct {
	Code       string `json:"code"`    // "text.voice.forbidden_word"…
	Message    string `json:"message"` // in the UI language
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Suggestion string `json:"suggestion"` // what to write instead; may be empty
}

// Misspelling is a word the dictionary of the text's language does not
// know. Start and End index the text in UTF-16 code units, as JavaScript
// strings do (a textarea's selectionStart), End exclusive.
type Misspelling struct {
	Word        string   `json:"word"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Suggestions []string `json:"suggestions"` // best first; may be empty
}

// Spelling reads text, written for account accountID ("" for the master
// text): its language and misspelled words, the workspace's own words
// accepted. Called live while typing; it saves nothing.
func (c *Composer) Spelling(body, accountID string) (TextCheck, error) {
	sc, err := c.s.current()
	if err != nil {
		return TextCheck{}, err
	}
	if accountID != "" {
		if _, err := c.account(sc, accountID); err != nil {
			return TextCheck{}, err
		}
	}
	sc.app.StartText() // the first check loads the dictionaries, in the background
	r, err := sc.app.Proof.Read(sc.ctx, sc.ws, body)
	if err != nil {
		return TextCheck{}, err
	}
	out := TextCheck{Language: r.Language, Ready: r.Ready, Misspellings: []Misspelling{}, Voice: []VoiceFinding{}, Tags: []TagSuggestion{}}
	for _, t := range r.Tags {
		out.Tags = append(out.Tags, TagSuggestion{Tag: t.Tag, Related: t.Related})
	}
	conv := utf16Offsets{s: body}
	for _, f := range r.Voice { // in text order, as Check gives them or not
		out.Voice = append(out.Voice, VoiceFinding{Code: f.Code(), Message: locale.Message(sc.lang, f.Code(), f.Args),
			Start: conv.at(f.Start), End: conv.at(f.End), Suggestion: f.Suggestion})
	}
	conv = utf16Offsets{s: body}
	for _, m := range r.Spelling {
		out.Misspellings = append(out.Misspellings, Misspelling{Word: m.Word, Start: conv.at(m.Start), End: conv.at(m.End),
			Suggestions: nonNil(m.Suggestions)})
	}
	return out, nil
}

// AddWord adds word to the current workspace's dictionary: the spelling
// check accepts it from then on, whatever its case.
func (c *Composer) AddWord(word string) error {
	sc, err := c.s.current()
	if err != nil {
		return err
	}
	return sc.app.Proof.AddWord(sc.ctx, sc.ws.ID, word)
}

// utf16Offsets turns UTF-8 byte offsets into s into UTF-16 code-unit
// offsets, walking s once for offsets asked in increasing order.
type utf16Offsets struct {
	s         string
	byteAt, u int // the last offset converted, in bytes and in UTF-16 units
}

func (o *utf16Offsets) at(b int) int {
	if b < o.byteAt { // out of order: start again
		o.byteAt, o.u = 0, 0
	}
	b = min(b, len(o.s))
	for o.byteAt < b {
		r, size := utf8.DecodeRuneInString(o.s[o.byteAt:])
		o.byteAt += size
		if r >= 0x10000 {
			o.u += 2
		} else {
			o.u++
		}
	}
	return o.u
}
