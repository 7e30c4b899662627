package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/network"
	"ruche/backend/post"
)

// writePNG writes a w×h PNG in dir and returns its path.
func writePNG(t *testing.T, dir, name string, w, h int) string {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// storedPost decodes the record the fake holds at rkey.
func storedPost(t *testing.T, f *fakePDS, rkey string) (postRecord, map[string]any) {
	t.Helper()
	rec, ok := f.record(rkey)
	if !ok {
		t.Fatalf("no record at %s", rkey)
	}
	var p postRecord
	var raw map[string]any
	json.Unmarshal(rec.Value, &p)
	json.Unmarshal(rec.Value, &raw)
	return p, raw
}

func TestPublishWritesTheRecord(t *testing.T) {
	f := newFakePDS(t)
	c, _ := newTestClient(t, f, f.session(now.Add(time.Hour)))
	img := writePNG(t, t.TempDir(), "pain.png", 300, 200)
	v := post.Variant{Text: "Ça y est 🎉 @fan.test #Pâtisserie https://ruche.test/pain.", Language: "fr",
		Link:  "https://ruche.test/pain",
		Media: []post.Media{{Path: img, Alt: "Un pain doré", MIME: "image/png"}}}
	res, err := c.Publish(context.Background(), testAccount(f), v, "key-1")
	if err != nil {
		t.Fatalf("Publish() = %v", err)
	}
	rkey := RecordKey("key-1")
	want := network.Result{RemoteID: "at://" + didBrand + "/app.bsky.feed.post/" + rkey, URL: "https://bsky.app/profile/brand.test/post/" + rkey}
	if res != want {
		t.Errorf("Publish() = %+v, want %+v", res, want)
	}
	p, raw := storedPost(t, f, rkey)
	wantFacets := []facet{
		{byteSlice{15, 24}, []feature{{Type: featureMention, DID: didFan}}},
		{byteSlice{25, 37}, []feature{{Type: featureTag, Tag: "Pâtisserie"}}},
		{byteSlice{38, 61}, []feature{{Type: featureLink, URI: "https://ruche.test/pain"}}},
	}
	if diff := cmp.Diff(wantFacets, p.Facets); diff != "" {
		t.Errorf("facets mismatch (-want +got):\n%s", diff)
	}
	for i, want := range []string{"@fan.test", "#Pâtisserie", "https://ruche.test/pain"} {
		if got := v.Text[wantFacets[i].Index.ByteStart:wantFacets[i].Index.ByteEnd]; got != want {
			t.Errorf("text of facet %d = %q, want %q", i, got, want)
		}
	}
	if p.Type != collectionPost || p.Text != v.Text || p.CreatedAt != "2027-03-14T07:00:00.000Z" || !cmp.Equal(p.Langs, []string{"fr"}) {
		t.Errorf("record = %+v, want the text, createdAt 2027-03-14T07:00:00.000Z and langs [fr]", p)
	}
	embed, _ := raw["embed"].(map[string]any)
	images, _ := embed["images"].([]any)
	if embed["$type"] != embedImages || len(images) != 1 {
		t.Fatalf("embed = %v, want one image (images win over the link)", embed)
	}
	im := images[0].(map[string]any)
	blob := im["image"].(map[string]any)
	if im["alt"] != "Un pain doré" || blob["mimeType"] != "image/png" || blob["$type"] != "blob" ||
		!cmp.Equal(im["aspectRatio"], map[string]any{"width": 300.0, "height": 200.0}) {
		t.Errorf("image = %v, want the blob, alt and aspect ratio 300×200", im)
	}
	for _, h := range f.headers {
		if h.Get("User-Agent") != DefaultUserAgent {
			t.Errorf("User-Agent = %q, want %q", h.Get("User-Agent"), DefaultUserAgent)
		}
	}
}

func TestPublishSameKeyMakesOnePost(t *testing.T) {
	f := newFakePDS(t)
	c, _ := newTestClient(t, f, f.session(now.Add(time.Hour)))
	a := testAccount(f)
	first, err := c.Publish(context.Background(), a, post.Variant{Text: "une fois"}, "key-1")
	if err != nil {
		t.Fatalf("Publish() = %v", err)
	}
	again, err := c.Publish(context.Background(), a, post.Variant{Text: "une fois"}, "key-1")
	if err != nil {
		t.Fatalf("Publish() again = %v", err)
	}
	if again != first || f.nrecords() != 1 {
		t.Errorf("Publish() again = %+v with %d records, want %+v and 1 record", again, f.nrecords(), first)
	}
	got, found, err := c.Lookup(context.Background(), a, network.Sent{Key: "key-1"})
	if err != nil || !found || got != first {
		t.Errorf("Lookup() = %+v, %v, %v; want %+v, true", got, found, err, first)
	}
	if _, found, err := c.Lookup(context.Background(), a, network.Sent{Key: "key-2"}); err != nil || found {
		t.Errorf("Lookup(unknown key) = %v, %v; want not found", found, err)
	}
}

func TestPublishFinishesAnInterruptedThread(t *testing.T) {
	f := newFakePDS(t)
	c, _ := newTestClient(t, f, f.session(now.Add(time.Hour)))
	a := testAccount(f)
	v := post.Variant{Text: "1/3 début", Thread: []string{"2/3 milieu", "3/3 fin"}}
	f.mu.Lock()
	f.createLimit = 2
	f.mu.Unlock()
	if _, err := c.Publish(context.Background(), a, v, "key-t"); !errors.Is(err, network.ErrServer) {
		t.Fatalf("interrupted Publish() = %v, want network.ErrServer", err)
	}
	if _, found, err := c.Lookup(context.Background(), a, network.Sent{Key: "key-t"}); err != nil || found {
		t.Errorf("Lookup(thread cut short) = %v, %v; want not found", found, err)
	}
	f.mu.Lock()
	f.createLimit = 0
	f.mu.Unlock()
	res, err := c.Publish(context.Background(), a, v, "key-t")
	if err != nil {
		t.Fatalf("Publish() again = %v", err)
	}
	if f.nrecords() != 3 {
		t.Errorf("records = %d, want 3", f.nrecords())
	}
	root, _ := f.record(RecordKey("key-t"))
	second, _ := f.record(RecordKey("key-t/1"))
	rootRef := strongRef{URI: res.RemoteID, CID: root.CID}
	secondRef := strongRef{URI: "at://" + didBrand + "/app.bsky.feed.post/" + RecordKey("key-t/1"), CID: second.CID}
	for i, want := range []*replyRef{nil, {rootRef, rootRef}, {rootRef, secondRef}} {
		p, _ := storedPost(t, f, RecordKey(partKey("key-t", i)))
		if diff := cmp.Diff(want, p.Reply); diff != "" {
			t.Errorf("part %d reply mismatch (-want +got):\n%s", i, diff)
		}
		if wantLen := map[bool]int{true: 3, false: 0}[i == 0]; p.ThreadLength != wantLen {
			t.Errorf("part %d rucheThreadLength = %d, want %d", i, p.ThreadLength, wantLen)
		}
	}
	if got, found, err := c.Lookup(context.Background(), a, network.Sent{Key: "key-t"}); err != nil || !found || got != res {
		t.Errorf("Lookup(whole thread) = %+v, %v, %v; want %+v, true", got, found, err, res)
	}
}

func TestDelete(t *testing.T) {
	f := newFakePDS(t)
	c, _ := newTestClient(t, f, f.session(now.Add(time.Hour)))
	a := testAccount(f)
	res, err := c.Publish(context.Background(), a, post.Variant{Text: "éphémère"}, "key-d")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 { // gone already the second time
		if err := c.Delete(context.Background(), a, res.RemoteID); err != nil {
			t.Errorf("Delete() #%d = %v", i+1, err)
		}
	}
	if f.nrecords() != 0 {
		t.Errorf("records = %d, want 0", f.nrecords())
	}
	if err := c.Delete(context.Background(), a, "https://bsky.app/x"); !errors.Is(err, network.ErrRefused) {
		t.Errorf("Delete(not a URI) = %v, want network.ErrRefused", err)
	}
}

func TestPublishRefusals(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "cassé.jpg")
	os.WriteFile(bad, []byte("pas une image"), 0o600)
	tests := []struct {
		name string
		v    post.Variant
		want error
		args map[string]any
	}{
		{"unknown mention", post.Variant{Text: "Coucou @nobody.test"}, ErrMentionUnknown, map[string]any{"handle": "@nobody.test"}},
		{"undecodable image", post.Variant{Text: "x", Media: []post.Media{{Path: bad, MIME: "image/jpeg"}}}, ErrImageInvalid, map[string]any{"file": "cassé.jpg"}},
		{"missing image", post.Variant{Text: "x", Media: []post.Media{{Path: filepath.Join(dir, "parti.png"), MIME: "image/png"}}}, ErrImageInvalid, map[string]any{"file": "parti.png"}},
		{"video", post.Variant{Text: "x", Media: []post.Media{{Path: bad, MIME: "video/mp4"}}}, ErrVideoUnsupported, map[string]any{"file": "cassé.jpg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakePDS(t)
			c, _ := newTestClient(t, f, f.session(now.Add(time.Hour)))
			_, err := c.Publish(context.Background(), testAccount(f), tt.v, "key-r")
			var ne *network.Error
			if !errors.Is(err, tt.want) || !errors.As(err, &ne) || ne.Network != network.Bluesky {
				t.Fatalf("Publish() = %v, want %v in a *network.Error", err, tt.want)
			}
			for k, v := range tt.args {
				if ne.Fault.Args[k] != v {
					t.Errorf("arg %s = %v, want %v", k, ne.Fault.Args[k], v)
				}
			}
			if f.nrecords() != 0 {
				t.Errorf("records = %d, want 0", f.nrecords())
			}
		})
	}
}

