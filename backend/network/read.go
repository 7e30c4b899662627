package network

import (
	"context"
	"time"
)

// What Ruche reads back from a network: the notifications for the inbox,
// posts found for listening, and the counters for analytics. Every text
// here came from the internet: it is plain text (a network's HTML is reduced
// to text by its package) and is still shown as text, never as HTML.

// NotificationKind is what happened.
type NotificationKind string

// The kinds of notification.
const (
	Mention NotificationKind = "mention"
	Reply   NotificationKind = "reply"
	Quote   NotificationKind = "quote"
	Like    NotificationKind = "like"   // a favourite on Mastodon
	Repost  NotificationKind = "repost" // a boost on Mastodon
	Follow  NotificationKind = "follow"
)

// Author is who wrote or did something.
type Author struct {
	ID          string `json:"id"`     // the network's identifier (a DID, a Mastodon account id)
	Handle      string `json:"handle"` // e.g. "fan.bsky.social", "@fan@piaille.fr"
	DisplayName string `json:"displayName"`
	AvatarURL   string `json:"avatarUrl,omitempty"`
}

// RemotePost is a post read from a network.
type RemotePost struct {
	ID        string    `json:"id"`  // what Delete and PostStats take (a Mastodon status id, a Bluesky at:// URI)
	URL       string    `json:"url"` // where a person reads it
	Author    Author    `json:"author"`
	Text      string    `json:"text"` // plain text
	CreatedAt time.Time `json:"createdAt"`
	ReplyTo   string    `json:"replyTo,omitempty"` // the ID of the post it answers
	Stats     PostStats `json:"stats"`
}

// Notification is one event of an account's notifications.
type Notification struct {
	ID        string           `json:"id"`
	Kind      NotificationKind `json:"kind"`
	Author    Author           `json:"author"`
	Post      *RemotePost      `json:"post,omitempty"`    // the mention, reply or quote itself
	Subject   string           `json:"subject,omitempty"` // the ID of the account's post liked, reposted or answered
	CreatedAt time.Time        `json:"createdAt"`
}

// AccountStats are an account's counters at a moment.
type AccountStats struct {
	Followers int       `json:"followers"`
	Following int       `json:"following"`
	Posts     int       `json:"posts"`
	At        time.Time `json:"at"`
}

// PostStats are a post's counters at a moment; Impressions is -1 where the
// network does not tell.
type PostStats struct {
	ID          string    `json:"id"`
	Likes       int       `json:"likes"`
	Reposts     int       `json:"reposts"`
	Replies     int       `json:"replies"`
	Quotes      int       `json:"quotes"`
	Impressions int       `json:"impressions"`
	At          time.Time `json:"at"`
}

// Reader is what the inbox and analytics read from a network.
//
// Notifications returns the notifications newer than cursor ("" means the
// most recent page), newest first, and the cursor to pass next time to get
// only newer ones; a network package stores nothing itself.
type Reader interface {
	Notifications(ctx context.Context, account Account, cursor string) ([]Notification, string, error)
	AccountStats(ctx context.Context, account Account) (AccountStats, error)
	PostStats(ctx context.Context, account Account, ids []string) ([]PostStats, error)
}

// Answerer is a Reader that also reads the account's own answers: the posts
// it wrote in reply to another post, from which analytics measures how soon
// the brand answers.
//
// Answers returns the account's replies created after since, newest first,
// reading back a bounded number of pages (a network package stores
// nothing: the caller keeps since).
type Answerer interface {
	Answers(ctx context.Context, account Account, since time.Time) ([]RemotePost, error)
}
