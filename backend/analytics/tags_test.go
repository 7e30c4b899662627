package analytics

import (
	"context"
	"ruche/backend/store/storetest"
	"testing"
	"time"
)

// The hashtags of past publications, with how well those did, for the
// composer's suggestions.
func TestTagStats(t *testing.T) {
	st := storetest.Open(t)
	ctx := context.Background()
	at := fixedNow.Add(-48 * time.Hour)
	texts := map[string]string{
		"p1": "Fournée du jour #Pain #boulangerie",
		"p2": "Les croissants du dimanche #pain #viennoiserie",
		"p3": "Sans hashtag",
	}
	if err := st.PutPostMetrics(ctx, pub("p1", "bsky", "bluesky", at, 30, 5, 5, 0, -1), pub("p2", "bsky", "bluesky", at.Add(time.Hour), 10, 0, 0, 0, -1),
		pub("p3", "bsky", "bluesky", at.Add(2*time.Hour), 100, 0, 0, 0, -1)); err != nil {
		t.Fatal(err)
	}
	svc := NewService(st, func() time.Time { return fixedNow }, nil)
	stats, err := svc.TagStats(ctx, fixedWS, func(_ context.Context, postID, _ string) string { return texts[postID] })
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]float64{}
	for _, s := range stats {
		got[s.Tag] = [2]float64{float64(s.Posts), s.Engagement}
	}
	want := map[string][2]float64{"Pain": {2, 25}, "boulangerie": {1, 40}, "viennoiserie": {1, 10}} // #Pain and #pain are one tag
	if len(got) != len(want) {
		t.Fatalf("TagStats() = %v, want %v", got, want)
	}
	for tag, w := range want {
		if got[tag] != w {
			t.Errorf("TagStats()[%s] = %v, want %v (posts, mean interactions)", tag, got[tag], w)
		}
	}
}
