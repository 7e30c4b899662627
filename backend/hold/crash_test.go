package hold_test

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"ruche/backend/account"
	"ruche/backend/network/mastodon/mastodontest"
	"ruche/backend/post"
	"ruche/backend/scheduler"
)

// TestHeldPostEditedAfterTheInstancePublishedGoesOutOnce: the instance
// published the post it held; before Ruche collects it, the user edits it.
// Taking the old copy back answers 404: that is looked up, found
// published, and the post is published, never sent again.
func TestHeldPostEditedAfterTheInstancePublishedGoesOutOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	at := f.clock.Now().Add(time.Hour)
	p := f.schedule(t, "Chouquettes à 16 h", at)
	f.sweep(t)
	if n := len(f.scheduled()); n != 1 {
		t.Fatalf("instance holds %d posts, want 1", n)
	}
	f.clock.Set(at.Add(time.Minute))
	f.srv.Release(f.clock.Now(), 30*time.Second)

	p = f.post(t, p.ID)
	in := post.Input{Variants: []post.Variant{{AccountID: f.acc.ID, Network: "mastodon", Text: "Chouquettes à 16 h (dernière fournée)"}}}
	if _, err := f.app.Posts.Update(ctx, p.ID, p.Revision, in); err != nil {
		t.Fatal(err)
	}
	f.sweep(t)
	got := f.post(t, p.ID)
	if got.Status != post.Published || got.Deliveries[0].RemoteID == "" {
		t.Errorf("after the sweep: status %s, delivery %+v; want published with the instance's status", got.Status, got.Deliveries[0])
	}
	polled := time.Now()
	runScheduler(t, f, func() bool { return time.Since(polled) > 300*time.Millisecond })
	if n := f.srv.Created(); n != 1 {
		t.Errorf("the instance has %d statuses, want 1", n)
	}
}

// TestCrashBetweenHandOverAndRecordGoesOutOnce: the instance took the
// post but its answer was lost, as if Ruche died between the call and the
// record; Ruche comes back two hours later (the instance forgot the key).
// The hand-over was recorded before the call: Ruche finds the scheduled
// status by its key instead of handing the post over a second time.
func TestCrashBetweenHandOverAndRecordGoesOutOnce(t *testing.T) {
	f := newFixture(t)
	at := f.clock.Now().Add(3 * time.Hour)
	p := f.schedule(t, "Galette des rois", at)
	f.srv.Inject(mastodontest.Fault{Method: http.MethodPost, Path: "/api/v1/statuses", Drop: true, After: true, Times: 2})
	if err := f.app.Hold.Sync(context.Background(), p.ID); err == nil {
		t.Fatal("Sync() = nil, want the lost answer")
	}
	if n := len(f.scheduled()); n != 1 {
		t.Fatalf("instance holds %d posts, want the 1 whose answer was lost", n)
	}
	if h := f.post(t, p.ID).Deliveries[0].Held; h == nil || h.ID != "" || h.Key == "" {
		t.Fatalf("delivery Held = %+v, want the hand-over's intent (a key, no id yet)", h)
	}

	f.clock.Set(f.clock.Now().Add(2 * time.Hour))
	f.sweep(t)
	f.sweep(t)
	if n := len(f.scheduled()); n != 1 {
		t.Errorf("after the restart the instance holds %d posts, want still 1", n)
	}
	held := f.post(t, p.ID).Deliveries[0].Held
	if held == nil || held.ID == "" {
		t.Fatalf("delivery Held = %+v, want the scheduled status found by its key", held)
	}
	f.clock.Set(at.Add(time.Minute))
	f.srv.Release(f.clock.Now(), 30*time.Second)
	runScheduler(t, f, func() bool { return f.post(t, p.ID).Status == post.Published })
	if got := f.post(t, p.ID); got.Status != post.Published {
		t.Errorf("status %s, want published", got.Status)
	}
	if n := f.srv.Created(); n != 1 {
		t.Errorf("the instance has %d statuses, want 1", n)
	}
}

// TestCrashBetweenHandOverAndRecordPastItsTime: the same crash, and Ruche
// comes back only after the post's time: the scheduler collects what the
// instance published instead of publishing it again.
func TestCrashBetweenHandOverAndRecordPastItsTime(t *testing.T) {
	f := newFixture(t)
	at := f.clock.Now().Add(time.Hour)
	p := f.schedule(t, "Pain d'épices", at)
	f.srv.Inject(mastodontest.Fault{Method: http.MethodPost, Path: "/api/v1/statuses", Drop: true, After: true, Times: 2})
	if err := f.app.Hold.Sync(context.Background(), p.ID); err == nil {
		t.Fatal("Sync() = nil, want the lost answer")
	}
	f.clock.Set(at.Add(5 * time.Minute))
	f.srv.Release(f.clock.Now(), 30*time.Second)
	runScheduler(t, f, func() bool { return f.post(t, p.ID).Status == post.Published })
	if got := f.post(t, p.ID); got.Status != post.Published || got.Deliveries[0].RemoteID == "" {
		t.Errorf("status %s, delivery %+v; want published with the instance's status", got.Status, got.Deliveries[0])
	}
	if n := f.srv.Created(); n != 1 {
		t.Errorf("the instance has %d statuses, want 1", n)
	}
}

