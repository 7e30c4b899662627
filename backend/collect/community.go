package collect

import (
	"context"
	"fmt"
	"time"

	"ruche/backend/account"
	"ruche/backend/analytics/metric"
	"ruche/backend/network"
	"ruche/backend/post"
)

// collectCommunity reads the account's notifications since its cursor,
// and its answers where the network tells them, and saves them. read is
// false for a failure of the store (err is then the store's), true for
// one of the network.
func (c *Collector) collectCommunity(ctx context.Context, a account.Account, na network.Account, reader network.Reader, now time.Time) (read bool, err error) {
	cur, err := c.store.CommunityCursor(ctx, a.ID)
	if err != nil {
		return false, fmt.Errorf("community cursor of %s: %w", a.ID, err)
	}
	cctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	notes, next, err := reader.Notifications(cctx, na, cur.Notifications)
	cancel()
	if err != nil {
		return true, err
	}
	acts := make([]metric.Activity, 0, len(notes))
	for _, n := range notes {
		if act, ok := activityOf(a, n, now); ok {
			acts = append(acts, act)
		}
	}
	var answers []metric.Answer
	if ans, ok := reader.(network.Answerer); ok {
		newest := cur.AnswersSince // the newest answer read, or where the first read began
		if newest.IsZero() {
			newest = now.Add(-c.cfg.FirstAnswers)
		}
		cctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
		posts, err := ans.Answers(cctx, na, newest.Add(-c.cfg.AnswersOverlap))
		cancel()
		if err != nil {
			return true, err
		}
		for _, p := range posts {
			at := p.CreatedAt.UTC()
			if p.ReplyTo == "" || p.ID == "" || at.IsZero() || post.CheckTime(at) != nil {
				continue
			}
			answers = append(answers, metric.Answer{WorkspaceID: a.WorkspaceID, AccountID: a.ID, ParentID: p.ReplyTo, ID: p.ID, At: at})
			if at.After(newest) {
				newest = at
			}
		}
		cur.AnswersSince = newest
	}
	cur.Notifications, cur.ReadAt = next, now
	if err := c.store.PutCommunity(ctx, a.ID, cur, acts, answers); err != nil {
		return false, fmt.Errorf("community of %s: %w", a.ID, err)
	}
	return true, nil
}

// activityOf returns notification n of account a as an activity; ok is
// false for one that names nobody or no time a key can hold.
func activityOf(a account.Account, n network.Notification, now time.Time) (metric.Activity, bool) {
	at := n.CreatedAt.UTC()
	if at.IsZero() || at.After(now) {
		at = now // a network's clock ahead of ours: never in the future
	}
	kind := metric.ActivityKind(n.Kind)
	if n.ID == "" || n.Author.ID == "" || !kind.Valid() || post.CheckTime(at) != nil {
		return metric.Activity{}, false
	}
	act := metric.Activity{WorkspaceID: a.WorkspaceID, AccountID: a.ID, ID: n.ID, Kind: kind, At: at,
		ActorID: n.Author.ID, Handle: n.Author.Handle, Name: n.Author.DisplayName}
	if n.Post != nil {
		act.ItemID = n.Post.ID
	}
	return act, true
}
