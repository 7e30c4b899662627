package bluesky

import (
	"context"
	"slices"
	"testing"
	"time"
)

func TestUnknownMentions(t *testing.T) {
	f := newFakePDS(t)
	c, _ := newTestClient(t, f, f.session(now.Add(time.Hour)))
	a := testAccount(f)
	got, err := c.UnknownMentions(context.Background(), a, "Merci @fan.test et @personne.test !", "Suite @personne.test")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"@personne.test"}; !slices.Equal(got, want) {
		t.Errorf("UnknownMentions() = %v, want %v", got, want)
	}
	asked := f.count(nsidResolveHandle)
	if _, err := c.UnknownMentions(context.Background(), a, "@fan.test @personne.test"); err != nil {
		t.Fatal(err)
	}
	if again := f.count(nsidResolveHandle); again != asked {
		t.Errorf("resolveHandle called %d more times for handles answered a moment ago, want 0", again-asked)
	}
}
