package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/go-cmp/cmp"

	"ruche/backend/post"
)

var _ post.Repo = (*Store)(nil)

var (
	t0 = time.Date(2027, 3, 28, 8, 0, 0, 0, time.UTC)
	t1 = t0.Add(time.Hour)
	t2 = t0.Add(2 * time.Hour)
)

func samplePost(id, ws string) post.Post {
	return post.Post{ID: id, WorkspaceID: ws, Status: post.Draft, Pillar: "Coulisses",
		Variants:  []post.Variant{{AccountID: "a1", Network: "mastodon", Text: "Pain au levain " + id}},
		CreatedAt: fixedNow(), UpdatedAt: fixedNow()}
}

func scheduledPost(id, ws string, at time.Time) post.Post {
	p := samplePost(id, ws)
	p.Status, p.ScheduledAt = post.Scheduled, at
	return p
}

func mustPut(t *testing.T, s *Store, p post.Post) post.Post {
	t.Helper()
	saved, err := s.PutPost(context.Background(), p)
	if err != nil {
		t.Fatalf("PutPost(%s) = %v", p.ID, err)
	}
	return saved
}

// postKeys lists the post keys of the store, readable: <t> shown in RFC 3339.
func postKeys(t *testing.T, s *Store) []string {
	t.Helper()
	var keys []string
	err := s.db.View(func(txn *badger.Txn) error {
		for _, prefix := range []string{prefixPost, prefixPostWorkspace, prefixPostWhen, prefixPostDraft, prefixPostDue, prefixPostSending} {
			opts := badger.DefaultIteratorOptions
			opts.Prefix, opts.PrefetchValues = []byte(prefix), false
			it := txn.NewIterator(opts)
			for it.Rewind(); it.Valid(); it.Next() {
				k := it.Item().Key()
				switch {
				case prefix == prefixPostDue:
					k = []byte(prefix + timeOfKey(k, prefix).Format(time.RFC3339) + "/" + idAfterTime(k, prefix))
				case prefix == prefixPostWhen:
					ws, _, _ := strings.Cut(string(k[len(prefix):]), "/")
					p := prefixPostWhenOf(ws)
					k = []byte(p + timeOfKey(k, p).Format(time.RFC3339) + "/" + idAfterTime(k, p))
				}
				keys = append(keys, string(k))
			}
			it.Close()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

func TestPostIndexesFollowTheLifecycle(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	p := mustPut(t, s, samplePost("p1", "w1"))

	steps := []struct {
		name   string
		change func(*post.Post) error
		want   []string
	}{
		{"scheduled", func(p *post.Post) error { return p.Schedule(t1, t0) }, []string{
			"post/p1", "idx/wspost/w1/p1", "idx/when/w1/2027-03-28T09:00:00Z/p1", "idx/due/2027-03-28T09:00:00Z/p1"}},
		{"moved", func(p *post.Post) error { return p.Move(t2, t0) }, []string{
			"post/p1", "idx/wspost/w1/p1", "idx/when/w1/2027-03-28T10:00:00Z/p1", "idx/due/2027-03-28T10:00:00Z/p1"}},
		{"publishing", func(p *post.Post) error { return p.SetStatus(post.Publishing, t2) }, []string{
			"post/p1", "idx/wspost/w1/p1", "idx/when/w1/2027-03-28T10:00:00Z/p1", "idx/sending/p1"}},
		{"retry later", func(p *post.Post) error {
			p.RetryAt = t2.Add(time.Minute)
			return p.SetStatus(post.Scheduled, t2)
		}, []string{
			"post/p1", "idx/wspost/w1/p1", "idx/when/w1/2027-03-28T10:00:00Z/p1", "idx/due/2027-03-28T10:01:00Z/p1"}},
		{"paused", func(p *post.Post) error { return p.SetStatus(post.Paused, t2) }, []string{
			"post/p1", "idx/wspost/w1/p1", "idx/when/w1/2027-03-28T10:00:00Z/p1"}},
		{"unscheduled", func(p *post.Post) error { return p.Unschedule(t2) }, []string{
			"post/p1", "idx/wspost/w1/p1", "idx/draft/w1/p1"}},
	}
	if diff := cmp.Diff([]string{"post/p1", "idx/wspost/w1/p1", "idx/draft/w1/p1"}, postKeys(t, s)); diff != "" {
		t.Fatalf("keys of a new draft (-want +got):\n%s", diff)
	}
	rev := p.Revision
	for _, st := range steps {
		got, err := s.UpdatePost(ctx, "p1", st.change)
		if err != nil {
			t.Fatalf("%s: UpdatePost() = %v", st.name, err)
		}
		if rev++; got.Revision != rev {
			t.Errorf("%s: revision %d, want %d", st.name, got.Revision, rev)
		}
		if diff := cmp.Diff(st.want, postKeys(t, s)); diff != "" {
			t.Errorf("%s: keys (-want +got):\n%s", st.name, diff)
		}
	}
	if err := s.DeletePost(ctx, "p1", rev); err != nil {
		t.Fatalf("DeletePost() = %v", err)
	}
	if keys := postKeys(t, s); len(keys) != 0 {
		t.Errorf("keys after DeletePost = %v, want none", keys)
	}
}

func TestPutPostRevisions(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	p := mustPut(t, s, samplePost("p1", "w1"))
	if p.Revision != 1 {
		t.Fatalf("new post revision = %d, want 1", p.Revision)
	}
	got, err := s.Post(ctx, "p1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p, got); diff != "" {
		t.Errorf("Post() mismatch (-want +got):\n%s", diff)
	}

	stale := p
	p.AuthorNote = "première modification"
	p = mustPut(t, s, p)
	tests := []struct {
		name string
		do   func() error
		want error
	}{
		{"stale save", func() error { _, err := s.PutPost(ctx, stale); return err }, post.ErrConflict},
		{"new post over an existing one", func() error { _, err := s.PutPost(ctx, samplePost("p1", "w1")); return err }, post.ErrConflict},
		{"stale delete", func() error { return s.DeletePost(ctx, "p1", stale.Revision) }, post.ErrConflict},
		{"save of a post never stored", func() error { q := samplePost("p2", "w1"); q.Revision = 3; _, err := s.PutPost(ctx, q); return err }, post.ErrNotFound},
		{"get missing", func() error { _, err := s.Post(ctx, "p9"); return err }, post.ErrNotFound},
		{"update missing", func() error {
			_, err := s.UpdatePost(ctx, "p9", func(*post.Post) error { return nil })
			return err
		}, post.ErrNotFound},
		{"delete missing", func() error { return s.DeletePost(ctx, "p9", 1) }, post.ErrNotFound},
		{"before 1970", func() error {
			q := scheduledPost("p3", "w1", time.Date(1969, 7, 20, 20, 17, 0, 0, time.UTC))
			_, err := s.PutPost(ctx, q)
			return err
		}, post.ErrTimeRange},
		{"retry before 1970", func() error {
			q := scheduledPost("p3", "w1", t1)
			q.RetryAt = time.Unix(-1, 0)
			_, err := s.PutPost(ctx, q)
			return err
		}, post.ErrTimeRange},
	}
	for _, tt := range tests {
		if err := tt.do(); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
	if got, _ := s.Post(ctx, "p1"); got.AuthorNote != "première modification" || got.Revision != 2 {
		t.Errorf("after refused writes, p1 = %q at revision %d; want the second save", got.AuthorNote, got.Revision)
	}
	if diff := cmp.Diff([]string{"post/p1", "idx/wspost/w1/p1", "idx/draft/w1/p1"}, postKeys(t, s)); diff != "" {
		t.Errorf("refused writes left keys (-want +got):\n%s", diff)
	}
}

func TestUpdatePost(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	mustPut(t, s, scheduledPost("p1", "w1", t1))

	refused := errors.New("refused")
	if _, err := s.UpdatePost(ctx, "p1", func(p *post.Post) error {
		p.ScheduledAt = t2
		return refused
	}); !errors.Is(err, refused) {
		t.Errorf("UpdatePost(change fails) = %v, want the change's error", err)
	}
	if _, err := s.UpdatePost(ctx, "p1", func(p *post.Post) error { p.ID = "p2"; return nil }); err == nil {
		t.Errorf("UpdatePost(change of id) = nil, want an error")
	}
	if p, _ := s.Post(ctx, "p1"); !p.ScheduledAt.Equal(t1) || p.Revision != 1 {
		t.Errorf("after failed updates: at %v, revision %d; want %v, 1", p.ScheduledAt, p.Revision, t1)
	}

	// A write that lands between the read and the commit makes the update
	// run again on the new version: nothing is lost.
	runs := 0
	got, err := s.UpdatePost(ctx, "p1", func(p *post.Post) error {
		runs++
		if runs == 1 {
			if _, err := s.UpdatePost(ctx, "p1", func(q *post.Post) error { q.AuthorNote = "from elsewhere"; return nil }); err != nil {
				return err
			}
		}
		return p.SetStatus(post.Publishing, t1)
	})
	if err != nil || runs != 2 || got.AuthorNote != "from elsewhere" || got.Status != post.Publishing || got.Revision != 3 {
		t.Errorf("UpdatePost(interleaved) = %q %s rev %d, %v after %d runs; want both changes at revision 3 after 2 runs",
			got.AuthorNote, got.Status, got.Revision, err, runs)
	}
}

func TestPostQueries(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	retried := scheduledPost("p5", "w1", t0)
	retried.RetryAt = t2.Add(time.Minute)
	published := scheduledPost("p6", "w1", t1)
	published.Status = post.Published
	sending := scheduledPost("p7", "w1", t0)
	sending.Status = post.Publishing
	for _, p := range []post.Post{
		scheduledPost("p1", "w1", t2),
		scheduledPost("p2", "w1", t1),
		scheduledPost("p3", "w1", t1),
		scheduledPost("p4", "w2", t1),
		retried, published, sending,
		samplePost("p8", "w1"),
		samplePost("p9", "w1"),
		scheduledPost("p0", "w1", time.Unix(0, 0)),
	} {
		mustPut(t, s, p)
	}
	keys := func(ids []string, err error) []string {
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	ids := func(ps []post.Post, err error) []string {
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{"the morning, by instant then id", ids(s.PostsBetween(ctx, "w1", t0, t2.Add(time.Second))), []string{"p5", "p7", "p2", "p3", "p6", "p1"}},
		{"[from, to)", ids(s.PostsBetween(ctx, "w1", t1, t2)), []string{"p2", "p3", "p6"}},
		{"empty range", ids(s.PostsBetween(ctx, "w1", t2, t1)), nil},
		{"from before 1970", ids(s.PostsBetween(ctx, "w1", time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), t0)), []string{"p0"}},
		{"to after the last instant", ids(s.PostsBetween(ctx, "w1", t2, time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC))), []string{"p1"}},
		{"other workspace", ids(s.PostsBetween(ctx, "w2", t0, t2)), []string{"p4"}},
		{"workspace whose id starts another's", ids(s.PostsBetween(ctx, "w", t0, t2)), nil},
		{"drafts", ids(s.Drafts(ctx, "w1")), []string{"p8", "p9"}},
		{"due at t1, inclusive", keys(s.Due(ctx, t1, 0)), []string{"p0", "p2", "p3", "p4"}},
		{"due, limited", keys(s.Due(ctx, t2.Add(time.Hour), 2)), []string{"p0", "p2"}},
		{"due after the retry", keys(s.Due(ctx, t2.Add(time.Hour), 0)), []string{"p0", "p2", "p3", "p4", "p1", "p5"}},
		{"publishing", ids(s.Publishing(ctx)), []string{"p7"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestCalendarEntriesFollowTheirPosts(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	p := scheduledPost("p1", "w1", t1)
	p.Campaigns = []string{"Pâques"}
	p.Variants = append(p.Variants, post.Variant{AccountID: "a2", Network: "bluesky", Text: "Autre texte"})
	p = mustPut(t, s, p)
	p2 := mustPut(t, s, scheduledPost("p2", "w1", t2))
	p, err := s.UpdatePost(ctx, "p1", func(p *post.Post) error {
		p.Pillar, p.Variants[0].Text = "Produits", "Nouvelle brioche\nsuite"
		return p.SetStatus(post.Paused, t0)
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Calendar(ctx, "w1", t0, t2.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	want := []post.Entry{p.Entry(), p2.Entry()}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Calendar() mismatch (-want +got):\n%s", diff)
	}
	if got[0].Title != "Nouvelle brioche" || got[0].Status != post.Paused {
		t.Errorf("Calendar()[0] = %q %s, want the edited title and status", got[0].Title, got[0].Status)
	}
}

func TestEntryCodec(t *testing.T) {
	e := post.Entry{Status: post.Missed, Pillar: "Équipe", Campaigns: []string{"a", "b"}, Networks: []string{"x", "somewhere-new"},
		Title: "Fête du pain 🥖", Revision: 300}
	b := encodeEntry(e)
	got, err := decodeEntry(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(e, got); diff != "" {
		t.Errorf("decodeEntry(encodeEntry()) mismatch (-want +got):\n%s", diff)
	}
	for n := range len(b) {
		if _, err := decodeEntry(b[:n]); err == nil {
			t.Errorf("decodeEntry(first %d of %d bytes) = nil error, want one", n, len(b))
		}
	}
	if _, err := decodeEntry(append([]byte{99}, b[1:]...)); err == nil {
		t.Errorf("decodeEntry(unknown version) = nil error, want one")
	}
}

// An entry may end with the networks holding its post, written after the
// first version: entries without them still decode, with none.
func TestEntryCodecHeld(t *testing.T) {
	old := post.Entry{Status: post.Scheduled, Networks: []string{"mastodon"}, Title: "Brioche", Revision: 2}
	held := old
	held.Held = []string{"mastodon"}
	b := encodeEntry(held)
	got, err := decodeEntry(b)
	if err != nil || !slices.Equal(got.Held, held.Held) {
		t.Fatalf("decodeEntry(held) = %+v, %v; want held by mastodon", got, err)
	}
	plain := encodeEntry(old)
	if got, err := decodeEntry(plain); err != nil || got.Held != nil {
		t.Errorf("decodeEntry(without held) = %+v, %v; want none", got, err)
	}
	for n := len(plain) + 1; n < len(b); n++ {
		if _, err := decodeEntry(b[:n]); err == nil {
			t.Errorf("decodeEntry(first %d of %d bytes) = nil error, want one", n, len(b))
		}
	}
}

// Posts with a held delivery are listed by Held until released.
func TestHeldIndex(t *testing.T) {
	s := openTest(t, testConfig(t, t.TempDir()))
	ctx := context.Background()
	p := post.Post{ID: "p1", WorkspaceID: "w1", Status: post.Scheduled, ScheduledAt: t1,
		Variants:   []post.Variant{{AccountID: "a1", Network: "mastodon", Text: "Brioche"}},
		Deliveries: []post.Delivery{{AccountID: "a1", IdempotencyKey: "k", State: post.DeliveryPending}}}
	if _, err := s.PutPost(ctx, p); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		ps, err := s.Held(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return len(ps)
	}
	if n := count(); n != 0 {
		t.Fatalf("Held() = %d posts before any hold, want 0", n)
	}
	hold := func(h *post.Held) {
		if _, err := s.UpdatePost(ctx, "p1", func(q *post.Post) error { q.Deliveries[0].Held = h; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	hold(&post.Held{ID: "sch-1", At: t1})
	if n := count(); n != 1 {
		t.Errorf("Held() = %d posts, want 1", n)
	}
	entries, _ := s.Calendar(ctx, "w1", t0, t2)
	if len(entries) != 1 || !slices.Equal(entries[0].Held, []string{"mastodon"}) {
		t.Errorf("Calendar() = %+v, want the entry held by mastodon", entries)
	}
	hold(nil)
	if n := count(); n != 0 {
		t.Errorf("Held() = %d posts after release, want 0", n)
	}
}

func TestTimeKeysSortByTime(t *testing.T) {
	instants := []time.Time{time.Unix(0, 0), time.Unix(0, 255), time.Unix(0, 256), time.Unix(1, 0), t0, t1, post.MaxTime.Add(-1)}
	for i := 1; i < len(instants); i++ {
		a, b := keyPostWhen("w1", instants[i-1], "zzzz"), keyPostWhen("w1", instants[i], "0000")
		if bytes.Compare(a, b) >= 0 {
			t.Errorf("key of %v sorts after the key of %v", instants[i-1], instants[i])
		}
		if len(a) != len(b) {
			t.Errorf("keys of %v and %v differ in length", instants[i-1], instants[i])
		}
		if got := timeOfKey(b, prefixPostWhenOf("w1")); !got.Equal(instants[i]) {
			t.Errorf("timeOfKey(key of %v) = %v", instants[i], got)
		}
	}
}

func TestDeleteWorkspaceDeletesItsPosts(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	for _, w := range []string{"w1", "w2"} {
		if err := s.PutWorkspace(ctx, sampleWorkspace(w, "Atelier "+w)); err != nil {
			t.Fatal(err)
		}
	}
	// More posts than one transaction can delete.
	var many []post.Post
	for i := range 1200 {
		p := scheduledPost(fmt.Sprintf("p%04d", i), "w1", t0.Add(time.Duration(i)*time.Minute))
		switch i % 4 {
		case 1:
			p = samplePost(p.ID, "w1")
		case 2:
			p.Status = post.Publishing
		}
		many = append(many, p)
	}
	if err := s.putNewPosts(many); err != nil {
		t.Fatal(err)
	}
	kept := mustPut(t, s, scheduledPost("q1", "w2", t1))

	if err := s.DeleteWorkspace(ctx, "w1"); err != nil {
		t.Fatalf("DeleteWorkspace(w1) = %v", err)
	}
	want := []string{"post/q1", "idx/wspost/w2/q1", "idx/when/w2/2027-03-28T09:00:00Z/q1", "idx/due/2027-03-28T09:00:00Z/q1"}
	if diff := cmp.Diff(want, postKeys(t, s)); diff != "" {
		t.Errorf("keys after deleting w1 (-want +got):\n%s", diff)
	}
	if p, err := s.Post(ctx, "q1"); err != nil || p.Revision != kept.Revision {
		t.Errorf("the other workspace's post = %v, %v; want it kept", p.ID, err)
	}
	if _, err := s.Workspace(ctx, "w1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Workspace(w1) after delete = %v, want not found", err)
	}
}
