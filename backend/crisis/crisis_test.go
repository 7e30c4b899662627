package crisis_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/crisis"
	"ruche/backend/ident"
	"ruche/backend/post"
	"ruche/backend/store"
	"ruche/backend/workspace"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// setup opens a real store with two workspaces holding scheduled posts.
func setup(t *testing.T) (*store.Store, *crisis.Service, *clock, []workspace.Workspace) {
	t.Helper()
	ctx := context.Background()
	c := &clock{time.Date(2027, 4, 1, 9, 0, 0, 0, time.UTC)}
	dir := t.TempDir()
	s, err := store.Open(ctx, store.Config{Dir: filepath.Join(dir, "s"), BackupDir: filepath.Join(dir, "b"),
		Key: bytes.Repeat([]byte{3}, store.KeySize), Log: zerolog.Nop(), Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ws := workspace.NewService(s, s, c.now, ident.New)
	posts := post.NewService(s, nil, c.now, ident.New)
	var all []workspace.Workspace
	for _, name := range []string{"Boulangerie", "Fromagerie"} {
		w, err := ws.Create(ctx, workspace.Input{Name: name, TimeZone: "Europe/Paris", Language: "fr"}, false)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, w)
		for i := range 3 {
			p, err := posts.Create(ctx, w.ID, post.Input{Variants: []post.Variant{{AccountID: "a", Network: "testnet", Text: "Bonjour"}}})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := posts.Schedule(ctx, p.ID, c.t.Add(time.Duration(i+1)*time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s, crisis.NewService(s, c.now), c, all
}

func statuses(t *testing.T, s *store.Store, wsID string) map[post.Status]int {
	t.Helper()
	es, err := s.Calendar(context.Background(), wsID, post.MinTime, post.MaxTime)
	if err != nil {
		t.Fatal(err)
	}
	got := map[post.Status]int{}
	for _, e := range es {
		got[e.Status]++
	}
	return got
}

func TestPauseAndResumeOneWorkspace(t *testing.T) {
	ctx := context.Background()
	s, sw, c, ws := setup(t)
	p, err := sw.Pause(ctx, ws[0].ID, false, "Bad buzz sur la galette", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if got := statuses(t, s, ws[0].ID); got[post.Paused] != 3 {
		t.Errorf("paused workspace: %v, want 3 paused", got)
	}
	if got := statuses(t, s, ws[1].ID); got[post.Scheduled] != 3 {
		t.Errorf("other workspace: %v, want 3 still scheduled", got)
	}
	if !sw.Paused(ctx, ws[0].ID) || sw.Paused(ctx, ws[1].ID) {
		t.Errorf("Paused() = %v, %v; want true, false", sw.Paused(ctx, ws[0].ID), sw.Paused(ctx, ws[1].ID))
	}
	c.t = c.t.Add(90 * time.Minute) // the first post's time passed during the pause
	n, err := sw.Resume(ctx, ws[0].ID)
	if err != nil || n != 3 {
		t.Fatalf("Resume() = %d, %v; want 3", n, err)
	}
	if got := statuses(t, s, ws[0].ID); got[post.Scheduled] != 3 {
		t.Errorf("after resume: %v, want 3 scheduled (the scheduler marks the late one missed)", got)
	}
	log, _ := sw.Log(ctx, 0)
	if len(log) != 2 || log[0].Action != crisis.ActionResume || log[1].Action != crisis.ActionPause ||
		log[1].Reason != p.Reason || log[1].Posts != 3 || log[0].Posts != 3 {
		t.Errorf("audit list = %+v", log)
	}
	if _, err := sw.Resume(ctx, ws[0].ID); !errors.Is(err, crisis.ErrNotPaused) {
		t.Errorf("Resume() when not paused = %v, want ErrNotPaused", err)
	}
}

func TestPauseAllThenAutoResume(t *testing.T) {
	ctx := context.Background()
	s, sw, c, ws := setup(t)
	until := c.t.Add(30 * time.Minute)
	if _, err := sw.Pause(ctx, "", true, "Crise nationale", until); err != nil {
		t.Fatal(err)
	}
	// A workspace pause on top: auto-resuming "all" must leave it paused.
	if _, err := sw.Pause(ctx, ws[1].ID, false, "Rappel produit", time.Time{}); err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		if got := statuses(t, s, w.ID); got[post.Paused] != 3 {
			t.Errorf("%s: %v, want 3 paused", w.Name, got)
		}
	}
	c.t = until.Add(-time.Second)
	sw.AutoResume(ctx)
	if got := statuses(t, s, ws[0].ID); got[post.Paused] != 3 {
		t.Errorf("before the resume time: %v, want still paused", got)
	}
	c.t = until
	if err := sw.AutoResume(ctx); err != nil {
		t.Fatal(err)
	}
	if got := statuses(t, s, ws[0].ID); got[post.Scheduled] != 3 {
		t.Errorf("%s after auto resume: %v, want 3 scheduled", ws[0].Name, got)
	}
	if got := statuses(t, s, ws[1].ID); got[post.Paused] != 3 {
		t.Errorf("%s still under its own pause: %v, want 3 paused", ws[1].Name, got)
	}
	if log, _ := sw.Log(ctx, 1); len(log) != 1 || log[0].Action != crisis.ActionAutoResume {
		t.Errorf("newest event = %+v, want auto_resume", log)
	}
}

func TestPauseRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	_, sw, c, ws := setup(t)
	tests := []struct {
		reason string
		until  time.Time
		want   error
	}{
		{"  ", time.Time{}, crisis.ErrReasonRequired},
		{string(bytes.Repeat([]byte("é"), crisis.MaxReason+1)), time.Time{}, crisis.ErrReasonTooLong},
		{"ok", c.t.Add(-time.Minute), crisis.ErrUntilPast},
	}
	for _, tt := range tests {
		if _, err := sw.Pause(ctx, ws[0].ID, false, tt.reason, tt.until); !errors.Is(err, tt.want) {
			t.Errorf("Pause(%.10q, %v) = %v, want %v", tt.reason, tt.until, err, tt.want)
		}
	}
	if sw.Paused(ctx, ws[0].ID) {
		t.Error("a refused pause paused the workspace")
	}
}
