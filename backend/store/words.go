package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/fault"
)

// ErrWordInvalid: a word cannot be added to a workspace's dictionary:
// empty, too long, holding a space, or the dictionary is full.
var ErrWordInvalid = fault.New(fault.Invalid, "store.word_invalid")

// wordsVersion is the shape of a workspace's words in the store.
const wordsVersion = 1

// MaxWords is how many words a workspace's dictionary holds, and MaxWordLen
// the longest word in bytes.
const (
	MaxWords   = 5000
	MaxWordLen = 100
)

// Words returns the words workspace wsID added to its dictionary (brands,
// products, names), in the order they were added; none before the first.
func (s *Store) Words(ctx context.Context, wsID string) ([]string, error) {
	words := []string{}
	err := s.view(ctx, func(txn *badger.Txn) error { return getWords(txn, wsID, &words) })
	return words, err
}

func getWords(txn *badger.Txn, wsID string, words *[]string) error {
	err := get(txn, keyWords(wsID), words)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// AddWord adds word to the dictionary of workspace wsID, trimmed; a word
// already there, whatever its case, is not added twice. An empty word, one
// longer than MaxWordLen, holding a space, or past MaxWords is refused.
func (s *Store) AddWord(ctx context.Context, wsID, word string) error {
	if err := checkID("workspace", wsID); err != nil {
		return err
	}
	word = strings.TrimSpace(word)
	if err := checkWord(word); err != nil {
		return err
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		words := []string{}
		if err := getWords(txn, wsID, &words); err != nil {
			return err
		}
		if slices.ContainsFunc(words, func(w string) bool { return strings.EqualFold(w, word) }) {
			return nil
		}
		if len(words) >= MaxWords {
			return fmt.Errorf("%w: the dictionary holds %d words already", ErrWordInvalid, MaxWords)
		}
		return put(txn, keyWords(wsID), wordsVersion, append(words, word))
	})
}

// RemoveWord takes word, whatever its case, out of workspace wsID's
// dictionary; a word not there is no error.
func (s *Store) RemoveWord(ctx context.Context, wsID, word string) error {
	if err := checkID("workspace", wsID); err != nil {
		return err
	}
	word = strings.TrimSpace(word)
	return s.update(ctx, func(txn *badger.Txn) error {
		words := []string{}
		if err := getWords(txn, wsID, &words); err != nil {
			return err
		}
		kept := slices.DeleteFunc(words, func(w string) bool { return strings.EqualFold(w, word) })
		if len(kept) == 0 {
			return txn.Delete(keyWords(wsID))
		}
		return put(txn, keyWords(wsID), wordsVersion, kept)
	})
}

// DeleteWords removes workspace wsID's dictionary, with the workspace.
func (s *Store) DeleteWords(ctx context.Context, wsID string) error {
	if err := checkID("workspace", wsID); err != nil {
		return err
	}
	return s.update(ctx, func(txn *badger.Txn) error { return txn.Delete(keyWords(wsID)) })
}

func checkWord(w string) error {
	if w == "" || len(w) > MaxWordLen || !utf8.ValidString(w) || strings.ContainsFunc(w, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r < 0x20
	}) {
		return fmt.Errorf("%w: %q", ErrWordInvalid, w)
	}
	return nil
}
