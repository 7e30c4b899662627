package mastodon

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"ruche/backend/network"
	"ruche/backend/network/mastodon/mastodontest"
	"ruche/backend/post"
)

// lostAnswer makes the next status POST create the status but lose the
// answer (twice: net/http retries a keyed request once by itself).
func lostAnswer(f *fixture) {
	f.srv.Inject(mastodontest.Fault{Method: http.MethodPost, Path: "/api/v1/statuses", Drop: true, After: true, Times: 2})
}

func TestLookupNeverPublishes(t *testing.T) {
	f := newFixture(t)
	_, found, err := f.client.Lookup(t.Context(), f.account, network.Sent{Key: "never-sent", Variant: post.Variant{Text: "Jamais"}, Since: f.clock.Now()})
	if err != nil || found {
		t.Fatalf("Lookup() of a key never sent = %v, %v; want not found", found, err)
	}
	if n := f.srv.Created(); n != 0 {
		t.Errorf("Lookup() created %d statuses, want 0", n)
	}
	probe := f.srv.RequestsTo(http.MethodPost, "/api/v1/statuses")
	if len(probe) != 1 || probe[0].Header.Get("Idempotency-Key") != "never-sent" || len(probe[0].Body) != 0 {
		t.Errorf("probe = %+v, want one empty POST with the key", probe)
	}
}

func TestLookupAfterALostAnswer(t *testing.T) {
	f := newFixture(t)
	v := post.Variant{Text: "Pain aux noix", Media: []post.Media{{Path: file(t, "noix.jpg", 1000), MIME: "image/jpeg", Alt: "Noix"}}}
	sent := network.Sent{Key: "noix", Variant: v, Since: f.clock.Now()}
	lostAnswer(f)
	if _, err := f.client.Publish(t.Context(), f.account, v, "noix"); !errors.Is(err, network.ErrConnection) {
		t.Fatalf("Publish() = %v, want ErrConnection", err)
	}
	made := f.srv.Statuses()
	if len(made) != 1 {
		t.Fatalf("the instance holds %d statuses, want the one whose answer was lost", len(made))
	}

	// The same client knows the post has one part: found.
	res, found, err := f.client.Lookup(t.Context(), f.account, sent)
	if err != nil || !found || res.RemoteID != made[0].ID {
		t.Errorf("Lookup() = %+v, %v, %v; want %s found", res, found, err, made[0].ID)
	}

	// A restarted app knows the parts from the variant: found by the
	// probe, and Publish then answers the same status without uploading
	// again.
	restarted := f.newClient(Config{})
	if got, found, err := restarted.Lookup(t.Context(), f.account, sent); err != nil || !found || got.RemoteID != made[0].ID {
		t.Errorf("Lookup() after a restart = %+v, %v, %v; want %s found", got, found, err, made[0].ID)
	}
	res, err = restarted.Publish(t.Context(), f.account, v, "noix")
	if err != nil || res.RemoteID != made[0].ID {
		t.Errorf("Publish() after a restart = %+v, %v; want %s", res, err, made[0].ID)
	}
	if n, m := f.srv.Created(), len(f.srv.Media()); n != 1 || m != 1 {
		t.Errorf("%d statuses and %d uploads, want 1 and 1", n, m)
	}
}

