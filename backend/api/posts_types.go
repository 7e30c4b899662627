package api

// The DTOs of the Calendar and Composer screens. Instants cross the boundary
// as RFC 3339 UTC; the calendar's days and times are the workspace's local
// wall clock ("YYYY-MM-DD", "HH:MM"), which the backend turns into instants
// with its DST rule (a time skipped by spring-forward moves to the end of the
// gap; a repeated one takes the first occurrence).

// Account is a target account of the current workspace.
type Account struct {
	ID           string       `json:"id"`
	Network      string       `json:"network"`     // "bluesky", "mastodon", "x", "threads", "linkedin", "instagram", "testnet"
	NetworkName  string       `json:"networkName"` // "Bluesky"
	Handle       string       `json:"handle"`
	DisplayName  string       `json:"displayName"`
	Status       string       `json:"status"` // "connected", "demo" (sample account, publishes nowhere), "reconnect_needed"
	Capabilities Capabilities `json:"capabilities"`
}

// Capabilities is what a network accepts, for the composer's counters.
type Capabilities struct {
	TextLimit        int      `json:"textLimit"`
	Counting         string   `json:"counting"`  // "graphemes", "weighted", "bytes"
	ByteLimit        int      `json:"byteLimit"` // 0: none
	URLLength        int      `json:"urlLength"` // a URL counts as this many; 0: as written
	MaxMedia         int      `json:"maxMedia"`
	MaxMediaBytes    int64    `json:"maxMediaBytes"`
	MediaTypes       []string `json:"mediaTypes"`
	Threads          bool     `json:"threads"`
	FirstComment     bool     `json:"firstComment"`
	NativeScheduling bool     `json:"nativeScheduling"`
}

