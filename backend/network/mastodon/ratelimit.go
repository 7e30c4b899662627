package mastodon

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"ruche/backend/network"
)

// rateState is what an instance last said of an account's rate limit
// (docs.joinmastodon.org/api/rate-limits): X-RateLimit-Remaining requests
// until X-RateLimit-Reset.
type rateState struct {
	remaining int
	reset     time.Time
}

// noteRate keeps the rate limit headers of an answer, and after a 429
// marks the budget spent until the reset.
func (c *Client) noteRate(server, token string, resp *http.Response) {
	h := resp.Header
	remaining, err := strconv.Atoi(strings.TrimSpace(h.Get("X-RateLimit-Remaining")))
	if resp.StatusCode == http.StatusTooManyRequests {
		remaining, err = 0, nil
	}
	if err != nil {
		return
	}
	now := c.cfg.Now()
	reset := now.Add(c.resetIn(h))
	if resp.StatusCode == http.StatusTooManyRequests {
		if ra := network.RetryAfter(h.Get("Retry-After"), now); now.Add(ra).After(reset) {
			reset = now.Add(ra)
		}
	}
	c.rateMu.Lock()
	defer c.rateMu.Unlock()
	key := scope(server, token)
	if remaining > 0 || !reset.After(now) {
		delete(c.rates, key)
		return
	}
	c.rates[key] = rateState{remaining: remaining, reset: reset}
}

// resetIn reads X-RateLimit-Reset (ISO 8601) as a wait from now; 0 when
// absent, invalid or past.
func (c *Client) resetIn(h http.Header) time.Duration {
	v := strings.TrimSpace(h.Get("X-RateLimit-Reset"))
	if v == "" {
		return 0
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return 0
	}
	d := t.Sub(c.cfg.Now())
	if d <= 0 || d > 24*time.Hour {
		return 0
	}
	return d
}

// waitRate holds a request while the account has no request left: it
// waits for the reset when that is within MaxRateWait, else refuses with
// network.ErrRateLimited and how long to wait, without asking the
// instance.
func (c *Client) waitRate(ctx context.Context, server, token string) error {
	key := scope(server, token)
	c.rateMu.Lock()
	st, limited := c.rates[key]
	c.rateMu.Unlock()
	if !limited {
		return nil
	}
	wait := st.reset.Sub(c.cfg.Now())
	if wait <= 0 {
		c.rateMu.Lock()
		if c.rates[key] == st {
			delete(c.rates, key)
		}
		c.rateMu.Unlock()
		return nil
	}
	if c.cfg.MaxRateWait < 0 || wait > c.cfg.MaxRateWait {
		e := network.NewError(network.Mastodon, network.ErrRateLimited, 0,
			errors.New("the account's request budget is spent until "+st.reset.UTC().Format(time.RFC3339)))
		e.RetryAfter = wait
		return e
	}
	if err := c.cfg.Sleep(ctx, wait); err != nil {
		return err
	}
	c.rateMu.Lock()
	if c.rates[key] == st {
		delete(c.rates, key)
	}
	c.rateMu.Unlock()
	return nil
}
