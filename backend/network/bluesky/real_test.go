package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"ruche/backend/network"
	"ruche/backend/post"
)

// The Real tests run against the local network of tests/peers/bluesky:
//
//	RUCHE_BLUESKY=1 go test ./backend/network/bluesky/ -run Real -v

// raw calls an XRPC method the plain way, for what the tests check
// independently of the client. It returns the status and the decoded body.
func raw(t *testing.T, method, base, nsid string, query url.Values, token string, in any) (int, map[string]any) {
	t.Helper()
	u := base + "/xrpc/" + nsid
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	var body io.Reader
	if in != nil {
		b, _ := json.Marshal(in)
		body = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, u, body)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", nsid, err)
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// login opens a session with a password the plain way: (DID, access token).
func login(t *testing.T, n *localNet, handle, password string) (string, string) {
	t.Helper()
	status, out := raw(t, http.MethodPost, n.PDS, nsidCreateSession, nil, "", map[string]string{"identifier": handle, "password": password})
	if status != 200 {
		t.Fatalf("createSession(%s) = %d %v", handle, status, out)
	}
	return out["did"].(string), out["accessJwt"].(string)
}

// realClient connects brand.test with its app password and returns the
// client, the account and its sessions.
func realClient(t *testing.T, n *localNet, transport http.RoundTripper) (*Client, network.Account, *MemorySessions) {
	t.Helper()
	sessions := NewMemorySessions()
	c := NewClient(&http.Client{Transport: transport}, sessions, Config{PLCURL: n.PLC, Timeout: 20 * time.Second, UserAgent: "Ruche tests"})
	s, _, err := c.Connect(context.Background(), n.BrandHandle, n.BrandAppPassword, n.PDS)
	if err != nil {
		t.Fatalf("Connect() = %v", err)
	}
	a := network.Account{ID: "brand", Network: network.Bluesky, Handle: s.Handle, Server: s.PDS}
	sessions.Save(a.ID, s)
	sessions.SetAppPassword(a.ID, n.BrandAppPassword)
	return c, a, sessions
}

// countPosts counts brand's post records on the PDS.
func countPosts(t *testing.T, n *localNet) int {
	t.Helper()
	count, cursor := 0, ""
	for {
		q := url.Values{"repo": {n.BrandDID}, "collection": {collectionPost}, "limit": {"100"}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		status, out := raw(t, http.MethodGet, n.PDS, "com.atproto.repo.listRecords", q, "", nil)
		if status != 200 {
			t.Fatalf("listRecords = %d %v", status, out)
		}
		recs, _ := out["records"].([]any)
		count += len(recs)
		cursor, _ = out["cursor"].(string)
		if cursor == "" || len(recs) == 0 {
			return count
		}
	}
}

// getRecord reads one of brand's posts the plain way.
func realRecord(t *testing.T, n *localNet, rkey string) (int, map[string]any) {
	t.Helper()
	return raw(t, http.MethodGet, n.PDS, nsidGetRecord, url.Values{"repo": {n.BrandDID}, "collection": {collectionPost}, "rkey": {rkey}}, "", nil)
}

// poll calls check until it says done or timeout passes.
func poll(t *testing.T, what string, timeout time.Duration, check func() (bool, error)) time.Duration {
	t.Helper()
	began := time.Now()
	var err error
	for time.Since(began) < timeout {
		var done bool
		if done, err = check(); done {
			return time.Since(began)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s: not after %v (last error: %v)", what, timeout, err)
	return 0
}

func noisyPNGFile(t *testing.T, w, h int) string {
	path := filepath.Join(t.TempDir(), "ruche.png")
	if err := os.WriteFile(path, noisyPNG(t, w, h), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// ogSite serves an article with Open Graph tags and a thumbnail.
func ogSite(t *testing.T) *httptest.Server {
	var thumb bytes.Buffer
	png.Encode(&thumb, image.NewRGBA(image.Rect(0, 0, 240, 126)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/article":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><head><meta property="og:title" content="La ruche s’éveille"><meta property="og:description" content="Printemps"><meta property="og:image" content="/thumb.png"></head></html>`)
		case "/thumb.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write(thumb.Bytes())
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestRealConnect(t *testing.T) {
	n := needNet(t)
	c := NewClient(nil, NewMemorySessions(), Config{PLCURL: n.PLC, Timeout: 20 * time.Second})
	ctx := context.Background()
	s, p, err := c.Connect(ctx, n.BrandHandle, n.BrandAppPassword, n.PDS)
	if err != nil {
		t.Fatalf("Connect() = %v", err)
	}
	if s.DID != n.BrandDID || s.Handle != n.BrandHandle || s.PDS == "" || s.AccessJWT == "" || s.RefreshJWT == "" {
		t.Errorf("Connect() session = %v, want brand's with both tokens", s)
	}
	if p.DID != n.BrandDID || p.Handle != n.BrandHandle {
		t.Errorf("Connect() profile = %+v, want brand's", p)
	}
	t.Logf("session on %s (from the DID document)", s.PDS)

	tests := []struct {
		handle, password, service string
		want                      error
	}{
		{n.BrandHandle, "wrong-wrong-wrong-wrong", n.PDS, ErrWrongPassword},
		{"nobody.test", "x", n.PDS, ErrHandleUnresolved},
		{n.BrandHandle, n.BrandAppPassword, "http://127.0.0.1:1", ErrServiceUnreachable},
	}
	for _, tt := range tests {
		if _, _, err := c.Connect(ctx, tt.handle, tt.password, tt.service); !errors.Is(err, tt.want) {
			t.Errorf("Connect(%s, %s, %s) = %v, want %v", tt.handle, tt.password, tt.service, err, tt.want)
		}
	}
}

func TestRealPublish(t *testing.T) {
	n := needNet(t)
	ctx := context.Background()
	c, a, _ := realClient(t, n, nil)
	site := ogSite(t)
	link := site.URL + "/article"
	text := "Été 🐝 Le miel nouveau est là, merci @" + n.FanHandle + " #apiculture " + link + "."
	img := noisyPNGFile(t, 1200, 900)
	v := post.Variant{Text: text, Language: "fr", Media: []post.Media{{Path: img, Alt: "Un rayon de miel", MIME: "image/png"}}}
	before := countPosts(t, n)

	began := time.Now()
	res, err := c.Publish(ctx, a, v, "real-post-1")
	if err != nil {
		t.Fatalf("Publish() = %v", err)
	}
	t.Logf("published with a 1200×900 noisy PNG in %v: %s", time.Since(began).Round(time.Millisecond), res.URL)
	rkey := RecordKey("real-post-1")
	if want := "at://" + n.BrandDID + "/app.bsky.feed.post/" + rkey; res.RemoteID != want {
		t.Errorf("RemoteID = %q, want %q", res.RemoteID, want)
	}
	if want := "https://bsky.app/profile/" + n.BrandHandle + "/post/" + rkey; res.URL != want {
		t.Errorf("URL = %q, want %q", res.URL, want)
	}

	status, rec := realRecord(t, n, rkey)
	if status != 200 {
		t.Fatalf("getRecord = %d %v", status, rec)
	}
	value := rec["value"].(map[string]any)
	if value["text"] != text {
		t.Errorf("text = %q, want %q", value["text"], text)
	}
	mention := "@" + n.FanHandle
	wantFacets := []struct {
		start, end int
		typ, key   string
		val        string
	}{
		{strings.Index(text, mention), strings.Index(text, mention) + len(mention), featureMention, "did", n.FanDID},
		{strings.Index(text, "#apiculture"), strings.Index(text, "#apiculture") + len("#apiculture"), featureTag, "tag", "apiculture"},
		{strings.Index(text, link), strings.Index(text, link) + len(link), featureLink, "uri", link},
	}
	facets, _ := value["facets"].([]any)
	if len(facets) != len(wantFacets) {
		t.Fatalf("facets = %v, want %d", facets, len(wantFacets))
	}
	for i, w := range wantFacets {
		f := facets[i].(map[string]any)
		idx := f["index"].(map[string]any)
		feat := f["features"].([]any)[0].(map[string]any)
		if int(idx["byteStart"].(float64)) != w.start || int(idx["byteEnd"].(float64)) != w.end || feat["$type"] != w.typ || feat[w.key] != w.val {
			t.Errorf("facet %d = %v, want [%d,%d) %s %s=%s", i, f, w.start, w.end, w.typ, w.key, w.val)
		}
	}
	if w := wantFacets[0]; w.start != len("Été 🐝 Le miel nouveau est là, merci ") {
		t.Errorf("mention starts at byte %d, want after the accents and the emoji", w.start)
	}
	embed := value["embed"].(map[string]any)
	images, _ := embed["images"].([]any)
	if embed["$type"] != embedImages || len(images) != 1 {
		t.Fatalf("embed = %v, want one image", embed)
	}
	im := images[0].(map[string]any)
	blob := im["image"].(map[string]any)
	ref, _ := blob["ref"].(map[string]any)
	ar := im["aspectRatio"].(map[string]any)
	if blob["$type"] != "blob" || blob["mimeType"] != "image/jpeg" || blob["size"].(float64) > MaxImageBytes ||
		!strings.HasPrefix(fmt.Sprint(ref["$link"]), "baf") || im["alt"] != "Un rayon de miel" ||
		ar["width"].(float64)*3 != ar["height"].(float64)*4 {
		t.Errorf("image = %v, want a JPEG blob of at most 1 MB, its alt and a 4:3 aspect ratio", im)
	}
	if after := countPosts(t, n); after != before+1 {
		t.Errorf("posts = %d, want %d", after, before+1)
	}

	// The same key again: no second record.
	again, err := c.Publish(ctx, a, v, "real-post-1")
	if err != nil || again != res {
		t.Errorf("Publish() again = %+v, %v; want %+v", again, err, res)
	}
	if after := countPosts(t, n); after != before+1 {
		t.Errorf("posts after publishing again = %d, want %d", after, before+1)
	}
	// What the PDS answers to a record key in use.
	_, token := login(t, n, n.BrandHandle, n.BrandPassword)
	status, out := raw(t, http.MethodPost, n.PDS, nsidCreateRecord, nil, token, map[string]any{"repo": n.BrandDID, "collection": collectionPost, "rkey": rkey,
		"record": map[string]any{"$type": collectionPost, "text": "bis", "createdAt": "2026-01-01T00:00:00.000Z"}})
	t.Logf("createRecord on a record key in use: %d %v", status, out)
	if status < 400 {
		t.Errorf("createRecord on a record key in use = %d, want a refusal", status)
	}
	if r, found, err := c.Lookup(ctx, a, network.Sent{Key: "real-post-1"}); err != nil || !found || r != res {
		t.Errorf("Lookup() = %+v, %v, %v; want %+v, true", r, found, err, res)
	}

	// A link alone makes a card, with its thumbnail.
	res2, err := c.Publish(ctx, a, post.Variant{Text: "À lire : " + link}, "real-post-card")
	if err != nil {
		t.Fatalf("Publish(link) = %v", err)
	}
	_, rec = realRecord(t, n, RecordKey("real-post-card"))
	embed = rec["value"].(map[string]any)["embed"].(map[string]any)
	ext, _ := embed["external"].(map[string]any)
	thumb, _ := ext["thumb"].(map[string]any)
	if embed["$type"] != embedExternal || ext["uri"] != link || ext["title"] != "La ruche s’éveille" || ext["description"] != "Printemps" || thumb["mimeType"] != "image/png" {
		t.Errorf("card embed = %v, want the article's card with its PNG thumbnail", embed)
	}
	if err := c.Delete(ctx, a, res2.RemoteID); err != nil {
		t.Errorf("Delete(card post) = %v", err)
	}

	// Reading back: fan replies, likes, reposts and follows.
	fanDID, fanToken := login(t, n, n.FanHandle, n.FanPassword)
	subject := map[string]string{"uri": res.RemoteID, "cid": rec2cid(t, n, rkey)}
	stamp := time.Now().UTC().Format(createdAtLayout)
	writes := []struct {
		collection string
		record     map[string]any
	}{
		{collectionPost, map[string]any{"$type": collectionPost, "text": "Bravo pour ce miel !", "createdAt": stamp,
			"reply": map[string]any{"root": subject, "parent": subject}}},
		{"app.bsky.feed.like", map[string]any{"$type": "app.bsky.feed.like", "subject": subject, "createdAt": stamp}},
		{"app.bsky.feed.repost", map[string]any{"$type": "app.bsky.feed.repost", "subject": subject, "createdAt": stamp}},
		{"app.bsky.graph.follow", map[string]any{"$type": "app.bsky.graph.follow", "subject": n.BrandDID, "createdAt": stamp}},
	}
	var fanReply map[string]string // the reply's strong ref
	for _, w := range writes {
		status, out := raw(t, http.MethodPost, n.PDS, nsidCreateRecord, nil, fanToken, map[string]any{"repo": fanDID, "collection": w.collection, "record": w.record})
		if status != 200 {
			t.Fatalf("fan's %s = %d %v", w.collection, status, out)
		}
		if fanReply == nil {
			fanReply = map[string]string{"uri": out["uri"].(string), "cid": out["cid"].(string)}
		}
	}
	var cursor string
	waited := poll(t, "notifications of the reply, like, repost and follow", 30*time.Second, func() (bool, error) {
		got, next, err := c.Notifications(ctx, a, "")
		if err != nil {
			return false, err
		}
		kinds := map[network.NotificationKind]bool{}
		for _, nt := range got {
			if nt.Author.ID != fanDID {
				continue
			}
			kinds[nt.Kind] = true
			switch nt.Kind {
			case network.Reply:
				if nt.Post == nil || nt.Post.Text != "Bravo pour ce miel !" || nt.Subject != res.RemoteID || nt.Post.ReplyTo != res.RemoteID {
					return false, fmt.Errorf("reply notification = %+v", nt)
				}
			case network.Like, network.Repost:
				if nt.Subject != res.RemoteID {
					return false, fmt.Errorf("%s notification about %q, want %q", nt.Kind, nt.Subject, res.RemoteID)
				}
			}
		}
		cursor = next
		return kinds[network.Reply] && kinds[network.Like] && kinds[network.Repost] && kinds[network.Follow], nil
	})
	t.Logf("notifications seen after %v", waited.Round(time.Millisecond))
	if got, next, err := c.Notifications(ctx, a, cursor); err != nil || len(got) != 0 || next != cursor {
		t.Errorf("Notifications(latest cursor) = %d, %q, %v; want none and the same cursor", len(got), next, err)
	}

	// The brand answers the fan in the Bluesky app; Answers finds it, and
	// not the brand's own posts.
	since := time.Now().Add(-time.Second)
	_, brandToken := login(t, n, n.BrandHandle, n.BrandPassword)
	answer := map[string]any{"$type": collectionPost, "text": "Merci beaucoup !", "createdAt": time.Now().UTC().Format(createdAtLayout),
		"reply": map[string]any{"root": subject, "parent": fanReply}}
	st, ans := raw(t, http.MethodPost, n.PDS, nsidCreateRecord, nil, brandToken, map[string]any{"repo": n.BrandDID, "collection": collectionPost, "record": answer})
	if st != 200 {
		t.Fatalf("brand's answer = %d %v", st, ans)
	}
	waited = poll(t, "the brand's answer", 30*time.Second, func() (bool, error) {
		got, err := c.Answers(ctx, a, since)
		if err != nil || len(got) != 1 {
			return false, fmt.Errorf("Answers() = %+v, %v; want one", got, err)
		}
		p := got[0]
		return p.ID == ans["uri"] && p.ReplyTo == fanReply["uri"] && p.Text == "Merci beaucoup !", fmt.Errorf("answer = %+v", p)
	})
	t.Logf("answer read after %v", waited.Round(time.Millisecond))

	waited = poll(t, "search", 30*time.Second, func() (bool, error) {
		found, _, err := c.Search(ctx, a, "miel nouveau", "")
		for _, p := range found {
			if p.ID == res.RemoteID && p.Text == text && p.Author.ID == n.BrandDID {
				return true, nil
			}
		}
		return false, err
	})
	t.Logf("search found the post after %v", waited.Round(time.Millisecond))

	waited = poll(t, "post stats", 30*time.Second, func() (bool, error) {
		stats, err := c.PostStats(ctx, a, []string{res.RemoteID})
		if err != nil || len(stats) != 1 {
			return false, err
		}
		s := stats[0]
		return s.Likes == 1 && s.Reposts == 1 && s.Replies == 1 && s.Impressions == -1, fmt.Errorf("stats = %+v", s)
	})
	t.Logf("post stats up to date after %v", waited.Round(time.Millisecond))
	if st, err := c.AccountStats(ctx, a); err != nil || st.Followers < 1 || st.Posts < 1 {
		t.Errorf("AccountStats() = %+v, %v; want a follower and posts", st, err)
	}

	if err := c.Delete(ctx, a, res.RemoteID); err != nil {
		t.Fatalf("Delete() = %v", err)
	}
	if status, _ := realRecord(t, n, rkey); status != 400 {
		t.Errorf("getRecord after Delete = %d, want 400 RecordNotFound", status)
	}
	if err := c.Delete(ctx, a, res.RemoteID); err != nil {
		t.Errorf("Delete() of a post gone = %v, want nil", err)
	}
	if _, found, err := c.Lookup(ctx, a, network.Sent{Key: "real-post-1"}); err != nil || found {
		t.Errorf("Lookup() after Delete = %v, %v; want not found", found, err)
	}
}

func rec2cid(t *testing.T, n *localNet, rkey string) string {
	t.Helper()
	status, rec := realRecord(t, n, rkey)
	if status != 200 {
		t.Fatalf("getRecord(%s) = %d", rkey, status)
	}
	return rec["cid"].(string)
}

// cutAfter fails the createRecord calls after the first n, as a crash or a
// lost connection would.
type cutAfter struct {
	n, seen atomic.Int32
}

func (c *cutAfter) RoundTrip(req *http.Request) (*http.Response, error) {
	if strings.HasSuffix(req.URL.Path, "/"+nsidCreateRecord) && c.seen.Add(1) > c.n.Load() {
		return nil, &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	}
	return http.DefaultTransport.RoundTrip(req)
}

func TestRealThreadInterruptedAndRetried(t *testing.T) {
	n := needNet(t)
	ctx := context.Background()
	cut := &cutAfter{}
	cut.n.Store(2)
	c, a, _ := realClient(t, n, cut)
	v := post.Variant{Text: "Fil 1/3 : la ruche au printemps 🌸", Thread: []string{"2/3 : les abeilles sortent", "3/3 : le premier miel 🍯"}}
	before := countPosts(t, n)
	if _, err := c.Publish(ctx, a, v, "real-thread"); !errors.Is(err, network.ErrConnection) {
		t.Fatalf("interrupted Publish() = %v, want network.ErrConnection", err)
	}
	if after := countPosts(t, n); after != before+2 {
		t.Fatalf("posts after the interruption = %d, want %d", after, before+2)
	}
	if _, found, err := c.Lookup(ctx, a, network.Sent{Key: "real-thread"}); err != nil || found {
		t.Errorf("Lookup(thread cut short) = %v, %v; want not found", found, err)
	}
	cut.n.Store(100)
	res, err := c.Publish(ctx, a, v, "real-thread")
	if err != nil {
		t.Fatalf("Publish() again = %v", err)
	}
	if after := countPosts(t, n); after != before+3 {
		t.Errorf("posts = %d, want exactly %d", after, before+3)
	}
	rootCID := rec2cid(t, n, RecordKey("real-thread"))
	_, third := realRecord(t, n, RecordKey("real-thread/2"))
	reply := third["value"].(map[string]any)["reply"].(map[string]any)
	root, parent := reply["root"].(map[string]any), reply["parent"].(map[string]any)
	wantParent := "at://" + n.BrandDID + "/app.bsky.feed.post/" + RecordKey("real-thread/1")
	if root["uri"] != res.RemoteID || root["cid"] != rootCID || parent["uri"] != wantParent {
		t.Errorf("third post's reply = %v, want root %s and parent %s", reply, res.RemoteID, wantParent)
	}
	if got, found, err := c.Lookup(ctx, a, network.Sent{Key: "real-thread"}); err != nil || !found || got != res {
		t.Errorf("Lookup() = %+v, %v, %v; want %+v, true", got, found, err, res)
	}
}

func TestRealRefusals(t *testing.T) {
	n := needNet(t)
	ctx := context.Background()
	c, a, _ := realClient(t, n, nil)
	before := countPosts(t, n)
	_, err := c.Publish(ctx, a, post.Variant{Text: "Salut @nobody.test !"}, "real-unknown-mention")
	var ne *network.Error
	if !errors.Is(err, ErrMentionUnknown) || !errors.As(err, &ne) || ne.Fault.Args["handle"] != "@nobody.test" {
		t.Errorf("Publish(unknown mention) = %v, want bluesky.mention_unknown for @nobody.test", err)
	}
	_, err = c.Publish(ctx, a, post.Variant{Text: strings.Repeat("é", 301)}, "real-too-long")
	if !errors.Is(err, network.ErrRefused) || xrpcErr(err) == nil || xrpcErr(err).Message == "" {
		t.Errorf("Publish(301 graphemes) = %v, want network.ErrRefused with the PDS's message", err)
	}
	if after := countPosts(t, n); after != before {
		t.Errorf("posts = %d, want %d", after, before)
	}
}

func TestRealSessionRenewal(t *testing.T) {
	n := needNet(t)
	ctx := context.Background()
	tests := []struct {
		name        string
		spoil       func(s *Session)
		wantCreates bool
	}{
		{"access token refused: refresh", func(s *Session) { s.AccessJWT = "spoiled" }, false},
		{"refresh token dead too: app password", func(s *Session) { s.AccessJWT, s.RefreshJWT = "spoiled", "dead" }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var creates, refreshes atomic.Int32
			count := roundTripFunc(func(req *http.Request) (*http.Response, error) {
				switch {
				case strings.HasSuffix(req.URL.Path, nsidCreateSession):
					creates.Add(1)
				case strings.HasSuffix(req.URL.Path, nsidRefreshSession):
					refreshes.Add(1)
				}
				return http.DefaultTransport.RoundTrip(req)
			})
			c, a, sessions := realClient(t, n, count)
			creates.Store(0)
			s, _ := sessions.Load(a.ID)
			tt.spoil(&s)
			sessions.Save(a.ID, s)
			if _, err := c.Profile(ctx, a); err != nil {
				t.Fatalf("Profile() = %v", err)
			}
			if got := refreshes.Load(); got != 1 {
				t.Errorf("refreshSession calls = %d, want 1", got)
			}
			if got := creates.Load() == 1; got != tt.wantCreates {
				t.Errorf("createSession calls = %d, want it %v", creates.Load(), tt.wantCreates)
			}
			saved, _ := sessions.Load(a.ID)
			if saved.AccessJWT == "spoiled" || saved.RefreshJWT == "" || saved.RefreshJWT == "dead" {
				t.Errorf("saved session was not renewed")
			}
		})
	}
	t.Run("app password revoked: auth expired", func(t *testing.T) {
		c, a, sessions := realClient(t, n, nil)
		s, _ := sessions.Load(a.ID)
		s.AccessJWT, s.RefreshJWT = "spoiled", "dead"
		sessions.Save(a.ID, s)
		sessions.SetAppPassword(a.ID, "aaaa-bbbb-cccc-dddd")
		if _, err := c.Profile(ctx, a); !errors.Is(err, network.ErrAuthExpired) {
			t.Errorf("Profile() = %v, want network.ErrAuthExpired", err)
		}
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }
