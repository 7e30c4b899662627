package mastodon

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/network"
	"ruche/backend/post"
)

func TestNotifications(t *testing.T) {
	f := newFixture(t)
	mine, err := f.client.Publish(t.Context(), f.account, post.Variant{Text: "Nouvelle fournée"}, "n1")
	if err != nil {
		t.Fatal(err)
	}
	f.srv.AddUser("fournil", "Le Fournil")
	f.srv.Remote("fan@elsewhere.example", "Une fan")
	step := func() { f.clock.Add(time.Minute) }
	f.srv.Favourite("fan@elsewhere.example", mine.RemoteID)
	step()
	f.srv.Reblog("voisin@mastodon.test", mine.RemoteID)
	step()
	f.srv.Follow("fan@elsewhere.example", "fournil")
	step()
	reply, _ := f.srv.MentionHTML("fan@elsewhere.example", "fournil",
		`<p><span class="h-card"><a href="https://mastodon.test/@fournil" class="u-url mention">@<span>fournil</span></a></span> Miam&nbsp;!<script>steal()</script></p><p>À demain</p>`, mine.RemoteID)
	step()
	mention, _ := f.srv.Mention("fan@elsewhere.example", "fournil", "vous ouvrez dimanche ?", "")
	step()
	quote, _ := f.srv.Quote("critique@elsewhere.example", mine.RemoteID, "Le meilleur pain du quartier")

	got, cursor, err := f.client.Notifications(t.Context(), f.account, "")
	if err != nil {
		t.Fatalf("Notifications() = %v", err)
	}
	type short struct {
		Kind    network.NotificationKind
		Author  string
		Subject string
		Text    string
	}
	var gotShort []short
	for _, n := range got {
		s := short{Kind: n.Kind, Author: n.Author.Handle, Subject: n.Subject}
		if n.Post != nil {
			s.Text = n.Post.Text
		}
		gotShort = append(gotShort, s)
	}
	want := []short{
		{network.Quote, "@critique@elsewhere.example", mine.RemoteID, "Le meilleur pain du quartier"},
		{network.Mention, "@fan@elsewhere.example", "", "@fournil vous ouvrez dimanche ?"},
		{network.Reply, "@fan@elsewhere.example", mine.RemoteID, "@fournil Miam\u00a0!\n\nÀ demain"},
		{network.Follow, "@fan@elsewhere.example", "", ""},
		{network.Repost, "@voisin@mastodon.test", mine.RemoteID, ""},
		{network.Like, "@fan@elsewhere.example", mine.RemoteID, ""},
	}
	if diff := cmp.Diff(want, gotShort); diff != "" {
		t.Errorf("Notifications() mismatch (-want +got):\n%s", diff)
	}
	if cursor != got[0].ID {
		t.Errorf("cursor = %q, want the newest id %q", cursor, got[0].ID)
	}
	if p := got[2].Post; p == nil || p.ID != reply.ID || p.ReplyTo != mine.RemoteID || p.URL == "" || p.Author.DisplayName != "Une fan" || p.Stats.Impressions != -1 {
		t.Errorf("reply post = %+v, want the reply with its author and stats", p)
	}
	if got[1].Post.ID != mention.ID || got[0].Post.ID != quote.ID {
		t.Errorf("posts = %s, %s; want the mention %s and the quote %s", got[1].Post.ID, got[0].Post.ID, mention.ID, quote.ID)
	}
	req := f.srv.RequestsTo(http.MethodGet, "/api/v1/notifications")[0]
	if types := req.Query["types[]"]; !slices.Equal(types, []string{"mention", "favourite", "reblog", "follow", "quote"}) || req.Query.Get("limit") != "80" {
		t.Errorf("query = %v, want the five types and limit 80", req.Query)
	}

	// Nothing new: nothing, and the same cursor.
	again, next, err := f.client.Notifications(t.Context(), f.account, cursor)
	if err != nil || len(again) != 0 || next != cursor {
		t.Errorf("Notifications(cursor) with nothing new = %d, %q, %v; want none, %q", len(again), next, err, cursor)
	}
}

func TestNotificationsPagesFromTheCursor(t *testing.T) {
	f := newFixture(t)
	var ids []string
	for i := range 3 {
		res, err := f.client.Publish(t.Context(), f.account, post.Variant{Text: fmt.Sprintf("post %d", i)}, fmt.Sprintf("p%d", i))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.RemoteID)
	}
	f.srv.Favourite("first@elsewhere.example", ids[0])
	_, cursor, err := f.client.Notifications(t.Context(), f.account, "")
	if err != nil || cursor == "" {
		t.Fatalf("Notifications() = %q, %v", cursor, err)
	}
	// 170 new ones: more than two pages of 80.
	for i := range 170 {
		f.srv.Favourite(fmt.Sprintf("fan%d@elsewhere.example", i), ids[i%3])
	}
	before := len(f.srv.RequestsTo(http.MethodGet, "/api/v1/notifications"))
	got, next, err := f.client.Notifications(t.Context(), f.account, cursor)
	if err != nil {
		t.Fatalf("Notifications(cursor) = %v", err)
	}
	if len(got) != 170 {
		t.Fatalf("Notifications(cursor) = %d, want the 170 new ones", len(got))
	}
	for i := 1; i < len(got); i++ {
		if !idLess(got[i].ID, got[i-1].ID) {
			t.Fatalf("notification %d (%s) is not older than %d (%s): want newest first, no repeat", i, got[i].ID, i-1, got[i-1].ID)
		}
	}
	if got[len(got)-1].Author.Handle != "@fan0@elsewhere.example" || got[0].Author.Handle != "@fan169@elsewhere.example" {
		t.Errorf("oldest %s, newest %s; want fan0 and fan169", got[len(got)-1].Author.Handle, got[0].Author.Handle)
	}
	if next != got[0].ID {
		t.Errorf("cursor = %q, want %q", next, got[0].ID)
	}
	reqs := f.srv.RequestsTo(http.MethodGet, "/api/v1/notifications")[before:]
	if len(reqs) != 3 || reqs[0].Query.Get("min_id") != cursor || reqs[1].Query.Get("min_id") == "" {
		t.Errorf("%d pages asked (%v), want 3 paging forward with min_id from the cursor", len(reqs), reqs)
	}
}

