//go:build bluesky

package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"ruche/backend/analytics"
	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/post"
	"ruche/backend/scheduler"
	"ruche/backend/secrets"
)

// xrpc calls method on the PDS with token (GET when in is nil).
func xrpc(t *testing.T, n network, method, token string, in, out any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, n.PDS+"/xrpc/"+method, nil)
	if in != nil {
		b, _ := json.Marshal(in)
		req, _ = http.NewRequest(http.MethodPost, n.PDS+"/xrpc/"+method, bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var e map[string]any
		json.NewDecoder(resp.Body).Decode(&e)
		t.Fatalf("%s: status %d %v", method, resp.StatusCode, e)
	}
	if out != nil {
		json.NewDecoder(resp.Body).Decode(out)
	}
}

// Likes and reposts made by a second account show up in the post's
// counters once the collector reads them.
func TestCollectedCountersOnTheRealNetwork(t *testing.T) {
	n := localNetwork(t)
	started := time.Now().Truncate(time.Second) // records are dated to the second
	var mu sync.Mutex
	offset := time.Duration(0)
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return time.Now().Add(offset) }
	dir := t.TempDir()
	a := open(t, n, filepath.Join(dir, "data"), filepath.Join(dir, "key"), secrets.NewMemory(), now)
	defer a.Close()
	mark := "Compteurs " + time.Now().Format("150405.000")
	_, ids := seed(t, a, n, mark, 1, time.Now().Add(2*time.Second))

	// Ruche publishes it.
	sched := a.Scheduler(nil, scheduler.Config{Poll: 100 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- sched.Run(ctx) }()
	var published post.Post
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if published, _ = a.Store.Post(context.Background(), ids[0]); published.Status == post.Published {
			break
		}
	}
	cancel()
	<-done
	if published.Status != post.Published {
		t.Fatalf("the post ended %s, want published", published.Status)
	}
	uri := published.Deliveries[0].RemoteID

	// The fan likes and reposts it.
	var sess struct {
		AccessJwt string `json:"accessJwt"`
		DID       string `json:"did"`
	}
	xrpc(t, n, "com.atproto.server.createSession", "", map[string]string{"identifier": os.Getenv("BLUESKY_FAN_HANDLE"),
		"password": os.Getenv("BLUESKY_FAN_PASSWORD")}, &sess)
	parts := strings.Split(strings.TrimPrefix(uri, "at://"), "/")
	var rec struct {
		CID string `json:"cid"`
	}
	xrpc(t, n, "com.atproto.repo.getRecord?"+url.Values{"repo": {parts[0]}, "collection": {parts[1]}, "rkey": {parts[2]}}.Encode(), "", nil, &rec)
	for _, coll := range []string{"app.bsky.feed.like", "app.bsky.feed.repost"} {
		xrpc(t, n, "com.atproto.repo.createRecord", sess.AccessJwt, map[string]any{"repo": sess.DID, "collection": coll,
			"record": map[string]any{"$type": coll, "subject": map[string]string{"uri": uri, "cid": rec.CID},
				"createdAt": time.Now().UTC().Format(time.RFC3339)}}, nil)
	}
	// The fan asks a question under it, and the brand answers in the
	// Bluesky app (not through Ruche).
	subject := map[string]string{"uri": uri, "cid": rec.CID}
	var question struct {
		URI string `json:"uri"`
		CID string `json:"cid"`
	}
	xrpc(t, n, "com.atproto.repo.createRecord", sess.AccessJwt, map[string]any{"repo": sess.DID, "collection": "app.bsky.feed.post",
		"record": map[string]any{"$type": "app.bsky.feed.post", "text": "Vous livrez le dimanche ?", "createdAt": time.Now().UTC().Format(time.RFC3339),
			"reply": map[string]any{"root": subject, "parent": subject}}}, &question)
	var brand struct {
		AccessJwt string `json:"accessJwt"`
		DID       string `json:"did"`
	}
	xrpc(t, n, "com.atproto.server.createSession", "", map[string]string{"identifier": os.Getenv("BLUESKY_BRAND_HANDLE"),
		"password": os.Getenv("BLUESKY_BRAND_PASSWORD")}, &brand)
	var answer struct {
		URI string `json:"uri"`
	}
	xrpc(t, n, "com.atproto.repo.createRecord", brand.AccessJwt, map[string]any{"repo": brand.DID, "collection": "app.bsky.feed.post",
		"record": map[string]any{"$type": "app.bsky.feed.post", "text": "Oui, de 8 h à 12 h !", "createdAt": time.Now().UTC().Format(time.RFC3339),
			"reply": map[string]any{"root": subject, "parent": map[string]string{"uri": question.URI, "cid": question.CID}}}}, &answer)
	// The AppView indexes with a short lag.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		var posts struct {
			Posts []struct {
				LikeCount   int `json:"likeCount"`
				RepostCount int `json:"repostCount"`
				ReplyCount  int `json:"replyCount"`
			} `json:"posts"`
		}
		xrpc(t, n, "app.bsky.feed.getPosts?uris="+url.QueryEscape(uri), sess.AccessJwt, nil, &posts)
		var feed struct {
			Feed []json.RawMessage `json:"feed"`
		}
		xrpc(t, n, "app.bsky.feed.getAuthorFeed?"+url.Values{"actor": {brand.DID}, "filter": {"posts_with_replies"}}.Encode(), brand.AccessJwt, nil, &feed)
		answered := false
		for _, item := range feed.Feed {
			answered = answered || strings.Contains(string(item), answer.URI)
		}
		if len(posts.Posts) == 1 && posts.Posts[0].LikeCount == 1 && posts.Posts[0].RepostCount == 1 && posts.Posts[0].ReplyCount == 1 && answered {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the AppView does not show the like, the repost, the question and its answer: %+v, answered %v", posts, answered)
		}
	}

	// An hour later, the collector reads the first checkpoint and the
	// community. The AppView may show the answer to a reader some moments
	// after the brand saw it: as in life, the next hourly read catches up.
	ctx = context.Background()
	reads := 0
	for deadline := time.Now().Add(20 * time.Second); ; {
		mu.Lock()
		offset += 61 * time.Minute
		mu.Unlock()
		a.Collector.Wake()
		if err := a.Collector.Collect(ctx); err != nil {
			t.Fatal(err)
		}
		reads++
		answers, err := a.Store.Answers(ctx, published.WorkspaceID, now().Add(-24*time.Hour), now().Add(time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if slices.ContainsFunc(answers, func(an metric.Answer) bool { return an.ID == answer.URI }) || time.Now().After(deadline) {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("hourly reads until the answer was read: %d", reads)
	ms, err := a.Store.PostMetricsBetween(context.Background(), published.WorkspaceID, now().Add(-24*time.Hour), now())
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 {
		t.Fatalf("%d publications with counters, want 1", len(ms))
	}
	got := ms[0].Latest
	if got.Likes != 1 || got.Reposts != 1 || got.Replies != 1 || got.ReadAt.IsZero() {
		t.Errorf("collected counters = %+v, want 1 like, 1 repost and 1 reply", got)
	}
	t.Log(fmt.Sprintf("collected after the fan's like and repost: %+v", got.Counters))

	// The community: the fan's like, repost and question, and the brand's
	// answer to it (the network may hold those of earlier runs too: only
	// this run's count).
	acts, err := a.Store.Activities(ctx, published.WorkspaceID, started, now().Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[metric.ActivityKind]int{}
	for _, act := range acts {
		if act.ActorID == sess.DID {
			kinds[act.Kind]++
		}
	}
	if kinds[metric.ActLike] != 1 || kinds[metric.ActRepost] != 1 || kinds[metric.ActReply] != 1 {
		t.Errorf("the fan's activities = %v, want a like, a repost and a reply", kinds)
	}
	answers, err := a.Store.Answers(ctx, published.WorkspaceID, started, now().Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if len(answers) != 1 || answers[0].ID != answer.URI || answers[0].ParentID != question.URI {
		t.Errorf("answers = %+v, want the brand's answer %s to %s", answers, answer.URI, question.URI)
	}
	ws, err := a.Workspaces.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	today := calendar.DayOf(now(), time.UTC)
	db, err := a.Analytics.Dashboard(ctx, ws, analytics.Period{From: today.AddDays(-1), To: today}, analytics.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// On a network used before, earlier runs' questions count too.
	if r := db.Responses; r.Received < 1 || r.Answered < 1 || !r.MedianKnown {
		t.Errorf("dashboard responses = %+v, want the question received and answered", r)
	}
	if len(db.Fans) == 0 || db.Fans[0].ActorID != sess.DID || db.Fans[0].Interactions < 3 {
		t.Errorf("dashboard fans = %+v, want the fan first with 3 interactions or more", db.Fans)
	}
	t.Logf("community read: %v; first response %.1f min", kinds, db.Responses.MedianMinutes)
}
