package post

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"testing"
	"time"

	"ruche/backend/fault"
)

// memRepo is a Repo for the service's own rules; the store's version is
// tested against a real Badger in package store.
type memRepo struct {
	posts map[string]Post
}

func newMemRepo() *memRepo { return &memRepo{posts: map[string]Post{}} }

func (m *memRepo) Post(_ context.Context, id string) (Post, error) {
	p, ok := m.posts[id]
	if !ok {
		return Post{}, ErrNotFound.With(nil, nil)
	}
	return p, nil
}

func (m *memRepo) PutPost(_ context.Context, p Post) (Post, error) {
	old, ok := m.posts[p.ID]
	switch {
	case ok && old.Revision != p.Revision:
		return Post{}, ErrConflict.With(nil, nil)
	case !ok && p.Revision != 0:
		return Post{}, ErrNotFound.With(nil, nil)
	}
	p.Revision++
	m.posts[p.ID] = p
	return p, nil
}

func (m *memRepo) UpdatePost(ctx context.Context, id string, change func(*Post) error) (Post, error) {
	p, err := m.Post(ctx, id)
	if err != nil {
		return Post{}, err
	}
	if err := change(&p); err != nil {
		return Post{}, err
	}
	p.Revision++
	m.posts[id] = p
	return p, nil
}

func (m *memRepo) DeletePost(_ context.Context, id string, rev int) error {
	p, ok := m.posts[id]
	switch {
	case !ok:
		return ErrNotFound.With(nil, nil)
	case p.Revision != rev:
		return ErrConflict.With(nil, nil)
	}
	delete(m.posts, id)
	return nil
}

func (m *memRepo) PostsBetween(_ context.Context, ws string, from, to time.Time) ([]Post, error) {
	var out []Post
	for _, p := range m.posts {
		if p.WorkspaceID == ws && !p.ScheduledAt.IsZero() && !p.ScheduledAt.Before(from) && p.ScheduledAt.Before(to) {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ScheduledAt.Before(out[j].ScheduledAt) })
	return out, nil
}

