package hold_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"ruche/backend/account"
	"ruche/backend/boot"
	"ruche/backend/credentials"
	"ruche/backend/hold"
	"ruche/backend/locale"
	"ruche/backend/network"
	"ruche/backend/network/mastodon/mastodontest"
	"ruche/backend/post"
	"ruche/backend/scheduler"
	"ruche/backend/secrets"
)

// clock is a settable clock shared by Ruche and the fake instance.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

type fixture struct {
	cfg   boot.Config
	app   *boot.App
	srv   *mastodontest.Server
	clock *clock
	acc   account.Account
	ws    string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	clk := &clock{t: time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)}
	srv := mastodontest.NewServer(clk.Now)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	dir := t.TempDir()
	vault := secrets.NewMemory()
	cfg := boot.Config{DataDir: filepath.Join(dir, "data"), KeyFile: filepath.Join(dir, "key"),
		Vault: vault, Now: clk.Now, System: locale.System{Lang: locale.French, Zone: "Europe/Paris"}}
	app, err := boot.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{cfg: cfg, app: app, srv: srv, clock: clk}
	t.Cleanup(func() { f.app.Close() })
	ctx := context.Background()
	w, err := app.Workspaces.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	acc, err := app.Accounts.Add(ctx, w.ID, account.Input{Network: "mastodon", Handle: "@fournil@mastodon.test", Server: ts.URL})
	if err != nil {
		t.Fatal(err)
	}
	acc, err = app.Accounts.Update(ctx, acc.ID, func(a *account.Account) { a.NativeScheduling = true })
	if err != nil {
		t.Fatal(err)
	}
	if err := credentials.New(vault).SetToken(acc.ID, srv.IssueToken("fournil", "read", "write")); err != nil {
		t.Fatal(err)
	}
	f.acc, f.ws = acc, w.ID
	return f
}

// restart closes the app and opens its data folder again, as a new
// process would: its network clients remember nothing.
func (f *fixture) restart(t *testing.T) {
	t.Helper()
	if err := f.app.Close(); err != nil {
		t.Fatal(err)
	}
	app, err := boot.Open(context.Background(), f.cfg)
	if err != nil {
		t.Fatal(err)
	}
	f.app = app
}

