package analytics

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
)

func TestResponses(t *testing.T) {
	t0 := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	at := func(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }
	reply := func(acc, item string, min int) metric.Activity {
		return metric.Activity{AccountID: acc, ID: "n" + item, Kind: metric.ActReply, At: at(min), ActorID: "f", ItemID: item}
	}
	answer := func(acc, parent string, min int) metric.Answer {
		return metric.Answer{AccountID: acc, ParentID: parent, ID: "a" + parent, At: at(min)}
	}
	week, _ := calendar.NewWindow(day(2027, 3, 1), day(2027, 3, 8), time.UTC)
	tests := []struct {
		name string
		conv Conversations
		net  string
		want Responses
	}{
		{"nothing received", Conversations{}, "", Responses{}},
		{"received, never answered", Conversations{Activities: []metric.Activity{reply("a", "1", 0)}}, "",
			Responses{Received: 1, ShareKnown: true}},
		{"odd count: the middle one", Conversations{Activities: []metric.Activity{reply("a", "1", 0), reply("a", "2", 10), reply("a", "3", 20)},
			Answers: []metric.Answer{answer("a", "1", 30), answer("a", "2", 100), answer("a", "3", 20+600)}}, "",
			Responses{Received: 3, Answered: 3, AnsweredShare: 100, ShareKnown: true, MedianMinutes: 90, MedianKnown: true, WithinHour: 100.0 / 3}},
		{"even count: the mean of the two middle ones", Conversations{Activities: []metric.Activity{reply("a", "1", 0), reply("a", "2", 0), reply("a", "3", 0), reply("a", "4", 0)},
			Answers: []metric.Answer{answer("a", "1", 10), answer("a", "2", 60), answer("a", "3", 61)}}, "",
			Responses{Received: 4, Answered: 3, AnsweredShare: 75, ShareKnown: true, MedianMinutes: 60, MedianKnown: true, WithinHour: 200.0 / 3}},
		{"an answer stamped before the message (clocks) counts as at once", Conversations{Activities: []metric.Activity{reply("a", "1", 30)},
			Answers: []metric.Answer{answer("a", "1", 29)}}, "",
			Responses{Received: 1, Answered: 1, AnsweredShare: 100, ShareKnown: true, MedianKnown: true, WithinHour: 100}},
		{"another account's answer is no answer", Conversations{Activities: []metric.Activity{reply("a", "1", 0)},
			Answers: []metric.Answer{answer("b", "1", 5)}}, "",
			Responses{Received: 1, ShareKnown: true}},
		{"likes and follows await nothing", Conversations{Activities: []metric.Activity{
			{AccountID: "a", ID: "l", Kind: metric.ActLike, At: t0, ActorID: "f"}, {AccountID: "a", ID: "f", Kind: metric.ActFollow, At: t0, ActorID: "f"}}}, "",
			Responses{}},
		{"outside the period", Conversations{Activities: []metric.Activity{reply("a", "1", -24*60)}, Answers: []metric.Answer{answer("a", "1", 0)}}, "",
			Responses{}},
		{"one network", Conversations{NetworkOf: map[string]string{"a": "bluesky", "m": "mastodon"},
			Activities: []metric.Activity{reply("a", "1", 0), reply("m", "2", 0)}, Answers: []metric.Answer{answer("m", "2", 45)}}, "mastodon",
			Responses{Received: 1, Answered: 1, AnsweredShare: 100, ShareKnown: true, MedianMinutes: 45, MedianKnown: true, WithinHour: 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.conv.Responses(week, tt.net); !cmp.Equal(got, tt.want, approx) {
				t.Errorf("Responses() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestMostActive(t *testing.T) {
	t0 := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	act := func(acc, actor, handle string, kind metric.ActivityKind, min int) metric.Activity {
		return metric.Activity{AccountID: acc, ID: fmt.Sprint(actor, kind, min), Kind: kind,
			At: t0.Add(time.Duration(min) * time.Minute), ActorID: actor, Handle: handle, Name: "Name of " + handle}
	}
	conv := Conversations{NetworkOf: map[string]string{"b1": "bluesky", "b2": "bluesky", "m": "mastodon"}, Activities: []metric.Activity{
		act("b1", "did:ana", "ana.old", metric.ActLike, 0),
		act("b2", "did:ana", "ana.test", metric.ActReply, 10), // the same person through another account: one fan, her latest handle
		act("b1", "did:bob", "bob.test", metric.ActLike, 20),
		act("b1", "did:bob", "bob.test", metric.ActRepost, 30),
		act("b1", "did:cy", "cy.test", metric.ActFollow, 40), // a follow is no interaction
		act("m", "7", "@ana@piaille.fr", metric.ActQuote, 50),
		act("m", "8", "@dan@piaille.fr", metric.ActMention, 60),
	}}
	week, _ := calendar.NewWindow(day(2027, 3, 1), day(2027, 3, 8), time.UTC)
	got := conv.MostActive(week, "", 3)
	var short []string
	for _, f := range got {
		short = append(short, fmt.Sprintf("%s %s %d r%d", f.Network, f.Handle, f.Interactions, f.Replies))
	}
	// ana and bob have 2 each: ana replied. Then 1 each: dan replied, and
	// the quote of @ana@piaille.fr is left out at 3.
	want := []string{"bluesky ana.test 2 r1", "bluesky bob.test 2 r0", "mastodon @dan@piaille.fr 1 r1"}
	if !cmp.Equal(short, want) {
		t.Errorf("MostActive() = %q, want %q", short, want)
	}
	if len(got) > 0 && (got[0].Likes != 1 || got[0].Name != "Name of ana.test") {
		t.Errorf("MostActive()[0] = %+v, want 1 like and her latest name", got[0])
	}
	if got := conv.MostActive(week, "mastodon", 10); len(got) != 2 {
		t.Errorf("MostActive(mastodon) = %d fans, want 2", len(got))
	}
	if got := (Conversations{}).MostActive(week, "", 5); len(got) != 0 {
		t.Errorf("MostActive(nothing) = %v, want none", got)
	}
}

// randomConversations are n activities of four accounts on two networks,
// day after day (UTC) as the store gives them, a third of the replies and
// mentions answered.
func randomConversations(n int) Conversations {
	r := rand.New(rand.NewPCG(7, 9))
	kinds := []metric.ActivityKind{metric.ActLike, metric.ActRepost, metric.ActFollow, metric.ActQuote, metric.ActReply, metric.ActMention}
	c := Conversations{NetworkOf: map[string]string{"b1": "bluesky", "b2": "bluesky", "m1": "mastodon", "m2": "mastodon"}}
	accounts := []string{"b1", "b2", "m1", "m2"}
	t0 := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		at := t0.Add(time.Duration(i) * 90 * time.Minute / 10) // 160 a day, two months
		a := metric.Activity{AccountID: accounts[r.IntN(4)], ID: fmt.Sprint("n", i), Kind: kinds[r.IntN(len(kinds))], At: at,
			ActorID: fmt.Sprint("p", r.IntN(60)), Handle: fmt.Sprint("h", i)}
		if a.Kind.AwaitsAnswer() {
			a.ItemID = fmt.Sprint("item", i)
			if r.IntN(3) == 0 {
				c.Answers = append(c.Answers, metric.Answer{AccountID: a.AccountID, ParentID: a.ItemID, ID: fmt.Sprint("a", i), At: at.Add(time.Duration(r.IntN(200)) * time.Minute)})
			}
		}
		c.Activities = append(c.Activities, a)
	}
	return c
}

// The index changes how periods are found, never what they hold: indexed
// or not, filtered before or after, the figures are the same.
func TestIndexedConversations(t *testing.T) {
	plain := randomConversations(9000)
	indexed := plain.indexed()
	if !indexed.idx.byDay {
		t.Fatal("activities in day order not seen as such")
	}
	keep := func(a *metric.Activity) bool { return a.AccountID != "b2" }
	var kept []metric.Activity
	for _, a := range plain.Activities {
		if keep(&a) {
			kept = append(kept, a)
		}
	}
	filteredPlain := Conversations{Activities: kept, Answers: plain.Answers, NetworkOf: plain.NetworkOf}
	filteredIndexed := indexed.only(keep)
	for _, span := range []struct{ from, to calendar.Day }{{day(2027, 1, 1), day(2027, 3, 31)}, {day(2027, 1, 10), day(2027, 1, 17)},
		{day(2026, 12, 1), day(2027, 1, 2)}, {day(2027, 5, 1), day(2027, 5, 2)}} {
		for _, zone := range []string{"UTC", "Pacific/Auckland", "America/Los_Angeles"} {
			loc, _ := time.LoadLocation(zone)
			w, _ := calendar.NewWindow(span.from, span.to, loc)
			for _, net := range []string{"", "mastodon"} {
				name := fmt.Sprintf("%v–%v %s %q", span.from, span.to, zone, net)
				if got, want := indexed.Responses(w, net), plain.Responses(w, net); !cmp.Equal(got, want) {
					t.Errorf("%s: indexed Responses = %+v, want %+v", name, got, want)
				}
				if got, want := indexed.MostActive(w, net, 7), plain.MostActive(w, net, 7); !cmp.Equal(got, want) {
					t.Errorf("%s: indexed MostActive = %v, want %v", name, got, want)
				}
				if got, want := filteredIndexed.MostActive(w, net, 500), filteredPlain.MostActive(w, net, 500); !cmp.Equal(got, want) {
					t.Errorf("%s: Only then MostActive = %d fans, want %d", name, len(got), len(want))
				}
				if got, want := filteredIndexed.Responses(w, net), filteredPlain.Responses(w, net); !cmp.Equal(got, want) {
					t.Errorf("%s: Only then Responses = %+v, want %+v", name, got, want)
				}
			}
		}
	}
	// out of day order: every activity is looked at
	shuffled := randomConversations(500)
	slices.Reverse(shuffled.Activities)
	w, _ := calendar.NewWindow(day(2027, 1, 1), day(2027, 1, 3), time.UTC)
	if ix := shuffled.indexed(); ix.idx.byDay || ix.Responses(w, "") != shuffled.Responses(w, "") || ix.Responses(w, "").Received == 0 {
		t.Errorf("reversed activities: byDay %v, %+v", ix.idx.byDay, ix.Responses(w, ""))
	}
}

func TestFirstFans(t *testing.T) {
	fans := make([]Fan, 100)
	for i := range fans {
		fans[i] = Fan{ActorID: fmt.Sprint(i), Handle: fmt.Sprintf("h%03d", i), Interactions: (i * 37) % 11, Replies: i % 3}
	}
	want := slices.Clone(fans)
	slices.SortFunc(want, fanOrder)
	for _, n := range []int{0, 1, 5, 24, 25, 26, 100, 200} {
		got := firstFans(slices.Clone(fans), n)
		if w := want[:min(n, len(want))]; !slices.Equal(got, w) && !(n == 0 && len(got) == 0) {
			t.Errorf("firstFans(%d) = %d fans, not the %d first in order", n, len(got), len(w))
		}
	}
}
