package mastodon

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/network/mastodon/mastodontest"
	"ruche/backend/post"
)

func TestNativeSchedulingLifecycle(t *testing.T) {
	f := newFixture(t)
	v := post.Variant{Text: "Galette des rois vendredi", Link: "https://fournil.example/galette", Visibility: "public", Language: "fr",
		Media: []post.Media{{Path: file(t, "galette.jpg", 1200), MIME: "image/jpeg", Alt: "Une galette"}}}
	at := start.Add(time.Hour)

	id, err := f.client.Schedule(t.Context(), f.account, v, "sched", at)
	if err != nil {
		t.Fatalf("Schedule() = %v", err)
	}
	req := f.srv.RequestsTo(http.MethodPost, "/api/v1/statuses")[0]
	form := req.Form()
	if form.Get("scheduled_at") != "2026-03-02T10:02:00Z" || form.Get("status") != StatusText(v) || len(form["media_ids[]"]) != 1 ||
		req.Header.Get("Idempotency-Key") != "sched" {
		t.Errorf("schedule request = %v (key %q), want scheduled_at, the text with its link, the media and the key", form, req.Header.Get("Idempotency-Key"))
	}
	if again, err := f.client.Schedule(t.Context(), f.account, v, "sched", at); err != nil || again != id {
		t.Errorf("Schedule() again with the key = %q, %v; want %q", again, err, id)
	}
	if n := len(f.srv.Scheduled()); n != 1 {
		t.Errorf("the instance holds %d scheduled statuses, want 1", n)
	}

	got, found, err := f.client.ScheduledStatus(t.Context(), f.account, id)
	if err != nil || !found || !got.Equal(at) {
		t.Errorf("ScheduledStatus() = %v, %v, %v; want %v", got, found, err, at)
	}
	later := at.Add(30 * time.Minute)
	if err := f.client.Reschedule(t.Context(), f.account, id, later); err != nil {
		t.Fatalf("Reschedule() = %v", err)
	}
	if got, _, _ := f.client.ScheduledStatus(t.Context(), f.account, id); !got.Equal(later) {
		t.Errorf("ScheduledStatus() after Reschedule = %v, want %v", got, later)
	}

	// The instance publishes it, two minutes late.
	f.clock.Add(2 * time.Hour)
	released := f.srv.Release(f.clock.Now(), 2*time.Minute)
	if len(released) != 1 {
		t.Fatalf("Release() = %d statuses, want 1", len(released))
	}
	if _, found, err := f.client.ScheduledStatus(t.Context(), f.account, id); err != nil || found {
		t.Errorf("ScheduledStatus() once published = %v, %v; want not found", found, err)
	}
	res, found, err := f.client.FindPublished(t.Context(), f.account, later, StatusText(v))
	if err != nil || !found || res.RemoteID != released[0].ID || res.URL != *released[0].URL {
		t.Errorf("FindPublished() = %+v, %v, %v; want %s", res, found, err, released[0].ID)
	}
	if _, found, _ := f.client.FindPublished(t.Context(), f.account, later.Add(-3*time.Hour), StatusText(v)); found {
		t.Errorf("FindPublished() far from the time = found, want not found")
	}
	if _, found, _ := f.client.FindPublished(t.Context(), f.account, later, "autre texte"); found {
		t.Errorf("FindPublished() of another text = found, want not found")
	}
	if err := f.client.Reschedule(t.Context(), f.account, id, f.clock.Now().Add(time.Hour)); !errors.Is(err, ErrScheduledGone) || fault.KindOf(err) != fault.NotFound {
		t.Errorf("Reschedule() once published = %v, want ErrScheduledGone", err)
	}
}

