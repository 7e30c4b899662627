package post

import (
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"slices"
	"time"
)

// DeliveryState is where the delivery to one target stands.
type DeliveryState string

// The delivery states.
const (
	DeliveryPending   DeliveryState = "pending"   // not published yet
	DeliveryPublished DeliveryState = "published" // the network has it: RemoteID is set
	DeliveryFailed    DeliveryState = "failed"    // failed for good; the last attempt says why
)

// Outcome is the result of one attempt to publish to a target.
type Outcome string

// The outcomes of an attempt.
const (
	OutcomePublished   Outcome = "published"
	OutcomeTransient   Outcome = "transient"    // timeout, reset, 5xx: try again
	OutcomeRateLimited Outcome = "rate_limited" // try again after RetryAfter
	OutcomeAuth        Outcome = "auth"         // the account must be reconnected
	OutcomeInvalid     Outcome = "invalid"      // the network refused the content
	OutcomeUnknown     Outcome = "unknown"      // no answer: ask the network before retrying
)

// Delivery is the record of publishing a post to one target account.
type Delivery struct {
	AccountID string `json:"accountId"`
	// IdempotencyKey is sent with every attempt, so that a retry can never
	// publish twice; see IdempotencyKey.
	IdempotencyKey string        `json:"idempotencyKey"`
	State          DeliveryState `json:"state"`
	RemoteID       string        `json:"remoteId,omitempty"`
	URL            string        `json:"url,omitempty"`
	Attempts       []Attempt     `json:"attempts,omitempty"`
	// Held is set while the network holds the post to publish it itself at
	// its time (Mastodon's scheduled statuses): see package hold.
	Held *Held `json:"held,omitempty"`
	// Released counts the copies the network gave back: each hand-over
	// has a key of its own (see HoldKey).
	Released int `json:"released,omitempty"`
	// TriesFrom is where the current round of attempts starts: a failed
	// target rescheduled by the user gets a new round (Tries).
	TriesFrom int `json:"triesFrom,omitempty"`
}

// Tries counts the attempts of the current round.
func (d Delivery) Tries() int { return max(len(d.Attempts)-d.TriesFrom, 0) }

// HoldKey is the idempotency key of the next hand-over of d to its
// network: the same when a hand-over whose answer was lost is tried again,
// a new one after a copy was given back (a network remembers a key and
// would answer with the copy it gave back).
func (d Delivery) HoldKey() string {
	return fmt.Sprintf("%s-h%d", d.IdempotencyKey, d.Released)
}

// Held is a post handed to its network ahead of its time.
type Held struct {
	// ID is the network's identifier of the held post; "" while the
	// hand-over's answer is not recorded: the intent is written before the
	// network is called, so that a crash between the two never forgets a
	// post the network may hold.
	ID string    `json:"id"`
	At time.Time `json:"at"` // when the network publishes it
	// Key is the hand-over's idempotency key (Delivery.HoldKey), by which
	// the network finds a hand-over whose answer was lost.
	Key string `json:"key,omitempty"`
	// Text and Link are the variant's as handed over, by which the
	// network's publication is found once the variant was edited since.
	Text string `json:"text,omitempty"`
	Link string `json:"link,omitempty"`
	// Sum identifies the variant handed over: a variant edited since
	// must be handed over again.
	Sum string `json:"sum"`
}

// HandedOver returns the variant as it was handed over: v with the text
// and link of h where h knows them.
func (h Held) HandedOver(v Variant) Variant {
	if h.Text != "" || h.Link != "" {
		v.Text, v.Link = h.Text, h.Link
	}
	return v
}

// VariantSum returns a digest of what of v a network publishes, to tell
// whether a held copy is still the variant's.
func VariantSum(v Variant) string {
	h := sha256.New()
	for _, s := range []string{v.Text, v.Link, v.ContentWarning, v.Visibility, v.Language} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, m := range v.Media {
		h.Write([]byte(m.Path + "\x00" + m.Alt + "\x00"))
	}
	for _, t := range v.Thread {
		h.Write([]byte(t + "\x00"))
	}
	return keyEncoding.EncodeToString(h.Sum(nil)[:15])
}

