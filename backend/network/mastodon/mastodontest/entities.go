package mastodontest

import "time"

// The entities the server answers, with the fields and names of
// docs.joinmastodon.org/entities.

// Account is a user, local or remote.
type Account struct {
	ID             string    `json:"id"`
	Username       string    `json:"username"`
	Acct           string    `json:"acct"` // username, or username@domain when remote
	DisplayName    string    `json:"display_name"`
	Locked         bool      `json:"locked"`
	Bot            bool      `json:"bot"`
	Discoverable   bool      `json:"discoverable"`
	Group          bool      `json:"group"`
	CreatedAt      time.Time `json:"created_at"`
	Note           string    `json:"note"`
	URL            string    `json:"url"`
	Avatar         string    `json:"avatar"`
	AvatarStatic   string    `json:"avatar_static"`
	Header         string    `json:"header"`
	HeaderStatic   string    `json:"header_static"`
	FollowersCount int       `json:"followers_count"`
	FollowingCount int       `json:"following_count"`
	StatusesCount  int       `json:"statuses_count"`
	LastStatusAt   *string   `json:"last_status_at"`
	Emojis         []any     `json:"emojis"`
	Fields         []any     `json:"fields"`
}

// CredentialAccount is the account of a token, with its source.
type CredentialAccount struct {
	Account
	Source Source `json:"source"`
}

// Source is what the user typed of their profile.
type Source struct {
	Privacy             string `json:"privacy"`
	Sensitive           bool   `json:"sensitive"`
	Language            string `json:"language"`
	Note                string `json:"note"`
	Fields              []any  `json:"fields"`
	FollowRequestsCount int    `json:"follow_requests_count"`
}

// Application is the app that posted a status.
type Application struct {
	Name    string  `json:"name"`
	Website *string `json:"website"`
}

// CredentialApplication is a registered app, with its secret.
type CredentialApplication struct {
	ID                    string   `json:"id"`
	Name                  string   `json:"name"`
	Website               *string  `json:"website"`
	Scopes                []string `json:"scopes"`
	RedirectURI           string   `json:"redirect_uri"`
	RedirectURIs          []string `json:"redirect_uris"`
	ClientID              string   `json:"client_id"`
	ClientSecret          string   `json:"client_secret"`
	ClientSecretExpiresAt int      `json:"client_secret_expires_at"`
}

// Token is an OAuth token.
type Token struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	Scope       string `json:"scope"`
	CreatedAt   int64  `json:"created_at"`
}

// Status is a post.
type Status struct {
	ID                 string            `json:"id"`
	URI                string            `json:"uri"`
	URL                *string           `json:"url"`
	CreatedAt          time.Time         `json:"created_at"`
	EditedAt           *time.Time        `json:"edited_at"`
	Account            Account           `json:"account"`
	Content            string            `json:"content"`
	Visibility         string            `json:"visibility"`
	Sensitive          bool              `json:"sensitive"`
	SpoilerText        string            `json:"spoiler_text"`
	MediaAttachments   []MediaAttachment `json:"media_attachments"`
	Application        *Application      `json:"application"`
	Mentions           []Mention         `json:"mentions"`
	Tags               []any             `json:"tags"`
	Emojis             []any             `json:"emojis"`
	ReblogsCount       int               `json:"reblogs_count"`
	FavouritesCount    int               `json:"favourites_count"`
	RepliesCount       int               `json:"replies_count"`
	QuotesCount        int               `json:"quotes_count"`
	InReplyToID        *string           `json:"in_reply_to_id"`
	InReplyToAccountID *string           `json:"in_reply_to_account_id"`
	Reblog             *Status           `json:"reblog"`
	Poll               any               `json:"poll"`
	Card               any               `json:"card"`
	Language           *string           `json:"language"`
	Text               *string           `json:"text,omitempty"` // only when deleted: the source, to redraft
	Quote              *Quote            `json:"quote"`
	Favourited         bool              `json:"favourited"`
	Reblogged          bool              `json:"reblogged"`
	Muted              bool              `json:"muted"`
	Bookmarked         bool              `json:"bookmarked"`
	Pinned             bool              `json:"pinned"`
}

// Mention is an account mentioned in a status.
type Mention struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	URL      string `json:"url"`
	Acct     string `json:"acct"`
}

// Quote is a status quoted by another (Mastodon 4.4).
type Quote struct {
	State        string  `json:"state"`
	QuotedStatus *Status `json:"quoted_status"`
}

// MediaAttachment is an uploaded file.
type MediaAttachment struct {
	ID          string  `json:"id"`
	Type        string  `json:"type"` // image, video, gifv, audio, unknown
	URL         *string `json:"url"`  // null while processing
	PreviewURL  *string `json:"preview_url"`
	RemoteURL   *string `json:"remote_url"`
	TextURL     *string `json:"text_url,omitempty"`
	Meta        any     `json:"meta"`
	Description *string `json:"description"`
	Blurhash    *string `json:"blurhash"`
}

// ScheduledStatus is a status the server publishes later.
type ScheduledStatus struct {
	ID               string            `json:"id"`
	ScheduledAt      time.Time         `json:"scheduled_at"`
	Params           ScheduledParams   `json:"params"`
	MediaAttachments []MediaAttachment `json:"media_attachments"`
}

// ScheduledParams are the parameters a scheduled status is published with.
type ScheduledParams struct {
	Text          string   `json:"text"`
	Poll          any      `json:"poll"`
	MediaIDs      []string `json:"media_ids"`
	Sensitive     *bool    `json:"sensitive"`
	SpoilerText   *string  `json:"spoiler_text"`
	Visibility    *string  `json:"visibility"`
	InReplyToID   *string  `json:"in_reply_to_id"`
	Language      *string  `json:"language"`
	ApplicationID int      `json:"application_id"`
	ScheduledAt   *string  `json:"scheduled_at"`
	Idempotency   *string  `json:"idempotency"`
	WithRateLimit bool     `json:"with_rate_limit"`
}

// Notification is an event for an account.
type Notification struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"` // mention, favourite, reblog, follow, quote...
	CreatedAt time.Time `json:"created_at"`
	Account   Account   `json:"account"`
	Status    *Status   `json:"status,omitempty"`
}

// errorBody is the Error entity.
type errorBody struct {
	Error       string `json:"error"`
	Description string `json:"error_description,omitempty"`
}
