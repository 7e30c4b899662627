package text

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Hashtag is a hashtag of a text: as written (without #), normalised
// (lower case, no accents: #ÉtéSolidaire → etesolidaire), and its byte
// range including the #.
type Hashtag struct {
	Tag   string `json:"tag"`
	Norm  string `json:"norm"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// TagStat is how a hashtag did in the workspace's past posts: how many
// posts carried it and their mean engagement (interactions per post, or a
// rate: any measure where more is better, the same for every tag).
type TagStat struct {
	Tag        string  `json:"tag"`
	Posts      int     `json:"posts"`
	Engagement float64 `json:"engagement"`
}

// TagSuggestion is a hashtag worth adding: Related when the text speaks of
// it, Score in [0, 1] from its past engagement.
type TagSuggestion struct {
	Tag     string  `json:"tag"`
	Score   float64 `json:"score"`
	Related bool    `json:"related"`
}

// Hashtags returns the hashtags of text, in order.
func Hashtags(text string) []Hashtag { return hashtagsOf(Tokenize(clip(text))) }

func hashtagsOf(toks []Token) []Hashtag {
	out := []Hashtag{}
	for _, t := range toks {
		if t.Kind != KindHashtag {
			continue
		}
		_, n := utf8.DecodeRuneInString(t.Text)
		out = append(out, Hashtag{Tag: t.Text[n:], Norm: NormalizeTag(t.Text), Start: t.Start, End: t.End})
	}
	return out
}

// NormalizeTag returns a hashtag in lower case without accents, without
// its # and anything but letters, digits and underscores: "#ÉtéSolidaire"
// and "etesolidaire" are the same tag.
func NormalizeTag(tag string) string {
	var b strings.Builder
	for _, r := range fold(strings.TrimSpace(tag)) {
		if isLetter(r) || isDigit(r) || r == '_' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// minTagPosts is how many past posts a tag needs before it is suggested:
// one post says nothing of a tag.
const minTagPosts = 2

// SuggestHashtags returns up to n hashtags from the workspace's past ones
// for text: first those the text speaks of, best engagement first, then
// the best performers of all if they did at least half as well as the
// best. Tags already in the text are left out. No stats, no suggestions.
func SuggestHashtags(text string, stats []TagStat, n int) []TagSuggestion {
	out := []TagSuggestion{}
	if len(stats) == 0 || n <= 0 {
		return out
	}
	text = clip(text)
	toks := Tokenize(text)
	present := map[string]bool{}
	var words []string
	for _, t := range toks {
		switch t.Kind {
		case KindHashtag:
			present[NormalizeTag(t.Text)] = true
		case KindWord:
			for part := range strings.FieldsFuncSeq(t.Text, func(r rune) bool { return isHyphen(r) || isApostrophe(r) }) {
				if f := stemTag(fold(part)); utf8.RuneCountInString(f) >= 4 {
					words = append(words, f)
				}
			}
		}
	}
	type agg struct {
		tag        string
		posts      int
		engagement float64 // sum of posts × engagement
	}
	byNorm := map[string]*agg{}
	for _, s := range stats {
		norm := NormalizeTag(s.Tag)
		if norm == "" || s.Posts <= 0 || present[norm] {
			continue
		}
		a := byNorm[norm]
		if a == nil {
			a = &agg{tag: strings.TrimLeft(strings.TrimSpace(s.Tag), "#＃")}
			byNorm[norm] = a
		}
		a.posts += s.Posts
		a.engagement += float64(s.Posts) * s.Engagement
	}
	best := 0.0
	for _, a := range byNorm {
		if a.posts >= minTagPosts {
			best = max(best, a.engagement/float64(a.posts))
		}
	}
	if best <= 0 {
		return out
	}
	for norm, a := range byNorm {
		if a.posts < minTagPosts {
			continue
		}
		score := a.engagement / float64(a.posts) / best
		related := false
		for _, w := range words {
			if strings.Contains(norm, w) || (len(norm) >= 4 && strings.Contains(w, norm)) {
				related = true
				break
			}
		}
		if !related && score < 0.5 {
			continue
		}
		out = append(out, TagSuggestion{Tag: a.tag, Score: round2(score), Related: related})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Related != out[j].Related {
			return out[i].Related
		}
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Tag < out[j].Tag
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// stemTag drops a plural s or x so that "soldes" matches #solde.
func stemTag(w string) string {
	if len(w) > 4 && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x")) {
		return w[:len(w)-1]
	}
	return w
}
