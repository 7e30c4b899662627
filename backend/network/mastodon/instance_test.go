package mastodon

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/network/mastodon/mastodontest"
)

func TestCapabilitiesFromTheInstance(t *testing.T) {
	f := newFixture(t)
	l := mastodontest.DefaultLimits()
	l.MaxCharacters, l.MaxMediaAttachments, l.CharactersReservedPerURL = 1000, 6, 30
	l.ImageSizeLimit, l.VideoSizeLimit = 8<<20, 40<<20
	l.SupportedMIMETypes = []string{"image/jpeg", "image/png", "video/mp4", "audio/mpeg"}
	f.srv.SetLimits(l)

	got, err := f.client.CapabilitiesFor(t.Context(), f.ts.URL)
	if err != nil {
		t.Fatalf("CapabilitiesFor() = %v", err)
	}
	want, _ := network.Defaults(network.Mastodon)
	want.TextLimit, want.MaxMedia, want.URLLength = 1000, 6, 30
	want.MaxMediaBytes, want.MaxVideoBytes = 8<<20, 40<<20
	want.MediaTypes = []string{"image/jpeg", "image/png", "video/mp4"} // audio is not Ruche's
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CapabilitiesFor() mismatch (-want +got):\n%s", diff)
	}
	if l := network.Count(strings.Repeat("é", 1000), got); l.Over {
		t.Errorf("Count(1000 characters) is over the instance's 1000")
	}

	// Cached: no second request until the TTL is over.
	f.client.CapabilitiesFor(t.Context(), f.ts.URL+"/")
	if n := len(f.srv.RequestsTo(http.MethodGet, "/api/v2/instance")); n != 1 {
		t.Errorf("GET /api/v2/instance sent %d times within the TTL, want 1", n)
	}
	f.clock.Add(DefaultCapabilitiesTTL + time.Second)
	f.client.CapabilitiesFor(t.Context(), f.ts.URL)
	if n := len(f.srv.RequestsTo(http.MethodGet, "/api/v2/instance")); n != 2 {
		t.Errorf("GET /api/v2/instance sent %d times after the TTL, want 2", n)
	}
	r := f.srv.RequestsTo(http.MethodGet, "/api/v2/instance")[0]
	if ua := r.Header.Get("User-Agent"); ua != "Ruche/test" {
		t.Errorf("User-Agent = %q, want Ruche/test", ua)
	}
	if auth := r.Header.Get("Authorization"); auth != "" {
		t.Errorf("Authorization = %q on a public call, want none", auth)
	}
}

func TestInstanceV1Fallback(t *testing.T) {
	f := newFixture(t)
	f.srv.SetV2(false)
	l := mastodontest.DefaultLimits()
	l.MaxCharacters = 5000
	f.srv.SetLimits(l)
	inst, err := f.client.Instance(t.Context(), f.ts.URL)
	if err != nil {
		t.Fatalf("Instance() = %v", err)
	}
	if inst.Domain != "mastodon.test" || inst.Capabilities.TextLimit != 5000 || inst.Version != "4.3.0" {
		t.Errorf("Instance() = %+v, want domain mastodon.test, limit 5000 from v1", inst)
	}
	if n := len(f.srv.RequestsTo(http.MethodGet, "/api/v1/instance")); n != 1 {
		t.Errorf("GET /api/v1/instance sent %d times, want 1", n)
	}
}

func TestNotMastodon(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    error
	}{
		{"an HTML site", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<!doctype html><title>Boulangerie</title>"))
		}, ErrNotMastodon},
		{"404 everywhere", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }, ErrNotMastodon},
		{"other JSON", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"name":"not an instance","items":[]}`))
		}, ErrNotMastodon},
		{"JSON array", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`[1,2,3]`)) }, ErrNotMastodon},
		{"403 everywhere", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusForbidden) }, ErrNotMastodon},
		{"server down", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusBadGateway) }, network.ErrServer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := httptest.NewServer(tt.handler)
			defer ts.Close()
			c := NewClient(ts.Client(), Config{})
			_, err := c.Instance(t.Context(), ts.URL)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Instance() = %v, want %v", err, tt.want)
			}
			var fe *fault.Error
			if errors.Is(err, ErrNotMastodon) && (!errors.As(err, &fe) || fe.Args["address"] != "127.0.0.1") {
				t.Errorf("Instance() = %v, want the address 127.0.0.1 in the message values", err)
			}
		})
	}
}

func TestInstanceUnreachable(t *testing.T) {
	ts := httptest.NewServer(http.NotFoundHandler())
	url := ts.URL
	ts.Close()
	_, err := NewClient(nil, Config{Timeout: time.Second}).Instance(t.Context(), url)
	if !errors.Is(err, network.ErrUnreachable) {
		t.Errorf("Instance(closed server) = %v, want ErrUnreachable", err)
	}
	if _, err := NewClient(nil, Config{}).Instance(t.Context(), "not an address"); !errors.Is(err, ErrAddress) {
		t.Errorf("Instance(bad address) = %v, want ErrAddress", err)
	}
}

func TestCapabilitiesDefault(t *testing.T) {
	got := NewClient(nil, Config{}).Capabilities()
	want, _ := network.Defaults(network.Mastodon)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Capabilities() mismatch (-want +got):\n%s", diff)
	}
	if !got.NativeScheduling || !got.Idempotency || !slices.Contains(got.MediaTypes, "image/png") {
		t.Errorf("Capabilities() = %+v, want native scheduling and idempotency", got)
	}
}
