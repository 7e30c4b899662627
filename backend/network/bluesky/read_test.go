package bluesky

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/network"
)

// fanActor is the author of the fake notifications.
var fanActor = map[string]any{"did": didFan, "handle": "fan.test", "displayName": "Fan", "avatar": "https://cdn.test/a.jpg"}

func fakeNotif(reason string, i int, at time.Time, record map[string]any) map[string]any {
	n := map[string]any{
		"uri": fmt.Sprintf("at://%s/x/%d", didFan, i), "cid": "c", "author": fanActor, "reason": reason,
		"record": record, "isRead": false, "indexedAt": at.Format(createdAtLayout),
	}
	if reason == "like" || reason == "repost" || reason == "quote" {
		n["reasonSubject"] = "at://" + didBrand + "/app.bsky.feed.post/mine"
	}
	return n
}

func TestNotifications(t *testing.T) {
	f := newFakePDS(t)
	c, _ := newTestClient(t, f, f.session(now.Add(time.Hour)))
	a := testAccount(f)
	at := func(min int) time.Time { return now.Add(time.Duration(min) * time.Minute) }
	reply := map[string]any{"$type": "app.bsky.feed.post", "text": "Merci ! <b>pas du HTML</b>", "createdAt": "2027-03-14T07:00:30.000Z",
		"reply": map[string]any{"root": map[string]string{"uri": "at://root", "cid": "r"}, "parent": map[string]string{"uri": "at://parent", "cid": "p"}}}
	// 130 notifications, newest first: one a minute.
	var all []map[string]any
	for i := 130; i >= 1; i-- {
		reason := []string{"like", "repost", "follow", "starterpack-joined"}[i%4]
		all = append(all, fakeNotif(reason, i, at(i), map[string]any{}))
	}
	all = append([]map[string]any{fakeNotif("reply", 131, at(131), reply)}, all...)
	f.mu.Lock()
	f.notifs = all
	f.mu.Unlock()

	got, cursor, err := c.Notifications(context.Background(), a, "")
	if err != nil {
		t.Fatalf("Notifications(\"\") = %v", err)
	}
	// The most recent page: 50 notifications, of which those of starter packs are left out.
	if len(got) != 38 || cursor != at(131).Format(createdAtLayout) {
		t.Errorf("Notifications(\"\") = %d notifications, cursor %q; want 38 and %q", len(got), cursor, at(131).Format(createdAtLayout))
	}
	wantReply := network.Notification{ID: "at://" + didFan + "/x/131", Kind: network.Reply,
		Author:  network.Author{ID: didFan, Handle: "fan.test", DisplayName: "Fan", AvatarURL: "https://cdn.test/a.jpg"},
		Subject: "at://parent", CreatedAt: at(131),
		Post: &network.RemotePost{ID: "at://" + didFan + "/x/131", URL: "https://bsky.app/profile/fan.test/post/131",
			Author: network.Author{ID: didFan, Handle: "fan.test", DisplayName: "Fan", AvatarURL: "https://cdn.test/a.jpg"},
			Text:   "Merci ! <b>pas du HTML</b>", CreatedAt: time.Date(2027, 3, 14, 7, 0, 30, 0, time.UTC), ReplyTo: "at://parent",
			Stats: network.PostStats{ID: "at://" + didFan + "/x/131", Impressions: -1}}}
	if diff := cmp.Diff(wantReply, got[0]); diff != "" {
		t.Errorf("first notification mismatch (-want +got):\n%s", diff)
	}
	for i := 1; i < len(got); i++ {
		if got[i].CreatedAt.After(got[i-1].CreatedAt) {
			t.Fatalf("notification %d is newer than %d: want newest first", i, i-1)
		}
	}

	// From a cursor 100 minutes back: the 31 newer ones, over pages.
	old := at(100).Format(createdAtLayout)
	got, cursor, err = c.Notifications(context.Background(), a, old)
	if err != nil {
		t.Fatal(err)
	}
	wantN := 0
	for i := 101; i <= 130; i++ {
		if i%4 != 3 {
			wantN++
		}
	}
	if len(got) != wantN+1 || cursor != at(131).Format(createdAtLayout) {
		t.Errorf("Notifications(%s) = %d, cursor %q; want %d, %q", old, len(got), cursor, wantN+1, at(131).Format(createdAtLayout))
	}
	for _, n := range got {
		if !n.CreatedAt.After(at(100)) {
			t.Errorf("Notifications(%s) returned one of %v, not newer", old, n.CreatedAt)
		}
	}

	// Nothing new: nothing, and the same cursor.
	got, next, err := c.Notifications(context.Background(), a, cursor)
	if err != nil || len(got) != 0 || next != cursor {
		t.Errorf("Notifications(latest) = %d, %q, %v; want 0, %q", len(got), next, err, cursor)
	}
}

func postViewOf(i int, text string) map[string]any {
	return map[string]any{
		"uri": fmt.Sprintf("at://%s/app.bsky.feed.post/p%d", didBrand, i), "cid": "c",
		"author":    map[string]any{"did": didBrand, "handle": "brand.test"},
		"record":    map[string]any{"$type": "app.bsky.feed.post", "text": text, "createdAt": "2027-03-14T06:00:00.000Z"},
		"likeCount": i, "repostCount": 2 * i, "replyCount": 3 * i, "quoteCount": 1, "indexedAt": "2027-03-14T06:00:01.000Z",
	}
}

func TestPostStatsAndSearch(t *testing.T) {
	f := newFakePDS(t)
	c, _ := newTestClient(t, f, f.session(now.Add(time.Hour)))
	a := testAccount(f)
	var ids []string
	f.mu.Lock()
	for i := range 30 {
		v := postViewOf(i, fmt.Sprintf("pain %d", i))
		f.views = append(f.views, v)
		ids = append(ids, v["uri"].(string))
	}
	f.mu.Unlock()
	ids = append(ids, "at://"+didBrand+"/app.bsky.feed.post/gone")
	stats, err := c.PostStats(context.Background(), a, ids)
	if err != nil {
		t.Fatalf("PostStats() = %v", err)
	}
	if got := f.count(nsidGetPosts); got != 2 {
		t.Errorf("getPosts calls = %d, want 2 (25 URIs each at most)", got)
	}
	if len(stats) != 30 {
		t.Fatalf("PostStats() = %d stats, want 30 (the gone one left out)", len(stats))
	}
	want := network.PostStats{ID: ids[7], Likes: 7, Reposts: 14, Replies: 21, Quotes: 1, Impressions: -1, At: now}
	if diff := cmp.Diff(want, stats[7]); diff != "" {
		t.Errorf("PostStats()[7] mismatch (-want +got):\n%s", diff)
	}

	found, next, err := c.Search(context.Background(), a, "pain 2", "c1")
	if err != nil {
		t.Fatalf("Search() = %v", err)
	}
	if len(found) != 11 || next != "next-c1" || found[0].Text != "pain 2" || found[0].Stats.Likes != 2 ||
		found[0].URL != "https://bsky.app/profile/brand.test/post/p2" {
		t.Errorf("Search() = %d posts (first %+v), next %q; want 11 from pain 2, next-c1", len(found), found[0], next)
	}

	st, err := c.AccountStats(context.Background(), a)
	if err != nil || st.Followers != 12 || st.Following != 3 || !st.At.Equal(now) {
		t.Errorf("AccountStats() = %+v, %v; want 12 followers, 3 following", st, err)
	}
}
