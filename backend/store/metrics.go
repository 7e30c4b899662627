package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/post"
)

// The versions of the metric values (see keys.go): the first byte of each.
const (
	metricDayVersion    = 1
	metricPostVersion   = 1
	metricManualVersion = 1
	objectiveVersion    = 1
)

// metricBatch is how many metric values one transaction writes: far below
// Badger's limit on a transaction's size.
const metricBatch = 500

// PutAccountDays saves account days, each replacing the one of its account
// and day.
func (s *Store) PutAccountDays(ctx context.Context, days ...metric.AccountDay) error {
	for _, d := range days {
		if err := checkID("account", d.AccountID); err != nil {
			return err
		}
		if !d.Day.Valid() || post.CheckTime(dayTime(d.Day)) != nil {
			return fmt.Errorf("account day %s of %q: invalid day", d.Day, d.AccountID)
		}
	}
	return batches(ctx, s, days, func(txn *badger.Txn, d metric.AccountDay) error {
		return txn.Set(keyMetricDay(d.AccountID, d.Day), encodeAccountDay(d))
	})
}

// AccountDays returns the days of the accounts accountIDs in [from, to)
// (UTC days), account after account in the order given, each by day.
func (s *Store) AccountDays(ctx context.Context, accountIDs []string, from, to calendar.Day) ([]metric.AccountDay, error) {
	out := make([]metric.AccountDay, 0, min(len(accountIDs)*max(from.DaysUntil(to), 0), 1<<16))
	err := s.view(ctx, func(txn *badger.Txn) error {
		for _, id := range accountIDs {
			prefix := prefixMetricDayOf(id)
			err := scanRange(txn, prefix, appendDay([]byte(prefix), from), appendDay([]byte(prefix), to), func(k, v []byte) error {
				d, err := decodeAccountDay(v)
				if err != nil {
					return fmt.Errorf("account day %q: %w", k, err)
				}
				d.AccountID, d.Day = id, dayOfKey(k, prefix)
				out = append(out, d)
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// LastAccountDay returns the latest day of account accountID, ErrNotFound
// if it has none.
func (s *Store) LastAccountDay(ctx context.Context, accountID string) (metric.AccountDay, error) {
	var d metric.AccountDay
	err := s.view(ctx, func(txn *badger.Txn) error {
		prefix := prefixMetricDayOf(accountID)
		found := false
		err := walk(txn, scan{prefix: prefix, reverse: true}, func(k, v []byte) error {
			var err error
			if d, err = decodeAccountDay(v); err != nil {
				return fmt.Errorf("account day %q: %w", k, err)
			}
			d.AccountID, d.Day, found = accountID, dayOfKey(k, prefix), true
			return errStop
		})
		if err == nil && !found {
			err = ErrNotFound.Because(fmt.Errorf("no day of account %q", accountID))
		}
		return err
	})
	return d, err
}

// PutPostMetrics saves publications' metrics, each replacing the one of its
// workspace, publication instant, post and account.
func (s *Store) PutPostMetrics(ctx context.Context, ms ...metric.PostMetrics) error {
	for _, m := range ms {
		for _, id := range []string{m.WorkspaceID, m.PostID, m.AccountID} {
			if err := checkID("post metrics", id); err != nil {
				return err
			}
		}
		if err := post.CheckTime(m.PublishedAt); err != nil {
			return fmt.Errorf("post metrics of %s at %s: %w", m.PostID, m.PublishedAt.UTC().Format(time.RFC3339), err)
		}
	}
	return batches(ctx, s, ms, func(txn *badger.Txn, m metric.PostMetrics) error {
		return txn.Set(keyMetricPost(m.WorkspaceID, m.PublishedAt, m.PostID, m.AccountID), encodePostMetrics(m))
	})
}

// PostMetricsBetween returns the metrics of the publications of workspace
// wsID published in [from, to), by publication instant.
func (s *Store) PostMetricsBetween(ctx context.Context, wsID string, from, to time.Time) ([]metric.PostMetrics, error) {
	// A year holds thousands of publications: they are gathered in chunks
	// and copied once into a slice of the right size, rather than grown.
	const chunk = 1024
	var chunks [][]metric.PostMetrics
	n := 0
	err := s.EachPostMetrics(ctx, wsID, from, to, func(m metric.PostMetrics) error {
		if n%chunk == 0 {
			chunks = append(chunks, make([]metric.PostMetrics, 0, chunk))
		}
		chunks[len(chunks)-1] = append(chunks[len(chunks)-1], m)
		n++
		return nil
	})
	if err != nil || n == 0 {
		return nil, err
	}
	out := make([]metric.PostMetrics, 0, n)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
}

// EachPostMetrics calls fn with the metrics of each publication of
// workspace wsID published in [from, to), by publication instant, within
// one read transaction; fn returning an error stops and returns it. For a
// caller that keeps them its own way: a dashboard reads thousands.
func (s *Store) EachPostMetrics(ctx context.Context, wsID string, from, to time.Time, fn func(metric.PostMetrics) error) error {
	pd := newPostDecoder()
	return s.view(ctx, func(txn *badger.Txn) error {
		prefix := prefixMetricPostOf(wsID)
		return scanBetween(txn, prefix, from, to, true, func(k, v []byte) error {
			rest := k[len(prefix)+timeLen+1:]
			i := bytes.IndexByte(rest, '/')
			if i < 0 {
				return fmt.Errorf("post metrics key %q: no account", k)
			}
			m, err := pd.decode(v, rest[:i], timeOfKey(k, prefix))
			if err != nil {
				return fmt.Errorf("post metrics %q: %w", k, err)
			}
			m.WorkspaceID, m.AccountID = wsID, pd.names.of(rest[i+1:])
			return fn(m)
		})
	})
}

// interner shares the strings many values repeat (accounts, pillars,
// campaigns) instead of allocating each.
type interner map[string]string

func (in interner) of(b []byte) string {
	if s, ok := in[string(b)]; ok {
		return s
	}
	s := string(b)
	in[s] = s
	return s
}

// PutManuals saves manual figures, each replacing the one of its
// workspace, day, kind and subject.
func (s *Store) PutManuals(ctx context.Context, ms ...metric.Manual) error {
	for _, m := range ms {
		if err := checkID("manual figure", m.WorkspaceID); err != nil {
			return err
		}
		if !m.Day.Valid() || post.CheckTime(dayTime(m.Day)) != nil || !m.Kind.Valid() {
			return fmt.Errorf("manual figure %s %q: invalid day or kind", m.Day, m.Kind)
		}
	}
	return batches(ctx, s, ms, func(txn *badger.Txn, m metric.Manual) error {
		return txn.Set(keyMetricManual(m.WorkspaceID, m.Day, string(m.Kind), m.Subject), encodeManual(m))
	})
}

// DeleteManual removes a manual figure; ErrNotFound if there is none.
func (s *Store) DeleteManual(ctx context.Context, wsID string, d calendar.Day, kind metric.ManualKind, subject string) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		k := keyMetricManual(wsID, d, string(kind), subject)
		if _, err := txn.Get(k); errors.Is(err, badger.ErrKeyNotFound) {
			return ErrNotFound.Because(fmt.Errorf("manual figure %s %s %q", d, kind, subject))
		} else if err != nil {
			return err
		}
		return txn.Delete(k)
	})
}

// Manuals returns the manual figures of workspace wsID for the local days
// [from, to), by day, then kind and subject.
func (s *Store) Manuals(ctx context.Context, wsID string, from, to calendar.Day) ([]metric.Manual, error) {
	var out []metric.Manual
	err := s.view(ctx, func(txn *badger.Txn) error {
		prefix := prefixMetricManualOf(wsID)
		return scanRange(txn, prefix, appendDay([]byte(prefix), from), appendDay([]byte(prefix), to), func(k, v []byte) error {
			if len(k) < len(prefix)+timeLen+1 {
				return fmt.Errorf("manual figure key %q too short", k)
			}
			m, err := decodeManual(v)
			if err != nil {
				return fmt.Errorf("manual figure %q: %w", k, err)
			}
			kind, subject, _ := strings.Cut(string(k[len(prefix)+timeLen+1:]), "/")
			m.WorkspaceID, m.Day, m.Kind, m.Subject = wsID, dayOfKey(k, prefix), metric.ManualKind(kind), subject
			out = append(out, m)
			return nil
		})
	})
	return out, err
}

// PutObjective creates or replaces objective o.
func (s *Store) PutObjective(ctx context.Context, o metric.Objective) error {
	for _, id := range []string{o.WorkspaceID, o.ID} {
		if err := checkID("objective", id); err != nil {
			return err
		}
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		return put(txn, keyObjective(o.WorkspaceID, o.ID), objectiveVersion, o)
	})
}

// Objectives returns the objectives of workspace wsID, oldest first.
func (s *Store) Objectives(ctx context.Context, wsID string) ([]metric.Objective, error) {
	var out []metric.Objective
	err := s.view(ctx, func(txn *badger.Txn) error {
		return each(txn, prefixObjectiveOf(wsID), func(_, v []byte) error {
			var o metric.Objective
			if _, err := decode(v, &o); err != nil {
				return err
			}
			out = append(out, o)
			return nil
		})
	})
	slices.SortStableFunc(out, func(a, b metric.Objective) int { return a.CreatedAt.Compare(b.CreatedAt) })
	return out, err
}

// DeleteObjective removes an objective; ErrNotFound if it is gone.
func (s *Store) DeleteObjective(ctx context.Context, wsID, id string) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		k := keyObjective(wsID, id)
		if _, err := txn.Get(k); errors.Is(err, badger.ErrKeyNotFound) {
			return ErrNotFound.Because(fmt.Errorf("objective %q", id))
		} else if err != nil {
			return err
		}
		return txn.Delete(k)
	})
}

