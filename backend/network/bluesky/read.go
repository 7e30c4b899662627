package bluesky

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"time"

	"ruche/backend/network"
)

// The XRPC methods of reading. They are app.bsky methods, sent to the
// account's server, which relays them to the AppView.
const (
	nsidListNotifications = "app.bsky.notification.listNotifications"
	nsidSearchPosts       = "app.bsky.feed.searchPosts"
	nsidGetPosts          = "app.bsky.feed.getPosts"
	nsidGetAuthorFeed     = "app.bsky.feed.getAuthorFeed"
)

// The limits of reading.
const (
	notificationsPage  = 50 // per page
	maxNotificationPgs = 10 // pages read to catch up with a cursor
	searchPage         = 25
	postsPerGet        = 25 // getPosts takes 25 URIs at most
	authorFeedPage     = 100
	maxAuthorFeedPgs   = 5 // pages read back by Answers
)

// actorView is app.bsky.actor.defs#profileViewBasic, in part.
type actorView struct {
	DID         string `json:"did"`
	Handle      string `json:"handle"`
	DisplayName string `json:"displayName"`
	Avatar      string `json:"avatar"`
}

func (v actorView) author() network.Author {
	return network.Author{ID: v.DID, Handle: v.Handle, DisplayName: v.DisplayName, AvatarURL: v.Avatar}
}

// postView is app.bsky.feed.defs#postView, in part.
type postView struct {
	URI         string          `json:"uri"`
	CID         string          `json:"cid"`
	Author      actorView       `json:"author"`
	Record      json.RawMessage `json:"record"`
	ReplyCount  int             `json:"replyCount"`
	RepostCount int             `json:"repostCount"`
	LikeCount   int             `json:"likeCount"`
	QuoteCount  int             `json:"quoteCount"`
	IndexedAt   string          `json:"indexedAt"`
}

// postFields are what Ruche reads of an app.bsky.feed.post record.
type postFields struct {
	Text      string    `json:"text"`
	CreatedAt string    `json:"createdAt"`
	Reply     *replyRef `json:"reply"`
}

// remotePost returns the post of a record by author at uri, indexed at
// indexedAt.
func remotePost(uri string, author actorView, record json.RawMessage, indexedAt string) network.RemotePost {
	var rec postFields
	_ = json.Unmarshal(record, &rec) // a record that is not a post leaves the text empty
	_, _, rkey, _ := parseATURI(uri)
	actor := author.Handle
	if actor == "" || actor == "handle.invalid" {
		actor = author.DID
	}
	p := network.RemotePost{ID: uri, URL: webURL(actor, rkey), Author: author.author(), Text: rec.Text,
		CreatedAt: parseTime(rec.CreatedAt), Stats: network.PostStats{ID: uri, Impressions: -1}}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = parseTime(indexedAt)
	}
	if rec.Reply != nil {
		p.ReplyTo = rec.Reply.Parent.URI
	}
	return p
}

func (v postView) remote(now time.Time) network.RemotePost {
	p := remotePost(v.URI, v.Author, v.Record, v.IndexedAt)
	p.Stats = v.stats(now)
	return p
}

func (v postView) stats(now time.Time) network.PostStats {
	return network.PostStats{ID: v.URI, Likes: v.LikeCount, Reposts: v.RepostCount, Replies: v.ReplyCount,
		Quotes: v.QuoteCount, Impressions: -1, At: now}
}

// parseTime reads an atproto datetime, the zero time if it is not one.
func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// notificationView is app.bsky.notification.listNotifications#notification.
type notificationView struct {
	URI           string          `json:"uri"`
	Author        actorView       `json:"author"`
	Reason        string          `json:"reason"`
	ReasonSubject string          `json:"reasonSubject"`
	Record        json.RawMessage `json:"record"`
	IndexedAt     string          `json:"indexedAt"`
}

// notification returns n for the inbox; ok is false for the reasons the
// inbox does not show (starter packs, verifications, likes of reposts...).
func (n notificationView) notification() (network.Notification, bool) {
	out := network.Notification{ID: n.URI, Author: n.Author.author(), Subject: n.ReasonSubject, CreatedAt: parseTime(n.IndexedAt)}
	switch n.Reason {
	case "like":
		out.Kind = network.Like
	case "repost":
		out.Kind = network.Repost
	case "follow":
		out.Kind, out.Subject = network.Follow, ""
	case "mention", "reply", "quote":
		out.Kind = network.NotificationKind(n.Reason)
		p := remotePost(n.URI, n.Author, n.Record, n.IndexedAt)
		out.Post = &p
		if n.Reason == "reply" && p.ReplyTo != "" {
			out.Subject = p.ReplyTo
		}
	default:
		return network.Notification{}, false
	}
	return out, true
}

