package analytics

import (
	"context"
	"time"

	"ruche/backend/analytics/metric"
	"ruche/backend/text"
	"ruche/backend/workspace"
)

// TagWindow is how far back the hashtags of past publications are weighed.
const TagWindow = 180 * 24 * time.Hour

// Texts gives the text a post was published with to an account; "" when
// the post is gone.
type Texts func(ctx context.Context, postID, accountID string) string

// TagStats returns, for each hashtag of workspace ws's publications of the
// last TagWindow that were read at least once, how many used it and their
// mean interactions (likes + reposts + replies + quotes), for the
// composer's hashtag suggestions (text.SuggestHashtags).
func (s *Service) TagStats(ctx context.Context, ws workspace.Workspace, texts Texts) ([]text.TagStat, error) {
	now := s.now()
	type agg struct {
		tag          string
		posts, inter int
	}
	byTag := map[string]*agg{}
	var order []string
	err := s.store.EachPostMetrics(ctx, ws.ID, now.Add(-TagWindow), now, func(p metric.PostMetrics) error {
		if !p.Read() {
			return nil
		}
		seen := map[string]bool{}
		for _, h := range text.Hashtags(texts(ctx, p.PostID, p.AccountID)) {
			norm := text.NormalizeTag(h.Tag)
			if norm == "" || seen[norm] {
				continue
			}
			seen[norm] = true
			a := byTag[norm]
			if a == nil {
				a = &agg{tag: h.Tag}
				byTag[norm] = a
				order = append(order, norm)
			}
			a.posts++
			a.inter += p.Latest.Interactions()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]text.TagStat, 0, len(order))
	for _, norm := range order {
		a := byTag[norm]
		out = append(out, text.TagStat{Tag: a.tag, Posts: a.posts, Engagement: float64(a.inter) / float64(a.posts)})
	}
	return out, nil
}
