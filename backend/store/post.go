package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/post"
)

// postVersion is the shape of post.Post in the store.
const postVersion = 1

// Post returns post id, or post.ErrNotFound.
func (s *Store) Post(ctx context.Context, id string) (post.Post, error) {
	var p post.Post
	err := s.view(ctx, func(txn *badger.Txn) error { return getPost(txn, id, &p) })
	return p, err
}

func getPost(txn *badger.Txn, id string, p *post.Post) error {
	item, err := txn.Get(keyPost(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return post.ErrNotFound.Because(ErrNotFound.Because(fmt.Errorf("post %q", id)))
	}
	if err != nil {
		return fmt.Errorf("get post %q: %w", id, err)
	}
	return item.Value(func(b []byte) error { return decodePost(b, p) })
}

// decodePost is decode for posts in one pass over the bytes: the month view
// decodes thousands of them.
func decodePost(b []byte, p *post.Post) error {
	*p = post.Post{}
	e := struct {
		V int        `json:"v"`
		D *post.Post `json:"d"`
	}{D: p}
	if err := json.Unmarshal(b, &e); err != nil {
		return fmt.Errorf("decode post v%d: %w", e.V, err)
	}
	return nil
}

// PutPost creates or replaces p if p.Revision is the stored revision (0 for
// a new post), updating every index in the same transaction, and returns p
// with the next revision. A stale revision gives post.ErrConflict; a post
// deleted meanwhile gives post.ErrNotFound.
func (s *Store) PutPost(ctx context.Context, p post.Post) (post.Post, error) {
	var saved post.Post
	err := s.update(ctx, func(txn *badger.Txn) error {
		var old post.Post
		var oldKeys [][]byte
		switch err := getPost(txn, p.ID, &old); {
		case err == nil:
			if old.Revision != p.Revision {
				return post.ErrConflict.Because(fmt.Errorf("post %s saved from revision %d, stored %d", p.ID, p.Revision, old.Revision))
			}
			oldKeys = postIndexKeys(old)
		case !errors.Is(err, post.ErrNotFound):
			return err
		case p.Revision != 0:
			return post.ErrNotFound.Because(fmt.Errorf("post %s saved from revision %d, no longer stored", p.ID, p.Revision))
		}
		saved = p
		saved.Revision++
		return putPost(txn, oldKeys, saved)
	})
	return saved, err
}

// UpdatePost applies change to post id and saves it with the next revision,
// all in one transaction: what the scheduler uses to mark a post
// "publishing" before the network call. change may run more than once if
// the transaction collides with another one; an error from change aborts
// and is returned as is.
func (s *Store) UpdatePost(ctx context.Context, id string, change func(*post.Post) error) (post.Post, error) {
	var p post.Post
	err := s.update(ctx, func(txn *badger.Txn) error {
		if err := getPost(txn, id, &p); err != nil {
			return err
		}
		oldKeys := postIndexKeys(p)
		if err := change(&p); err != nil {
			return err
		}
		if p.ID != id {
			return fmt.Errorf("update post %s: the change set its id to %q", id, p.ID)
		}
		p.Revision++
		return putPost(txn, oldKeys, p)
	})
	if err != nil {
		return post.Post{}, err
	}
	return p, nil
}

// putPost writes p and its index keys, deleting the keys of oldKeys (those of
// the stored version, nil for a new post) that p no longer has.
func putPost(txn *badger.Txn, oldKeys [][]byte, p post.Post) error {
	if err := checkPost(p); err != nil {
		return err
	}
	newKeys := postIndexKeys(p)
	for _, k := range oldKeys {
		if !containsKey(newKeys, k) {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
	}
	for _, k := range newKeys {
		if !containsKey(oldKeys, k) {
			if err := txn.Set(k, nil); err != nil {
				return err
			}
		}
	}
	if !p.ScheduledAt.IsZero() {
		// The calendar entry changes with the post, even when its key stays.
		if err := txn.Set(keyPostWhen(p.WorkspaceID, p.ScheduledAt, p.ID), encodeEntry(p.Entry())); err != nil {
			return err
		}
	}
	return put(txn, keyPost(p.ID), postVersion, p)
}

// checkPost refuses what the keys cannot hold: an empty identifier, one
// with a '/', an instant before 1970.
func checkPost(p post.Post) error {
	for _, id := range []string{p.ID, p.WorkspaceID} {
		if id == "" || strings.Contains(id, "/") {
			return fmt.Errorf("post %q of workspace %q: identifiers must be non-empty, without '/'", p.ID, p.WorkspaceID)
		}
	}
	for _, t := range []time.Time{p.ScheduledAt, p.RetryAt} {
		if t.IsZero() {
			continue
		}
		if err := post.CheckTime(t); err != nil {
			return fmt.Errorf("post %s at %s: %w", p.ID, t.UTC().Format(time.RFC3339), err)
		}
	}
	return nil
}

// postIndexKeys returns the empty-valued index keys of p, as listed in
// keys.go, and its idx/when key last; putPost writes that one's value.
func postIndexKeys(p post.Post) [][]byte {
	keys := [][]byte{keyPostWorkspace(p.WorkspaceID, p.ID)}
	if p.ScheduledAt.IsZero() {
		keys = append(keys, keyPostDraft(p.WorkspaceID, p.ID))
	}
	if at, ok := p.DueAt(); ok {
		keys = append(keys, keyPostDue(at, p.ID))
	}
	if p.Status == post.Publishing {
		keys = append(keys, keyPostSending(p.ID))
	}
	if len(p.HeldBy()) > 0 {
		keys = append(keys, keyPostHeld(p.ID))
	}
	if !p.ScheduledAt.IsZero() {
		keys = append(keys, keyPostWhen(p.WorkspaceID, p.ScheduledAt, p.ID))
	}
	return keys
}

func containsKey(keys [][]byte, k []byte) bool {
	for _, x := range keys {
		if bytes.Equal(x, k) {
			return true
		}
	}
	return false
}

// DeletePost removes post id and its index keys if its stored revision is
// rev; post.ErrConflict if it changed, post.ErrNotFound if it is gone.
func (s *Store) DeletePost(ctx context.Context, id string, rev int) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		var p post.Post
		if err := getPost(txn, id, &p); err != nil {
			return err
		}
		if p.Revision != rev {
			return post.ErrConflict.Because(fmt.Errorf("post %s deleted from revision %d, stored %d", id, rev, p.Revision))
		}
		return deletePost(txn, p)
	})
}

