package mastodon

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/network"
	"ruche/backend/network/mastodon/mastodontest"
	"ruche/backend/post"
)

func TestPublishSendsTheStatus(t *testing.T) {
	tests := []struct {
		name string
		v    post.Variant
		want url.Values
	}{
		{"text", post.Variant{Text: "Le pain sort du four."}, url.Values{"status": {"Le pain sort du four."}}},
		{"link appended", post.Variant{Text: "Notre carte", Link: "https://fournil.example/carte"},
			url.Values{"status": {"Notre carte\n\nhttps://fournil.example/carte"}}},
		{"link already in the text", post.Variant{Text: "Carte : https://fournil.example/carte", Link: "https://fournil.example/carte"},
			url.Values{"status": {"Carte : https://fournil.example/carte"}}},
		{"warning, visibility, language", post.Variant{Text: "Recette", ContentWarning: "gluten", Visibility: "unlisted", Language: "fr"},
			url.Values{"status": {"Recette"}, "spoiler_text": {"gluten"}, "visibility": {"unlisted"}, "language": {"fr"}}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			key := fmt.Sprintf("key-%d", i)
			res, err := f.client.Publish(t.Context(), f.account, tt.v, key)
			if err != nil {
				t.Fatalf("Publish() = %v", err)
			}
			reqs := f.srv.RequestsTo(http.MethodPost, "/api/v1/statuses")
			if len(reqs) != 1 {
				t.Fatalf("POST /api/v1/statuses sent %d times, want 1", len(reqs))
			}
			r := reqs[0]
			for h, want := range map[string]string{"Authorization": "Bearer " + f.account.Token, "Idempotency-Key": key,
				"User-Agent": "Ruche/test", "Content-Type": "application/x-www-form-urlencoded"} {
				if got := r.Header.Get(h); got != want {
					t.Errorf("%s = %q, want %q", h, got, want)
				}
			}
			if diff := cmp.Diff(tt.want, r.Form()); diff != "" {
				t.Errorf("form mismatch (-want +got):\n%s", diff)
			}
			st, ok := f.srv.Status(res.RemoteID)
			if !ok || res.URL != *st.URL || res.URL == "" {
				t.Errorf("Publish() = %+v, want the status made (%+v)", res, st)
			}
		})
	}
}

func TestPublishIsIdempotent(t *testing.T) {
	f := newFixture(t)
	v := post.Variant{Text: "Une seule fois"}
	first, err := f.client.Publish(t.Context(), f.account, v, "once")
	if err != nil {
		t.Fatalf("Publish() = %v", err)
	}
	// Another client (an app restarted) sends the same key again.
	again, err := f.newClient(Config{}).Publish(t.Context(), f.account, v, "once")
	if err != nil {
		t.Fatalf("Publish() again = %v", err)
	}
	if again != first {
		t.Errorf("Publish() again = %+v, want %+v", again, first)
	}
	if n := f.srv.CreatedWithKey("once"); n != 1 {
		t.Errorf("statuses created with the key = %d, want 1", n)
	}
	if _, err := f.client.Publish(t.Context(), f.account, v, ""); err == nil {
		t.Errorf("Publish() without a key = nil, want an error")
	}
}

func TestPublishMedia(t *testing.T) {
	f := newFixture(t)
	f.srv.SetMediaProcessing(2) // 202, then 206 twice, then 200
	v := post.Variant{Text: "Deux photos", Media: []post.Media{
		{Path: file(t, "miche.jpg", 3000), MIME: "image/jpeg", Alt: "Une miche dorée"},
		{Path: file(t, "four.png", 2000), MIME: "image/png"},
	}}
	if _, err := f.client.Publish(t.Context(), f.account, v, "media"); err != nil {
		t.Fatalf("Publish() = %v", err)
	}
	got := f.srv.Media()
	if len(got) != 2 || got[0].Name != "miche.jpg" || got[0].Description != "Une miche dorée" || got[0].Size != 3000 ||
		got[0].MIME != "image/jpeg" || got[1].Name != "four.png" || got[1].Description != "" || got[1].Size != 2000 {
		t.Fatalf("media received = %+v, want miche.jpg with its alt text, then four.png", got)
	}
	form := f.srv.RequestsTo(http.MethodPost, "/api/v1/statuses")[0].Form()
	if ids := form["media_ids[]"]; !slices.Equal(ids, []string{got[0].ID, got[1].ID}) {
		t.Errorf("media_ids[] = %v, want %v in order", ids, []string{got[0].ID, got[1].ID})
	}
	if n := len(f.srv.Requests()); n != 2+2*3+1 {
		t.Errorf("%d requests, want 2 uploads, 3 checks each, 1 status", n)
	}
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 500 * time.Millisecond, time.Second, 2 * time.Second}
	if diff := cmp.Diff(want, f.clock.Sleeps()); diff != "" {
		t.Errorf("waits between checks mismatch (-want +got):\n%s", diff)
	}
	up := f.srv.RequestsTo(http.MethodPost, "/api/v2/media")[0]
	if !strings.HasPrefix(up.ContentType, "multipart/form-data; boundary=") || up.Header.Get("Authorization") == "" {
		t.Errorf("upload Content-Type %q, Authorization %q; want multipart with the token", up.ContentType, up.Header.Get("Authorization"))
	}
}

