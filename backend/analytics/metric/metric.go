// Package metric is the figures analytics keeps: an account's daily
// counters, a published post's counters at fixed checkpoints after its
// publication, the figures a community manager types or imports (ad spend,
// website visits, followers of a network Ruche cannot read), and the
// objectives of a workspace. The store keeps them (store/metrics.go);
// package analytics collects them and turns them into KPIs.
package metric

import (
	"time"

	"ruche/backend/calendar"
)

// AccountDay is an account's counters on one UTC day: the reading taken
// that day (one a day), and when it was taken.
type AccountDay struct {
	AccountID   string       `json:"accountId"`
	Day         calendar.Day `json:"day"` // the UTC day of RefreshedAt
	Followers   int          `json:"followers"`
	Following   int          `json:"following"`
	Posts       int          `json:"posts"`
	RefreshedAt time.Time    `json:"refreshedAt"` // UTC
}

// Checkpoint is a moment after a publication at which its counters are
// read.
type Checkpoint uint8

// The checkpoints, in order.
const (
	After1h Checkpoint = iota + 1
	After24h
	After7d
	After30d
)

// Checkpoints lists the checkpoints in order.
var Checkpoints = []Checkpoint{After1h, After24h, After7d, After30d}

// Delay returns how long after the publication c comes.
func (c Checkpoint) Delay() time.Duration {
	switch c {
	case After1h:
		return time.Hour
	case After24h:
		return 24 * time.Hour
	case After7d:
		return 7 * 24 * time.Hour
	case After30d:
		return 30 * 24 * time.Hour
	}
	return 0
}

// String returns "1h", "24h", "7d" or "30d".
func (c Checkpoint) String() string {
	switch c {
	case After1h:
		return "1h"
	case After24h:
		return "24h"
	case After7d:
		return "7d"
	case After30d:
		return "30d"
	}
	return "?"
}

// Valid reports whether c is one of the checkpoints.
func (c Checkpoint) Valid() bool { return c >= After1h && c <= After30d }

// MarshalText writes the checkpoint as String does.
func (c Checkpoint) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Counters are a post's counters at one reading. Impressions is -1 where
// the network does not tell.
type Counters struct {
	Likes       int `json:"likes"`
	Reposts     int `json:"reposts"`
	Replies     int `json:"replies"`
	Quotes      int `json:"quotes"`
	Impressions int `json:"impressions"`
}

// Interactions returns likes + reposts + replies + quotes.
func (c Counters) Interactions() int { return c.Likes + c.Reposts + c.Replies + c.Quotes }

// Reading is the counters read at one checkpoint.
type Reading struct {
	Checkpoint Checkpoint `json:"checkpoint"`
	Counters
	ReadAt time.Time `json:"readAt"` // UTC
}

// PostMetrics is what analytics knows of one publication: a post published
// to one account. It carries what the KPIs filter and show (network,
// pillar, campaigns, title, link), copied from the post when it is read,
// so that the dashboard never reads the posts themselves and a post deleted
// from Ruche keeps its history.
type PostMetrics struct {
	WorkspaceID string    `json:"workspaceId"`
	PostID      string    `json:"postId"`
	AccountID   string    `json:"accountId"`
	Network     string    `json:"network"`
	Pillar      string    `json:"pillar,omitempty"`
	Campaigns   []string  `json:"campaigns,omitempty"`
	Title       string    `json:"title,omitempty"`
	URL         string    `json:"url,omitempty"`
	RemoteID    string    `json:"remoteId,omitempty"`
	PublishedAt time.Time `json:"publishedAt"` // UTC: the attempt that published it
	// Readings are the counters read at each checkpoint, in checkpoint
	// order, at most one each; a checkpoint missed (Ruche was closed) has
	// none.
	Readings []Reading `json:"readings,omitempty" ts_type:"Array<Record<string, any>>"`
	// Latest is the most recent reading, whichever checkpoint it was; its
	// zero value (ReadAt zero) means never read.
	Latest Reading `json:"latest"`
	// GoneAt is when the network no longer had the post (deleted there);
	// zero while it has it. Its counters stay those of its last reading.
	GoneAt time.Time `json:"goneAt,omitzero"`
}

// Read reports whether p has been read at least once.
func (p PostMetrics) Read() bool { return !p.Latest.ReadAt.IsZero() }

// Reading returns the reading at checkpoint c, if any.
func (p PostMetrics) Reading(c Checkpoint) (Reading, bool) {
	for _, r := range p.Readings {
		if r.Checkpoint == c {
			return r, true
		}
	}
	return Reading{}, false
}