func deletePost(txn *badger.Txn, p post.Post) error {
	for _, k := range append(postIndexKeys(p), keyPost(p.ID)) {
		if err := txn.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// PostsBetween returns the posts of workspace wsID whose instant is in
// [from, to), by instant, whatever their status.
func (s *Store) PostsBetween(ctx context.Context, wsID string, from, to time.Time) ([]post.Post, error) {
	var ps []post.Post
	err := s.view(ctx, func(txn *badger.Txn) error {
		prefix := prefixPostWhenOf(wsID)
		ids, err := idsBetween(txn, prefix, from, to, 0)
		if err != nil {
			return err
		}
		ps, err = getPosts(txn, ids)
		return err
	})
	return ps, err
}

// Calendar returns the calendar entries of the posts of workspace wsID whose
// instant is in [from, to), by instant, whatever their status. It reads the
// idx/when keys alone, never the records: the month view.
func (s *Store) Calendar(ctx context.Context, wsID string, from, to time.Time) ([]post.Entry, error) {
	var es []post.Entry
	err := s.view(ctx, func(txn *badger.Txn) error {
		prefix := prefixPostWhenOf(wsID)
		return scanBetween(txn, prefix, from, to, true, func(key, value []byte) error {
			e, err := decodeEntry(value)
			if err != nil {
				return fmt.Errorf("calendar entry %q: %w", key, err)
			}
			e.ID = idAfterTime(key, prefix)
			e.ScheduledAt = timeOfKey(key, prefix)
			es = append(es, e)
			return nil
		})
	})
	return es, err
}

// Drafts returns the posts of workspace wsID without an instant, oldest
// first.
func (s *Store) Drafts(ctx context.Context, wsID string) ([]post.Post, error) {
	var ps []post.Post
	err := s.view(ctx, func(txn *badger.Txn) error {
		prefix := prefixPostDraft + wsID + "/"
		ids := keysAfter(txn, prefix)
		var err error
		ps, err = getPosts(txn, ids)
		return err
	})
	return ps, err
}

// Due returns the identifiers of at most limit posts, of every workspace,
// that the scheduler must publish at or before at, the earliest first;
// limit <= 0 means all. Keys only: the scheduler reads each post once, when
// it claims it.
func (s *Store) Due(ctx context.Context, at time.Time, limit int) ([]string, error) {
	var ids []string
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		ids, err = idsBetween(txn, prefixPostDue, post.MinTime, at.Add(1), limit)
		return err
	})
	return ids, err
}

// Publishing returns the posts left with status publishing, of every
// workspace: after a crash, those the scheduler must reconcile with the
// networks before trying again.
func (s *Store) Publishing(ctx context.Context) ([]post.Post, error) {
	var ps []post.Post
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		ps, err = getPosts(txn, keysAfter(txn, prefixPostSending))
		return err
	})
	return ps, err
}

