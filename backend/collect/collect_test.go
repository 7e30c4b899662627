package collect

import (
	"context"
	"errors"
	"ruche/backend/store/storetest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/account"
	"ruche/backend/analytics/metric"
	"ruche/backend/network"
	"ruche/backend/post"
	"ruche/backend/store"
	"ruche/backend/workspace"
)

// fakeReader answers for one account: its followers, and the counters of
// the posts it still has.
type fakeReader struct {
	mu        sync.Mutex
	followers int
	posts     map[string]network.PostStats // by remote id; a missing one is deleted
	fail      error
	calls     [][]string // the ids of each PostStats call
	stats     int        // AccountStats calls

	notes     []network.Notification // the next Notifications answer, newest first
	notesFail error
	cursors   []string             // the cursor of each Notifications call
	answers   []network.RemotePost // the account's answers
	since     []time.Time          // the since of each Answers call
}

func (f *fakeReader) Notifications(_ context.Context, _ network.Account, cursor string) ([]network.Notification, string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cursors = append(f.cursors, cursor)
	if f.notesFail != nil {
		return nil, "", f.notesFail
	}
	next := cursor
	if len(f.notes) > 0 {
		next = f.notes[0].ID
	}
	out := f.notes
	f.notes = nil
	return out, next, nil
}

func (f *fakeReader) Answers(_ context.Context, _ network.Account, since time.Time) ([]network.RemotePost, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.since = append(f.since, since)
	var out []network.RemotePost
	for _, p := range f.answers {
		if p.CreatedAt.After(since) {
			out = append(out, p)
		}
	}
	return out, nil
}

func (f *fakeReader) AccountStats(_ context.Context, a network.Account) (network.AccountStats, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.stats++
	if f.fail != nil {
		return network.AccountStats{}, f.fail
	}
	return network.AccountStats{Followers: f.followers, Following: 12, Posts: 40}, nil
}

func (f *fakeReader) PostStats(_ context.Context, a network.Account, ids []string) ([]network.PostStats, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, slices.Clone(ids))
	if f.fail != nil {
		return nil, f.fail
	}
	var out []network.PostStats
	for _, id := range ids {
		if s, ok := f.posts[id]; ok {
			s.ID = id
			out = append(out, s)
		}
	}
	return out, nil
}

// fakeReaders gives each account its fake reader.
type fakeReaders struct {
	mu      sync.Mutex
	readers map[string]*fakeReader
	asked   []string
}

func (f *fakeReaders) Reader(_ context.Context, id string) (network.Account, network.Reader, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = append(f.asked, id)
	r, ok := f.readers[id]
	if !ok {
		return network.Account{}, nil, errors.New("no reader")
	}
	return network.Account{ID: id}, r, nil
}

// countingStore counts the collector's looks at the store.
type countingStore struct {
	*store.Store
	mu    sync.Mutex
	reads int
}

func (c *countingStore) count() {
	c.mu.Lock()
	c.reads++
	c.mu.Unlock()
}

func (c *countingStore) PostsBetween(ctx context.Context, ws string, from, to time.Time) ([]post.Post, error) {
	c.count()
	return c.Store.PostsBetween(ctx, ws, from, to)
}

func (c *countingStore) Workspaces(ctx context.Context) ([]workspace.Workspace, error) {
	c.count()
	return c.Store.Workspaces(ctx)
}

func (c *countingStore) Reads() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.reads
}

// publishedPost is a post published to the accounts at at.
func publishedPost(ws, id string, at time.Time, accounts ...account.Account) post.Post {
	p := post.Post{ID: id, WorkspaceID: ws, Status: post.Published, ScheduledAt: at.Add(-time.Minute), Pillar: "Coulisses",
		CreatedAt: at.Add(-time.Hour), UpdatedAt: at}
	for _, a := range accounts {
		p.Variants = append(p.Variants, post.Variant{AccountID: a.ID, Network: a.Network, Text: "La fournée " + id})
		p.Deliveries = append(p.Deliveries, post.Delivery{AccountID: a.ID, State: post.DeliveryPublished, RemoteID: id + "@" + a.ID,
			URL: "https://example.net/" + id, Attempts: []post.Attempt{
				{At: at.Add(-time.Minute), Outcome: post.OutcomeTransient}, {At: at, Outcome: post.OutcomePublished}}})
	}
	return p
}