func TestPublishMediaFailures(t *testing.T) {
	tests := []struct {
		name  string
		setup func(f *fixture)
		media post.Media
		cfg   Config
		want  error
		file  string
	}{
		{"processing fails", func(f *fixture) { f.srv.FailMediaProcessing(true) }, post.Media{MIME: "image/png"}, Config{}, ErrMediaFailed, "photo.png"},
		{"still processing", func(f *fixture) { f.srv.SetMediaProcessing(10) }, post.Media{MIME: "video/mp4"}, Config{MediaPolls: 3}, ErrMediaProcessing, ""},
		{"type refused", func(*fixture) {}, post.Media{MIME: "image/x-icon"}, Config{}, ErrMediaFailed, "photo.png"},
		{"too large", func(f *fixture) {
			l := mastodontest.DefaultLimits()
			l.ImageSizeLimit = 1000
			f.srv.SetLimits(l)
		}, post.Media{MIME: "image/png"}, Config{}, ErrMediaFailed, "photo.png"},
		{"missing file", func(*fixture) {}, post.Media{Path: "/no/such/photo.png", MIME: "image/png"}, Config{}, ErrMediaUnreadable, "photo.png"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			tt.setup(f)
			if tt.media.Path == "" {
				tt.media.Path = file(t, "photo.png", 5000)
			}
			c := f.newClient(tt.cfg)
			_, err := c.Publish(t.Context(), f.account, post.Variant{Text: "x", Media: []post.Media{tt.media}}, "k")
			if !errors.Is(err, tt.want) {
				t.Fatalf("Publish() = %v, want %v", err, tt.want)
			}
			var ne *network.Error
			if !errors.As(err, &ne) {
				t.Fatalf("Publish() = %T, want a *network.Error", err)
			}
			if tt.file != "" && ne.Fault.Args["file"] != tt.file {
				t.Errorf("file = %v, want %q", ne.Fault.Args["file"], tt.file)
			}
			if n := f.srv.Created(); n != 0 {
				t.Errorf("statuses created = %d, want 0", n)
			}
		})
	}
}

// thread is a post of three statuses.
var thread = post.Variant{Text: "1/3 Le levain", Thread: []string{"2/3 La pâte", "3/3 La cuisson"}}

func TestPublishThread(t *testing.T) {
	f := newFixture(t)
	res, err := f.client.Publish(t.Context(), f.account, thread, "th")
	if err != nil {
		t.Fatalf("Publish() = %v", err)
	}
	checkThread(t, f, res, "th")
	reqs := f.srv.RequestsTo(http.MethodPost, "/api/v1/statuses")
	for n, want := range []string{"th", "th/1", "th/2"} {
		if got := reqs[n].Header.Get("Idempotency-Key"); got != want {
			t.Errorf("part %d Idempotency-Key = %q, want %q", n, got, want)
		}
	}
}

// checkThread fails unless the instance holds the thread once, each part
// answering the one before, and res is its first status.
func checkThread(t *testing.T, f *fixture, res network.Result, key string) {
	t.Helper()
	sts := f.srv.Statuses()
	if len(sts) != 3 {
		t.Fatalf("the instance holds %d statuses, want 3", len(sts))
	}
	if sts[0].ID != res.RemoteID {
		t.Errorf("Publish() = %s, want the first status %s", res.RemoteID, sts[0].ID)
	}
	for n, st := range sts {
		if got, want := PlainText(st.Content), []string{thread.Text, thread.Thread[0], thread.Thread[1]}[n]; got != want {
			t.Errorf("part %d = %q, want %q", n, got, want)
		}
		if n > 0 && (st.InReplyToID == nil || *st.InReplyToID != sts[n-1].ID) {
			t.Errorf("part %d answers %v, want %s", n, st.InReplyToID, sts[n-1].ID)
		}
	}
	for _, k := range []string{key, key + "/1", key + "/2"} {
		if n := f.srv.CreatedWithKey(k); n != 1 {
			t.Errorf("statuses created with %s = %d, want 1", k, n)
		}
	}
}

func TestThreadResumesAfterAFailure(t *testing.T) {
	tests := []struct {
		name  string
		fault mastodontest.Fault
		want  error
	}{
		// Times 2: net/http sends a request with an Idempotency-Key again
		// once by itself when a reused connection drops.
		{"answer lost mid-thread", mastodontest.Fault{Method: http.MethodPost, Path: "/api/v1/statuses", Drop: true, After: true, Times: 2}, network.ErrConnection},
		{"server error mid-thread", mastodontest.Fault{Method: http.MethodPost, Path: "/api/v1/statuses", Status: 502}, network.ErrServer},
		{"timeout mid-thread", mastodontest.Fault{Method: http.MethodPost, Path: "/api/v1/statuses", Status: 503, After: true}, network.ErrServer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			fault := tt.fault
			fault.Skip = 1 // the first part goes through, the second fails
			f.srv.Inject(fault)
			_, err := f.client.Publish(t.Context(), f.account, thread, "th")
			if !errors.Is(err, tt.want) {
				t.Fatalf("Publish() = %v, want %v", err, tt.want)
			}
			if _, found, err := f.client.Lookup(t.Context(), f.account, network.Sent{Key: "th", Variant: thread, Since: f.clock.Now()}); err != nil || found {
				t.Errorf("Lookup() of a half-sent thread = %v, %v; want not found", found, err)
			}
			res, err := f.client.Publish(t.Context(), f.account, thread, "th")
			if err != nil {
				t.Fatalf("Publish() again = %v", err)
			}
			checkThread(t, f, res, "th")
			got, found, err := f.client.Lookup(t.Context(), f.account, network.Sent{Key: "th", Variant: thread, Since: f.clock.Now()})
			if err != nil || !found || got != res {
				t.Errorf("Lookup() = %+v, %v, %v; want %+v", got, found, err, res)
			}
		})
	}
}
