package account

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// memRepo is a Repo for the service's own rules; the store's version is
// tested against a real Badger in package store.
type memRepo struct{ all []Account }

func (m *memRepo) Accounts(_ context.Context, ws string) ([]Account, error) {
	var out []Account
	for _, a := range m.all {
		if a.WorkspaceID == ws {
			out = append(out, a)
		}
	}
	return out, nil
}

func (m *memRepo) Account(_ context.Context, id string) (Account, error) {
	for _, a := range m.all {
		if a.ID == id {
			return a, nil
		}
	}
	return Account{}, ErrNotFound.With(nil, nil)
}

func (m *memRepo) PutAccount(_ context.Context, a Account) error {
	m.all = append(m.all, a)
	return nil
}

func (m *memRepo) DeleteAccount(_ context.Context, id string) error {
	for i, a := range m.all {
		if a.ID == id {
			m.all = append(m.all[:i], m.all[i+1:]...)
			return nil
		}
	}
	return ErrNotFound.With(nil, nil)
}

var now = time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)

func newTestService() *Service {
	n := 0
	return NewService(&memRepo{}, func() time.Time { return now }, func(time.Time) string { n++; return fmt.Sprintf("a%d", n) })
}

func TestAdd(t *testing.T) {
	tests := []struct {
		name string
		ws   string
		in   Input
		want error
	}{
		{"bluesky", "w1", Input{Network: " Bluesky ", Handle: " fournil.bsky.social "}, nil},
		{"mastodon on its instance", "w1", Input{Network: "mastodon", Handle: "@fournil@piaille.fr", Server: "https://piaille.fr/"}, nil},
		{"no workspace", " ", Input{Network: "bluesky", Handle: "x"}, ErrWorkspaceRequired},
		{"unknown network", "w1", Input{Network: "myspace", Handle: "tom"}, ErrNetwork},
		{"no handle", "w1", Input{Network: "bluesky", Handle: "  "}, ErrHandleRequired},
		{"server not a URL", "w1", Input{Network: "mastodon", Handle: "@a@b.fr", Server: "piaille.fr"}, ErrServer},
		{"unknown status", "w1", Input{Network: "x", Handle: "a", Status: "asleep"}, ErrStatus},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newTestService().Add(context.Background(), tt.ws, tt.in)
			if !errors.Is(err, tt.want) {
				t.Errorf("Add(%+v) = %v, want %v", tt.in, err, tt.want)
			}
		})
	}
}

func TestAddFindRemove(t *testing.T) {
	ctx := context.Background()
	s := newTestService()
	a, err := s.Add(ctx, "w1", Input{Network: "mastodon", Handle: "@fournil@piaille.fr", Server: "https://piaille.fr/"})
	if err != nil {
		t.Fatal(err)
	}
	want := Account{ID: "a1", WorkspaceID: "w1", Network: "mastodon", Handle: "@fournil@piaille.fr",
		DisplayName: "@fournil@piaille.fr", Server: "https://piaille.fr", Status: Connected, CreatedAt: now}
	if diff := cmp.Diff(want, a); diff != "" {
		t.Errorf("Add() mismatch (-want +got):\n%s", diff)
	}
	if _, err := s.Add(ctx, "w1", Input{Network: "mastodon", Handle: "FOURNIL@piaille.fr"}); !errors.Is(err, ErrTaken) {
		t.Errorf("Add(same handle, other case) = %v, want ErrTaken", err)
	}
	if _, err := s.Add(ctx, "w2", Input{Network: "mastodon", Handle: "@fournil@piaille.fr"}); err != nil {
		t.Errorf("Add(same handle, other workspace) = %v, want it allowed", err)
	}
	for _, ref := range []string{"a1", "@fournil@piaille.fr", "fournil@PIAILLE.fr", " @fournil@piaille.fr "} {
		if got, err := s.Find(ctx, "w1", ref); err != nil || got.ID != "a1" {
			t.Errorf("Find(%q) = %s, %v; want a1", ref, got.ID, err)
		}
	}
	if _, err := s.Find(ctx, "w2", "a1"); !errors.Is(err, ErrUnknown) {
		t.Errorf("Find(account of another workspace) = %v, want ErrUnknown", err)
	}
	if err := s.Remove(ctx, "a1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "a1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(removed) = %v, want ErrNotFound", err)
	}
}