func TestPublishLinkCard(t *testing.T) {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 120, 63)))
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/article":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(`<meta property="og:title" content="Nouveau pain"><meta property="og:description" content="Au levain"><meta property="og:image" content="/thumb.png">`))
		case "/thumb.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write(buf.Bytes())
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	tests := []struct {
		name      string
		v         post.Variant
		wantTitle string
		wantThumb bool
	}{
		{"from the text", post.Variant{Text: "À lire : " + site.URL + "/article"}, "Nouveau pain", true},
		{"from Variant.Link", post.Variant{Text: "Nouveau !", Link: site.URL + "/article"}, "Nouveau pain", true},
		{"page missing", post.Variant{Text: "Voir " + site.URL + "/gone"}, site.URL + "/gone", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakePDS(t)
			c, _ := newTestClient(t, f, f.session(now.Add(time.Hour)))
			if _, err := c.Publish(context.Background(), testAccount(f), tt.v, "key-c"); err != nil {
				t.Fatalf("Publish() = %v", err)
			}
			_, raw := storedPost(t, f, RecordKey("key-c"))
			embed, _ := raw["embed"].(map[string]any)
			ext, _ := embed["external"].(map[string]any)
			if embed["$type"] != embedExternal || ext["title"] != tt.wantTitle || !strings.HasPrefix(ext["uri"].(string), site.URL) {
				t.Errorf("embed = %v, want an external card titled %q", embed, tt.wantTitle)
			}
			if _, ok := ext["thumb"]; ok != tt.wantThumb {
				t.Errorf("thumb present = %v, want %v", ok, tt.wantThumb)
			}
		})
	}
}