// HeldBy returns the networks that hold p, in the order of its deliveries.
func (p Post) HeldBy() []string {
	var nets []string
	for _, d := range p.Deliveries {
		if d.Held == nil {
			continue
		}
		if v := p.Variant(d.AccountID); v != nil && !slices.Contains(nets, v.Network) {
			nets = append(nets, v.Network)
		}
	}
	return nets
}

// Attempt is one try at publishing to a target.
type Attempt struct {
	At      time.Time `json:"at"`
	Outcome Outcome   `json:"outcome"`
	Reason  string    `json:"reason,omitempty"` // an error code with a translated message, e.g. "network.timeout"
	// Args are the values the reason's message needs, e.g. {"status": "503"}.
	Args       map[string]string `json:"args,omitempty"`
	RetryAfter time.Duration     `json:"retryAfter,omitempty"`
}

var keyEncoding = base32.NewEncoding("0123456789abcdefghjkmnpqrstvwxyz").WithPadding(base32.NoPadding)

// IdempotencyKey returns the key that identifies the publication of post
// postID to account accountID: the same for every attempt, different for
// every pair. It is 32 characters of [0-9a-z], which every network accepts
// (a Mastodon Idempotency-Key header, a Bluesky record key).
func IdempotencyKey(postID, accountID string) string {
	sum := sha256.Sum256([]byte("ruche/publish/" + postID + "/" + accountID))
	return keyEncoding.EncodeToString(sum[:20])
}

// Delivery returns the delivery to accountID, nil if the post has none.
func (p *Post) Delivery(accountID string) *Delivery {
	for i := range p.Deliveries {
		if p.Deliveries[i].AccountID == accountID {
			return &p.Deliveries[i]
		}
	}
	return nil
}

// syncDeliveries keeps one delivery per variant, in the variants' order. A
// delivery whose target was removed is dropped unless something was already
// tried: its history is kept, after the others.
func (p *Post) syncDeliveries() {
	out := make([]Delivery, 0, len(p.Variants))
	for _, v := range p.Variants {
		if d := p.Delivery(v.AccountID); d != nil {
			out = append(out, *d)
			continue
		}
		out = append(out, Delivery{AccountID: v.AccountID, IdempotencyKey: IdempotencyKey(p.ID, v.AccountID), State: DeliveryPending})
	}
	for _, d := range p.Deliveries {
		if p.Variant(d.AccountID) == nil && len(d.Attempts) > 0 {
			out = append(out, d)
		}
	}
	p.Deliveries = out
}

// Record adds attempt a to the delivery to accountID and updates its state:
// DeliveryPublished with the remote identifiers when a is OutcomePublished,
// DeliveryFailed when a is an auth or invalid outcome, DeliveryPending
// otherwise. It returns false when the post has no such delivery.
func (p *Post) Record(accountID string, a Attempt, remoteID, url string) bool {
	d := p.Delivery(accountID)
	if d == nil {
		return false
	}
	a.At = a.At.UTC()
	d.Attempts = append(d.Attempts, a)
	switch a.Outcome {
	case OutcomePublished:
		d.State, d.RemoteID, d.URL = DeliveryPublished, remoteID, url
	case OutcomeAuth, OutcomeInvalid:
		d.State = DeliveryFailed
	default:
		d.State = DeliveryPending
	}
	return true
}

// PublishedByNetwork records that the network published the delivery of
// accountID by itself (a post it held) as remoteID at url. The post is
// then published once every target is, whatever its status was: the post
// is out, which no edit or move can take back.
func (p *Post) PublishedByNetwork(accountID string, now time.Time, remoteID, url string) {
	if !p.Record(accountID, Attempt{At: now, Outcome: OutcomePublished}, remoteID, url) {
		return
	}
	for _, d := range p.Deliveries {
		if d.State != DeliveryPublished && p.Variant(d.AccountID) != nil {
			return
		}
	}
	p.Status, p.RetryAt, p.UpdatedAt = Published, time.Time{}, now.UTC()
}

// Message returns a's reason in words through translate (code, values),
// with the network's name for messages that name it.
func (a Attempt) Message(network string, translate func(code string, args map[string]any) string) string {
	if a.Reason == "" {
		return ""
	}
	args := map[string]any{"network": network}
	for k, v := range a.Args {
		args[k] = v
	}
	return translate(a.Reason, args)
}