// LastCheckpoint returns the latest checkpoint read, 0 if none.
func (p PostMetrics) LastCheckpoint() Checkpoint {
	var last Checkpoint
	for _, r := range p.Readings {
		last = max(last, r.Checkpoint)
	}
	return last
}

// Record adds the reading r (its checkpoint replaced if already read) and
// makes it the latest when it is newer.
func (p *PostMetrics) Record(r Reading) {
	r.ReadAt = r.ReadAt.UTC()
	out := p.Readings[:0:0]
	placed := false
	for _, x := range p.Readings {
		switch {
		case x.Checkpoint == r.Checkpoint:
			continue
		case !placed && x.Checkpoint > r.Checkpoint:
			out = append(out, r)
			placed = true
		}
		out = append(out, x)
	}
	if !placed {
		out = append(out, r)
	}
	p.Readings = out
	if !r.ReadAt.Before(p.Latest.ReadAt) {
		p.Latest = r
	}
}

// Due returns the checkpoint of p to read at now: the latest checkpoint
// whose time has come, when neither it nor a later one was read. Earlier
// checkpoints missed while Ruche was closed are not read late: a reading
// three days after publication is no "1 hour" figure. ok is false when
// nothing is due (or the post is gone).
func (p PostMetrics) Due(now time.Time) (Checkpoint, bool) {
	if !p.GoneAt.IsZero() {
		return 0, false
	}
	last := p.LastCheckpoint()
	var due Checkpoint
	for _, c := range Checkpoints {
		if c > last && !now.Before(p.PublishedAt.Add(c.Delay())) {
			due = c
		}
	}
	return due, due != 0
}

// NextDue returns when the next checkpoint of p comes after now; ok is
// false when every checkpoint has passed or the post is gone.
func (p PostMetrics) NextDue(now time.Time) (time.Time, bool) {
	if !p.GoneAt.IsZero() {
		return time.Time{}, false
	}
	last := p.LastCheckpoint()
	for _, c := range Checkpoints {
		if at := p.PublishedAt.Add(c.Delay()); c > last && at.After(now) {
			return at, true
		}
	}
	return time.Time{}, false
}

// Complete reports whether p will not be read again: its last checkpoint
// was read, or it is gone.
func (p PostMetrics) Complete() bool {
	return !p.GoneAt.IsZero() || p.LastCheckpoint() == After30d
}

// ManualKind is what a manual figure measures.
type ManualKind string

// The kinds of manual figure.
const (
	AdSpend         ManualKind = "ad_spend"         // money spent on ads, in cents of the workspace's currency
	WebsiteSessions ManualKind = "website_sessions" // visits of the website (Google Analytics sessions)
	WebsiteUsers    ManualKind = "website_users"    // visitors of the website
	Followers       ManualKind = "followers"        // followers on a network Ruche cannot read; Subject is the network
)

// ManualKinds lists the kinds of manual figure.
var ManualKinds = []ManualKind{AdSpend, WebsiteSessions, WebsiteUsers, Followers}

// Valid reports whether k is one of the kinds.
func (k ManualKind) Valid() bool {
	for _, x := range ManualKinds {
		if k == x {
			return true
		}
	}
	return false
}

// The sources of manual figures.
const (
	SourceTyped = "typed"            // typed in the app
	SourceGA    = "google_analytics" // imported from a Google Analytics CSV export
	SourceDemo  = "demo"             // the demo workspace's sample history
)

// Manual is a figure typed or imported for a workspace's local day. Day,
// Kind and Subject identify it: saving the same three again replaces it.
type Manual struct {
	WorkspaceID string       `json:"workspaceId"`
	Day         calendar.Day `json:"day"` // a day in the workspace's zone
	Kind        ManualKind   `json:"kind"`
	// Subject is what the figure is about within its kind: the network of
	// a Followers figure ("linkedin"), the "source / medium" of website
	// figures ("google / organic"), "" for the whole.
	Subject   string    `json:"subject,omitempty"`
	Value     float64   `json:"value"`  // a count, or cents for AdSpend
	Source    string    `json:"source"` // SourceTyped, SourceGA...
	UpdatedAt time.Time `json:"updatedAt"`
}

// ObjectiveKind is what an objective measures.
type ObjectiveKind string

