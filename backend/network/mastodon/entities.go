package mastodon

import "time"

// The entities of the API the client reads, with only the fields it uses
// (docs.joinmastodon.org/entities).

type account struct {
	ID             string `json:"id"`
	Username       string `json:"username"`
	Acct           string `json:"acct"` // username, or username@domain for a remote account
	DisplayName    string `json:"display_name"`
	URL            string `json:"url"`
	Avatar         string `json:"avatar"`
	FollowersCount int    `json:"followers_count"`
	FollowingCount int    `json:"following_count"`
	StatusesCount  int    `json:"statuses_count"`
}

type status struct {
	ID                 string    `json:"id"`
	URI                string    `json:"uri"`
	URL                *string   `json:"url"`
	CreatedAt          time.Time `json:"created_at"`
	InReplyToID        *string   `json:"in_reply_to_id"`
	InReplyToAccountID *string   `json:"in_reply_to_account_id"`
	Content            string    `json:"content"` // HTML
	SpoilerText        string    `json:"spoiler_text"`
	Account            account   `json:"account"`
	RepliesCount       int       `json:"replies_count"`
	ReblogsCount       int       `json:"reblogs_count"`
	FavouritesCount    int       `json:"favourites_count"`
	QuotesCount        *int      `json:"quotes_count"` // Mastodon 4.5 and later
	Reblog             *status   `json:"reblog"`
	Quote              *quote    `json:"quote"` // Mastodon 4.4 and later
}

type quote struct {
	State        string  `json:"state"`
	QuotedStatus *status `json:"quoted_status"`
	QuotedID     *string `json:"quoted_status_id"` // ShallowQuote
}

// link returns where a person reads s.
func (s status) link() string {
	if s.URL != nil && *s.URL != "" {
		return *s.URL
	}
	return s.URI
}

type mediaAttachment struct {
	ID          string  `json:"id"`
	Type        string  `json:"type"`
	URL         *string `json:"url"` // null while the file is processed
	Description *string `json:"description"`
}

type scheduledStatus struct {
	ID          string    `json:"id"`
	ScheduledAt time.Time `json:"scheduled_at"`
	Params      struct {
		Text        string  `json:"text"`
		Idempotency *string `json:"idempotency"`
	} `json:"params"`
}

type notification struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	CreatedAt time.Time `json:"created_at"`
	Account   account   `json:"account"`
	Status    *status   `json:"status"`
}

type credentialApplication struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	ClientID     string   `json:"client_id"`
	ClientSecret string   `json:"client_secret"`
	RedirectURIs []string `json:"redirect_uris"`
	RedirectURI  string   `json:"redirect_uri"` // before 4.3
	Scopes       []string `json:"scopes"`
}

type instanceV2 struct {
	Domain        string `json:"domain"`
	Title         string `json:"title"`
	Version       string `json:"version"`
	Configuration *struct {
		Statuses         *statusConfiguration `json:"statuses"`
		MediaAttachments *mediaConfiguration  `json:"media_attachments"`
	} `json:"configuration"`
}

type statusConfiguration struct {
	MaxCharacters            int `json:"max_characters"`
	MaxMediaAttachments      int `json:"max_media_attachments"`
	CharactersReservedPerURL int `json:"characters_reserved_per_url"`
}

type mediaConfiguration struct {
	SupportedMIMETypes []string `json:"supported_mime_types"`
	ImageSizeLimit     int64    `json:"image_size_limit"`
	VideoSizeLimit     int64    `json:"video_size_limit"`
}

type instanceV1 struct {
	URI           string `json:"uri"`
	Title         string `json:"title"`
	Version       string `json:"version"`
	Configuration *struct {
		Statuses         *statusConfiguration `json:"statuses"`
		MediaAttachments *mediaConfiguration  `json:"media_attachments"`
	} `json:"configuration"`
}

// idLess reports whether Mastodon id a is older than b: ids are numbers
// written as strings, compared by length and then lexically
// (docs.joinmastodon.org/api/guidelines#id).
func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}
