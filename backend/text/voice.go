package text

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Voice is a workspace's brand voice: what its posts and replies must and
// must not do. Plain data that the workspace stores; every rule is off in
// the zero value.
type Voice struct {
	// Forbidden words or phrases, each with what to write instead.
	Forbidden []VoiceWord `json:"forbidden,omitempty"`
	// Signature must end every text ("— L'équipe Ruche", "^CM").
	Signature string `json:"signature,omitempty"`
	// Hashtags must each appear ("#Ruche").
	Hashtags []string `json:"hashtags,omitempty"`
	// Address is how French texts speak to the reader: "vous" (formal)
	// or "tu" (informal); "" has no rule.
	Address string `json:"address,omitempty"`
	// MaxExclamations and MaxEmoji limit exclamation marks and emoji;
	// nil has no limit, 0 allows none.
	MaxExclamations *int `json:"maxExclamations,omitempty"`
	MaxEmoji        *int `json:"maxEmoji,omitempty"`
	// NoAllCaps flags words of four letters or more in capitals.
	NoAllCaps bool `json:"noAllCaps,omitempty"`
	// MinReadingEase flags a text harder to read than this score (0–100,
	// see Readability); 0 has no rule.
	MinReadingEase float64 `json:"minReadingEase,omitempty"`
}

// HasRules reports whether v sets any rule: a workspace without one has
// no voice to check.
func (v Voice) HasRules() bool {
	return len(v.Forbidden) > 0 || v.Signature != "" || len(v.Hashtags) > 0 || v.Address != "" ||
		v.MaxExclamations != nil || v.MaxEmoji != nil || v.NoAllCaps || v.MinReadingEase > 0
}

// VoiceWord is a forbidden word or phrase and what to use instead ("" if
// nothing).
type VoiceWord struct {
	Word string `json:"word"`
	Use  string `json:"use,omitempty"`
}

// Finding is a brand-voice rule a text breaks: where (byte range; an empty
// range at the end for something missing), the rule, a suggested
// replacement, and the values its message needs. Its message is
// locale.Message(lang, f.Code(), f.Args).
type Finding struct {
	Rule       string         `json:"rule"`
	Start      int            `json:"start"`
	End        int            `json:"end"`
	Suggestion string         `json:"suggestion,omitempty"`
	Args       map[string]any `json:"args,omitempty"`
}

// The brand-voice rules.
const (
	RuleForbidden    = "forbidden_word"
	RuleSignature    = "signature_missing"
	RuleHashtag      = "hashtag_missing"
	RuleFormal       = "address_formal"   // "tu" where the brand says "vous"
	RuleInformal     = "address_informal" // "vous" where the brand says "tu"
	RuleExclamations = "too_many_exclamations"
	RuleEmoji        = "too_many_emoji"
	RuleAllCaps      = "all_caps"
	RuleReadingEase  = "hard_to_read"
)

// Code is the message code of the finding in package locale.
func (f Finding) Code() string { return "text.voice." + f.Rule }

// informal French words and their formal counterparts.
var tuToVous = map[string]string{"tu": "vous", "te": "vous", "t'": "vous", "toi": "vous", "ton": "votre", "ta": "votre", "tes": "vos", "tien": "vôtre", "tienne": "vôtre", "tiens": "vôtres", "tiennes": "vôtres"}
var vousToTu = map[string]string{"vous": "tu", "votre": "ton", "vos": "tes", "vôtre": "tien", "vôtres": "tiens"}