// Notifications returns the account's notifications indexed after cursor
// (all of the most recent page when cursor is ""), newest first, and the
// cursor to pass next time: the indexedAt of the newest notification seen,
// or cursor itself when there is nothing new. Reading pages back stops at
// the cursor, or after maxNotificationPgs pages.
func (c *Client) Notifications(ctx context.Context, a network.Account, cursor string) ([]network.Notification, string, error) {
	since := parseTime(cursor)
	next, newest := cursor, since
	var out []network.Notification
	page := ""
	for range maxNotificationPgs {
		q := url.Values{"limit": {strconv.Itoa(notificationsPage)}}
		if page != "" {
			q.Set("cursor", page)
		}
		var ans struct {
			Cursor        string             `json:"cursor"`
			Notifications []notificationView `json:"notifications"`
		}
		if _, err := c.authed(ctx, a, xrpc{nsid: nsidListNotifications, query: q, out: &ans}); err != nil {
			return nil, "", err
		}
		reached := false
		for _, n := range ans.Notifications {
			at := parseTime(n.IndexedAt)
			if !since.IsZero() && !at.After(since) {
				reached = true
				continue
			}
			if at.After(newest) {
				next, newest = n.IndexedAt, at
			}
			if nn, ok := n.notification(); ok {
				out = append(out, nn)
			}
		}
		if since.IsZero() || reached || ans.Cursor == "" || len(ans.Notifications) == 0 {
			break
		}
		page = ans.Cursor
	}
	slices.SortStableFunc(out, func(x, y network.Notification) int { return y.CreatedAt.Compare(x.CreatedAt) })
	return out, next, nil
}

// Search returns the posts matching query, latest first, from cursor ("" for
// the first page), and the cursor of the next page ("" when there is none).
func (c *Client) Search(ctx context.Context, a network.Account, query, cursor string) ([]network.RemotePost, string, error) {
	q := url.Values{"q": {query}, "sort": {"latest"}, "limit": {strconv.Itoa(searchPage)}}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	var ans struct {
		Cursor string     `json:"cursor"`
		Posts  []postView `json:"posts"`
	}
	if _, err := c.authed(ctx, a, xrpc{nsid: nsidSearchPosts, query: q, out: &ans}); err != nil {
		return nil, "", err
	}
	now := c.cfg.Now()
	out := make([]network.RemotePost, 0, len(ans.Posts))
	for _, p := range ans.Posts {
		out = append(out, p.remote(now))
	}
	return out, ans.Cursor, nil
}

// AccountStats returns the account's counters from its profile.
func (c *Client) AccountStats(ctx context.Context, a network.Account) (network.AccountStats, error) {
	p, err := c.Profile(ctx, a)
	if err != nil {
		return network.AccountStats{}, err
	}
	return network.AccountStats{Followers: p.Followers, Following: p.Follows, Posts: p.Posts, At: c.cfg.Now()}, nil
}

// PostStats returns the counters of the posts ids (at:// URIs), in their
// order; a post that is gone is left out. Bluesky does not count
// impressions: Impressions is -1.
func (c *Client) PostStats(ctx context.Context, a network.Account, ids []string) ([]network.PostStats, error) {
	byURI := map[string]postView{}
	for chunk := range slices.Chunk(ids, postsPerGet) {
		var ans struct {
			Posts []postView `json:"posts"`
		}
		if _, err := c.authed(ctx, a, xrpc{nsid: nsidGetPosts, query: url.Values{"uris": chunk}, out: &ans}); err != nil {
			return nil, err
		}
		for _, p := range ans.Posts {
			byURI[p.URI] = p
		}
	}
	now := c.cfg.Now()
	out := make([]network.PostStats, 0, len(ids))
	for _, id := range ids {
		if p, ok := byURI[id]; ok {
			out = append(out, p.stats(now))
		}
	}
	return out, nil
}

// Answers returns the account's replies to other accounts' posts created
// after since, newest first (app.bsky.feed.getAuthorFeed with replies,
// reading back page by page; reposts and the account's own threads are no
// answers).
func (c *Client) Answers(ctx context.Context, a network.Account, since time.Time) ([]network.RemotePost, error) {
	self := c.actor(a)
	var out []network.RemotePost
	cursor := ""
	for range maxAuthorFeedPgs {
		q := url.Values{"actor": {self}, "filter": {"posts_with_replies"}, "limit": {strconv.Itoa(authorFeedPage)}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		var ans struct {
			Cursor string `json:"cursor"`
			Feed   []struct {
				Post   postView        `json:"post"`
				Reason json.RawMessage `json:"reason"`
			} `json:"feed"`
		}
		if _, err := c.authed(ctx, a, xrpc{nsid: nsidGetAuthorFeed, query: q, out: &ans}); err != nil {
			return nil, err
		}
		older := false
		for _, item := range ans.Feed {
			if len(item.Reason) > 0 && string(item.Reason) != "null" {
				continue // a repost: not the account's words
			}
			p := remotePost(item.Post.URI, item.Post.Author, item.Post.Record, item.Post.IndexedAt)
			if !p.CreatedAt.After(since) {
				older = true
				continue
			}
			parent, _, _, _ := parseATURI(p.ReplyTo)
			if p.ReplyTo == "" || parent == item.Post.Author.DID || (self != "" && item.Post.Author.DID != self && item.Post.Author.Handle != self) {
				continue
			}
			out = append(out, p)
		}
		if older || ans.Cursor == "" || len(ans.Feed) == 0 {
			break
		}
		cursor = ans.Cursor
	}
	slices.SortStableFunc(out, func(x, y network.RemotePost) int { return y.CreatedAt.Compare(x.CreatedAt) })
	return out, nil
}
