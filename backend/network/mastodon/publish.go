package mastodon

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"ruche/backend/network"
	"ruche/backend/post"
)

// IdempotencyWindow is how long an instance remembers an Idempotency-Key
// (one hour, docs.joinmastodon.org/methods/statuses#create), less a
// margin for clocks.
const IdempotencyWindow = 55 * time.Minute

// StatusText returns the text of the first status of v: its text, and its
// link on a paragraph of its own when the text does not hold it already.
func StatusText(v post.Variant) string {
	text, link := v.Text, strings.TrimSpace(v.Link)
	switch {
	case link == "" || strings.Contains(text, link):
		return text
	case strings.TrimSpace(text) == "":
		return link
	}
	return strings.TrimRight(text, " \t\r\n") + "\n\n" + link
}

// parts returns the texts of the statuses v is published as: the first,
// then one reply per part of the thread.
func parts(v post.Variant) []string {
	return append([]string{StatusText(v)}, v.Thread...)
}

// partKey is the Idempotency-Key of part n of the publication of key: key
// itself for the first status, key/n for the replies.
func partKey(key string, n int) string {
	if n == 0 {
		return key
	}
	return key + "/" + strconv.Itoa(n)
}

// Publish posts v for a with idempotencyKey: the media (POST
// /api/v2/media, waiting while they are processed), then the status (POST
// /api/v1/statuses with the Idempotency-Key header), then each part of the
// thread as a reply to the one before, with the key idempotencyKey/n.
//
// Sending the same key again never makes a second status: within the
// instance's window (IdempotencyWindow) the instance answers the status it
// made; a part already confirmed is skipped, and a part whose earlier
// attempt went unanswered is looked for first (see Lookup), so that a
// retry resumes a thread where it stopped. The result is the first
// status.
func (c *Client) Publish(ctx context.Context, a network.Account, v post.Variant, idempotencyKey string) (network.Result, error) {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return network.Result{}, err
	}
	if idempotencyKey == "" {
		return network.Result{}, errors.New("mastodon: publish: no idempotency key")
	}
	sc := scope(base, a.Token)
	texts := parts(v)
	c.journal.setParts(sc, idempotencyKey, len(texts))
	var root, prev posted
	for n, text := range texts {
		key := partKey(idempotencyKey, n)
		st, found, err := c.known(ctx, base, a, key)
		if err != nil {
			return network.Result{}, err
		}
		if !found {
			var media []string
			if n == 0 {
				if media, err = c.uploadAll(ctx, base, a, v.Media); err != nil {
					return network.Result{}, err
				}
			}
			form := statusForm(text, v, prev.ID, media)
			if st, err = c.postStatus(ctx, base, a, key, form, text, prev.ID); err != nil {
				return network.Result{}, err
			}
		}
		if n == 0 {
			root = st
		}
		prev = st
	}
	return network.Result{RemoteID: root.ID, URL: root.URL}, nil
}

// statusForm is the form of POST /api/v1/statuses for one status of v.
func statusForm(text string, v post.Variant, inReplyTo string, media []string) url.Values {
	f := url.Values{"status": {text}}
	for _, id := range media {
		f.Add("media_ids[]", id)
	}
	if v.ContentWarning != "" {
		f.Set("spoiler_text", v.ContentWarning)
	}
	if v.Visibility != "" {
		f.Set("visibility", v.Visibility)
	}
	if v.Language != "" {
		f.Set("language", v.Language)
	}
	if inReplyTo != "" {
		f.Set("in_reply_to_id", inReplyTo)
	}
	return f
}

// postStatus sends one status with its key, journaling the attempt first.
func (c *Client) postStatus(ctx context.Context, base string, a network.Account, key string, form url.Values, text, parent string) (posted, error) {
	sc := scope(base, a.Token)
	c.journal.sending(sc, key, text, parent, c.cfg.Now())
	body, n, h := formBody(form)
	h.Set("Idempotency-Key", key)
	var st status
	if _, err := c.call(ctx, request{op: "publish", method: http.MethodPost, server: base, path: "/api/v1/statuses", token: a.Token, header: h, body: body, length: n}, &st); err != nil {
		return posted{}, err
	}
	if st.ID == "" {
		return posted{}, badAnswer("publish", errors.New("the status has no id"))
	}
	p := posted{ID: st.ID, URL: st.link()}
	c.journal.done(sc, key, p)
	return p, nil
}