// Media is an image or video attached to a variant.
type Media struct {
	Path   string `json:"path"`
	Alt    string `json:"alt"`
	MIME   string `json:"mime"`
	Size   int64  `json:"size"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// Variant is the post adapted to one target account.
type Variant struct {
	AccountID    string   `json:"accountId"`
	Network      string   `json:"network"`
	Text         string   `json:"text"`
	Link         string   `json:"link"`
	FirstComment string   `json:"firstComment"`
	Thread       []string `json:"thread"` // the following posts when split into a thread
	Media        []Media  `json:"media"`
	// Mastodon only: a content warning shown before the text, who sees
	// the post ("public", "unlisted", "private", "direct"; "" public), and
	// its language ("fr", "en"; "" lets the instance guess).
	ContentWarning string `json:"contentWarning,omitempty"`
	Visibility     string `json:"visibility,omitempty"`
	Language       string `json:"language,omitempty"`
}

// PostInput is what the composer saves.
type PostInput struct {
	AuthorNote string    `json:"authorNote"`
	Pillar     string    `json:"pillar"`
	Campaigns  []string  `json:"campaigns"`
	Variants   []Variant `json:"variants"`
}

// Attempt is one try at publishing to a target.
type Attempt struct {
	At      string `json:"at"`      // RFC 3339 UTC
	Outcome string `json:"outcome"` // "published", "transient", "rate_limited", "auth", "invalid", "unknown"
	Reason  string `json:"reason"`  // translated
}

// Delivery is the publication of a post to one target.
type Delivery struct {
	AccountID string    `json:"accountId"`
	State     string    `json:"state"` // "pending", "published", "failed"
	RemoteID  string    `json:"remoteId"`
	URL       string    `json:"url"`
	Attempts  []Attempt `json:"attempts"`
	HeldUntil string    `json:"heldUntil"` // RFC 3339: the network holds the post and publishes it then itself; "" when not
}

// Post is a post as the calendar and the composer show it.
type Post struct {
	ID          string     `json:"id"`
	WorkspaceID string     `json:"workspaceId"`
	Status      string     `json:"status"`      // draft, in_review, approved, scheduled, publishing, published, failed, missed, paused
	ScheduledAt string     `json:"scheduledAt"` // RFC 3339 UTC; "" for an unscheduled draft
	LocalDate   string     `json:"localDate"`   // in the workspace's zone; "" when unscheduled
	LocalTime   string     `json:"localTime"`   // "HH:MM"
	Zone        string     `json:"zone"`        // the workspace's IANA zone
	Title       string     `json:"title"`       // first line of the first variant, shortened
	AuthorNote  string     `json:"authorNote"`
	Pillar      string     `json:"pillar"`
	Campaigns   []string   `json:"campaigns"`
	Variants    []Variant  `json:"variants"`
	Deliveries  []Delivery `json:"deliveries"`
	Revision    int        `json:"revision"`
	Networks    []string   `json:"networks"` // of the variants, for colours and icons
	HeldBy      []string   `json:"heldBy"`   // networks holding the post to publish it themselves, even with Ruche closed
}

// Day is one local day of a calendar view.
type Day struct {
	Date  string `json:"date"` // "YYYY-MM-DD"
	Posts []Post `json:"posts"`
}

// CalendarView is the posts of a range of local days, bucketed by the one
// function every view uses.
type CalendarView struct {
	Zone   string `json:"zone"`
	From   string `json:"from"` // first day, inclusive
	To     string `json:"to"`   // last day, exclusive
	Days   []Day  `json:"days"`
	Paused *Pause `json:"paused"` // the crisis switch, when on
}

// Count is a variant's text measured by its network's rule.
type Count struct {
	Used      int  `json:"used"`
	Limit     int  `json:"limit"`
	Bytes     int  `json:"bytes"`
	ByteLimit int  `json:"byteLimit"`
	Over      bool `json:"over"`
}

// Finding is a problem of a variant, shown before scheduling.
type Finding struct {
	AccountID string `json:"accountId"`
	Code      string `json:"code"`
	Severity  string `json:"severity"` // "error" blocks scheduling, "warning" does not
	Message   string `json:"message"`  // translated
}

// Check is the composer's live verdict on a post being written.
type Check struct {
	Counts   map[string]Count `json:"counts"` // by account ID
	Findings []Finding        `json:"findings"`
	CanSave  bool             `json:"canSave"` // no finding of severity error
}

// Slot is a weekly queue slot in the workspace's zone.
type Slot struct {
	Weekday int    `json:"weekday"` // 0 Sunday … 6 Saturday
	Time    string `json:"time"`    // "HH:MM"
}

// Pause is the crisis switch.
type Pause struct {
	Reason    string `json:"reason"`
	Since     string `json:"since"`     // RFC 3339 UTC
	Until     string `json:"until"`     // RFC 3339 UTC; "" until resumed by hand
	AllSpaces bool   `json:"allSpaces"` // every workspace, not only the current one
}

// PauseEvent is one line of the crisis switch's audit list.
type PauseEvent struct {
	At        string `json:"at"`
	Action    string `json:"action"` // "pause", "resume", "auto_resume"
	Reason    string `json:"reason"`
	Workspace string `json:"workspace"` // name, or "" for all
	Posts     int    `json:"posts"`     // how many posts it paused or resumed
}

// ImportRow is one row of a CSV file being imported.
type ImportRow struct {
	Line     int       `json:"line"`
	At       string    `json:"at"` // RFC 3339 UTC; "" when unreadable
	Text     string    `json:"text"`
	Link     string    `json:"link"`
	Media    string    `json:"media"`
	Accounts []string  `json:"accounts"`
	Problems []Problem `json:"problems"` // translated; empty: the row can be imported
}

// ImportPreview is what a CSV would import, before anything is saved.
type ImportPreview struct {
	Cancelled bool        `json:"cancelled"`
	Path      string      `json:"path"`
	Token     string      `json:"token"` // pass to ConfirmImport
	Rows      []ImportRow `json:"rows"`
	Valid     int         `json:"valid"`
	Invalid   int         `json:"invalid"`
}

// Recurrence repeats a post: every Every days, weeks or months from Start at
// Time (local), until Until (inclusive) or Count occurrences — one of the two.
type Recurrence struct {
	Start string `json:"start"` // "YYYY-MM-DD"
	Time  string `json:"time"`  // "HH:MM"
	Every int    `json:"every"`
	Unit  string `json:"unit"`  // "day", "week", "month"
	Until string `json:"until"` // "YYYY-MM-DD" or ""
	Count int    `json:"count"` // or 0
}

// Occurrence is one date of a recurrence, in the workspace's zone.
type Occurrence struct {
	At        string `json:"at"` // RFC 3339 UTC
	LocalDate string `json:"localDate"`
	LocalTime string `json:"localTime"`
}
