package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/post"
)

// The community of a workspace's accounts: what people did towards them
// (likes, replies, mentions... read from the notifications), the answers
// the accounts wrote, and where reading each account goes on from (the
// keys: keys.go). A day's activities share one value: a busy year is tens
// of thousands of notifications, which a year's dashboard reads within a
// few milliseconds as some fourteen thousand values, where one key each
// would take fifty. Saving an activity again (same identifier) replaces it
// in its day.
const (
	activityVersion        = 1
	answerVersion          = 1
	communityCursorVersion = 1
)

// PutCommunity saves the activities and answers read from account
// accountID, then where reading goes on from: a crash in between reads them
// again, and saving one again replaces it.
func (s *Store) PutCommunity(ctx context.Context, accountID string, cur metric.CommunityCursor, acts []metric.Activity, answers []metric.Answer) error {
	if err := checkID("account", accountID); err != nil {
		return err
	}
	defer s.community.Add(1) // even a failure may have written some days
	for _, a := range acts {
		if err := checkTimed("activity", a.WorkspaceID, a.AccountID, a.ID, a.At); err != nil {
			return err
		}
		if !a.Kind.Valid() {
			return fmt.Errorf("activity %q: kind %q", a.ID, a.Kind)
		}
	}
	for _, a := range answers {
		if err := checkTimed("answer", a.WorkspaceID, a.AccountID, a.ID, a.At); err != nil {
			return err
		}
	}
	if err := mergeDays(ctx, s, acts, func(a metric.Activity) []byte { return keyDayOf(prefixActivityOf(a.WorkspaceID), a.At, a.AccountID) },
		func(a metric.Activity) (string, time.Time) { return a.ID, a.At }, decodeActivities, encodeActivities); err != nil {
		return err
	}
	if err := mergeDays(ctx, s, answers, func(a metric.Answer) []byte { return keyDayOf(prefixAnswerOf(a.WorkspaceID), a.At, a.AccountID) },
		func(a metric.Answer) (string, time.Time) { return a.ID, a.At }, decodeAnswers, encodeAnswers); err != nil {
		return err
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		return put(txn, keyCommunityCursor(accountID), communityCursorVersion, cur)
	})
}

// mergeDays adds items to the day values they belong to (key), an item
// with the identifier of one already there replacing it; each day stays
// in time order.
func mergeDays[T any](ctx context.Context, s *Store, items []T, key func(T) []byte, ident func(T) (string, time.Time),
	decode func(v []byte) ([]T, error), encode func([]T) []byte) error {
	byKey := map[string][]T{}
	var keys []string
	for _, it := range items {
		k := string(key(it))
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], it)
	}
	return batches(ctx, s, keys, func(txn *badger.Txn, k string) error {
		var day []T
		v, err := getRaw(txn, []byte(k))
		switch {
		case err == nil:
			if day, err = decode(v); err != nil {
				return fmt.Errorf("community value %q: %w", k, err)
			}
		case !errors.Is(err, ErrNotFound):
			return err
		}
		index := make(map[string]int, len(day))
		for i, it := range day {
			id, _ := ident(it)
			index[id] = i
		}
		for _, it := range byKey[k] {
			id, _ := ident(it)
			if i, ok := index[id]; ok {
				day[i] = it
			} else {
				index[id] = len(day)
				day = append(day, it)
			}
		}
		slices.SortStableFunc(day, func(a, b T) int {
			_, ta := ident(a)
			_, tb := ident(b)
			return ta.Compare(tb)
		})
		return txn.Set([]byte(k), encode(day))
	})
}

// checkTimed refuses what a timed community key cannot hold.
func checkTimed(what, wsID, accountID, id string, at time.Time) error {
	for _, x := range []string{wsID, accountID} {
		if err := checkID(what, x); err != nil {
			return err
		}
	}
	if id == "" {
		return fmt.Errorf("%s: no identifier", what)
	}
	return post.CheckTime(at)
}

// CommunityCursor returns where reading account accountID goes on from;
// the zero cursor when it was never read.
func (s *Store) CommunityCursor(ctx context.Context, accountID string) (metric.CommunityCursor, error) {
	var c metric.CommunityCursor
	err := s.view(ctx, func(txn *badger.Txn) error {
		return get(txn, keyCommunityCursor(accountID), &c)
	})
	if errors.Is(err, ErrNotFound) {
		return metric.CommunityCursor{}, nil
	}
	return c, err
}

// CommunityVersion changes each time community activity or answers may
// have been written or deleted: what was read at one version is still
// there while it does not change.
func (s *Store) CommunityVersion() uint64 { return s.community.Load() }

// Activities returns the activities towards the accounts of workspace wsID
// in [from, to): day after day (UTC), each day account after account, each
// account's by time.
func (s *Store) Activities(ctx context.Context, wsID string, from, to time.Time) ([]metric.Activity, error) {
	return scanDays(ctx, s, prefixActivityOf(wsID), from, to, decodeActivities, func(a metric.Activity) time.Time { return a.At })
}

// Answers returns the answers the accounts of workspace wsID wrote in
// [from, to), in the order of Activities.
func (s *Store) Answers(ctx context.Context, wsID string, from, to time.Time) ([]metric.Answer, error) {
	return scanDays(ctx, s, prefixAnswerOf(wsID), from, to, decodeAnswers, func(a metric.Answer) time.Time { return a.At })
}

