package proof

import (
	"context"
	"testing"
	"time"

	"ruche/backend/analytics"
	"ruche/backend/post"
	"ruche/backend/text"
	"ruche/backend/text/dict"
	"ruche/backend/workspace"
)

type memStore struct {
	words []string
	voice text.Voice
}

func (m *memStore) Words(context.Context, string) ([]string, error) { return m.words, nil }
func (m *memStore) AddWord(_ context.Context, _, w string) error {
	m.words = append(m.words, w)
	return nil
}
func (m *memStore) Voice(context.Context, string) (text.Voice, error) {
	return m.voice, nil
}
func (m *memStore) SaveVoice(_ context.Context, _ string, v text.Voice) error {
	m.voice = v
	return nil
}
func (m *memStore) Post(context.Context, string) (post.Post, error) {
	return post.Post{}, post.ErrNotFound
}

type countingTags struct{ calls int }

func (c *countingTags) TagStats(context.Context, workspace.Workspace, analytics.Texts) ([]text.TagStat, error) {
	c.calls++
	return []text.TagStat{{Tag: "levain", Posts: 3, Engagement: 40}}, nil
}

func TestRead(t *testing.T) {
	ctx := context.Background()
	an, err := text.New(dict.Files())
	if err != nil {
		t.Fatal(err)
	}
	if err := an.Load(ctx); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	ws := workspace.Workspace{ID: "ws", Language: "fr"}
	store, tags := &memStore{}, &countingTags{}
	s := New(an, store, tags, func() time.Time { return now })

	r, err := s.Read(ctx, ws, "Notre pain au levain sort du fourr à 7 h, Fournilou vous attend.")
	if err != nil {
		t.Fatal(err)
	}
	words := map[string]bool{}
	for _, m := range r.Spelling {
		words[m.Word] = true
	}
	if r.Language != "fr" || !r.Ready || !words["fourr"] || !words["Fournilou"] || len(r.Voice) != 0 {
		t.Errorf("Read() = %+v; want French, ready, fourr and Fournilou misspelled, no voice", r)
	}
	if len(r.Tags) == 0 || r.Tags[0].Tag != "levain" || !r.Tags[0].Related {
		t.Errorf("tags = %+v, want #levain, related", r.Tags)
	}

	// The workspace's own word and voice apply; the figures are read again
	// only after TagsTTL.
	s.AddWord(ctx, ws.ID, "Fournilou")
	s.SaveVoice(ctx, ws.ID, text.Voice{Forbidden: []text.VoiceWord{{Word: "attend"}}})
	r, _ = s.Read(ctx, ws, "Fournilou vous attend.")
	if len(r.Spelling) != 0 || len(r.Voice) != 1 {
		t.Errorf("with the workspace's word and voice: %+v; want no misspelling, one voice finding", r)
	}
	if tags.calls != 1 {
		t.Errorf("hashtag figures read %d times within the TTL, want 1", tags.calls)
	}
	now = now.Add(TagsTTL)
	s.Read(ctx, ws, "Bonjour")
	if tags.calls != 2 {
		t.Errorf("hashtag figures read %d times after the TTL, want 2", tags.calls)
	}
	opts, _ := s.Options(ctx, ws)
	if opts.Fallback != "fr" || opts.Voice == nil || len(opts.Words) != 1 {
		t.Errorf("Options() = %+v, want the workspace's language, words and voice", opts)
	}
}