func TestUnschedule(t *testing.T) {
	f := newFixture(t)
	id, err := f.client.Schedule(t.Context(), f.account, post.Variant{Text: "annulé"}, "", start.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.client.Unschedule(t.Context(), f.account, id); err != nil {
		t.Errorf("Unschedule() = %v, want nil", err)
	}
	// The second time it is gone already: that is not "given back", for
	// the instance may have published it (the caller looks it up).
	if err := f.client.Unschedule(t.Context(), f.account, id); !errors.Is(err, ErrScheduledGone) {
		t.Errorf("Unschedule() of a status gone = %v, want ErrScheduledGone", err)
	}
	if n := len(f.srv.Scheduled()); n != 0 {
		t.Errorf("the instance holds %d scheduled statuses, want 0", n)
	}
	if _, found, err := f.client.ScheduledStatus(t.Context(), f.account, id); err != nil || found {
		t.Errorf("ScheduledStatus() once cancelled = %v, %v; want not found", found, err)
	}
	f.clock.Add(2 * time.Hour)
	if len(f.srv.Release(f.clock.Now(), 0)) != 0 || f.srv.Created() != 0 {
		t.Errorf("a cancelled status was published")
	}
}

// TestFindScheduledByKey: a hand-over whose answer was lost is found among
// the scheduled statuses by the key it was made with; Collect without an
// id finds it held, then, once published, its status; a key never used is
// ErrNeverHeld.
func TestFindScheduledByKey(t *testing.T) {
	f := newFixture(t)
	at := start.Add(time.Hour)
	v := post.Variant{Text: "Brioche du dimanche"}
	for i := range 45 { // more than a page of scheduled statuses
		if _, err := f.client.Schedule(t.Context(), f.account, post.Variant{Text: fmt.Sprintf("autre %d", i)}, fmt.Sprintf("k%d", i), at.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	f.srv.Inject(mastodontest.Fault{Method: http.MethodPost, Path: "/api/v1/statuses", Drop: true, After: true, Times: 2})
	if _, err := f.client.Schedule(t.Context(), f.account, v, "brioche-h0", at); err == nil {
		t.Fatal("Schedule() = nil, want the lost answer")
	}
	id, found, err := f.client.FindScheduled(t.Context(), f.account, "brioche-h0")
	if err != nil || !found || id == "" {
		t.Fatalf("FindScheduled() = %q, %v, %v; want the scheduled status", id, found, err)
	}
	if _, found, err := f.client.FindScheduled(t.Context(), f.account, "never"); err != nil || found {
		t.Errorf("FindScheduled() of a key never used = %v, %v; want not found", found, err)
	}
	held := post.Held{At: at, Key: "brioche-h0", Text: v.Text}
	if _, found, err := f.client.Collect(t.Context(), f.account, held, v); err != nil || found {
		t.Errorf("Collect() while held = %v, %v; want not found yet", found, err)
	}
	f.clock.Add(time.Hour + time.Minute)
	f.srv.Release(f.clock.Now(), 0)
	edited := post.Variant{Text: "Brioche du dimanche (modifiée)"}
	res, found, err := f.client.Collect(t.Context(), f.account, held, edited)
	if err != nil || !found || res.RemoteID == "" {
		t.Errorf("Collect() once published = %+v, %v, %v; want the status, found by the text handed over", res, found, err)
	}
	if _, _, err := f.client.Collect(t.Context(), f.account, post.Held{At: at, Key: "never", Text: "rien"}, v); !errors.Is(err, network.ErrNeverHeld) {
		t.Errorf("Collect() of a hand-over that never arrived = %v, want ErrNeverHeld", err)
	}
}

func TestScheduleRefusals(t *testing.T) {
	tests := []struct {
		name  string
		v     post.Variant
		at    time.Duration // from now
		setup func(f *fixture)
		want  error
		sent  bool
	}{
		{name: "too soon", v: post.Variant{Text: "x"}, at: 4 * time.Minute, want: ErrTooSoon},
		{name: "in the past", v: post.Variant{Text: "x"}, at: -time.Hour, want: ErrTooSoon},
		{name: "thread", v: post.Variant{Text: "x", Thread: []string{"y"}}, at: time.Hour, want: ErrThreadNotSchedulable},
		// The instance's clock is ahead of ours: it refuses, and says so.
		{name: "too soon for the instance", v: post.Variant{Text: "x"}, at: 6 * time.Minute, setup: func(f *fixture) {
			f.clock.Add(2 * time.Minute)
		}, want: ErrTooSoon, sent: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			at := f.clock.Now().Add(tt.at)
			if tt.setup != nil {
				tt.setup(f)
			}
			c := f.newClient(Config{})
			if tt.sent {
				c = NewClient(f.ts.Client(), Config{Now: func() time.Time { return start }, Sleep: f.clock.Sleep})
			}
			_, err := c.Schedule(t.Context(), f.account, tt.v, "k", at)
			var ne *network.Error
			if !errors.Is(err, tt.want) || !errors.As(err, &ne) || fault.KindOf(err) != fault.Invalid {
				t.Fatalf("Schedule() = %v, want %v (invalid)", err, tt.want)
			}
			if sent := len(f.srv.Requests()) > 0; sent != tt.sent {
				t.Errorf("request sent = %v, want %v", sent, tt.sent)
			}
			if errors.Is(err, ErrTooSoon) && ne.Fault.Args["minutes"] != 5 {
				t.Errorf("minutes = %v, want 5", ne.Fault.Args["minutes"])
			}
		})
	}
}