func TestLookupPastTheInstanceWindow(t *testing.T) {
	f := newFixture(t)
	v := post.Variant{Text: "Fermé lundi, @fan@elsewhere.example", Link: "https://fournil.example/horaires"}
	sent := network.Sent{Key: "lundi", Variant: v, Since: f.clock.Now()}
	lostAnswer(f)
	if _, err := f.client.Publish(t.Context(), f.account, v, "lundi"); err == nil {
		t.Fatal("Publish() = nil, want the lost answer")
	}
	f.srv.Post("fournil", "Autre chose") // something posted since, from elsewhere
	f.clock.Add(2 * time.Hour)           // the instance forgot the key

	res, found, err := f.client.Lookup(t.Context(), f.account, sent)
	if err != nil || !found {
		t.Fatalf("Lookup() past the window = %+v, %v, %v; want found by its text", res, found, err)
	}
	if st, _ := f.srv.Status(res.RemoteID); PlainText(st.Content) != "Fermé lundi, @fan\n\nhttps://fournil.example/horaires" {
		t.Errorf("Lookup() found %q, want the post", PlainText(st.Content))
	}
	if _, err := f.client.Publish(t.Context(), f.account, v, "lundi"); err != nil || f.srv.Created() != 1 {
		t.Errorf("Publish() past the window = %v with %d statuses created, want the same one", err, f.srv.Created())
	}

	// A restarted app past the window finds it by what it sent, and does
	// not publish it again.
	restarted := f.newClient(Config{})
	if got, found, err := restarted.Lookup(t.Context(), f.account, sent); err != nil || !found || got.RemoteID != res.RemoteID {
		t.Errorf("Lookup() restarted past the window = %+v, %v, %v; want %s found", got, found, err, res.RemoteID)
	}
	if _, err := restarted.Publish(t.Context(), f.account, v, "lundi"); err != nil || f.srv.Created() != 1 {
		t.Errorf("Publish() restarted past the window = %v with %d statuses created, want the same one", err, f.srv.Created())
	}
}

// TestLookupRestartedPastTheWindowFindsEveryPart: a thread whose answer
// was lost mid-way, found again by a restarted app two hours later (the
// instance forgot the keys): the parts that went out are found, Publish
// sends only the rest, and each part exists once.
func TestLookupRestartedPastTheWindowFindsEveryPart(t *testing.T) {
	f := newFixture(t)
	sent := network.Sent{Key: "th2", Variant: thread, Since: f.clock.Now()}
	f.srv.Inject(mastodontest.Fault{Method: http.MethodPost, Path: "/api/v1/statuses", Drop: true, After: true, Times: 2, Skip: 1})
	if _, err := f.client.Publish(t.Context(), f.account, thread, "th2"); err == nil {
		t.Fatal("Publish() = nil, want the lost answer of the second part")
	}
	if got, want := f.srv.Created(), 2; got != want {
		t.Fatalf("the instance made %d statuses, want %d (the second's answer lost)", got, want)
	}
	f.clock.Add(2 * time.Hour)
	restarted := f.newClient(Config{})
	if _, found, err := restarted.Lookup(t.Context(), f.account, sent); err != nil || found {
		t.Errorf("Lookup() of a thread cut short = %v, %v; want not found", found, err)
	}
	res, err := restarted.Publish(t.Context(), f.account, thread, "th2")
	if err != nil {
		t.Fatalf("Publish() = %v", err)
	}
	checkThread(t, f, res, "th2")
	if got, want := f.srv.Created(), len(thread.Thread)+1; got != want {
		t.Errorf("%d statuses created in all, want %d (each part once)", got, want)
	}
	got, found, err := f.newClient(Config{}).Lookup(t.Context(), f.account, sent)
	if err != nil || !found || got != res {
		t.Errorf("Lookup() by another restart = %+v, %v, %v; want %+v", got, found, err, res)
	}
}

func TestDelete(t *testing.T) {
	f := newFixture(t)
	res, err := f.client.Publish(t.Context(), f.account, post.Variant{Text: "éphémère"}, "del")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.client.Delete(t.Context(), f.account, res.RemoteID); err != nil {
		t.Fatalf("Delete() = %v", err)
	}
	if _, ok := f.srv.Status(res.RemoteID); ok {
		t.Errorf("the status is still there after Delete()")
	}
	if err := f.client.Delete(t.Context(), f.account, res.RemoteID); err != nil {
		t.Errorf("Delete() of a status gone = %v, want nil", err)
	}
	r := f.srv.RequestsTo(http.MethodDelete, "/api/v1/statuses/"+res.RemoteID)
	if len(r) != 2 || r[0].Header.Get("Authorization") != "Bearer "+f.account.Token {
		t.Errorf("DELETE requests = %+v, want 2 with the token", r)
	}
	bad := f.account
	bad.Token = "revoked"
	if err := f.client.Delete(t.Context(), bad, res.RemoteID); !errors.Is(err, network.ErrAuthExpired) {
		t.Errorf("Delete() with a bad token = %v, want ErrAuthExpired", err)
	}
}
