package network

// Counting is how a network counts the length of a text.
type Counting string

// The ways of counting.
const (
	// Graphemes counts what a reader sees as one character: "é", "👍🏽" and
	// "🇫🇷" are one each.
	Graphemes Counting = "graphemes"
	// Weighted counts as X does (twitter-text, version 3): 1 for most
	// Latin, Greek, Cyrillic, Hebrew, Arabic and Indic characters, 2 for the
	// others (Chinese, Japanese, Korean, emoji) and for each emoji sequence,
	// after NFC normalisation; links and bare domains count URLLength.
	Weighted Counting = "weighted"
	// Bytes counts UTF-8 bytes.
	Bytes Counting = "bytes"
)

// Capabilities is what a network accepts. Media limits are per file.
type Capabilities struct {
	Network   string
	TextLimit int      // in the unit of Counting
	Counting  Counting // how TextLimit is counted
	ByteLimit int      // UTF-8 bytes, checked too when > 0 (Bluesky: 3,000)
	// URLLength is what every link counts for, whatever its length (23 on
	// Mastodon and X); 0 when links count as written.
	URLLength int
	// ShortMentions: a mention @user@server counts as @user (Mastodon).
	ShortMentions bool
	MaxMedia      int   // files per post; 0 means no media
	MaxMediaBytes int64 // per image (and per file that is not a video)
	MaxVideoBytes int64 // per video
	// FitImages, when > 0, is the largest image accepted although over
	// MaxMediaBytes: the network's client downscales and recompresses it
	// to fit (Bluesky).
	FitImages        int64
	MediaTypes       []string
	MediaRequired    bool // a post needs at least one image or video (Instagram)
	Threads          bool // a long text may be split into a thread of replies
	FirstComment     bool // the network has a first comment posted under the post
	NativeScheduling bool // the network can hold a post until its time itself
	Idempotency      bool // the network itself refuses a second post with the same key
}

const mb = 1 << 20

// imagesVideo returns the common media types, a new slice each time.
func imagesVideo() []string {
	return []string{"image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "video/quicktime"}
}

// Defaults returns the published capabilities of network, before the
// network package refines them with what the server says (a Mastodon
// instance's own limit); ok is false for an unknown network.
func Defaults(network string) (caps Capabilities, ok bool) {
	switch network {
	case Bluesky:
		return Capabilities{Network: Bluesky, TextLimit: 300, Counting: Graphemes, ByteLimit: 3000,
			MaxMedia: 4, MaxMediaBytes: 1_000_000, FitImages: 50 * mb,
			// Videos go through Bluesky's own video service, which Ruche
			// does not use yet.
			MediaTypes: []string{"image/jpeg", "image/png", "image/webp"},
			Threads:    true, Idempotency: true}, true
	case Mastodon:
		return Capabilities{Network: Mastodon, TextLimit: 500, Counting: Graphemes, URLLength: 23, ShortMentions: true,
			MaxMedia: 4, MaxMediaBytes: 16 * mb, MaxVideoBytes: 99 * mb, MediaTypes: imagesVideo(),
			Threads: true, NativeScheduling: true, Idempotency: true}, true
	case X:
		return Capabilities{Network: X, TextLimit: 280, Counting: Weighted, URLLength: 23,
			MaxMedia: 4, MaxMediaBytes: 5 * mb, MaxVideoBytes: 512 * mb, MediaTypes: imagesVideo(),
			Threads: true}, true
	case Threads:
		return Capabilities{Network: Threads, TextLimit: 500, Counting: Graphemes,
			MaxMedia: 20, MaxMediaBytes: 8 * mb, MaxVideoBytes: 1024 * mb,
			MediaTypes: []string{"image/jpeg", "image/png", "video/mp4", "video/quicktime"},
			Threads:    true}, true
	case LinkedIn:
		return Capabilities{Network: LinkedIn, TextLimit: 3000, Counting: Graphemes,
			MaxMedia: 20, MaxMediaBytes: 8 * mb, MaxVideoBytes: 5120 * mb,
			MediaTypes:   []string{"image/jpeg", "image/png", "image/gif", "video/mp4"},
			FirstComment: true}, true
	case Instagram:
		return Capabilities{Network: Instagram, TextLimit: 2200, Counting: Graphemes,
			MaxMedia: 10, MaxMediaBytes: 8 * mb, MaxVideoBytes: 1024 * mb,
			MediaTypes:    []string{"image/jpeg", "video/mp4", "video/quicktime"},
			MediaRequired: true, FirstComment: true}, true
	case Testnet:
		return Capabilities{Network: Testnet, TextLimit: 500, Counting: Graphemes,
			MaxMedia: 4, MaxMediaBytes: 1 * mb, MaxVideoBytes: 10 * mb, MediaTypes: imagesVideo(),
			Threads: true, FirstComment: true, Idempotency: true}, true
	}
	return Capabilities{}, false
}
