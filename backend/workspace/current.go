package workspace

import (
	"context"
	"errors"
)

// Selection remembers which workspace the user works in.
type Selection interface {
	CurrentWorkspaceID(ctx context.Context) (string, error)
	SetCurrentWorkspaceID(ctx context.Context, id string) error
}

// Current returns the workspace the user works in. When the remembered one
// is gone (deleted, or never chosen) the oldest workspace takes its place and
// is remembered; ErrNotFound only when there is no workspace at all.
func (s *Service) Current(ctx context.Context) (Workspace, error) {
	id, err := s.sel.CurrentWorkspaceID(ctx)
	if err != nil {
		return Workspace{}, err
	}
	if id != "" {
		w, err := s.repo.Workspace(ctx, id)
		if err == nil {
			return w, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return Workspace{}, err
		}
	}
	all, err := s.List(ctx)
	if err != nil {
		return Workspace{}, err
	}
	if len(all) == 0 {
		return Workspace{}, ErrNotFound.With(nil, nil)
	}
	return all[0], s.sel.SetCurrentWorkspaceID(ctx, all[0].ID)
}

// Switch makes workspace id the current one.
func (s *Service) Switch(ctx context.Context, id string) (Workspace, error) {
	w, err := s.repo.Workspace(ctx, id)
	if err != nil {
		return Workspace{}, err
	}
	return w, s.sel.SetCurrentWorkspaceID(ctx, id)
}

// EnsureOne creates a workspace from in when there is none, as on the first
// run, and makes it current. It reports whether it created one.
func (s *Service) EnsureOne(ctx context.Context, in Input) (bool, error) {
	all, err := s.repo.Workspaces(ctx)
	if err != nil || len(all) > 0 {
		return false, err
	}
	w, err := s.Create(ctx, in, false)
	if err != nil {
		return false, err
	}
	return true, s.sel.SetCurrentWorkspaceID(ctx, w.ID)
}
