package store

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/analytics/metric"
)

func TestCommunityRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	at := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	acts := []metric.Activity{
		{WorkspaceID: "ws1", AccountID: "acc1", ID: "at://did:plc:fan/app.bsky.feed.post/3k", Kind: metric.ActReply, At: at,
			ActorID: "did:plc:fan", Handle: "fan.test", Name: "Une fan <b>", ItemID: "at://did:plc:fan/app.bsky.feed.post/3k"},
		{WorkspaceID: "ws1", AccountID: "acc1", ID: "n2", Kind: metric.ActLike, At: at.Add(time.Hour), ActorID: "did:plc:fan", Handle: "fan.test"},
		{WorkspaceID: "ws1", AccountID: "acc2", ID: "107", Kind: metric.ActFollow, At: at.Add(2 * time.Hour), ActorID: "42", Handle: "@x@y.example"},
		{WorkspaceID: "ws2", AccountID: "acc3", ID: "n9", Kind: metric.ActMention, At: at, ActorID: "9", Handle: "@z@y.example", ItemID: "55"},
	}
	answers := []metric.Answer{{WorkspaceID: "ws1", AccountID: "acc1", ParentID: acts[0].ItemID, ID: "at://did:plc:brand/app.bsky.feed.post/3m",
		At: at.Add(40 * time.Minute)}}
	cur := metric.CommunityCursor{Notifications: "2026-11-20T11:30:00Z", AnswersSince: answers[0].At, ReadAt: at.Add(3 * time.Hour)}
	if got, err := s.CommunityCursor(ctx, "acc1"); err != nil || got != (metric.CommunityCursor{}) {
		t.Errorf("CommunityCursor(never read) = %+v, %v; want the zero cursor", got, err)
	}
	if err := s.PutCommunity(ctx, "acc1", cur, acts, answers); err != nil {
		t.Fatalf("PutCommunity = %v", err)
	}
	if err := s.PutCommunity(ctx, "acc1", cur, acts[:1], nil); err != nil { // read again after a crash
		t.Fatalf("PutCommunity again = %v", err)
	}
	got, err := s.Activities(ctx, "ws1", at, at.Add(2*time.Hour))
	if err != nil {
		t.Fatalf("Activities = %v", err)
	}
	if diff := cmp.Diff(acts[:2], got); diff != "" {
		t.Errorf("Activities mismatch (-want +got):\n%s", diff)
	}
	gotAns, err := s.Answers(ctx, "ws1", at, at.Add(24*time.Hour))
	if err != nil || !cmp.Equal(gotAns, answers) {
		t.Errorf("Answers = %+v, %v; want %+v", gotAns, err, answers)
	}
	if got, err := s.CommunityCursor(ctx, "acc1"); err != nil || !cmp.Equal(got, cur) {
		t.Errorf("CommunityCursor = %+v, %v; want %+v", got, err, cur)
	}
	bad := acts[1]
	bad.Kind = "poke"
	if err := s.PutCommunity(ctx, "acc1", cur, []metric.Activity{bad}, nil); err == nil {
		t.Error("PutCommunity(kind poke) = nil, want an error")
	}

	if err := s.DeleteMetrics(ctx, "ws1", []string{"acc1", "acc2"}); err != nil {
		t.Fatalf("DeleteMetrics = %v", err)
	}
	left, _ := s.Activities(ctx, "ws1", at.Add(-time.Hour), at.Add(time.Hour*24))
	leftAns, _ := s.Answers(ctx, "ws1", at.Add(-time.Hour), at.Add(time.Hour*24))
	c, _ := s.CommunityCursor(ctx, "acc1")
	other, _ := s.Activities(ctx, "ws2", at.Add(-time.Hour), at.Add(time.Hour))
	if len(left)+len(leftAns) != 0 || c != (metric.CommunityCursor{}) || len(other) != 1 {
		t.Errorf("after DeleteMetrics(ws1): %d activities, %d answers, cursor %+v, ws2 %d; want 0, 0, zero, 1", len(left), len(leftAns), c, len(other))
	}
	b := encodeActivities(acts[:2])
	for _, n := range []int{0, 1, 5, len(b) - 1} {
		if _, err := decodeActivities(b[:n]); err == nil {
			t.Errorf("decodeActivities(%d of %d bytes) = nil error, want one", n, len(b))
		}
	}
	if _, err := decodeAnswers([]byte{2, 0}); err == nil {
		t.Error("decodeAnswers(version 2) = nil error, want one")
	}
}
