package store

import (
	"context"
	"errors"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"golang.org/x/text/cases"

	"ruche/backend/workspace"
)

// workspaceVersion is the shape of workspace.Workspace in the store.
const workspaceVersion = 1

var fold = cases.Fold()

func foldName(name string) string { return fold.String(strings.TrimSpace(name)) }

// Workspaces returns every workspace, oldest first (identifiers sort by time).
func (s *Store) Workspaces(ctx context.Context) ([]workspace.Workspace, error) {
	var all []workspace.Workspace
	err := s.view(ctx, func(txn *badger.Txn) error {
		return each(txn, prefixWorkspace, func(_, v []byte) error {
			var w workspace.Workspace
			if _, err := decode(v, &w); err != nil {
				return err
			}
			all = append(all, w)
			return nil
		})
	})
	return all, err
}

// Workspace returns workspace id, or workspace.ErrNotFound.
func (s *Store) Workspace(ctx context.Context, id string) (workspace.Workspace, error) {
	var w workspace.Workspace
	err := s.view(ctx, func(txn *badger.Txn) error { return getWorkspace(txn, id, &w) })
	return w, err
}

func getWorkspace(txn *badger.Txn, id string, w *workspace.Workspace) error {
	err := get(txn, keyWorkspace(id), w)
	if errors.Is(err, ErrNotFound) {
		return workspace.ErrNotFound.Because(err)
	}
	return err
}

// PutWorkspace creates or replaces w, keeping names unique regardless of case.
func (s *Store) PutWorkspace(ctx context.Context, w workspace.Workspace) error {
	return s.update(ctx, func(txn *badger.Txn) error { return putWorkspace(txn, w) })
}

func putWorkspace(txn *badger.Txn, w workspace.Workspace) error {
	folded := foldName(w.Name)
	owner, err := getRaw(txn, keyWorkspaceName(folded))
	switch {
	case err == nil && string(owner) != w.ID:
		return workspace.ErrNameTaken.With(map[string]any{"name": w.Name}, nil)
	case err != nil && !errors.Is(err, ErrNotFound):
		return err
	}
	var old workspace.Workspace
	switch err := getWorkspace(txn, w.ID, &old); {
	case err == nil:
		if f := foldName(old.Name); f != folded {
			if err := txn.Delete(keyWorkspaceName(f)); err != nil {
				return err
			}
		}
	case !errors.Is(err, workspace.ErrNotFound):
		return err
	}
	if err := txn.Set(keyWorkspaceName(folded), []byte(w.ID)); err != nil {
		return err
	}
	return put(txn, keyWorkspace(w.ID), workspaceVersion, w)
}

// DeleteWorkspace removes workspace id, its name index, its logo, its
// posts, its accounts and its queue slots.
func (s *Store) DeleteWorkspace(ctx context.Context, id string) error {
	if err := s.deleteWorkspacePosts(ctx, id); err != nil {
		return err
	}
	if err := s.deleteWorkspaceAccounts(ctx, id); err != nil {
		return err
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		var w workspace.Workspace
		if err := getWorkspace(txn, id, &w); err != nil {
			return err
		}
		for _, k := range [][]byte{keyWorkspaceName(foldName(w.Name)), keyWorkspaceLogo(id), keyQueue(id), keyWorkspace(id)} {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
}

// WorkspaceLogo returns the logo bytes of workspace id, nil if it has none.
func (s *Store) WorkspaceLogo(ctx context.Context, id string) ([]byte, error) {
	var logo []byte
	err := s.view(ctx, func(txn *badger.Txn) error {
		b, err := getRaw(txn, keyWorkspaceLogo(id))
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		logo = b
		return err
	})
	return logo, err
}

// PutWorkspaceLogo saves w and its logo together; a nil logo removes it.
func (s *Store) PutWorkspaceLogo(ctx context.Context, w workspace.Workspace, logo []byte) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		var err error
		if logo == nil {
			err = txn.Delete(keyWorkspaceLogo(w.ID))
		} else {
			err = txn.Set(keyWorkspaceLogo(w.ID), logo)
		}
		if err != nil {
			return err
		}
		return putWorkspace(txn, w)
	})
}
