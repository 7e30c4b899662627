package boot_test

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"ruche/backend/account"
	"ruche/backend/boot"
	"ruche/backend/locale"
	"ruche/backend/network/testnet"
	"ruche/backend/plan"
	"ruche/backend/post"
	"ruche/backend/scheduler"
	"ruche/backend/secrets"
)

// TestPublishNowWakesThePublisher: with a publishing loop that polls once
// an hour, a missed post the user publishes now goes out at once.
func TestPublishNowWakesThePublisher(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	clock := time.Date(2027, 5, 3, 8, 0, 0, 0, time.UTC)
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	srv := testnet.NewServer(time.Now)
	hs := httptest.NewServer(srv)
	defer hs.Close()
	app, err := boot.Open(ctx, boot.Config{DataDir: filepath.Join(t.TempDir(), "data"), Vault: secrets.NewMemory(), Now: now,
		System: locale.System{Lang: locale.English, Zone: "UTC"}, Getenv: func(k string) string {
			if k == "RUCHE_TESTNET_TOKEN" {
				return "tok"
			}
			return ""
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	w, _ := app.Workspaces.Current(ctx)
	acc, err := app.Accounts.Add(ctx, w.ID, account.Input{Network: "testnet", Handle: "t", Server: hs.URL})
	if err != nil {
		t.Fatal(err)
	}
	p, err := app.Plan.Create(ctx, w, post.Input{Variants: []post.Variant{{AccountID: acc.ID, Network: "testnet", Text: "Bonjour"}}},
		plan.Local{Day: plan.LocalOf(clock, time.UTC).Day, Clock: plan.LocalOf(clock.Add(2*time.Minute), time.UTC).Clock})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	clock = clock.Add(time.Hour) // Ruche was closed: the post is missed at the first poll
	mu.Unlock()
	app.Start(nil, scheduler.Config{Poll: time.Hour})
	defer app.Stop()
	waitUntil(t, func() bool { q, _ := app.Store.Post(ctx, p.ID); return q.Status == post.Missed })
	if _, err := app.Plan.ResolveMissed(ctx, w, p.ID, plan.PublishNow, plan.Local{}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	waitUntil(t, func() bool { return srv.Len() == 1 })
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("published %v after 'publish now', want at once (the loop polls hourly)", took)
	}
}

func waitUntil(t *testing.T, done func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !done() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
