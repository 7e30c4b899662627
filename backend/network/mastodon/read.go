package mastodon

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"ruche/backend/network"
)

// The notifications the inbox reads: mentions (and replies, which are
// mentions answering a status), favourites, boosts, follows and quotes
// (Mastodon 4.5; older instances ignore the type).
var notificationTypes = []string{"mention", "favourite", "reblog", "follow", "quote"}

const (
	notificationLimit = 80 // the most GET /api/v1/notifications returns at once
	notificationPages = 10 // the most pages one call reads
)

// Notifications returns the account's notifications newer than cursor
// (a notification id; "" for the most recent page), newest first, and the
// cursor to pass next time.
//
// With a cursor it pages forward from it (min_id, then the min_id of the
// Link header's rel="prev"), so that nothing between the cursor and now is
// skipped; when more than notificationPages pages are newer, it returns
// the older ones and the next call goes on from there.
func (c *Client) Notifications(ctx context.Context, a network.Account, cursor string) ([]network.Notification, string, error) {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return nil, cursor, err
	}
	q := url.Values{"limit": {"80"}}
	q["types[]"] = notificationTypes
	var all []notification
	if cursor == "" {
		page, _, err := c.notificationPage(ctx, base, a, q)
		if err != nil {
			return nil, cursor, err
		}
		all = page
	} else {
		minID := cursor
		for range notificationPages {
			q.Set("min_id", minID)
			page, link, err := c.notificationPage(ctx, base, a, q)
			if err != nil {
				return nil, cursor, err
			}
			all = append(all, page...)
			if len(page) < notificationLimit {
				break
			}
			next := linkParam(link, "prev", "min_id", base)
			if next == "" {
				next = page[0].ID
				for _, n := range page {
					if idLess(next, n.ID) {
						next = n.ID
					}
				}
			}
			if !idLess(minID, next) {
				break
			}
			minID = next
		}
	}
	slices.SortFunc(all, func(x, y notification) int {
		switch {
		case idLess(y.ID, x.ID):
			return -1
		case idLess(x.ID, y.ID):
			return 1
		}
		return 0
	})
	all = slices.CompactFunc(all, func(x, y notification) bool { return x.ID == y.ID })
	next := cursor
	if len(all) > 0 && (cursor == "" || idLess(cursor, all[0].ID)) {
		next = all[0].ID
	}
	domain := handleDomain(a.Handle, base)
	out := make([]network.Notification, 0, len(all))
	for _, n := range all {
		if cursor != "" && !idLess(cursor, n.ID) {
			continue
		}
		if nn, ok := c.toNotification(n, domain); ok {
			out = append(out, nn)
		}
	}
	return out, next, nil
}

func (c *Client) notificationPage(ctx context.Context, base string, a network.Account, q url.Values) ([]notification, string, error) {
	var page []notification
	rep, err := c.call(ctx, request{op: "read notifications", method: http.MethodGet, server: base, path: "/api/v1/notifications?" + q.Encode(), token: a.Token}, &page)
	if err != nil {
		return nil, "", err
	}
	return page, rep.header.Get("Link"), nil
}

var linkPart = regexp.MustCompile(`<([^>]*)>\s*;\s*rel="?([a-z]+)"?`)

// linkParam returns parameter param of the rel link of a Link header
// (docs.joinmastodon.org/api/guidelines#pagination), "" when absent or
// pointing at another host than base's: only the parameter is used, the
// request is built by the client.
func linkParam(header, rel, param, base string) string {
	for _, m := range linkPart.FindAllStringSubmatch(header, -1) {
		if m[2] != rel {
			continue
		}
		u, err := url.Parse(m[1])
		if err != nil || (u.Host != "" && !strings.EqualFold(u.Hostname(), hostOf(base))) {
			return ""
		}
		return u.Query().Get(param)
	}
	return ""
}

