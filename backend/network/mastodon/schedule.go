package mastodon

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"ruche/backend/network"
	"ruche/backend/post"
)

// ErrScheduledGone: the scheduled status is no longer on the instance: it
// was published, or cancelled there (network.ErrHeldGone).
var ErrScheduledGone = network.ErrHeldGone

// Schedule hands v to the instance, which publishes it at at by itself
// (POST /api/v1/statuses with scheduled_at), and returns the scheduled
// status's id. The instance needs at least MinScheduleAhead (ErrTooSoon)
// and cannot schedule a thread (ErrThreadNotSchedulable): each reply needs
// the id of the status before it. The Idempotency-Key makes a repeated
// call within the hour return the same scheduled status.
func (c *Client) Schedule(ctx context.Context, a network.Account, v post.Variant, idempotencyKey string, at time.Time) (string, error) {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return "", err
	}
	if len(v.Thread) > 0 {
		return "", netErr(ErrThreadNotSchedulable, 0, nil, nil)
	}
	if err := c.checkAhead(at); err != nil {
		return "", err
	}
	media, err := c.uploadAll(ctx, base, a, v.Media)
	if err != nil {
		return "", err
	}
	form := statusForm(StatusText(v), v, "", media)
	form.Set("scheduled_at", at.UTC().Format(time.RFC3339))
	body, n, h := formBody(form)
	if idempotencyKey != "" {
		h.Set("Idempotency-Key", idempotencyKey)
	}
	var ss scheduledStatus
	if _, err := c.call(ctx, request{op: "schedule", method: http.MethodPost, server: base, path: "/api/v1/statuses", token: a.Token, header: h, body: body, length: n}, &ss); err != nil {
		return "", err
	}
	if ss.ID == "" || ss.ScheduledAt.IsZero() {
		return "", badAnswer("schedule", errors.New("the answer is not a scheduled status"))
	}
	return ss.ID, nil
}

// checkAhead refuses an instant less than MinScheduleAhead from now.
func (c *Client) checkAhead(at time.Time) error {
	if at.Sub(c.cfg.Now()) < MinScheduleAhead {
		return netErr(ErrTooSoon, 0, errors.New("scheduled_at "+at.UTC().Format(time.RFC3339)+" is too close"),
			map[string]any{"minutes": int(MinScheduleAhead / time.Minute)})
	}
	return nil
}

// Reschedule moves scheduled status id to at (PUT
// /api/v1/scheduled_statuses/:id); ErrScheduledGone when the instance no
// longer holds it.
func (c *Client) Reschedule(ctx context.Context, a network.Account, id string, at time.Time) error {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return err
	}
	if err := c.checkAhead(at); err != nil {
		return err
	}
	body, n, h := formBody(url.Values{"scheduled_at": {at.UTC().Format(time.RFC3339)}})
	_, err = c.send(ctx, request{op: "reschedule", method: http.MethodPut, server: base, path: "/api/v1/scheduled_statuses/" + url.PathEscape(id), token: a.Token, header: h, body: body, length: n})
	if statusOf(err) == http.StatusNotFound {
		return netErr(ErrScheduledGone, http.StatusNotFound, err, nil)
	}
	return err
}

// Unschedule cancels scheduled status id (DELETE
// /api/v1/scheduled_statuses/:id); ErrScheduledGone when the instance no
// longer holds it: it may have published it (FindPublished tells).
func (c *Client) Unschedule(ctx context.Context, a network.Account, id string) error {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return err
	}
	_, err = c.send(ctx, request{op: "unschedule", method: http.MethodDelete, server: base, path: "/api/v1/scheduled_statuses/" + url.PathEscape(id), token: a.Token})
	if statusOf(err) == http.StatusNotFound {
		return netErr(ErrScheduledGone, http.StatusNotFound, err, nil)
	}
	return err
}

// scheduledPages bounds how many pages of scheduled statuses FindScheduled
// reads (40 each).
const scheduledPages = 10

// FindScheduled returns the scheduled status made with idempotency key key
// (GET /api/v1/scheduled_statuses: each one's params carry the key it was
// made with); found is false when the instance holds none.
func (c *Client) FindScheduled(ctx context.Context, a network.Account, key string) (string, bool, error) {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return "", false, err
	}
	maxID := ""
	for range scheduledPages {
		q := url.Values{"limit": {"40"}}
		if maxID != "" {
			q.Set("max_id", maxID)
		}
		var page []scheduledStatus
		if _, err := c.call(ctx, request{op: "read the scheduled statuses", method: http.MethodGet, server: base,
			path: "/api/v1/scheduled_statuses?" + q.Encode(), token: a.Token}, &page); err != nil {
			return "", false, err
		}
		for _, ss := range page {
			if ss.Params.Idempotency != nil && *ss.Params.Idempotency == key {
				return ss.ID, true, nil
			}
		}
		if len(page) == 0 {
			return "", false, nil
		}
		maxID = page[len(page)-1].ID
	}
	return "", false, nil
}

// ScheduledStatus returns when scheduled status id is due (GET
// /api/v1/scheduled_statuses/:id); found is false once the instance no
// longer holds it (published, or cancelled there).
func (c *Client) ScheduledStatus(ctx context.Context, a network.Account, id string) (at time.Time, found bool, err error) {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return time.Time{}, false, err
	}
	var ss scheduledStatus
	_, err = c.call(ctx, request{op: "read a scheduled status", method: http.MethodGet, server: base, path: "/api/v1/scheduled_statuses/" + url.PathEscape(id), token: a.Token}, &ss)
	switch {
	case statusOf(err) == http.StatusNotFound:
		return time.Time{}, false, nil
	case err != nil:
		return time.Time{}, false, err
	}
	return ss.ScheduledAt, true, nil
}

// FindPublished finds the status a scheduled status became once the
// instance no longer holds it: among the account's recent statuses, the
// one created from two minutes before scheduledAt to an hour after (the
// instance publishes within minutes), whose plain text is text (as
// StatusText gives it). found is false when there is none: the status was
// cancelled on the instance, or deleted.
func (c *Client) FindPublished(ctx context.Context, a network.Account, scheduledAt time.Time, text string) (network.Result, bool, error) {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return network.Result{}, false, err
	}
	from, to := scheduledAt.Add(-2*time.Minute), scheduledAt.Add(time.Hour)
	st, found, err := c.findStatus(ctx, base, a, from, func(s status) bool {
		return !s.CreatedAt.Before(from) && !s.CreatedAt.After(to) && sameText(PlainText(s.Content), text)
	})
	if err != nil || !found {
		return network.Result{}, false, err
	}
	return network.Result{RemoteID: st.ID, URL: st.link()}, true, nil
}
