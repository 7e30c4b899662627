package plan_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ruche/backend/account"
	"ruche/backend/boot"
	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/media"
	"ruche/backend/plan"
	"ruche/backend/post"
	"ruche/backend/secrets"
	"ruche/backend/workspace"
)

// now is Monday 2026-11-23, 11:00 in Paris.
var now = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func open(t *testing.T) (*boot.App, *plan.Service, workspace.Workspace, account.Account) {
	t.Helper()
	ctx := context.Background()
	app, err := boot.Open(ctx, boot.Config{DataDir: filepath.Join(t.TempDir(), "data"), Vault: secrets.NewMemory(),
		System: locale.System{Lang: locale.French, Zone: "Europe/Paris"}, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	w, err := app.Workspaces.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, err := app.Accounts.Add(ctx, w.ID, account.Input{Network: "bluesky", Handle: "fournil.bsky.social"})
	if err != nil {
		t.Fatal(err)
	}
	return app, app.Plan, w, a
}

func TestImportChecksEachRowAgain(t *testing.T) {
	ctx := context.Background()
	_, p, w, _ := open(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.png"), []byte("\x89PNG\r\n\x1a\nnot really"), 0o600)
	os.WriteFile(filepath.Join(dir, "b.png"), []byte("\x89PNG\r\n\x1a\nnot really"), 0o600)
	csv := "datetime,text,media,accounts\n" +
		"2027-01-04 09:00,Gardée,a.png,fournil.bsky.social\n" +
		"2027-01-05 09:00,Photo effacée entre-temps,b.png,fournil.bsky.social\n"
	rows, err := p.PreviewImport(ctx, w, strings.NewReader(csv), dir)
	if err != nil || len(rows) != 2 || !rows[0].OK() || !rows[1].OK() || rows[0].Media != filepath.Join(dir, "a.png") {
		t.Fatalf("PreviewImport() = %+v, %v; want two good rows with absolute media paths", rows, err)
	}
	os.Remove(filepath.Join(dir, "b.png"))
	n, err := p.Import(ctx, w, rows)
	if err != nil || n != 1 {
		t.Fatalf("Import() = %d, %v; want 1", n, err)
	}
	if len(rows[1].Problems) != 1 || !errors.Is(rows[1].Problems[0], media.ErrMissing) || rows[1].Problems[0].Args["line"] != 3 {
		t.Errorf("the row whose media went missing: problems %v, want media.missing on line 3", rows[1].Problems)
	}
}

func TestAddToQueueSkipsTakenSlots(t *testing.T) {
	ctx := context.Background()
	app, p, w, a := open(t)
	if _, err := p.SetQueueSlots(ctx, w, []calendar.Slot{{Weekday: time.Tuesday, Time: calendar.Clock{Hour: 9, Minute: 30}}}); err != nil {
		t.Fatal(err)
	}
	in := post.Input{Variants: []post.Variant{{AccountID: a.ID, Text: "Pain"}}}
	// Tuesday 24 at 09:30 is taken by a post placed there by hand.
	if _, err := p.Create(ctx, w, in, plan.Local{Day: calendar.Day{Year: 2026, Month: 11, Day: 24}, Clock: calendar.Clock{Hour: 9, Minute: 30}}); err != nil {
		t.Fatal(err)
	}
	d, err := p.Create(ctx, w, in, plan.Local{})
	if err != nil {
		t.Fatal(err)
	}
	q, err := p.AddToQueue(ctx, w, d.ID)
	if want := time.Date(2026, 12, 1, 8, 30, 0, 0, time.UTC); err != nil || !q.ScheduledAt.Equal(want) {
		t.Errorf("AddToQueue() = %v, %v; want the next Tuesday, %v", q.ScheduledAt, err, want)
	}
	// Queued again, a post keeps its own slot.
	if again, err := p.AddToQueue(ctx, w, d.ID); err != nil || !again.ScheduledAt.Equal(q.ScheduledAt) {
		t.Errorf("AddToQueue(again) = %v, %v; want %v", again.ScheduledAt, err, q.ScheduledAt)
	}
	if _, err := app.Crisis.Pause(ctx, w.ID, false, "Bad buzz", time.Time{}); err != nil {
		t.Fatal(err)
	}
	d2, _ := p.Create(ctx, w, in, plan.Local{})
	if q, err := p.AddToQueue(ctx, w, d2.ID); err != nil || q.Status != post.Paused {
		t.Errorf("AddToQueue() during a pause = %s, %v; want paused", q.Status, err)
	}
}

// TestReview: each variant is checked by its account's network (whatever
// network the input says), and one blocking problem stops the saving.
func TestReview(t *testing.T) {
	ctx := context.Background()
	_, p, w, a := open(t)
	long := strings.Repeat("a", 301) // Bluesky: 300 graphemes
	tests := []struct {
		name    string
		v       post.Variant
		used    int
		canSave bool
	}{
		{"within the limit", post.Variant{AccountID: a.ID, Network: "mastodon", Text: "Bonjour"}, 7, true},
		{"over Bluesky's limit, said to be Mastodon", post.Variant{AccountID: a.ID, Network: "mastodon", Text: long}, 301, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := p.Review(ctx, w, post.Input{Variants: []post.Variant{tt.v}})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Variants) != 1 || r.Variants[0].Length.Used != tt.used || r.Variants[0].Length.Limit != 300 || r.CanSave != tt.canSave {
				t.Errorf("Review() = %+v, want %d of Bluesky's 300, can save %v", r, tt.used, tt.canSave)
			}
		})
	}
}
