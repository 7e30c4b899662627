package api

import (
	"testing"

	"ruche/backend/locale"
	"ruche/backend/post"
)

func TestFailureReason(t *testing.T) {
	p := post.Post{Variants: []post.Variant{{AccountID: "a", Network: "mastodon"}, {AccountID: "b", Network: "bluesky"}},
		Deliveries: []post.Delivery{
			{AccountID: "a", State: post.DeliveryPublished, Attempts: []post.Attempt{{Outcome: post.OutcomePublished}}},
			{AccountID: "b", State: post.DeliveryFailed, Attempts: []post.Attempt{{Outcome: post.OutcomeTransient, Reason: "network.timeout"},
				{Outcome: post.OutcomeAuth, Reason: "directory.reconnect", Args: map[string]string{"account": "brand.test"}}}}}}
	tests := []struct {
		lang locale.Lang
		want string
	}{
		{locale.English, "The Bluesky account brand.test must be reconnected before Ruche can publish with it (Accounts)."},
		{locale.French, "Le compte Bluesky brand.test doit être reconnecté avant que Ruche puisse publier avec (Comptes)."},
	}
	for _, tt := range tests {
		if got := FailureReason(tt.lang, p); got != tt.want {
			t.Errorf("FailureReason(%s) = %q, want %q", tt.lang, got, tt.want)
		}
	}
	if got := FailureReason(locale.English, post.Post{}); got != "" {
		t.Errorf("FailureReason of a post that did not fail = %q, want empty", got)
	}
}
