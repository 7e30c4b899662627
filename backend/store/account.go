package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/account"
)

// accountVersion is the shape of account.Account in the store.
const accountVersion = 1

// Accounts returns the accounts of workspace wsID, oldest first (identifiers
// sort by time).
func (s *Store) Accounts(ctx context.Context, wsID string) ([]account.Account, error) {
	var all []account.Account
	err := s.view(ctx, func(txn *badger.Txn) error {
		for _, id := range keysAfter(txn, prefixAccountWorkspaceOf(wsID)) {
			var a account.Account
			if err := getAccount(txn, id, &a); err != nil {
				return err
			}
			all = append(all, a)
		}
		return nil
	})
	slices.SortStableFunc(all, func(a, b account.Account) int { return a.CreatedAt.Compare(b.CreatedAt) })
	return all, err
}

// Account returns account id, or account.ErrNotFound.
func (s *Store) Account(ctx context.Context, id string) (account.Account, error) {
	var a account.Account
	err := s.view(ctx, func(txn *badger.Txn) error { return getAccount(txn, id, &a) })
	return a, err
}

func getAccount(txn *badger.Txn, id string, a *account.Account) error {
	err := get(txn, keyAccount(id), a)
	if errors.Is(err, ErrNotFound) {
		return account.ErrNotFound.Because(err)
	}
	return err
}

// PutAccount creates or replaces a with its workspace index key.
func (s *Store) PutAccount(ctx context.Context, a account.Account) error {
	for _, id := range []string{a.ID, a.WorkspaceID} {
		if id == "" || strings.Contains(id, "/") {
			return fmt.Errorf("account %q of workspace %q: identifiers must be non-empty, without '/'", a.ID, a.WorkspaceID)
		}
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		var old account.Account
		switch err := getAccount(txn, a.ID, &old); {
		case err == nil && old.WorkspaceID != a.WorkspaceID:
			if err := txn.Delete(keyAccountWorkspace(old.WorkspaceID, a.ID)); err != nil {
				return err
			}
		case err != nil && !errors.Is(err, account.ErrNotFound):
			return err
		}
		if err := txn.Set(keyAccountWorkspace(a.WorkspaceID, a.ID), nil); err != nil {
			return err
		}
		return put(txn, keyAccount(a.ID), accountVersion, a)
	})
}

// DeleteAccount removes account id and its index key; account.ErrNotFound
// if it is gone.
func (s *Store) DeleteAccount(ctx context.Context, id string) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		var a account.Account
		if err := getAccount(txn, id, &a); err != nil {
			return err
		}
		return deleteAccount(txn, a.WorkspaceID, id)
	})
}

func deleteAccount(txn *badger.Txn, wsID, id string) error {
	if err := txn.Delete(keyAccountWorkspace(wsID, id)); err != nil {
		return err
	}
	return txn.Delete(keyAccount(id))
}

// deleteWorkspaceAccounts deletes every account of workspace wsID. A
// workspace has a handful of accounts: one transaction holds them.
func (s *Store) deleteWorkspaceAccounts(ctx context.Context, wsID string) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		for _, id := range keysAfter(txn, prefixAccountWorkspaceOf(wsID)) {
			if err := deleteAccount(txn, wsID, id); err != nil {
				return err
			}
		}
		return nil
	})
}
