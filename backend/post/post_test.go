package post

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInputNormalize(t *testing.T) {
	in := Input{
		AuthorNote: "  à relire  ",
		Pillar:     " Coulisses ",
		Campaigns:  []string{" Printemps ", "", "printemps", "Noël"},
		Variants:   []Variant{{AccountID: " a1 ", Network: " Mastodon ", Text: "  Bonjour  ", Link: " https://x.example "}},
	}
	got := in.Normalize()
	want := Input{
		AuthorNote: "à relire",
		Pillar:     "Coulisses",
		Campaigns:  []string{"Printemps", "Noël"},
		Variants:   []Variant{{AccountID: "a1", Network: "mastodon", Text: "  Bonjour  ", Link: "https://x.example"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Normalize() mismatch (-want +got):\n%s", diff)
	}
	got.Variants[0].Text = "changed"
	if in.Variants[0].Text != "  Bonjour  " {
		t.Errorf("Normalize() shares its variants with its input")
	}
}

func TestInputValidate(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		want error
	}{
		{"no variant: an idea", Input{AuthorNote: "idée"}, nil},
		{"two accounts", Input{Variants: []Variant{target("a1"), target("a2")}}, nil},
		{"no account", Input{Variants: []Variant{{Network: "x"}}}, ErrAccountRequired},
		{"no network", Input{Variants: []Variant{{AccountID: "a1"}}}, ErrNetworkRequired},
		{"same account twice", Input{Variants: []Variant{target("a1"), target("a1")}}, ErrAccountTwice},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.in.Normalize().Validate(); !errors.Is(err, tt.want) {
				t.Errorf("Validate() = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestIdempotencyKey(t *testing.T) {
	k := IdempotencyKey("p1", "a1")
	if !regexp.MustCompile(`^[0-9a-z]{32}$`).MatchString(k) {
		t.Errorf("IdempotencyKey() = %q, want 32 characters of [0-9a-z]", k)
	}
	if again := IdempotencyKey("p1", "a1"); again != k {
		t.Errorf("IdempotencyKey() = %q then %q, want the same key every time", k, again)
	}
	for _, other := range [][2]string{{"p1", "a2"}, {"p2", "a1"}, {"p1a", "1"}} {
		if IdempotencyKey(other[0], other[1]) == k {
			t.Errorf("IdempotencyKey(%q, %q) = the key of (p1, a1)", other[0], other[1])
		}
	}
}

func TestDeliveriesFollowVariants(t *testing.T) {
	p := Post{ID: "p1"}
	p.apply(Input{Variants: []Variant{target("a1"), target("a2")}})
	if len(p.Deliveries) != 2 || p.Deliveries[1].IdempotencyKey != IdempotencyKey("p1", "a2") || p.Deliveries[1].State != DeliveryPending {
		t.Fatalf("deliveries = %+v, want one pending per variant", p.Deliveries)
	}
	p.Record("a1", Attempt{At: now, Outcome: OutcomeTransient, Reason: "network.timeout"}, "", "")
	p.Record("a2", Attempt{At: now, Outcome: OutcomePublished}, "r2", "https://n.example/r2")

	// a1 and a2 leave, a3 comes: a2's delivery and a1's attempt are history.
	p.apply(Input{Variants: []Variant{target("a3")}})
	var got []string
	for _, d := range p.Deliveries {
		got = append(got, d.AccountID+":"+string(d.State))
	}
	if want := []string{"a3:pending", "a1:pending", "a2:published"}; !cmp.Equal(got, want) {
		t.Errorf("deliveries = %v, want %v", got, want)
	}
	if d := p.Delivery("a2"); d.RemoteID != "r2" || len(d.Attempts) != 1 {
		t.Errorf("a2's delivery = %+v, want its remote id and attempt kept", d)
	}
}

func TestRecord(t *testing.T) {
	tests := []struct {
		outcome Outcome
		want    DeliveryState
	}{
		{OutcomePublished, DeliveryPublished},
		{OutcomeTransient, DeliveryPending},
		{OutcomeRateLimited, DeliveryPending},
		{OutcomeUnknown, DeliveryPending},
		{OutcomeAuth, DeliveryFailed},
		{OutcomeInvalid, DeliveryFailed},
	}
	for _, tt := range tests {
		p := Post{ID: "p1", Variants: []Variant{target("a1")}}
		p.syncDeliveries()
		if !p.Record("a1", Attempt{At: now, Outcome: tt.outcome}, "r1", "u1") {
			t.Fatalf("Record(a1) = false, want true")
		}
		if got := p.Delivery("a1").State; got != tt.want {
			t.Errorf("Record(%s): state = %s, want %s", tt.outcome, got, tt.want)
		}
	}
	p := Post{ID: "p1"}
	if p.Record("nobody", Attempt{Outcome: OutcomePublished}, "", "") {
		t.Errorf("Record(unknown account) = true, want false")
	}
}

func TestTitle(t *testing.T) {
	long := strings.Repeat("é", TitleLen+5)
	family := "👨‍👩‍👧"
	tests := []struct {
		name string
		p    Post
		want string
	}{
		{"first line", Post{Variants: []Variant{{Text: "  Nouveau pain\nau levain"}}}, "Nouveau pain"},
		{"first variant with text", Post{Variants: []Variant{{Text: " "}, {Text: "Brioche"}}}, "Brioche"},
		{"note when no text", Post{AuthorNote: "Idée : vidéo du four"}, "Idée : vidéo du four"},
		{"exactly the length", Post{Variants: []Variant{{Text: long[:2*TitleLen]}}}, long[:2*TitleLen]},
		{"cut", Post{Variants: []Variant{{Text: long}}}, long[:2*(TitleLen-1)] + "…"},
		{"emoji not split", Post{Variants: []Variant{{Text: strings.Repeat(family, TitleLen+1)}}}, strings.Repeat(family, TitleLen-1) + "…"},
	}
	for _, tt := range tests {
		if got := Title(tt.p); got != tt.want {
			t.Errorf("%s: Title() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestEntry(t *testing.T) {
	p := Post{ID: "p1", Status: Scheduled, ScheduledAt: later, Pillar: "Coulisses", Campaigns: []string{"noël"}, Revision: 4,
		Variants: []Variant{{AccountID: "a1", Network: "mastodon", Text: "Bûche"}, {AccountID: "a2", Network: "bluesky"}, {AccountID: "a3", Network: "mastodon"}}}
	want := Entry{ID: "p1", ScheduledAt: later, Status: Scheduled, Pillar: "Coulisses", Campaigns: []string{"noël"},
		Networks: []string{"mastodon", "bluesky"}, Title: "Bûche", Revision: 4}
	if diff := cmp.Diff(want, p.Entry()); diff != "" {
		t.Errorf("Entry() mismatch (-want +got):\n%s", diff)
	}
}