// toNotification maps a notification; false for a type the inbox does not
// show.
func (c *Client) toNotification(n notification, domain string) (network.Notification, bool) {
	out := network.Notification{ID: n.ID, Author: toAuthor(n.Account, domain), CreatedAt: n.CreatedAt}
	st := n.Status
	switch n.Type {
	case "mention":
		if st == nil {
			return out, false
		}
		out.Kind = network.Mention
		if st.InReplyToID != nil && *st.InReplyToID != "" {
			out.Kind, out.Subject = network.Reply, *st.InReplyToID
		}
		p := c.remotePost(*st, domain)
		out.Post = &p
	case "quote":
		if st == nil {
			return out, false
		}
		out.Kind = network.Quote
		p := c.remotePost(*st, domain)
		out.Post = &p
		if q := st.Quote; q != nil {
			switch {
			case q.QuotedStatus != nil:
				out.Subject = q.QuotedStatus.ID
			case q.QuotedID != nil:
				out.Subject = *q.QuotedID
			}
		}
	case "favourite", "reblog":
		if st == nil {
			return out, false
		}
		out.Kind, out.Subject = network.Like, st.ID
		if n.Type == "reblog" {
			out.Kind = network.Repost
		}
	case "follow":
		out.Kind = network.Follow
	default:
		return out, false
	}
	return out, true
}

// toAuthor maps an account; a local account's acct has no domain, which
// is domain.
func toAuthor(acc account, domain string) network.Author {
	handle := "@" + acc.Acct
	if !strings.Contains(acc.Acct, "@") && domain != "" {
		handle += "@" + domain
	}
	name := acc.DisplayName
	if name == "" {
		name = acc.Username
	}
	return network.Author{ID: acc.ID, Handle: handle, DisplayName: name, AvatarURL: acc.Avatar}
}

// remotePost maps a status; its content warning, when it has one, comes
// first on a paragraph of its own.
func (c *Client) remotePost(s status, domain string) network.RemotePost {
	text := PlainText(s.Content)
	if cw := strings.TrimSpace(s.SpoilerText); cw != "" {
		text = strings.TrimSpace(cw + "\n\n" + text)
	}
	p := network.RemotePost{ID: s.ID, URL: s.link(), Author: toAuthor(s.Account, domain), Text: text,
		CreatedAt: s.CreatedAt, Stats: c.stats(s)}
	if s.InReplyToID != nil {
		p.ReplyTo = *s.InReplyToID
	}
	return p
}

func (c *Client) stats(s status) network.PostStats {
	ps := network.PostStats{ID: s.ID, Likes: s.FavouritesCount, Reposts: s.ReblogsCount, Replies: s.RepliesCount,
		Impressions: -1, At: c.cfg.Now().UTC()}
	if s.QuotesCount != nil {
		ps.Quotes = *s.QuotesCount
	}
	return ps
}

// handleDomain returns the domain of a handle "@user@domain", else the
// server's host.
func handleDomain(handle, base string) string {
	if i := strings.LastIndex(handle, "@"); i > 0 && i < len(handle)-1 {
		return handle[i+1:]
	}
	return hostOf(base)
}

// PostStats returns the counters of the statuses ids (GET
// /api/v1/statuses/:id each, four at a time), in the order asked; a status
// deleted since is left out. Mastodon does not count impressions: -1.
func (c *Client) PostStats(ctx context.Context, a network.Account, ids []string) ([]network.PostStats, error) {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return nil, err
	}
	got := make([]*network.PostStats, len(ids))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i, id := range ids {
		g.Go(func() error {
			var st status
			_, err := c.call(gctx, request{op: "read a status", method: http.MethodGet, server: base, path: "/api/v1/statuses/" + url.PathEscape(id), token: a.Token}, &st)
			switch {
			case statusOf(err) == http.StatusNotFound:
				return nil
			case err != nil:
				return err
			}
			ps := c.stats(st)
			got[i] = &ps
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	out := make([]network.PostStats, 0, len(ids))
	for _, ps := range got {
		if ps != nil {
			out = append(out, *ps)
		}
	}
	return out, nil
}

// answerPages bounds how far back Answers reads: 400 statuses.
const answerPages = 10

// Answers returns the account's replies to other statuses created after
// since, newest first (GET /api/v1/accounts/:id/statuses, reading back page
// by page; a thread of the account's own answering itself is no answer).
func (c *Client) Answers(ctx context.Context, a network.Account, since time.Time) ([]network.RemotePost, error) {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return nil, err
	}
	domain := handleDomain(a.Handle, base)
	var out []network.RemotePost
	err = c.eachStatus(ctx, base, a, since, answerPages, func(s status) bool {
		if !s.CreatedAt.After(since) {
			return false
		}
		if s.InReplyToID != nil && (s.InReplyToAccountID == nil || *s.InReplyToAccountID != s.Account.ID) {
			out = append(out, c.remotePost(s, domain))
		}
		return true
	})
	return out, err
}