func (m *memRepo) Drafts(_ context.Context, ws string) ([]Post, error) {
	var out []Post
	for _, p := range m.posts {
		if p.WorkspaceID == ws && p.ScheduledAt.IsZero() {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (m *memRepo) Calendar(ctx context.Context, ws string, from, to time.Time) ([]Entry, error) {
	ps, err := m.PostsBetween(ctx, ws, from, to)
	es := make([]Entry, len(ps))
	for i, p := range ps {
		es[i] = p.Entry()
	}
	return es, err
}

// tooLong is a Checker that refuses a text longer than max bytes.
type tooLong struct{ max int }

var errTooLong = fault.New(fault.Invalid, "network.text_too_long")

func (c tooLong) Check(_ context.Context, p Post) error {
	for _, v := range p.Variants {
		if len(v.Text) > c.max {
			return errTooLong.With(nil, nil)
		}
	}
	return nil
}

func newTestService(repo Repo, check Checker) *Service {
	n := 0
	return NewService(repo, check, func() time.Time { return now },
		func(time.Time) string { n++; return fmt.Sprintf("p%d", n) })
}

func TestServiceLifecycle(t *testing.T) {
	ctx := context.Background()
	s := newTestService(newMemRepo(), tooLong{max: 30})

	if _, err := s.Create(ctx, " ", Input{}); !errors.Is(err, ErrWorkspaceRequired) {
		t.Errorf("Create(no workspace) = %v, want ErrWorkspaceRequired", err)
	}
	p, err := s.Create(ctx, "w1", Input{Variants: []Variant{target("a1")}})
	if err != nil || p.ID != "p1" || p.Status != Draft || p.Revision != 1 || len(p.Deliveries) != 1 || !p.CreatedAt.Equal(now) {
		t.Fatalf("Create() = %+v, %v; want draft p1 at revision 1 with one delivery", p, err)
	}
	if drafts, _ := s.Drafts(ctx, "w1"); len(drafts) != 1 {
		t.Errorf("Drafts() = %d posts, want 1", len(drafts))
	}

	// The checker sees the text before it is scheduled...
	long := Input{Variants: []Variant{{AccountID: "a1", Network: "testnet", Text: "Un texte bien trop long pour ce réseau"}}}
	if p, err = s.Update(ctx, "p1", 1, long); err != nil {
		t.Fatalf("Update(draft, long) = %v, want drafts saved whatever their problems", err)
	}
	if _, err := s.Schedule(ctx, "p1", later); !errors.Is(err, errTooLong) {
		t.Fatalf("Schedule(long text) = %v, want the checker's error", err)
	}
	if p, err = s.Update(ctx, "p1", p.Revision, Input{Variants: []Variant{target("a1")}}); err != nil {
		t.Fatal(err)
	}
	if p, err = s.Schedule(ctx, "p1", later); err != nil || p.Status != Scheduled || !p.ScheduledAt.Equal(later) {
		t.Fatalf("Schedule() = %s at %v, %v; want scheduled at %v", p.Status, p.ScheduledAt, err, later)
	}
	// ...and after: a scheduled post cannot be edited into trouble.
	if _, err := s.Update(ctx, "p1", p.Revision, long); !errors.Is(err, errTooLong) {
		t.Errorf("Update(scheduled, long) = %v, want the checker's error", err)
	}
	if _, err := s.Update(ctx, "p1", p.Revision-1, Input{}); !errors.Is(err, ErrConflict) {
		t.Errorf("Update(stale revision) = %v, want ErrConflict", err)
	}

	if _, err := s.Move(ctx, "p1", before); !errors.Is(err, ErrTimePast) {
		t.Errorf("Move(past) = %v, want ErrTimePast", err)
	}
	moved := later.Add(24 * time.Hour)
	if p, err = s.Move(ctx, "p1", moved); err != nil || !p.ScheduledAt.Equal(moved) {
		t.Errorf("Move() = %v, %v; want %v", p.ScheduledAt, err, moved)
	}
	if got, _ := s.List(ctx, "w1", moved, moved.Add(time.Minute)); len(got) != 1 {
		t.Errorf("List(around the new time) = %d posts, want 1", len(got))
	}
	if p, err = s.Unschedule(ctx, "p1"); err != nil || p.Status != Draft || !p.ScheduledAt.IsZero() {
		t.Errorf("Unschedule() = %s at %v, %v; want a draft without time", p.Status, p.ScheduledAt, err)
	}
	if err := s.Delete(ctx, "p1"); err != nil {
		t.Errorf("Delete() = %v", err)
	}
	if _, err := s.Get(ctx, "p1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(deleted) = %v, want ErrNotFound", err)
	}
}

func TestServiceRefusesWhilePublishing(t *testing.T) {
	ctx := context.Background()
	repo := newMemRepo()
	s := newTestService(repo, nil)
	p, _ := s.Create(ctx, "w1", Input{Variants: []Variant{target("a1")}})
	p, _ = s.Schedule(ctx, p.ID, later)
	p, _ = repo.UpdatePost(ctx, p.ID, func(p *Post) error { return p.SetStatus(Publishing, now) })

	tests := []struct {
		name string
		do   func() error
	}{
		{"update", func() error { _, err := s.Update(ctx, p.ID, p.Revision, Input{}); return err }},
		{"move", func() error { _, err := s.Move(ctx, p.ID, later.Add(time.Hour)); return err }},
		{"schedule", func() error { _, err := s.Schedule(ctx, p.ID, later.Add(time.Hour)); return err }},
		{"unschedule", func() error { _, err := s.Unschedule(ctx, p.ID); return err }},
		{"delete", func() error { return s.Delete(ctx, p.ID) }},
	}
	for _, tt := range tests {
		if err := tt.do(); !errors.Is(err, ErrPublishing) || fault.KindOf(err) != fault.Conflict {
			t.Errorf("%s while publishing = %v, want ErrPublishing (a conflict)", tt.name, err)
		}
	}
}