func TestStats(t *testing.T) {
	f := newFixture(t)
	f.srv.SetCounters("fournil", 1200, 80)
	a, _ := f.client.Publish(t.Context(), f.account, post.Variant{Text: "a"}, "a")
	b, _ := f.client.Publish(t.Context(), f.account, post.Variant{Text: "b"}, "b")
	gone, _ := f.client.Publish(t.Context(), f.account, post.Variant{Text: "c"}, "c")
	f.client.Delete(t.Context(), f.account, gone.RemoteID)
	f.srv.Favourite("x@elsewhere.example", a.RemoteID)
	f.srv.Favourite("y@elsewhere.example", a.RemoteID)
	f.srv.Reblog("x@elsewhere.example", a.RemoteID)
	f.srv.Mention("x@elsewhere.example", "fournil", "bravo", a.RemoteID)
	f.srv.Quote("y@elsewhere.example", b.RemoteID, "oui")

	as, err := f.client.AccountStats(t.Context(), f.account)
	if err != nil {
		t.Fatalf("AccountStats() = %v", err)
	}
	if diff := cmp.Diff(network.AccountStats{Followers: 1200, Following: 80, Posts: 2, At: start}, as); diff != "" {
		t.Errorf("AccountStats() mismatch (-want +got):\n%s", diff)
	}

	ps, err := f.client.PostStats(t.Context(), f.account, []string{b.RemoteID, gone.RemoteID, a.RemoteID})
	if err != nil {
		t.Fatalf("PostStats() = %v", err)
	}
	want := []network.PostStats{
		{ID: b.RemoteID, Quotes: 1, Impressions: -1, At: start},
		{ID: a.RemoteID, Likes: 2, Reposts: 1, Replies: 1, Impressions: -1, At: start},
	}
	if diff := cmp.Diff(want, ps); diff != "" {
		t.Errorf("PostStats() mismatch (-want +got):\n%s", diff)
	}
}

func TestVerifyCredentialsHandle(t *testing.T) {
	f := newFixture(t)
	p, err := f.client.VerifyCredentials(t.Context(), f.account)
	if err != nil {
		t.Fatalf("VerifyCredentials() = %v", err)
	}
	if p.Handle != "@fournil@mastodon.test" || p.Username != "fournil" || p.ID == "" || p.AvatarURL == "" {
		t.Errorf("VerifyCredentials() = %+v, want @fournil@mastodon.test", p)
	}
	r := f.srv.RequestsTo(http.MethodGet, "/api/v1/accounts/verify_credentials")[0]
	if r.Header.Get("Authorization") != "Bearer "+f.account.Token {
		t.Errorf("Authorization = %q, want the account's token", r.Header.Get("Authorization"))
	}
}

func TestAnswers(t *testing.T) {
	f := newFixture(t)
	f.srv.AddUser("fournil", "Le Fournil")
	mine := f.srv.Post("fournil", "Nouvelle fournée")
	f.clock.Add(time.Minute)
	since := f.clock.Now()
	f.clock.Add(time.Minute)
	question, err := f.srv.Mention("fan@elsewhere.example", "fournil", "vous ouvrez dimanche ?", "")
	if err != nil {
		t.Fatal(err)
	}
	f.clock.Add(time.Minute)
	answer, err := f.srv.Reply("fournil", question.ID, "@fan@elsewhere.example oui, de 8 h à 13 h")
	if err != nil {
		t.Fatal(err)
	}
	f.clock.Add(time.Minute)
	if _, err := f.srv.Reply("fournil", mine.ID, "Et des croissants aussi"); err != nil { // the account's own thread
		t.Fatal(err)
	}
	f.srv.Post("fournil", "Fermé lundi") // no answer

	got, err := f.client.Answers(t.Context(), f.account, since)
	if err != nil {
		t.Fatalf("Answers() = %v", err)
	}
	var ids []string
	for _, p := range got {
		ids = append(ids, p.ID+">"+p.ReplyTo)
	}
	if want := []string{answer.ID + ">" + question.ID}; !slices.Equal(ids, want) {
		t.Errorf("Answers() = %v, want %v", ids, want)
	}
	if later, err := f.client.Answers(t.Context(), f.account, got[0].CreatedAt); err != nil || len(later) != 0 {
		t.Errorf("Answers(since the answer) = %v, %v; want none", later, err)
	}
}
