// Package post is a social media post as the community manager plans it: one
// text adapted per target account (a variant), a scheduled instant, a status
// in the editorial workflow, and the record of its delivery to each target.
//
// A post without an instant is an unscheduled draft; a post with one shows
// on the calendar whatever its status; only a post with status Scheduled is
// waiting for the scheduler (see DueAt).
package post

import (
	"slices"
	"strings"
	"time"

	"ruche/backend/fault"
)

// The errors of this package.
var (
	ErrNotFound          = fault.New(fault.NotFound, "post.not_found")
	ErrConflict          = fault.New(fault.Conflict, "post.conflict")
	ErrWorkspaceRequired = fault.New(fault.Invalid, "post.workspace_required")
	ErrAccountRequired   = fault.New(fault.Invalid, "post.account_required")
	ErrAccountTwice      = fault.New(fault.Invalid, "post.account_twice")
	ErrNetworkRequired   = fault.New(fault.Invalid, "post.network_required")
	ErrNoTargets         = fault.New(fault.Invalid, "post.no_targets")
	ErrTimeRequired      = fault.New(fault.Invalid, "post.time_required")
	ErrTimePast          = fault.New(fault.Invalid, "post.time_past")
	ErrTimeRange         = fault.New(fault.Invalid, "post.time_range")
	ErrMove              = fault.New(fault.Conflict, "post.status_move")
	ErrPublishing        = fault.New(fault.Conflict, "post.publishing")
	ErrPublished         = fault.New(fault.Conflict, "post.published")
)

// Post is one planned publication, to one or more accounts.
type Post struct {
	ID          string    `json:"id"`
	WorkspaceID string    `json:"workspaceId"`
	AuthorNote  string    `json:"authorNote,omitempty"` // for the team, never published
	Status      Status    `json:"status"`
	ScheduledAt time.Time `json:"scheduledAt"` // UTC; zero for an unscheduled draft
	// RetryAt, when set, is when the scheduler tries the post again after a
	// temporary failure; the calendar keeps showing ScheduledAt.
	RetryAt      time.Time  `json:"retryAt,omitzero"`
	Pillar       string     `json:"pillar,omitempty"`    // content pillar, e.g. "behind the scenes"
	Campaigns    []string   `json:"campaigns,omitempty"` // campaign tags
	Variants     []Variant  `json:"variants"`            // one per target account
	Deliveries   []Delivery `json:"deliveries"`          // one per variant, same order
	RecurrenceID string     `json:"recurrenceId,omitempty"`
	CreatedAt    time.Time  `json:"createdAt"`
	UpdatedAt    time.Time  `json:"updatedAt"`
	// Revision counts the saves of the post; a save based on an older
	// revision fails with ErrConflict.
	Revision int `json:"revision"`
}

// Variant is the post as adapted for one target account.
type Variant struct {
	AccountID    string   `json:"accountId"`
	Network      string   `json:"network"` // "bluesky", "mastodon", "x", "threads", "linkedin", "instagram", "testnet"
	Text         string   `json:"text"`
	Link         string   `json:"link,omitempty"`         // shown as a link card where the network has them
	FirstComment string   `json:"firstComment,omitempty"` // where the network has a first comment
	Thread       []string `json:"thread,omitempty"`       // the next posts when the text is split
	Media        []Media  `json:"media,omitempty"`
	// Where the network has them (Mastodon): a content warning shown
	// before the text, who sees the post, and its language (ISO 639-1).
	ContentWarning string `json:"contentWarning,omitempty"`
	Visibility     string `json:"visibility,omitempty"` // "public" (default), "unlisted", "private", "direct"
	Language       string `json:"language,omitempty"`   // "fr", "en"; "" lets the network guess
}

// Media is an image or a video attached to a variant.
type Media struct {
	Path   string `json:"path"` // on the user's disk
	Alt    string `json:"alt,omitempty"`
	MIME   string `json:"mime"`
	Size   int64  `json:"size"` // bytes
	Width  int    `json:"width,omitempty"`
	Height int    `json:"height,omitempty"`
}

// Input holds the fields a user edits.
type Input struct {
	AuthorNote   string
	Pillar       string
	Campaigns    []string
	Variants     []Variant
	RecurrenceID string
}

// Normalize trims the input, drops empty and repeated campaign tags (ignoring
// case) and lowercases network names. Texts are kept as written.
func (in Input) Normalize() Input {
	in.AuthorNote = strings.TrimSpace(in.AuthorNote)
	in.Pillar = strings.TrimSpace(in.Pillar)
	in.RecurrenceID = strings.TrimSpace(in.RecurrenceID)
	var tags []string
	for _, c := range in.Campaigns {
		c = strings.TrimSpace(c)
		if c != "" && !slices.ContainsFunc(tags, func(t string) bool { return strings.EqualFold(t, c) }) {
			tags = append(tags, c)
		}
	}
	in.Campaigns = tags
	vs := make([]Variant, len(in.Variants))
	for i, v := range in.Variants {
		v.AccountID = strings.TrimSpace(v.AccountID)
		v.Network = strings.ToLower(strings.TrimSpace(v.Network))
		v.Link = strings.TrimSpace(v.Link)
		v.Thread = slices.Clone(v.Thread)
		v.Media = slices.Clone(v.Media)
		vs[i] = v
	}
	in.Variants = vs
	return in
}

// Validate checks a normalised input and returns the first problem. Texts
// are checked against each network's rules by package network.
func (in Input) Validate() error {
	seen := map[string]bool{}
	for _, v := range in.Variants {
		switch {
		case v.AccountID == "":
			return ErrAccountRequired.With(nil, nil)
		case v.Network == "":
			return ErrNetworkRequired.With(nil, nil)
		case seen[v.AccountID]:
			return ErrAccountTwice.With(nil, nil)
		}
		seen[v.AccountID] = true
	}
	return nil
}

// apply copies the input's fields into p and keeps one delivery per variant.
func (p *Post) apply(in Input) {
	p.AuthorNote, p.Pillar, p.Campaigns, p.RecurrenceID = in.AuthorNote, in.Pillar, in.Campaigns, in.RecurrenceID
	p.Variants = in.Variants
	p.syncDeliveries()
}

// Variant returns the variant for accountID, nil if the post has none.
func (p *Post) Variant(accountID string) *Variant {
	for i := range p.Variants {
		if p.Variants[i].AccountID == accountID {
			return &p.Variants[i]
		}
	}
	return nil
}

// DueAt returns when the scheduler must act on the post and whether it
// must: only a scheduled post with an instant is due, at RetryAt when set,
// else at ScheduledAt.
func (p Post) DueAt() (time.Time, bool) {
	if p.Status != Scheduled || p.ScheduledAt.IsZero() {
		return time.Time{}, false
	}
	if !p.RetryAt.IsZero() {
		return p.RetryAt, true
	}
	return p.ScheduledAt, true
}

// The instants a post may have: the store keys them by nanoseconds since
// 1970, and no one plans a post for the 23rd century.
var (
	MinTime = time.Unix(0, 0).UTC()
	MaxTime = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)

// CheckTime refuses an instant the store cannot key.
func CheckTime(t time.Time) error {
	if t.Before(MinTime) || !t.Before(MaxTime) {
		return ErrTimeRange.With(nil, nil)
	}
	return nil
}
