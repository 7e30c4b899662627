package demo_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ruche/backend/account"
	"ruche/backend/boot"
	"ruche/backend/demo"
	"ruche/backend/ident"
	"ruche/backend/locale"
	"ruche/backend/network"
	"ruche/backend/post"
	"ruche/backend/secrets"
)

var now = time.Date(2027, 1, 12, 10, 0, 0, 0, time.UTC)

func TestSampleFillsAMonthAndRefreshReplacesIt(t *testing.T) {
	ctx := context.Background()
	app, err := boot.Open(ctx, boot.Config{DataDir: filepath.Join(t.TempDir(), "data"), Vault: secrets.NewMemory(),
		System: locale.System{Lang: locale.French, Zone: "Europe/Paris"}, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	sample := demo.NewSample(app.Store, app.Store, app.Now, ident.New)

	w, err := demo.Refresh(ctx, app.Workspaces, locale.French, sample)
	if err != nil {
		t.Fatal(err)
	}
	accounts, _ := app.Accounts.List(ctx, w.ID)
	first := all(t, app, w.ID)
	if len(accounts) != 3 || len(first) < 30 {
		t.Fatalf("demo = %d accounts, %d posts; want 3 and a month of posts", len(accounts), len(first))
	}
	for _, a := range accounts {
		if a.Status != account.Demo {
			t.Errorf("account %s is %s, want demo", a.Handle, a.Status)
		}
	}

	count := map[post.Status]int{}
	pillars := map[string]bool{}
	for _, p := range first {
		count[p.Status]++
		pillars[p.Pillar] = true
		for _, v := range p.Variants {
			caps, _ := network.Defaults(v.Network)
			if network.Blocking(network.Validate(v, caps)) {
				t.Errorf("post %q: its %s variant would be refused: %+v", post.Title(p), v.Network, network.Validate(v, caps))
			}
		}
		switch p.Status {
		case post.Published:
			if !p.ScheduledAt.Before(now) || p.Deliveries[0].URL == "" || len(p.Deliveries[0].Attempts) != 1 {
				t.Errorf("published post %q: at %v, deliveries %+v", post.Title(p), p.ScheduledAt, p.Deliveries)
			}
		case post.Scheduled:
			if p.ScheduledAt.Before(now) {
				t.Errorf("scheduled post %q is in the past", post.Title(p))
			}
		case post.Failed:
			if d := p.Deliveries[len(p.Deliveries)-1]; d.State != post.DeliveryFailed || d.Attempts[0].Reason == "" {
				t.Errorf("failed post %q has no failed delivery with a reason: %+v", post.Title(p), p.Deliveries)
			}
		}
	}
	if count[post.Published] < 10 || count[post.Scheduled] < 10 || count[post.Draft] < 2 || count[post.InReview] != 1 || count[post.Failed] != 1 {
		t.Errorf("statuses = %v, want published and scheduled ones, drafts, one in review and one failed", count)
	}
	if len(pillars) != 4 || !pillars["Coulisses"] {
		t.Errorf("pillars = %v, want the four French ones", pillars)
	}

	// Again, in English: the same accounts, the posts replaced.
	if _, err := demo.Refresh(ctx, app.Workspaces, locale.English, sample); err != nil {
		t.Fatal(err)
	}
	again, _ := app.Accounts.List(ctx, w.ID)
	second := all(t, app, w.ID)
	if len(again) != 3 || again[0].ID != accounts[0].ID {
		t.Errorf("refresh changed the accounts: %+v", again)
	}
	if len(second) != len(first) || second[0].ID == first[0].ID {
		t.Errorf("refresh: %d posts (first %s), want %d new ones", len(second), second[0].ID, len(first))
	}
	if !strings.Contains(post.Title(second[0]), "baguettes") || second[0].Pillar != "Behind the scenes" {
		t.Errorf("refresh in English: first post %q, pillar %q", post.Title(second[0]), second[0].Pillar)
	}
}

func all(t *testing.T, app *boot.App, wsID string) []post.Post {
	t.Helper()
	ctx := context.Background()
	dated, err := app.Posts.List(ctx, wsID, post.MinTime, post.MaxTime)
	if err != nil {
		t.Fatal(err)
	}
	drafts, err := app.Posts.Drafts(ctx, wsID)
	if err != nil {
		t.Fatal(err)
	}
	return append(dated, drafts...)
}