func TestCollectorAcrossCheckpoints(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	cs := &countingStore{Store: st}
	t0 := time.Date(2027, 3, 27, 10, 0, 0, 0, time.UTC) // the night after, Paris springs forward
	now := t0.Add(30 * time.Minute)
	clock := func() time.Time { return now }

	ws := workspace.Workspace{ID: "ws1", Name: "Fournil", TimeZone: "Europe/Paris", Language: "fr", Color: "#f5a623"}
	demoWS := workspace.Workspace{ID: "ws2", Name: "Démo", TimeZone: "Europe/Paris", Language: "fr", Color: "#f5a623", Demo: true}
	bsky := account.Account{ID: "bsky", WorkspaceID: "ws1", Network: "bluesky", Handle: "fournil.bsky.social", Status: account.Connected}
	masto := account.Account{ID: "masto", WorkspaceID: "ws1", Network: "mastodon", Handle: "@fournil@piaille.fr", Status: account.Connected}
	sample := account.Account{ID: "sample", WorkspaceID: "ws1", Network: "bluesky", Handle: "sample", Status: account.Demo}
	off := account.Account{ID: "off", WorkspaceID: "ws1", Network: "mastodon", Handle: "off", Status: account.Disconnected}
	inDemo := account.Account{ID: "indemo", WorkspaceID: "ws2", Network: "bluesky", Handle: "indemo", Status: account.Connected}
	for _, w := range []workspace.Workspace{ws, demoWS} {
		if err := st.PutWorkspace(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []account.Account{bsky, masto, sample, off, inDemo} {
		if err := st.PutAccount(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []post.Post{
		publishedPost("ws1", "p1", t0, bsky, masto),
		publishedPost("ws1", "p2", t0, bsky), // deleted on the network after a day
		publishedPost("ws1", "p3", t0, sample, off),
		publishedPost("ws2", "p4", t0, inDemo),
	} {
		if _, err := st.PutPost(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	br := &fakeReader{followers: 1000, posts: map[string]network.PostStats{
		"p1@bsky": {Likes: 3, Impressions: -1}, "p2@bsky": {Likes: 1, Impressions: -1}}}
	mr := &fakeReader{followers: 300, fail: network.NewError(network.Mastodon, network.ErrTimeout, 0, nil), posts: map[string]network.PostStats{
		"p1@masto": {Likes: 2, Replies: 1, Impressions: -1}}}
	readers := &fakeReaders{readers: map[string]*fakeReader{"bsky": br, "masto": mr, "sample": {}, "off": {}, "indemo": {}}}
	c := New(cs, readers, cs, clock, zerolog.Nop(), Config{})

	step := func(at time.Time) {
		t.Helper()
		now = at
		if err := c.Collect(ctx); err != nil {
			t.Fatalf("Collect at %s = %v", at, err)
		}
	}
	readingsOf := func(id, acc string) metric.PostMetrics {
		t.Helper()
		ms, err := st.PostMetricsBetween(ctx, "ws1", t0.Add(-time.Hour), t0.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.PostID == id && m.AccountID == acc {
				return m
			}
		}
		return metric.PostMetrics{}
	}

	// 30 min after: the account days; Mastodon fails, nothing is due yet.
	step(t0.Add(30 * time.Minute))
	if br.stats != 1 || mr.stats != 1 || len(br.calls) != 0 {
		t.Fatalf("after 30 min: %d and %d AccountStats, %d PostStats; want 1, 1, 0", br.stats, mr.stats, len(br.calls))
	}
	if d, err := st.LastAccountDay(ctx, "bsky"); err != nil || d.Followers != 1000 || d.Day != day(2027, 3, 27) {
		t.Errorf("LastAccountDay(bsky) = %+v, %v; want 1000 followers on 2027-03-27", d, err)
	}
	if want := t0.Add(45 * time.Minute); !c.Next().Equal(want) {
		t.Errorf("Next() = %s, want %s (Mastodon tried again)", c.Next(), want)
	}
	// Polls before then read nothing.
	reads := cs.Reads()
	for _, at := range []time.Duration{31 * time.Minute, 40 * time.Minute, 44 * time.Minute} {
		step(t0.Add(at))
	}
	if cs.Reads() != reads {
		t.Errorf("Collect before Next() read the store %d times, want 0", cs.Reads()-reads)
	}

	// 45 min: Mastodon answers again; its day is read, no post is due.
	mr.fail = nil
	step(t0.Add(45 * time.Minute))
	if mr.stats != 2 || len(mr.calls) != 0 {
		t.Errorf("at 45 min: %d Mastodon AccountStats, %d PostStats; want 2, 0", mr.stats, len(mr.calls))
	}
	if want := t0.Add(time.Hour); !c.Next().Equal(want) {
		t.Errorf("Next() = %s, want %s (the 1 h checkpoint)", c.Next(), want)
	}

	// 1 h: one call per account with all its due posts.
	step(t0.Add(time.Hour))
	if len(br.calls) != 1 || len(br.calls[0]) != 2 || len(mr.calls) != 1 {
		t.Fatalf("at 1 h: Bluesky calls %v, Mastodon calls %v; want one of 2 posts, one", br.calls, mr.calls)
	}
	if m := readingsOf("p1", "bsky"); m.LastCheckpoint() != metric.After1h || m.Latest.Likes != 3 || m.Network != "bluesky" || m.Title != "La fournée p1" {
		t.Errorf("p1 on Bluesky after 1 h = %+v, want its 1 h reading", m)
	}

	// 24 h: a new day for the accounts; p2 is gone from the network.
	br.posts = map[string]network.PostStats{"p1@bsky": {Likes: 9, Reposts: 2, Impressions: -1}}
	br.followers = 1010
	step(t0.Add(24 * time.Hour))
	if br.stats != 2 {
		t.Errorf("at 24 h: %d Bluesky AccountStats, want 2 (a new day)", br.stats)
	}
	if m := readingsOf("p2", "bsky"); m.GoneAt.IsZero() || m.Latest.Likes != 1 {
		t.Errorf("p2 after 24 h = %+v, want gone with its 1 h counters", m)
	}

	// Ruche was closed for ten days: only the 7 d checkpoint is read.
	br.posts["p1@bsky"] = network.PostStats{Likes: 20, Reposts: 4, Replies: 3, Impressions: -1}
	calls := len(br.calls)
	step(t0.Add(10 * 24 * time.Hour))
	m := readingsOf("p1", "bsky")
	if len(br.calls) != calls+1 || len(br.calls[calls]) != 1 {
		t.Errorf("after 10 days: calls %v, want one more with p1 only (p2 is gone)", br.calls[calls:])
	}
	if _, ok := m.Reading(metric.After7d); !ok || m.LastCheckpoint() != metric.After7d || len(m.Readings) != 3 {
		t.Errorf("p1 after 10 days = %+v, want readings at 1 h, 24 h, 7 d", m.Readings)
	}

	// 30 days: the last reading; nothing more is ever due.
	step(t0.Add(30*24*time.Hour + time.Minute))
	if m := readingsOf("p1", "bsky"); !m.Complete() {
		t.Errorf("p1 after 30 days = %+v, want complete", m.Readings)
	}
	if m := readingsOf("p1", "masto"); m.LastCheckpoint() != metric.After30d || m.Latest.Replies != 1 {
		t.Errorf("p1 on Mastodon after 30 days = %+v, want complete with a reply", m.Readings)
	}
	for _, id := range readers.asked {
		if id == "sample" || id == "off" || id == "indemo" {
			t.Errorf("the reader of %s was asked for; demo and disconnected accounts are left alone", id)
		}
	}
	if ms, _ := st.PostMetricsBetween(ctx, "ws2", t0.Add(-time.Hour), t0.Add(time.Hour)); len(ms) != 0 {
		t.Errorf("the demo workspace has %d publications read, want none", len(ms))
	}
}

func TestCollectorWake(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2027, 1, 1, 12, 0, 0, 0, time.UTC)
	st.PutWorkspace(ctx, workspace.Workspace{ID: "ws", Name: "W", TimeZone: "UTC", Language: "en", Color: "#f5a623"})
	c := New(st, &fakeReaders{}, st, func() time.Time { return now }, zerolog.Nop(), Config{})
	if err := c.Collect(ctx); err != nil {
		t.Fatal(err)
	}
	if want := now.Add(time.Hour); !c.Next().Equal(want) {
		t.Errorf("Next() with no account = %s, want %s", c.Next(), want)
	}
	r := &fakeReader{followers: 5}
	st.PutAccount(ctx, account.Account{ID: "a", WorkspaceID: "ws", Network: "bluesky", Handle: "a", Status: account.Connected})
	c.readers = &fakeReaders{readers: map[string]*fakeReader{"a": r}}
	c.Wake()
	now = now.Add(time.Minute)
	if err := c.Collect(ctx); err != nil || r.stats != 1 {
		t.Errorf("Collect after Wake = %v, %d AccountStats; want nil, 1", err, r.stats)
	}
}

func TestCollectorReadsTheCommunity(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	t0 := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	now := t0
	clock := func() time.Time { return now }
	st.PutWorkspace(ctx, workspace.Workspace{ID: "ws1", Name: "Fournil", TimeZone: "Europe/Paris", Language: "fr", Color: "#f5a623"})
	st.PutAccount(ctx, account.Account{ID: "bsky", WorkspaceID: "ws1", Network: "bluesky", Handle: "fournil.test", Status: account.Connected})
	fan := network.Author{ID: "did:plc:fan", Handle: "fan.test", DisplayName: "<img src=x onerror=alert(1)>"}
	reply := &network.RemotePost{ID: "at://fan/post/r1", Author: fan, Text: "Vous ouvrez dimanche ?", ReplyTo: "at://fournil/post/p1"}
	r := &fakeReader{followers: 10, notes: []network.Notification{
		{ID: "n3", Kind: network.Follow, Author: network.Author{ID: "did:plc:new", Handle: "new.test"}, CreatedAt: t0.Add(-10 * time.Minute)},
		{ID: "n2", Kind: network.Like, Author: fan, Subject: "at://fournil/post/p1", CreatedAt: t0.Add(-20 * time.Minute)},
		{ID: "n1", Kind: network.Reply, Author: fan, Post: reply, Subject: "at://fournil/post/p1", CreatedAt: t0.Add(-30 * time.Minute)},
		{ID: "", Kind: network.Like, Author: fan, CreatedAt: t0}, // no identifier: left out
	}, answers: []network.RemotePost{{ID: "at://fournil/post/a1", ReplyTo: reply.ID, CreatedAt: t0.Add(-5 * time.Minute)}}}
	readers := &fakeReaders{readers: map[string]*fakeReader{"bsky": r}}
	c := New(st, readers, st, clock, zerolog.Nop(), Config{})
	step := func(at time.Time) {
		t.Helper()
		now = at
		if err := c.Collect(ctx); err != nil {
			t.Fatalf("Collect at %s = %v", at, err)
		}
	}

	step(t0)
	acts, err := st.Activities(ctx, "ws1", t0.Add(-time.Hour), t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range acts {
		got = append(got, string(a.Kind)+" "+a.Handle+" "+a.ItemID)
	}
	if want := []string{"reply fan.test at://fan/post/r1", "like fan.test ", "follow new.test "}; !slices.Equal(got, want) {
		t.Errorf("activities = %q, want %q", got, want)
	}
	if len(acts) > 0 && acts[0].Name != fan.DisplayName {
		t.Errorf("the fan's name = %q, want it kept as text, %q", acts[0].Name, fan.DisplayName)
	}
	answers, _ := st.Answers(ctx, "ws1", t0.Add(-time.Hour), t0.Add(time.Hour))
	if len(answers) != 1 || answers[0].ParentID != reply.ID || !answers[0].At.Equal(t0.Add(-5*time.Minute)) {
		t.Errorf("answers = %+v, want the answer to the reply", answers)
	}
	if want := t0.Add(-30*24*time.Hour - time.Hour); len(r.since) != 1 || !r.since[0].Equal(want) {
		t.Errorf("first Answers since %v, want a month and the overlap back (%s)", r.since, want)
	}

	// Within the hour nothing is read again; after it, from the cursors.
	step(t0.Add(30 * time.Minute))
	if len(r.cursors) != 1 {
		t.Errorf("Notifications calls after 30 min = %q, want 1", r.cursors)
	}
	r.notes = []network.Notification{{ID: "n4", Kind: network.Mention, Author: fan,
		Post: &network.RemotePost{ID: "at://fan/post/m1"}, CreatedAt: t0.Add(50 * time.Minute)}}
	step(t0.Add(time.Hour))
	if want := []string{"", "n3"}; !slices.Equal(r.cursors, want) {
		t.Errorf("Notifications cursors = %q, want %q", r.cursors, want)
	}
	if want := t0.Add(-5*time.Minute - time.Hour); len(r.since) != 2 || !r.since[1].Equal(want) {
		t.Errorf("Answers since %v, want the overlap before the last answer read (%s)", r.since, want)
	}
	// The network shows late an answer older than the newest read: the
	// overlap reads it at the next hour, and the one read again stays one.
	r.answers = append(r.answers, network.RemotePost{ID: "at://fournil/post/a0", ReplyTo: "at://fan/post/m1", CreatedAt: t0.Add(-20 * time.Minute)})

	// A restart does not read before the hour is up; a failure keeps the
	// cursor, and the next try reads from it.
	c = New(st, readers, st, clock, zerolog.Nop(), Config{})
	r.notesFail = network.NewError(network.Bluesky, network.ErrTimeout, 0, nil)
	step(t0.Add(90 * time.Minute))
	if len(r.cursors) != 2 {
		t.Errorf("Notifications calls 30 min after the last, restarted = %d, want 2", len(r.cursors))
	}
	step(t0.Add(2 * time.Hour))
	r.notesFail = nil
	step(t0.Add(2*time.Hour + 20*time.Minute))
	if want := []string{"", "n3", "n4", "n4"}; !slices.Equal(r.cursors, want) {
		t.Errorf("Notifications cursors = %q, want %q (the failed read tried again from its cursor)", r.cursors, want)
	}
	if acts, _ := st.Activities(ctx, "ws1", t0.Add(-time.Hour), t0.Add(3*time.Hour)); len(acts) != 4 {
		t.Errorf("activities after the failure = %d, want 4", len(acts))
	}
	if answers, _ := st.Answers(ctx, "ws1", t0.Add(-time.Hour), t0.Add(3*time.Hour)); len(answers) != 2 {
		t.Errorf("answers = %+v, want the first and the one shown late, once each", answers)
	}
}
