package bluesky

import (
	"context"
	"errors"
	"slices"
	"time"

	"ruche/backend/network"
)

// MentionTTL is how long the composer's answer about a handle is kept.
const MentionTTL = 10 * time.Minute

type mentionAnswer struct {
	known bool
	at    time.Time
}

// UnknownMentions returns the handles mentioned in texts that lead to no
// account, each once, for the composer to flag while the user can still fix
// them (publishing would refuse them). Answers are kept MentionTTL. When the
// server cannot be asked (offline), it returns what it could check and the
// error.
func (c *Client) UnknownMentions(ctx context.Context, a network.Account, texts ...string) ([]string, error) {
	resolve := c.mentionResolver(a)
	var unknown []string
	for _, text := range texts {
		for _, s := range findSpans(text) {
			if s.Kind != featureMention || slices.Contains(unknown, "@"+s.Value) {
				continue
			}
			known, err := c.mentionKnown(ctx, resolve, s.Value)
			if err != nil {
				return unknown, err
			}
			if !known {
				unknown = append(unknown, "@"+s.Value)
			}
		}
	}
	return unknown, nil
}

func (c *Client) mentionKnown(ctx context.Context, resolve resolver, handle string) (bool, error) {
	now := c.cfg.Now()
	c.mentionsMu.Lock()
	ans, ok := c.mentions[handle]
	c.mentionsMu.Unlock()
	if ok && now.Sub(ans.at) < MentionTTL {
		return ans.known, nil
	}
	_, err := resolve(ctx, handle)
	known := err == nil
	if err != nil && !errors.Is(err, errNoSuchHandle) {
		return false, err
	}
	c.mentionsMu.Lock()
	c.mentions[handle] = mentionAnswer{known: known, at: now}
	c.mentionsMu.Unlock()
	return known, nil
}