// DeleteMetrics removes every metric of workspace wsID (publications,
// manual figures, objectives, report analyses, community activity and
// answers) and the days and community cursors of the accounts accountIDs:
// for a workspace deleted, or a demo history written again.
func (s *Store) DeleteMetrics(ctx context.Context, wsID string, accountIDs []string) error {
	if err := checkID("workspace", wsID); err != nil {
		return err
	}
	prefixes := []string{prefixMetricPostOf(wsID), prefixMetricManualOf(wsID), prefixObjectiveOf(wsID), prefixAnalysisOf(wsID),
		prefixActivityOf(wsID), prefixAnswerOf(wsID)}
	defer s.community.Add(1)
	keys := [][]byte{[]byte(prefixReportSchedule + wsID)} // single keys: a prefix would take "…/ws10" with "…/ws1"
	for _, id := range accountIDs {
		if err := checkID("account", id); err != nil {
			return err
		}
		prefixes = append(prefixes, prefixMetricDayOf(id))
		keys = append(keys, keyCommunityCursor(id))
	}
	for _, prefix := range prefixes {
		if err := s.deletePrefix(ctx, prefix); err != nil {
			return err
		}
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		for _, k := range keys {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
}

// deletePrefix deletes every key under prefix, a batch per transaction.
func (s *Store) deletePrefix(ctx context.Context, prefix string) error {
	for {
		var keys [][]byte
		err := s.view(ctx, func(txn *badger.Txn) error {
			return walk(txn, scan{prefix: prefix, keysOnly: true}, func(k, _ []byte) error {
				keys = append(keys, bytes.Clone(k))
				if len(keys) == metricBatch*4 {
					return errStop
				}
				return nil
			})
		})
		if err != nil || len(keys) == 0 {
			return err
		}
		if err := s.update(ctx, func(txn *badger.Txn) error {
			for _, k := range keys {
				if err := txn.Delete(k); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
}

// checkID refuses an identifier the keys cannot hold.
func checkID(what, id string) error {
	if id == "" || strings.Contains(id, "/") {
		return fmt.Errorf("%s: identifier %q must be non-empty, without '/'", what, id)
	}
	return nil
}

// batches writes items, metricBatch per transaction.
func batches[T any](ctx context.Context, s *Store, items []T, write func(*badger.Txn, T) error) error {
	for chunk := range slices.Chunk(items, metricBatch) {
		err := s.update(ctx, func(txn *badger.Txn) error {
			for _, it := range chunk {
				if err := write(txn, it); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// scanRange calls fn with each key in [start, end) under prefix and its
// value, in key order; neither is valid after fn returns.
func scanRange(txn *badger.Txn, prefix string, start, end []byte, fn func(k, v []byte) error) error {
	if bytes.Compare(start, end) >= 0 {
		return nil
	}
	// Small values, read in place: no goroutine per item.
	return walk(txn, scan{prefix: prefix, start: start, end: end}, func(k, v []byte) error {
		if len(k) < len(prefix)+timeLen {
			return fmt.Errorf("metric key %q too short", k)
		}
		return fn(k, v)
	})
}

// The metric values: a version byte, then fields as varints (zigzag, so
// that -1 impressions stay one byte), strings and string lists as in the
// calendar entries (post.go), instants as nanoseconds since 1970 (0 for
// the zero time), or in a publication's value as milliseconds after its
// publication (appendSince).

func appendVarint(b []byte, v int64) []byte { return binary.AppendVarint(b, v) }

func appendInstant(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return binary.AppendVarint(b, 0)
	}
	return binary.AppendVarint(b, t.UnixNano())
}

func (d *entryDecoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *entryDecoder) int() int { return int(d.varint()) }

func (d *entryDecoder) instant() time.Time {
	n := d.varint()
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

func (d *entryDecoder) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.BigEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

// check returns the decoder's failure in words, or a version mismatch.
func (d *entryDecoder) check(version, want byte) error {
	switch {
	case version != want:
		return fmt.Errorf("value version %d, want %d", version, want)
	case d.err != nil:
		return errors.New("value truncated")
	}
	return nil
}

func encodeAccountDay(d metric.AccountDay) []byte {
	b := make([]byte, 0, 24)
	b = append(b, metricDayVersion)
	b = appendVarint(b, int64(d.Followers))
	b = appendVarint(b, int64(d.Following))
	b = appendVarint(b, int64(d.Posts))
	return appendInstant(b, d.RefreshedAt)
}

func decodeAccountDay(b []byte) (metric.AccountDay, error) {
	d := entryDecoder{b: b}
	v := d.byte()
	out := metric.AccountDay{Followers: d.int(), Following: d.int(), Posts: d.int(), RefreshedAt: d.instant()}
	return out, d.check(v, metricDayVersion)
}

func appendCounters(b []byte, c metric.Counters) []byte {
	for _, v := range []int{c.Likes, c.Reposts, c.Replies, c.Quotes, c.Impressions} {
		b = appendVarint(b, int64(v))
	}
	return b
}

func encodePostMetrics(m metric.PostMetrics) []byte {
	b := make([]byte, 0, 64+len(m.Title)+len(m.URL)+len(m.RemoteID)+24*len(m.Readings))
	b = append(b, metricPostVersion)
	b = appendString(b, m.Network)
	b = appendString(b, m.Pillar)
	b = appendStrings(b, m.Campaigns)
	b = appendString(b, m.Title)
	b = appendString(b, m.URL)
	b = appendString(b, m.RemoteID)
	b = appendSince(b, m.GoneAt, m.PublishedAt)
	b = binary.AppendUvarint(b, uint64(len(m.Readings)))
	for _, r := range m.Readings {
		b = append(b, byte(r.Checkpoint))
		b = appendCounters(b, r.Counters)
		b = appendSince(b, r.ReadAt, m.PublishedAt)
	}
	return b
}

// appendSince appends t as milliseconds after base, + 1 so that 0 stands
// for the zero time: a few bytes where nanoseconds since 1970 take nine.
func appendSince(b []byte, t, base time.Time) []byte {
	if t.IsZero() {
		return binary.AppendVarint(b, 0)
	}
	ms := t.Sub(base).Milliseconds()
	if ms >= 0 {
		ms++
	}
	return binary.AppendVarint(b, ms)
}

// since reads what appendSince wrote.
func (d *entryDecoder) since(base time.Time) time.Time {
	ms := d.varint()
	switch {
	case ms == 0:
		return time.Time{}
	case ms > 0:
		ms--
	}
	return base.Add(time.Duration(ms) * time.Millisecond)
}

// postDecoder decodes the publications of one scan, sharing what they
// repeat and allocating their readings and texts in blocks: a year's
// dashboard decodes ten thousand of them.
type postDecoder struct {
	names     interner
	readings  []metric.Reading // a block the next publications' readings are cut from
	campaigns []string         // likewise for campaign lists
	scratch   []byte
}

func newPostDecoder() *postDecoder { return &postDecoder{names: interner{}} }

// cutReadings returns n readings from the current block.
func (pd *postDecoder) cutReadings(n int) []metric.Reading {
	if cap(pd.readings)-len(pd.readings) < n {
		pd.readings = make([]metric.Reading, 0, max(n, 4096))
	}
	l := len(pd.readings)
	pd.readings = pd.readings[:l+n]
	return pd.readings[l : l+n : l+n]
}

// cutCampaigns returns room for n campaigns from the current block.
func (pd *postDecoder) cutCampaigns(n int) []string {
	if cap(pd.campaigns)-len(pd.campaigns) < n {
		pd.campaigns = make([]string, 0, max(n, 1024))
	}
	l := len(pd.campaigns)
	pd.campaigns = pd.campaigns[:l+n]
	return pd.campaigns[l : l+n : l+n]
}

// decode reads what encodePostMetrics wrote of the publication of post
// postID at publishedAt, sharing the pillars and campaigns; the caller
// fills the other fields the key holds. Latest is the reading read last.
// The post's identifier, title, link and remote identifier share one
// allocation.
func (pd *postDecoder) decode(b []byte, postID []byte, publishedAt time.Time) (metric.PostMetrics, error) {
	d := entryDecoder{b: b}
	v := d.byte()
	m := metric.PostMetrics{Network: d.known(networkNames), Pillar: pd.names.of(d.bytes()), PublishedAt: publishedAt}
	switch n := d.uvarint(); {
	case n > uint64(len(d.b)):
		d.fail()
	case n > 0:
		m.Campaigns = pd.cutCampaigns(int(n))
		for i := range m.Campaigns {
			m.Campaigns[i] = pd.names.of(d.bytes())
		}
	}
	title, url, remote := d.bytes(), d.bytes(), d.bytes()
	pd.scratch = append(append(append(append(pd.scratch[:0], postID...), title...), url...), remote...)
	texts := string(pd.scratch)
	i := len(postID)
	m.PostID, m.Title, m.URL, m.RemoteID = texts[:i], texts[i:i+len(title)], texts[i+len(title):i+len(title)+len(url)], texts[i+len(title)+len(url):]
	m.GoneAt = d.since(publishedAt)
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
	}
	if n > 0 && d.err == nil {
		m.Readings = pd.cutReadings(int(n))
		for i := range m.Readings {
			r := &m.Readings[i]
			r.Checkpoint = metric.Checkpoint(d.byte())
			r.Likes, r.Reposts, r.Replies, r.Quotes, r.Impressions = d.int(), d.int(), d.int(), d.int(), d.int()
			r.ReadAt = d.since(publishedAt)
			if !r.ReadAt.Before(m.Latest.ReadAt) {
				m.Latest = *r
			}
		}
	}
	if err := d.check(v, metricPostVersion); err != nil {
		return metric.PostMetrics{}, err
	}
	return m, nil
}

func encodeManual(m metric.Manual) []byte {
	b := make([]byte, 0, 32+len(m.Source))
	b = append(b, metricManualVersion)
	b = binary.BigEndian.AppendUint64(b, math.Float64bits(m.Value))
	b = appendString(b, m.Source)
	return appendInstant(b, m.UpdatedAt)
}

func decodeManual(b []byte) (metric.Manual, error) {
	d := entryDecoder{b: b}
	v := d.byte()
	m := metric.Manual{Value: d.float(), Source: d.string(), UpdatedAt: d.instant()}
	return m, d.check(v, metricManualVersion)
}