// The kinds of objective.
const (
	// FollowerGrowth: followers won between Start and Deadline, on the
	// objective's network (all networks when empty). Target is a count.
	FollowerGrowth ObjectiveKind = "follower_growth"
	// EngagementRate: the engagement rate of the posts published between
	// Start and Deadline (see analytics.EngagementRate). Target is a
	// percentage (4 for 4 %).
	EngagementRate ObjectiveKind = "engagement_rate"
	// PostsPerWeek: publications per week between Start and Deadline.
	PostsPerWeek ObjectiveKind = "posts_per_week"
	// ResponseTime: median time to answer a reply or mention, in minutes;
	// lower is better (see analytics.ResponseTimes).
	ResponseTime ObjectiveKind = "response_time"
)

// ObjectiveKinds lists the kinds of objective.
var ObjectiveKinds = []ObjectiveKind{FollowerGrowth, EngagementRate, PostsPerWeek, ResponseTime}

// Valid reports whether k is one of the kinds.
func (k ObjectiveKind) Valid() bool {
	for _, x := range ObjectiveKinds {
		if k == x {
			return true
		}
	}
	return false
}

// Objective is a target a workspace sets itself, e.g. "+500 followers on
// Bluesky by June 30", "a 4 % engagement rate", "replies within 2 hours".
type Objective struct {
	ID          string        `json:"id"`
	WorkspaceID string        `json:"workspaceId"`
	Kind        ObjectiveKind `json:"kind"`
	Network     string        `json:"network,omitempty"` // "" for every network
	Target      float64       `json:"target"`
	Start       calendar.Day  `json:"start"`    // local day, included
	Deadline    calendar.Day  `json:"deadline"` // local day, included
	Note        string        `json:"note,omitempty"`
	CreatedAt   time.Time     `json:"createdAt"`
}

// ReportPlan is a workspace's monthly client report, written by itself to
// a folder once each month is over.
type ReportPlan struct {
	WorkspaceID string `json:"workspaceId"`
	Folder      string `json:"folder"`           // where the PDF files go
	Lang        string `json:"lang"`             // "fr", "en"; "" is the workspace's language
	Agency      string `json:"agency,omitempty"` // printed on the cover
	// Last is the last month written, "YYYY-MM"; "" before the first.
	Last string `json:"last,omitempty"`
}

// ActivityKind is what a person did towards an account.
type ActivityKind string

// The kinds of activity, as the networks' notifications tell them.
const (
	ActLike    ActivityKind = "like"
	ActRepost  ActivityKind = "repost"
	ActReply   ActivityKind = "reply"   // an answer to one of the account's posts
	ActMention ActivityKind = "mention" // a post naming the account
	ActQuote   ActivityKind = "quote"
	ActFollow  ActivityKind = "follow"
)

// ActivityKinds lists the kinds of activity.
var ActivityKinds = []ActivityKind{ActLike, ActRepost, ActReply, ActMention, ActQuote, ActFollow}

// Valid reports whether k is one of the kinds.
func (k ActivityKind) Valid() bool {
	for _, x := range ActivityKinds {
		if k == x {
			return true
		}
	}
	return false
}

// AwaitsAnswer reports whether an activity of kind k is somebody speaking
// to the brand, which a community manager answers: a reply or a mention.
func (k ActivityKind) AwaitsAnswer() bool { return k == ActReply || k == ActMention }

// Activity is one thing a person did towards a connected account, read
// from its notifications: who (as the network names them), what, when, and
// for a reply, mention or quote the post they wrote (ItemID), which the
// account's answer replies to. Every text here came from the internet.
type Activity struct {
	WorkspaceID string       `json:"workspaceId"`
	AccountID   string       `json:"accountId"`
	ID          string       `json:"id"` // the notification's identifier
	Kind        ActivityKind `json:"kind"`
	At          time.Time    `json:"at"` // UTC
	ActorID     string       `json:"actorId"`
	Handle      string       `json:"handle"`
	Name        string       `json:"name,omitempty"`
	ItemID      string       `json:"itemId,omitempty"`
}

// Answer is a post a connected account wrote in reply to another's post
// (ParentID), wherever it was written: Ruche or the network's own app.
type Answer struct {
	WorkspaceID string    `json:"workspaceId"`
	AccountID   string    `json:"accountId"`
	ParentID    string    `json:"parentId"`
	ID          string    `json:"id"`
	At          time.Time `json:"at"` // UTC
}

// CommunityCursor is where reading an account's notifications and
// answers goes on from.
type CommunityCursor struct {
	Notifications string    `json:"notifications"` // the network's cursor
	AnswersSince  time.Time `json:"answersSince"`  // the newest answer read
	ReadAt        time.Time `json:"readAt"`        // the last read
}