func (f *fixture) schedule(t *testing.T, text string, at time.Time) post.Post {
	t.Helper()
	ctx := context.Background()
	p, err := f.app.Posts.Create(ctx, f.ws, post.Input{Variants: []post.Variant{{AccountID: f.acc.ID, Network: "mastodon", Text: text}}})
	if err == nil {
		p, err = f.app.Posts.Schedule(ctx, p.ID, at)
	}
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (f *fixture) sweep(t *testing.T) {
	t.Helper()
	if err := f.app.Hold.Sweep(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) post(t *testing.T, id string) post.Post {
	t.Helper()
	p, err := f.app.Store.Post(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// scheduled returns the instance's scheduled statuses as text → instant.
func (f *fixture) scheduled() map[string]time.Time {
	out := map[string]time.Time{}
	for _, s := range f.srv.Scheduled() {
		out[s.Params.Text] = s.ScheduledAt.UTC()
	}
	return out
}

func TestHandedOverMovedEditedPausedReleased(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	at := f.clock.Now().Add(2 * time.Hour)
	p := f.schedule(t, "Fournée du jeudi", at)
	soon := f.schedule(t, "Dans cinq minutes", f.clock.Now().Add(5*time.Minute))

	f.sweep(t)
	if got, want := f.scheduled(), map[string]time.Time{"Fournée du jeudi": at}; !maps(got, want) {
		t.Fatalf("instance holds %v, want %v (a post due in 5 min stays with Ruche)", got, want)
	}
	held := f.post(t, p.ID).Deliveries[0].Held
	if held == nil || held.ID == "" || !held.At.Equal(at) {
		t.Fatalf("delivery Held = %+v, want the instance's id at %v", held, at)
	}
	if f.post(t, soon.ID).Deliveries[0].Held != nil {
		t.Error("a post due in 5 minutes was handed over")
	}
	entries, _ := f.app.Store.Calendar(ctx, f.ws, at.Add(-time.Minute), at.Add(time.Minute))
	if len(entries) != 1 || !slices.Equal(entries[0].Held, []string{"mastodon"}) {
		t.Errorf("calendar entries = %+v, want the post shown held by mastodon", entries)
	}
	f.sweep(t) // nothing to do: nothing sent
	if n := len(f.srv.RequestsTo("POST", "/api/v1/statuses")); n != 1 {
		t.Errorf("%d statuses posted after two sweeps, want 1", n)
	}

	// Moved in the calendar: moved on the instance.
	later := at.Add(24 * time.Hour)
	if _, err := f.app.Posts.Schedule(ctx, p.ID, later); err != nil {
		t.Fatal(err)
	}
	f.sweep(t)
	if got := f.scheduled(); !got["Fournée du jeudi"].Equal(later) || len(got) != 1 {
		t.Errorf("after a move the instance holds %v, want it at %v", got, later)
	}

	// Edited: the old copy goes, the new one is handed over.
	q := f.post(t, p.ID)
	in := post.Input{Variants: []post.Variant{{AccountID: f.acc.ID, Network: "mastodon", Text: "Fournée du vendredi"}}}
	if _, err := f.app.Posts.Update(ctx, p.ID, q.Revision, in); err != nil {
		t.Fatal(err)
	}
	f.sweep(t)
	if got, want := f.scheduled(), map[string]time.Time{"Fournée du vendredi": later}; !maps(got, want) {
		t.Errorf("after an edit the instance holds %v, want %v", got, want)
	}

	// The crisis switch takes it back; resuming hands it over again.
	if _, err := f.app.Crisis.Pause(ctx, f.ws, false, "Bad buzz", time.Time{}); err != nil {
		t.Fatal(err)
	}
	f.sweep(t)
	if got := f.scheduled(); len(got) != 0 {
		t.Errorf("while paused the instance holds %v, want nothing", got)
	}
	if _, err := f.app.Crisis.Resume(ctx, f.ws); err != nil {
		t.Fatal(err)
	}
	f.sweep(t)
	if got := f.scheduled(); len(got) != 1 {
		t.Errorf("after resume the instance holds %v, want the post again", got)
	}

	// Native scheduling turned off: taken back.
	if _, err := f.app.Accounts.Update(ctx, f.acc.ID, func(a *account.Account) { a.NativeScheduling = false }); err != nil {
		t.Fatal(err)
	}
	f.sweep(t)
	if got := f.scheduled(); len(got) != 0 || f.post(t, p.ID).Deliveries[0].Held != nil {
		t.Errorf("with native scheduling off the instance holds %v, want nothing", got)
	}
}

func TestDeleteAndDisconnectTakeBack(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := f.schedule(t, "À supprimer", f.clock.Now().Add(3*time.Hour))
	f.schedule(t, "Au compte déconnecté", f.clock.Now().Add(4*time.Hour))
	f.sweep(t)
	if n := len(f.scheduled()); n != 2 {
		t.Fatalf("instance holds %d posts, want 2", n)
	}
	w, _ := f.app.Workspaces.Current(ctx)
	plan := f.app.Plan
	if err := plan.Delete(ctx, w, a.ID); err != nil {
		t.Fatal(err)
	}
	if got := f.scheduled(); len(got) != 1 {
		t.Errorf("after delete the instance holds %v, want only the other post", got)
	}
	if _, err := f.app.Connect.Disconnect(ctx, f.acc.ID); err != nil {
		t.Fatal(err)
	}
	if got := f.scheduled(); len(got) != 0 {
		t.Errorf("after disconnect the instance holds %v, want nothing", got)
	}
}

// At its time the instance publishes the post itself; the scheduler only
// collects it, even when Ruche was closed well past the grace period.
func TestCollectedNotPublishedTwice(t *testing.T) {
	for _, late := range []time.Duration{time.Minute, 3 * time.Hour} {
		t.Run(late.String(), func(t *testing.T) {
			f := newFixture(t)
			at := f.clock.Now().Add(time.Hour)
			p := f.schedule(t, "Pain de mie", at)
			f.sweep(t)
			if n := len(f.scheduled()); n != 1 {
				t.Fatalf("instance holds %d posts, want 1", n)
			}
			f.clock.Set(at.Add(late))
			f.srv.Release(f.clock.Now(), 30*time.Second)
			runScheduler(t, f, func() bool { return f.post(t, p.ID).Status == post.Published })
			got := f.post(t, p.ID)
			d := got.Deliveries[0]
			if got.Status != post.Published || d.RemoteID == "" || d.URL == "" {
				t.Fatalf("post = %s, delivery %+v; want published with the instance's status", got.Status, d)
			}
			if n := f.srv.Created(); n != 1 {
				t.Errorf("the instance has %d statuses, want 1: the scheduler must not publish a held post again", n)
			}
		})
	}
}

// Cancelled on the instance: the post fails with the reason.
func TestHoldLost(t *testing.T) {
	f := newFixture(t)
	at := f.clock.Now().Add(time.Hour)
	p := f.schedule(t, "Annulé là-bas", at)
	f.sweep(t)
	held := f.post(t, p.ID).Deliveries[0].Held
	if held == nil {
		t.Fatal("not handed over")
	}
	// The user cancels it in the instance's own web page.
	_, na, _ := targetOf(t, f)
	if err := f.app.Networks.Mastodon.Unschedule(context.Background(), na, held.ID); err != nil {
		t.Fatal(err)
	}
	f.clock.Set(at.Add(time.Minute))
	runScheduler(t, f, func() bool { return f.post(t, p.ID).Status == post.Failed })
	d := f.post(t, p.ID).Deliveries[0]
	if last := d.Attempts[len(d.Attempts)-1]; last.Reason != "network.hold_lost" {
		t.Errorf("last attempt = %+v, want network.hold_lost", last)
	}
}

func runScheduler(t *testing.T, f *fixture, done func() bool) {
	t.Helper()
	sched := f.app.Scheduler(nil, scheduler.Config{Poll: 20 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error, 1)
	go func() { stopped <- sched.Run(ctx) }()
	deadline := time.Now().Add(10 * time.Second)
	for !done() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-stopped; err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
}

func maps(a, b map[string]time.Time) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !w.Equal(v) {
			return false
		}
	}
	return true
}


func targetOf(t *testing.T, f *fixture) (string, network.Account, network.Publisher) {
	t.Helper()
	na, pub, err := f.app.Directory.Target(context.Background(), f.acc.ID)
	if err != nil {
		t.Fatal(err)
	}
	return f.acc.ID, na, pub
}

var _ = hold.Horizon
