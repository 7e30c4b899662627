package metric

import (
	"time"

	"ruche/backend/post"
)

// PostOf returns the figures record of post p as delivery d published it,
// before any counter is read: whose, when it went out, and what the KPIs
// filter and show (Describe).
func PostOf(p post.Post, d post.Delivery) PostMetrics {
	m := PostMetrics{WorkspaceID: p.WorkspaceID, PostID: p.ID, AccountID: d.AccountID, PublishedAt: PublishedAt(p, d)}
	m.Describe(p, d)
	return m
}

// Describe copies into m what the KPIs filter and show of post p as
// delivered by d: the network, pillar, campaigns, title and where it is.
func (m *PostMetrics) Describe(p post.Post, d post.Delivery) {
	if v := p.Variant(d.AccountID); v != nil {
		m.Network = v.Network
	}
	m.Pillar, m.Campaigns, m.Title, m.URL, m.RemoteID = p.Pillar, p.Campaigns, post.Title(p), d.URL, d.RemoteID
}

// PublishedAt returns when delivery d of post p went out: the time of its
// last attempt with outcome published, else the post's instant.
func PublishedAt(p post.Post, d post.Delivery) time.Time {
	for i := len(d.Attempts) - 1; i >= 0; i-- {
		if d.Attempts[i].Outcome == post.OutcomePublished {
			return d.Attempts[i].At.UTC()
		}
	}
	return p.ScheduledAt.UTC()
}
