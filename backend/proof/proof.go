// Package proof reads a workspace's texts as its community manager writes
// them: the language, the spelling with the workspace's own words, the
// brand voice, and the hashtags that did well in its history. The composer
// and `ruche text check` ask it the same questions.
package proof

import (
	"context"
	"errors"
	"sync"
	"time"

	"ruche/backend/analytics"
	"ruche/backend/post"
	"ruche/backend/text"
	"ruche/backend/workspace"
)

// Store keeps the workspaces' words and voices, and the posts.
type Store interface {
	Words(ctx context.Context, wsID string) ([]string, error)
	AddWord(ctx context.Context, wsID, word string) error
	Voice(ctx context.Context, wsID string) (text.Voice, error)
	SaveVoice(ctx context.Context, wsID string, v text.Voice) error
	Post(ctx context.Context, id string) (post.Post, error)
}

// Tags gives a workspace's hashtag figures (analytics.Service).
type Tags interface {
	TagStats(ctx context.Context, ws workspace.Workspace, texts analytics.Texts) ([]text.TagStat, error)
}

// TagsTTL is how long a workspace's hashtag figures are reused: the
// composer asks at every pause in typing.
const TagsTTL = 10 * time.Minute

// Service reads texts with the workspace's words and voice.
type Service struct {
	text  *text.Analyzer
	store Store
	tags  Tags
	now   func() time.Time

	mu    sync.Mutex
	cache map[string]tagStats // by workspace
}

type tagStats struct {
	at    time.Time
	stats []text.TagStat
}

// New returns the service; now is the clock.
func New(an *text.Analyzer, store Store, tags Tags, now func() time.Time) *Service {
	return &Service{text: an, store: store, tags: tags, now: now, cache: map[string]tagStats{}}
}

// Options are the reading options of workspace ws: its language when the
// text does not say, its own words, its brand voice (nil when it sets no
// rule).
func (s *Service) Options(ctx context.Context, ws workspace.Workspace) (text.Options, error) {
	words, err := s.store.Words(ctx, ws.ID)
	if err != nil {
		return text.Options{}, err
	}
	voice, err := s.store.Voice(ctx, ws.ID)
	if err != nil {
		return text.Options{}, err
	}
	opts := text.Options{Fallback: ws.Language, Words: words}
	if voice.HasRules() {
		opts.Voice = &voice
	}
	return opts, nil
}

// Reading is what Read found in a text.
type Reading struct {
	Language string // "fr", "en" or text.Other
	// Ready is false while the spelling dictionaries load: Spelling is
	// then empty.
	Ready    bool
	Spelling []text.Misspelling
	Voice    []text.Finding // the brand-voice rules the text breaks
	Tags     []text.TagSuggestion
}

// Read reads body, written in workspace ws: its language, misspellings
// (the workspace's words accepted), brand-voice findings and up to five
// hashtag suggestions. It saves nothing. It does not wait for the
// dictionaries: the caller starts loading them.
func (s *Service) Read(ctx context.Context, ws workspace.Workspace, body string) (Reading, error) {
	opts, err := s.Options(ctx, ws)
	if err != nil {
		return Reading{}, err
	}
	stats, err := s.tagStats(ctx, ws)
	if err != nil {
		return Reading{}, err
	}
	out := Reading{Tags: text.SuggestHashtags(body, stats, 5)}
	if opts.Voice != nil { // one pass reads the language, the spelling and the voice
		r := s.text.Check(body, opts)
		out.Language, out.Ready, out.Spelling, out.Voice = r.Language, r.SpellingReady, r.Spelling, r.Voice
	} else {
		out.Language = s.text.Classify(body, text.Options{Fallback: ws.Language}).Language
		out.Ready = true
		if out.Language != text.Other {
			out.Spelling, err = s.text.Spelling(body, out.Language, opts.Words)
			if errors.Is(err, text.ErrNotReady) {
				out.Ready, out.Spelling = false, nil
			} else if err != nil {
				return Reading{}, err
			}
		}
	}
	if out.Language == text.Other { // no dictionary for it: nothing to flag
		out.Ready, out.Spelling = true, nil
	}
	return out, nil
}

// AddWord adds word to workspace wsID's dictionary.
func (s *Service) AddWord(ctx context.Context, wsID, word string) error {
	return s.store.AddWord(ctx, wsID, word)
}

// Voice returns workspace wsID's brand voice.
func (s *Service) Voice(ctx context.Context, wsID string) (text.Voice, error) {
	return s.store.Voice(ctx, wsID)
}

// SaveVoice replaces workspace wsID's brand voice; the caller checks it.
func (s *Service) SaveVoice(ctx context.Context, wsID string, v text.Voice) error {
	return s.store.SaveVoice(ctx, wsID, v)
}

// tagStats returns workspace ws's hashtag figures, read at most once per
// TagsTTL.
func (s *Service) tagStats(ctx context.Context, ws workspace.Workspace) ([]text.TagStat, error) {
	now := s.now()
	s.mu.Lock()
	cached, ok := s.cache[ws.ID]
	s.mu.Unlock()
	if ok && now.Sub(cached.at) < TagsTTL {
		return cached.stats, nil
	}
	stats, err := s.tags.TagStats(ctx, ws, func(ctx context.Context, postID, accountID string) string {
		p, err := s.store.Post(ctx, postID)
		if err != nil {
			return ""
		}
		if v := p.Variant(accountID); v != nil {
			return v.Text
		}
		return ""
	})
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.cache[ws.ID] = tagStats{at: now, stats: stats}
	s.mu.Unlock()
	return stats, nil
}