// TestHandOverThatNeverArrivedIsPublishedByRuche: the hand-over's request
// never reached the instance (dropped before it): at its time Ruche finds
// no trace of it and publishes the post itself, once.
func TestHandOverThatNeverArrivedIsPublishedByRuche(t *testing.T) {
	f := newFixture(t)
	at := f.clock.Now().Add(time.Hour)
	p := f.schedule(t, "Baguette tradition", at)
	f.srv.Inject(mastodontest.Fault{Method: http.MethodPost, Path: "/api/v1/statuses", Drop: true, Times: 2})
	if err := f.app.Hold.Sync(context.Background(), p.ID); err == nil {
		t.Fatal("Sync() = nil, want the dropped request")
	}
	if n := len(f.scheduled()); n != 0 {
		t.Fatalf("instance holds %d posts, want none", n)
	}
	f.clock.Set(at.Add(time.Minute))
	runScheduler(t, f, func() bool { return f.post(t, p.ID).Status == post.Published })
	got := f.post(t, p.ID)
	if got.Status != post.Published || got.Deliveries[0].Held != nil {
		t.Errorf("status %s, Held %+v; want published by Ruche, no longer held", got.Status, got.Deliveries[0].Held)
	}
	if n := f.srv.Created(); n != 1 {
		t.Errorf("the instance has %d statuses, want 1", n)
	}
}

// TestRestoreWhileRunningKeepsWhatTheInstanceHolds: a backup made before a
// post was handed over is restored while the scheduler runs. The restore
// stops it first; the post keeps its hand-over (never handed over a second
// time, published once), and a post the backup does not have is taken
// back from the instance.
func TestRestoreWhileRunningKeepsWhatTheInstanceHolds(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	at := f.clock.Now().Add(3 * time.Hour)
	kept := f.schedule(t, "Croissants du samedi", at)
	backup := filepath.Join(t.TempDir(), "avant.rbak")
	if _, err := f.app.Store.BackupFile(ctx, backup); err != nil {
		t.Fatal(err)
	}
	later := f.schedule(t, "Après la sauvegarde", at.Add(time.Hour))

	f.app.Start(nil, scheduler.Config{Poll: 20 * time.Millisecond})
	defer f.app.Stop()
	waitFor(t, func() bool { return len(f.scheduled()) == 2 })
	f.clock.Set(f.clock.Now().Add(70 * time.Minute)) // the instance forgot the hand-overs' keys

	if _, err := f.app.Restore(ctx, backup); err != nil {
		t.Fatalf("Restore() = %v", err)
	}
	if _, err := f.app.Store.Post(ctx, later.ID); err == nil {
		t.Fatal("the post made after the backup is still there")
	}
	held := f.post(t, kept.ID).Deliveries[0].Held
	if held == nil || held.ID == "" {
		t.Fatalf("after the restore, Held = %+v; want the instance's copy kept", held)
	}
	time.Sleep(200 * time.Millisecond) // a few polls of the restarted scheduler, each with a sweep
	if got, want := f.scheduled(), map[string]time.Time{"Croissants du samedi": at}; !maps(got, want) {
		t.Errorf("after the restore the instance holds %v, want %v (handed over once; the later post taken back)", got, want)
	}
	f.clock.Set(at.Add(time.Minute))
	f.srv.Release(f.clock.Now(), 30*time.Second)
	waitFor(t, func() bool { return f.post(t, kept.ID).Status == post.Published })
	if n := f.srv.Created(); n != 1 {
		t.Errorf("the instance has %d statuses, want 1", n)
	}
}

func waitFor(t *testing.T, done func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !done() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestLostAnswerThenRestartTwoHoursLaterPublishesOnce: the instance took
// the post but its answer was lost; Ruche stops there (a crash) and comes
// back two hours later, a new process whose client remembers nothing, on
// an instance that forgot the Idempotency-Key after an hour. The post is
// found among the account's statuses by what was sent: published, once.
func TestLostAnswerThenRestartTwoHoursLaterPublishesOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.app.Accounts.Update(ctx, f.acc.ID, func(a *account.Account) { a.NativeScheduling = false }); err != nil {
		t.Fatal(err)
	}
	at := f.clock.Now().Add(time.Minute)
	p := f.schedule(t, "Fougasse aux olives, @fan@ailleurs.example", at)
	f.clock.Set(at)
	// Dropped after the work, twice: net/http sends a keyed request again once by itself.
	f.srv.Inject(mastodontest.Fault{Method: http.MethodPost, Path: "/api/v1/statuses", Drop: true, After: true, Times: 2})
	runScheduler(t, f, func() bool { return len(f.post(t, p.ID).Deliveries[0].Attempts) > 0 })
	if n := f.srv.Created(); n != 1 {
		t.Fatalf("the instance made %d statuses, want the one whose answer was lost", n)
	}
	if got := f.post(t, p.ID); got.Status == post.Published {
		t.Fatalf("published before the restart: the answer was not lost")
	}

	f.clock.Set(at.Add(2 * time.Hour))
	f.restart(t)
	runScheduler(t, f, func() bool { st := f.post(t, p.ID).Status; return st == post.Published || st == post.Missed })
	got := f.post(t, p.ID)
	if got.Status != post.Published || got.Deliveries[0].RemoteID == "" {
		t.Errorf("after the restart: status %s, delivery %+v; want published, found on the instance", got.Status, got.Deliveries[0])
	}
	if n := f.srv.Created(); n != 1 {
		t.Errorf("the instance has %d statuses, want 1", n)
	}
}