// Lookup answers whether the publication sent.Key is complete on the
// instance, and where its first status is, whatever the delay since the
// attempt and whether this Client made it (a crash, a restart).
//
// Mastodon has no search by Idempotency-Key, but it answers a repeated key
// with the status it made before it validates anything: each part's key is
// first probed with an empty form (POST /api/v1/statuses), which the
// instance either answers with the status (the key was used) or refuses
// (422: text can't be blank), so the probe itself never publishes. The
// instance forgets a key after an hour: a part the probe does not find is
// then looked for among the account's recent statuses, by the text of the
// part (StatusText for the first, each reply answering the one before),
// created since sent.Since. What is found is remembered, so that Publish
// with the same key resumes a thread where it stopped.
//
// Lookup answers found only when every part is there. Limits: a status
// deleted on the instance is not found; the account's statuses are read
// back statusPages pages (120 statuses) at most.
func (c *Client) Lookup(ctx context.Context, a network.Account, sent network.Sent) (network.Result, bool, error) {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return network.Result{}, false, err
	}
	if sent.Key == "" {
		return network.Result{}, false, errors.New("mastodon: lookup: no idempotency key")
	}
	sc := scope(base, a.Token)
	texts := parts(sent.Variant)
	c.journal.setParts(sc, sent.Key, len(texts))
	var root, prev posted
	for n, text := range texts {
		key := partKey(sent.Key, n)
		st, found, err := c.known(ctx, base, a, key)
		if e := c.journal.get(sc, key); err == nil && !found && (e == nil || e.sent.IsZero()) {
			st, found, err = c.rediscover(ctx, base, a, key, text, n == 0, prev.ID, sent.Since)
		}
		if err != nil || !found {
			return network.Result{}, false, err
		}
		if n == 0 {
			root = st
		}
		prev = st
	}
	return network.Result{RemoteID: root.ID, URL: root.URL}, true, nil
}

// rediscover finds the status of a key this Client has no record of: by a
// probe, then by its text among the account's statuses since since (a
// first part answers nothing, a reply answers parent).
func (c *Client) rediscover(ctx context.Context, base string, a network.Account, key, text string, first bool, parent string, since time.Time) (posted, bool, error) {
	p, found, err := c.probe(ctx, base, a, key)
	if err == nil && !found && (first || parent != "") {
		p, found, err = c.scan(ctx, base, a, text, first, parent, since)
	}
	if found {
		c.journal.done(scope(base, a.Token), key, p)
	}
	return p, found, err
}

// known returns the status of key if this Client knows it went out, or
// finds out when an earlier attempt went unanswered: by a probe within the
// instance's window, by the account's recent statuses after it. A key
// never sent is not looked for.
func (c *Client) known(ctx context.Context, base string, a network.Account, key string) (posted, bool, error) {
	sc := scope(base, a.Token)
	e := c.journal.get(sc, key)
	switch {
	case e == nil || e.sent.IsZero() && e.result == nil:
		return posted{}, false, nil
	case e.result != nil:
		return *e.result, true, nil
	}
	var p posted
	var found bool
	var err error
	if c.cfg.Now().Sub(e.sent) < IdempotencyWindow {
		p, found, err = c.probe(ctx, base, a, key)
	} else {
		p, found, err = c.scan(ctx, base, a, e.text, e.parent == "", e.parent, e.sent)
	}
	if found {
		c.journal.done(sc, key, p)
	}
	return p, found, err
}

// probe asks the instance for the status made with key, without ever
// making one (see Lookup).
func (c *Client) probe(ctx context.Context, base string, a network.Account, key string) (posted, bool, error) {
	h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "Idempotency-Key": {key}}
	rep, err := c.send(ctx, request{op: "lookup", method: http.MethodPost, server: base, path: "/api/v1/statuses", token: a.Token,
		header: h, body: strings.NewReader(""), length: 0})
	switch s := statusOf(err); {
	case s == http.StatusUnprocessableEntity || s == http.StatusNotFound:
		return posted{}, false, nil // nothing with this key (or it was deleted)
	case err != nil:
		return posted{}, false, err
	}
	var st status
	if err := json.Unmarshal(rep.body, &st); err != nil || st.ID == "" {
		if err == nil {
			err = errors.New("the status has no id")
		}
		return posted{}, false, badAnswer("lookup", err)
	}
	return posted{ID: st.ID, URL: st.link()}, true, nil
}

// scan looks among the account's recent statuses for one with text,
// created since sent: a first status (first: it answers nothing) or a
// reply to parent.
func (c *Client) scan(ctx context.Context, base string, a network.Account, text string, first bool, parent string, sent time.Time) (posted, bool, error) {
	from := sent.Add(-2 * time.Minute)
	st, found, err := c.findStatus(ctx, base, a, from, func(s status) bool {
		switch {
		case s.CreatedAt.Before(from):
			return false
		case first && s.InReplyToID != nil:
			return false
		case !first && (s.InReplyToID == nil || *s.InReplyToID != parent):
			return false
		}
		return sameText(PlainText(s.Content), text)
	})
	if err != nil || !found {
		return posted{}, false, err
	}
	return posted{ID: st.ID, URL: st.link()}, true, nil
}

// statusPages bounds how far back findStatus reads the account's statuses.
const statusPages = 3

// findStatus returns the first of the account's statuses (newest first,
// boosts left out) that match accepts, reading back to since.
func (c *Client) findStatus(ctx context.Context, base string, a network.Account, since time.Time, match func(status) bool) (status, bool, error) {
	var found status
	ok := false
	err := c.eachStatus(ctx, base, a, since, statusPages, func(s status) bool {
		if match(s) {
			found, ok = s, true
		}
		return !ok
	})
	return found, ok, err
}