// scanDays returns the items of the day values under prefix whose time is
// in [from, to), value after value.
func scanDays[T any](ctx context.Context, s *Store, prefix string, from, to time.Time, decode func([]byte) ([]T, error), at func(T) time.Time) ([]T, error) {
	from, to = clampTime(from), clampTime(to)
	if !from.Before(to) {
		return nil, nil
	}
	first, last := calendar.DayOf(from, time.UTC), calendar.DayOf(to.Add(-time.Nanosecond), time.UTC)
	// Each value's items are kept as decoded, then copied once into a
	// slice of the right size: a year's are tens of thousands.
	var values [][]T
	n := 0
	err := s.view(ctx, func(txn *badger.Txn) error {
		return scanRange(txn, prefix, appendDay([]byte(prefix), first), appendDay([]byte(prefix), last.AddDays(1)), func(k, v []byte) error {
			items, err := decode(v)
			if err != nil {
				return fmt.Errorf("community value %q: %w", k, err)
			}
			kept := items[:0]
			for _, it := range items {
				if t := at(it); !t.Before(from) && t.Before(to) {
					kept = append(kept, it)
				}
			}
			if len(kept) > 0 {
				values = append(values, kept)
				n += len(kept)
			}
			return nil
		})
	})
	if err != nil || n == 0 {
		return nil, err
	}
	out := make([]T, 0, n)
	for _, v := range values {
		out = append(out, v...)
	}
	return out, nil
}

// The day values: a version byte, the count, then each item with its time
// as milliseconds after the day's first item (the first after 1970), its
// strings length-prefixed. Reading a value makes one string of it that
// every text of its items shares.

// activityKinds are the kinds by their byte in a value.
var activityKinds = metric.ActivityKinds

func kindByte(k metric.ActivityKind) byte {
	for i, x := range activityKinds {
		if x == k {
			return byte(i)
		}
	}
	return 0
}

func encodeActivities(acts []metric.Activity) []byte {
	b := make([]byte, 0, 16+len(acts)*64)
	b = append(b, activityVersion)
	b = binary.AppendUvarint(b, uint64(len(acts)))
	var base time.Time
	for i, a := range acts {
		if i == 0 {
			base = a.At
			b = binary.AppendVarint(b, a.At.UnixMilli())
		} else {
			b = binary.AppendVarint(b, a.At.Sub(base).Milliseconds())
		}
		b = append(b, kindByte(a.Kind))
		for _, s := range []string{a.WorkspaceID, a.AccountID, a.ID, a.ActorID, a.Handle, a.Name, a.ItemID} {
			b = appendString(b, s)
		}
	}
	return b
}

func decodeActivities(v []byte) ([]metric.Activity, error) {
	d, version, n, text := openDay(v)
	out := make([]metric.Activity, 0, n)
	var base time.Time
	for i := range n {
		ms := d.varint()
		if i == 0 {
			base = time.UnixMilli(ms).UTC()
			ms = 0
		}
		a := metric.Activity{At: base.Add(time.Duration(ms) * time.Millisecond)}
		if k := int(d.byte()); k < len(activityKinds) {
			a.Kind = activityKinds[k]
		} else {
			d.fail()
		}
		a.WorkspaceID, a.AccountID, a.ID, a.ActorID, a.Handle, a.Name, a.ItemID = text(), text(), text(), text(), text(), text(), text()
		if d.err != nil {
			break
		}
		out = append(out, a)
	}
	return out, d.check(version, activityVersion)
}

func encodeAnswers(answers []metric.Answer) []byte {
	b := make([]byte, 0, 16+len(answers)*64)
	b = append(b, answerVersion)
	b = binary.AppendUvarint(b, uint64(len(answers)))
	for _, a := range answers {
		b = binary.AppendVarint(b, a.At.UnixMilli())
		for _, s := range []string{a.WorkspaceID, a.AccountID, a.ID, a.ParentID} {
			b = appendString(b, s)
		}
	}
	return b
}

func decodeAnswers(v []byte) ([]metric.Answer, error) {
	d, version, n, text := openDay(v)
	out := make([]metric.Answer, 0, n)
	for range n {
		a := metric.Answer{At: time.UnixMilli(d.varint()).UTC()}
		a.WorkspaceID, a.AccountID, a.ID, a.ParentID = text(), text(), text(), text()
		if d.err != nil {
			break
		}
		out = append(out, a)
	}
	return out, d.check(version, answerVersion)
}

// openDay starts reading a day value: its decoder, version byte and count
// of items, and text, which reads a string sharing one copy of v.
func openDay(v []byte) (d *entryDecoder, version byte, n uint64, text func() string) {
	whole := string(v)
	d = &entryDecoder{b: v}
	version = d.byte()
	if n = d.uvarint(); n > uint64(len(v)) {
		d.fail()
		n = 0
	}
	return d, version, n, func() string { return d.sub(whole, len(v)) }
}

// sub reads a length-prefixed string as a part of whole, the string of the
// total bytes being decoded: no copy of its own.
func (d *entryDecoder) sub(whole string, total int) string {
	b := d.bytes()
	end := total - len(d.b)
	return whole[end-len(b) : end]
}
