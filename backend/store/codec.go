package store

import (
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
	opts := badger.DefaultIteratorOptions
	opts.Prefix = []byte(prefix)
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		if err := item.Value(func(v []byte) error { return fn(item.Key(), v) }); err != nil {
			return err
		}
	}
	return nil
}