// Held returns the posts a network holds, of every workspace.
func (s *Store) Held(ctx context.Context) ([]post.Post, error) {
	var ps []post.Post
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		ps, err = getPosts(txn, keysAfter(txn, prefixPostHeld))
		return err
	})
	return ps, err
}

// clampTime brings t within the instants a key can hold.
func clampTime(t time.Time) time.Time {
	switch {
	case t.Before(post.MinTime):
		return post.MinTime
	case t.After(post.MaxTime):
		return post.MaxTime
	}
	return t
}

// idsBetween returns the ids of the keys prefix<t>/<id> with t in
// [from, to), in key order, at most limit of them when limit > 0.
func idsBetween(txn *badger.Txn, prefix string, from, to time.Time, limit int) ([]string, error) {
	var ids []string
	err := scanBetween(txn, prefix, from, to, false, func(key, _ []byte) error {
		if limit > 0 && len(ids) == limit {
			return errStop
		}
		ids = append(ids, idAfterTime(key, prefix))
		return nil
	})
	return ids, err
}

// scanBetween calls fn with each key prefix<t>/<id> with t in [from, to),
// in key order, and its value when withValues (nil otherwise). Neither is
// valid after fn returns. fn returning errStop ends the scan.
func scanBetween(txn *badger.Txn, prefix string, from, to time.Time, withValues bool, fn func(key, value []byte) error) error {
	from, to = clampTime(from), clampTime(to)
	if !from.Before(to) {
		return nil
	}
	sc := scan{prefix: prefix, start: appendTime([]byte(prefix), from), end: appendTime([]byte(prefix), to), keysOnly: !withValues}
	return walk(txn, sc, func(k, v []byte) error {
		if len(k) <= len(prefix)+timeLen+1 {
			return fmt.Errorf("index key %q too short", k)
		}
		return fn(k, v)
	})
}

// keysAfter returns what follows prefix in each key under prefix, in key
// order.
func keysAfter(txn *badger.Txn, prefix string) []string {
	var rest []string
	_ = walk(txn, scan{prefix: prefix, keysOnly: true}, func(k, _ []byte) error {
		rest = append(rest, string(k[len(prefix):]))
		return nil
	})
	return rest
}

// getPosts reads the posts ids, in order. An index key without its record
// is a bug: it fails rather than hide the post.
func getPosts(txn *badger.Txn, ids []string) ([]post.Post, error) {
	ps := make([]post.Post, len(ids))
	for i, id := range ids {
		if err := getPost(txn, id, &ps[i]); err != nil {
			return nil, err
		}
	}
	return ps, nil
}