func (v *Voice) check(text string, toks []Token, lang string, read Readability) []Finding {
	out := []Finding{}
	words := normWords(text, toks)
	// Forbidden words, matched without regard to case or accents.
	for _, fw := range v.Forbidden {
		want := foldedWords(fw.Word)
		if len(want) == 0 {
			continue
		}
		for i := 0; i+len(want) <= len(words); i++ {
			ok := true
			for k, w := range want {
				if fold(words[i+k].w) != w {
					ok = false
					break
				}
			}
			if ok {
				first, last := toks[words[i].tok], toks[words[i+len(want)-1].tok]
				out = append(out, Finding{Rule: RuleForbidden, Start: first.Start, End: last.End, Suggestion: fw.Use,
					Args: map[string]any{"word": text[first.Start:last.End]}})
				i += len(want) - 1
			}
		}
	}
	// Tu or vous, in French.
	if lang == French && (v.Address == "vous" || v.Address == "tu") {
		table, rule := tuToVous, RuleFormal
		if v.Address == "tu" {
			table, rule = vousToTu, RuleInformal
		}
		for _, t := range toks {
			if t.Kind != KindWord {
				continue
			}
			start, w := t.Start, t.Text
			if head, rest, ok := splitElision(w); ok {
				if use, bad := table[lower(head)]; bad {
					out = append(out, Finding{Rule: rule, Start: start, End: start + len(head), Suggestion: use, Args: map[string]any{"word": head}})
				}
				start, w = start+len(head), rest
			}
			off := 0
			for part := range strings.FieldsFuncSeq(w, isHyphen) {
				i := strings.Index(w[off:], part) + off
				if use, bad := table[lower(part)]; bad {
					out = append(out, Finding{Rule: rule, Start: start + i, End: start + i + len(part), Suggestion: applyStyle(use, styleOf(part)), Args: map[string]any{"word": part}})
				}
				off = i + len(part)
			}
		}
	}
	// Exclamation marks and emoji beyond the limits.
	if v.MaxExclamations != nil {
		seen := 0
		for _, t := range toks {
			if t.Kind != KindPunct || t.Text[0] != '!' {
				continue
			}
			n := strings.Count(t.Text, "!")
			if seen+n > *v.MaxExclamations {
				keep := max(*v.MaxExclamations-seen, 0)
				out = append(out, Finding{Rule: RuleExclamations, Start: t.Start + keep, End: t.End, Suggestion: "",
					Args: map[string]any{"max": *v.MaxExclamations}})
			}
			seen += n
		}
	}
	if v.MaxEmoji != nil {
		seen := 0
		for _, t := range toks {
			if t.Kind != KindEmoji {
				continue
			}
			seen++
			if seen > *v.MaxEmoji {
				out = append(out, Finding{Rule: RuleEmoji, Start: t.Start, End: t.End, Args: map[string]any{"max": *v.MaxEmoji}})
			}
		}
	}
	if v.NoAllCaps {
		for _, t := range toks {
			if t.Kind == KindWord && styleOf(t.Text) == caseUpper && utf8.RuneCountInString(t.Text) >= 4 {
				out = append(out, Finding{Rule: RuleAllCaps, Start: t.Start, End: t.End,
					Suggestion: applyStyle(lower(t.Text), caseTitle), Args: map[string]any{"word": t.Text}})
			}
		}
	}
	// Required hashtags and signature, reported at the end of the text.
	have := map[string]bool{}
	for _, h := range hashtagsOf(toks) {
		have[h.Norm] = true
	}
	for _, tag := range v.Hashtags {
		n := NormalizeTag(tag)
		if n != "" && !have[n] {
			name := "#" + strings.TrimLeft(strings.TrimSpace(tag), "#＃")
			out = append(out, Finding{Rule: RuleHashtag, Start: len(text), End: len(text), Suggestion: name, Args: map[string]any{"tag": name}})
		}
	}
	if sig := strings.TrimSpace(v.Signature); sig != "" && !strings.HasSuffix(strings.TrimSpace(text), sig) {
		out = append(out, Finding{Rule: RuleSignature, Start: len(text), End: len(text), Suggestion: sig, Args: map[string]any{"signature": sig}})
	}
	if v.MinReadingEase > 0 && read.Words >= 8 && read.Score < v.MinReadingEase {
		out = append(out, Finding{Rule: RuleReadingEase, Start: 0, End: len(text),
			Args: map[string]any{"score": read.Score, "min": v.MinReadingEase}})
	}
	// In the order of the text; what is missing comes at the end.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// foldedWords normalises a phrase as voice rules compare it.
func foldedWords(p string) []string {
	var out []string
	for _, w := range phraseWords(p) {
		out = append(out, fold(w))
	}
	return out
}
