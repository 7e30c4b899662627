package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// envelope wraps every JSON value with the version of its shape, so that a
// migration knows what it reads.
type envelope struct {
	V int             `json:"v"`
	D json.RawMessage `json:"d"`
}

func encode(version int, v any) ([]byte, error) {
	d, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	return json.Marshal(envelope{V: version, D: d})
}

// decode reads a value written by encode into v and returns its version.
func decode(b []byte, v any) (int, error) {
	var e envelope
	if err := json.Unmarshal(b, &e); err != nil {
		return 0, fmt.Errorf("decode envelope: %w", err)
	}
	if err := json.Unmarshal(e.D, v); err != nil {
		return e.V, fmt.Errorf("decode value v%d: %w", e.V, err)
	}
	return e.V, nil
}

// get reads key into v; ErrNotFound when it is absent.
func get(txn *badger.Txn, key []byte, v any) error {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return ErrNotFound.Because(fmt.Errorf("key %q", key))
	}
	if err != nil {
		return fmt.Errorf("get %q: %w", key, err)
	}
	return item.Value(func(b []byte) error {
		_, err := decode(b, v)
		return err
	})
}

// getRaw returns a copy of key's value; ErrNotFound when it is absent.
func getRaw(txn *badger.Txn, key []byte) ([]byte, error) {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, ErrNotFound.Because(fmt.Errorf("key %q", key))
	}
	if err != nil {
		return nil, fmt.Errorf("get %q: %w", key, err)
	}
	return item.ValueCopy(nil)
}

func put(txn *badger.Txn, key []byte, version int, v any) error {
	b, err := encode(version, v)
	if err != nil {
		return err
	}
	return txn.Set(key, b)
}

// each calls fn with the value of every key under prefix, in key order.
func each(txn *badger.Txn, prefix string, fn func(key, value []byte) error) error {
	return walk(txn, scan{prefix: prefix, prefetch: true}, fn)
}

// scan is one walk over the keys under a prefix: from start (nil: the
// first, or the last in reverse) to end, excluded (nil: no end).
type scan struct {
	prefix     string
	start, end []byte
	reverse    bool // from the last key down
	keysOnly   bool // fn gets no value
	prefetch   bool // values read ahead (large values); else read in place
}

// walk calls fn with each key of sc and its value, in key order (or
// reverse); neither is valid after fn returns. fn returning errStop ends
// the walk without an error. Every iteration of the store goes through it.
func walk(txn *badger.Txn, sc scan, fn func(key, value []byte) error) error {
	opts := badger.DefaultIteratorOptions
	opts.Prefix = []byte(sc.prefix)
	opts.Reverse = sc.reverse
	opts.PrefetchValues = sc.prefetch && !sc.keysOnly
	it := txn.NewIterator(opts)
	defer it.Close()
	start := sc.start
	if start == nil && sc.reverse {
		start = append([]byte(sc.prefix), 0xff) // in reverse, Seek lands at or before its argument
	}
	if start == nil {
		it.Rewind()
	} else {
		it.Seek(start)
	}
	for ; it.Valid(); it.Next() {
		item := it.Item()
		k := item.Key()
		if sc.end != nil && !sc.reverse && bytes.Compare(k, sc.end) >= 0 {
			return nil
		}
		var err error
		if sc.keysOnly {
			err = fn(k, nil)
		} else {
			err = item.Value(func(v []byte) error { return fn(k, v) })
		}
		if errors.Is(err, errStop) {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// errStop ends a walk early without an error.
var errStop = errors.New("stop")