// deleteWorkspacePosts deletes every post of workspace wsID with its index
// keys. A workspace may have more posts than one transaction can hold, so
// they go by batches, each batch a transaction that removes whole posts
// (record and index keys together); the workspace record goes last, so an
// interrupted deletion leaves a workspace that can be deleted again.
func (s *Store) deleteWorkspacePosts(ctx context.Context, wsID string) error {
	const batch = 500
	prefix := prefixPostWorkspace + wsID + "/"
	for {
		var ids []string
		if err := s.view(ctx, func(txn *badger.Txn) error {
			ids = keysAfter(txn, prefix)
			return nil
		}); err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		for len(ids) > 0 {
			n := min(batch, len(ids))
			chunk := ids[:n]
			ids = ids[n:]
			err := s.update(ctx, func(txn *badger.Txn) error {
				for _, id := range chunk {
					if err := txn.Delete(keyPostWorkspace(wsID, id)); err != nil {
						return err
					}
					var p post.Post
					switch err := getPost(txn, id, &p); {
					case errors.Is(err, post.ErrNotFound):
						continue // an index key left without its record
					case err != nil:
						return err
					case p.WorkspaceID == wsID:
						if err := deletePost(txn, p); err != nil {
							return err
						}
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
	}
}

// putNewPosts writes posts that are not in the store yet, with their index
// keys, through one write batch: no revision check, no conflict detection,
// many times faster than a transaction each. For filling a store (tests,
// benchmarks, sample data), never for posts a user may be editing.
func (s *Store) putNewPosts(ps []post.Post) error {
	if err := s.checkSpace(); err != nil {
		return err
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	for _, p := range ps {
		if err := checkPost(p); err != nil {
			return err
		}
		if p.Revision == 0 {
			p.Revision = 1
		}
		b, err := encode(postVersion, p)
		if err != nil {
			return err
		}
		for _, k := range postIndexKeys(p) {
			var v []byte
			if bytes.HasPrefix(k, []byte(prefixPostWhen)) {
				v = encodeEntry(p.Entry())
			}
			if err := wb.Set(k, v); err != nil {
				return s.mapErr(err)
			}
		}
		if err := wb.Set(keyPost(p.ID), b); err != nil {
			return s.mapErr(err)
		}
	}
	return s.mapErr(wb.Flush())
}

// entryVersion is the shape of the calendar entries in idx/when values.
const entryVersion = 1

// encodeEntry writes the parts of e that its key does not hold: a version
// byte, then the revision, status, pillar, campaigns, networks and title as
// uvarint-prefixed strings and counts. Not JSON: decoding 4,000 entries as
// JSON takes 24 ms here, this takes well under 2.
func encodeEntry(e post.Entry) []byte {
	b := make([]byte, 0, 64+len(e.Title))
	b = append(b, entryVersion)
	b = binary.AppendUvarint(b, uint64(e.Revision))
	b = appendString(b, string(e.Status))
	b = appendString(b, e.Pillar)
	b = appendStrings(b, e.Campaigns)
	b = appendStrings(b, e.Networks)
	b = appendString(b, e.Title)
	// Added after version 1 shipped, at the end: older entries stop at
	// the title and decode with no network holding them.
	if len(e.Held) > 0 {
		b = appendStrings(b, e.Held)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendStrings(b []byte, ss []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		b = appendString(b, s)
	}
	return b
}

// decodeEntry reads what encodeEntry wrote; the caller fills the ID and the
// instant from the key.
func decodeEntry(b []byte) (post.Entry, error) {
	d := entryDecoder{b: b}
	if v := d.byte(); v != entryVersion {
		return post.Entry{}, fmt.Errorf("calendar entry version %d, want %d", v, entryVersion)
	}
	e := post.Entry{Revision: int(d.uvarint()), Status: post.Status(d.known(statusNames))}
	e.Pillar = d.string()
	e.Campaigns = d.strings(nil)
	e.Networks = d.strings(networkNames)
	e.Title = d.string()
	if d.err == nil && d.more() {
		e.Held = d.strings(networkNames)
	}
	if d.err != nil {
		return post.Entry{}, d.err
	}
	return e, nil
}

// Names that most entries share, decoded without allocating.
var (
	statusNames  = func() []string { return toStrings(post.Statuses) }()
	networkNames = []string{"bluesky", "mastodon", "x", "threads", "linkedin", "instagram", "testnet"}
)

func toStrings(ss []post.Status) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}

type entryDecoder struct {
	b   []byte
	err error
}

// more reports whether bytes are left to read.
func (d *entryDecoder) more() bool { return len(d.b) > 0 }

func (d *entryDecoder) fail() {
	if d.err == nil {
		d.err = errors.New("calendar entry truncated")
	}
	d.b = nil
}

func (d *entryDecoder) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *entryDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *entryDecoder) bytes() []byte {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	s := d.b[:n]
	d.b = d.b[n:]
	return s
}

func (d *entryDecoder) string() string { return string(d.bytes()) }

// known returns the string read, shared with names when it is one of them.
func (d *entryDecoder) known(names []string) string {
	b := d.bytes()
	for _, n := range names {
		if string(b) == n {
			return n
		}
	}
	return string(b)
}

func (d *entryDecoder) strings(names []string) []string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
	}
	if n == 0 || d.err != nil {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.known(names)
	}
	return ss
}

// UpdatePosts applies change to each post of ids in one transaction and
// saves those for which it returns true; a post deleted meanwhile is
// skipped. It returns the saved posts. The scheduler claims its due posts
// this way: one synced write for a batch instead of one per post. Keep ids
// to a few dozen: a transaction has a size limit.
func (s *Store) UpdatePosts(ctx context.Context, ids []string, change func(*post.Post) (bool, error)) ([]post.Post, error) {
	var saved []post.Post
	err := s.update(ctx, func(txn *badger.Txn) error {
		saved = saved[:0]
		for _, id := range ids {
			var p post.Post
			switch err := getPost(txn, id, &p); {
			case errors.Is(err, post.ErrNotFound):
				continue
			case err != nil:
				return err
			}
			oldKeys := postIndexKeys(p)
			ok, err := change(&p)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if p.ID != id {
				return fmt.Errorf("update post %s: the change set its id to %q", id, p.ID)
			}
			p.Revision++
			if err := putPost(txn, oldKeys, p); err != nil {
				return err
			}
			saved = append(saved, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return saved, nil
}