// eachStatus calls fn with the account's statuses, newest first, boosts
// left out, page after page (at most pages) until fn returns false or a
// page reaches back before since.
func (c *Client) eachStatus(ctx context.Context, base string, a network.Account, since time.Time, pages int, fn func(status) bool) error {
	id, err := c.selfID(ctx, base, a)
	if err != nil {
		return err
	}
	maxID := ""
	for range pages {
		q := url.Values{"limit": {"40"}, "exclude_reblogs": {"true"}}
		if maxID != "" {
			q.Set("max_id", maxID)
		}
		var page []status
		if _, err := c.call(ctx, request{op: "read the account's statuses", method: http.MethodGet, server: base,
			path: "/api/v1/accounts/" + url.PathEscape(id) + "/statuses?" + q.Encode(), token: a.Token}, &page); err != nil {
			return err
		}
		for _, s := range page {
			if !fn(s) {
				return nil
			}
		}
		if len(page) == 0 || page[len(page)-1].CreatedAt.Before(since) {
			return nil
		}
		maxID = page[len(page)-1].ID
	}
	return nil
}

// remoteMention is @user@server, which Mastodon shows as @user.
var remoteMention = regexp.MustCompile(`(^|[^=/\w])@(\w+)@[\w.-]+\w`)

// sameText reports whether a status's plain text is text as sent: the
// same words, whatever the spacing; a remote mention @user@domain shows
// as @user.
func sameText(shown, sent string) bool {
	shown = strings.Join(strings.Fields(shown), " ")
	for _, s := range []string{sent, remoteMention.ReplaceAllString(sent, "$1@$2")} {
		if strings.Join(strings.Fields(s), " ") == shown {
			return true
		}
	}
	return false
}

// Delete removes status remoteID (DELETE /api/v1/statuses/:id); a status
// already gone is not an error.
func (c *Client) Delete(ctx context.Context, a network.Account, remoteID string) error {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return err
	}
	_, err = c.send(ctx, request{op: "delete", method: http.MethodDelete, server: base, path: "/api/v1/statuses/" + url.PathEscape(remoteID), token: a.Token})
	if statusOf(err) == http.StatusNotFound {
		return nil
	}
	return err
}

// posted is a status the client made.
type posted struct {
	ID, URL string
}

// attempt is what the journal knows of one key: when it was first sent
// and what, and its status once the instance answered.
type attempt struct {
	sent   time.Time
	text   string
	parent string
	result *posted
	total  int    // on a publication's first key: how many parts it has
	seq    uint64 // when it was last touched, for pruning
}

// journal remembers, for the life of the Client, the keys it sent, so
// that a retry resumes instead of guessing. It keeps no token.
type journal struct {
	mu      sync.Mutex
	entries map[string]*attempt // by scope and key
	seq     uint64
}

// journalMax bounds the journal; past it, the older half is forgotten.
const journalMax = 5000

// entry returns the record of key, made if needed; j.mu is held.
func (j *journal) entry(sc, key string) *attempt {
	e := j.entries[sc+"\x00"+key]
	if e == nil {
		if len(j.entries) >= journalMax {
			j.prune()
		}
		e = &attempt{}
		j.entries[sc+"\x00"+key] = e
	}
	j.seq++
	e.seq = j.seq
	return e
}

// prune forgets the older half of the journal; j.mu is held.
func (j *journal) prune() {
	seqs := make([]uint64, 0, len(j.entries))
	for _, e := range j.entries {
		seqs = append(seqs, e.seq)
	}
	slices.Sort(seqs)
	cut := seqs[len(seqs)/2]
	for k, e := range j.entries {
		if e.seq < cut {
			delete(j.entries, k)
		}
	}
}

// get returns a copy of what is known of key, nil if nothing.
func (j *journal) get(sc, key string) *attempt {
	j.mu.Lock()
	defer j.mu.Unlock()
	e, ok := j.entries[sc+"\x00"+key]
	if !ok {
		return nil
	}
	cp := *e
	return &cp
}

// sending records that key is about to be sent, with its text.
func (j *journal) sending(sc, key, text, parent string, now time.Time) {
	j.mu.Lock()
	defer j.mu.Unlock()
	e := j.entry(sc, key)
	if e.sent.IsZero() {
		e.sent = now
	}
	e.text, e.parent = text, parent
}

// done records the status key made.
func (j *journal) done(sc, key string, p posted) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.entry(sc, key).result = &p
}

// setParts records how many statuses the publication of key has.
func (j *journal) setParts(sc, key string, total int) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.entry(sc, key).total = total
}

// parts returns how many statuses the publication of key has, 0 if
// unknown.
func (j *journal) parts(sc, key string) int {
	j.mu.Lock()
	defer j.mu.Unlock()
	if e, ok := j.entries[sc+"\x00"+key]; ok {
		return e.total
	}
	return 0
}
