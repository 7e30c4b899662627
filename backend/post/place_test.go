package post

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestPlace(t *testing.T) {
	long := []Variant{{AccountID: "a1", Network: "testnet", Text: "Un texte bien trop long pour ce réseau"}}
	tests := []struct {
		name       string
		from       Status
		at         time.Time // the post's instant before the drop; zero: none
		variants   []Variant
		to         time.Time
		hold       bool
		wantStatus Status
		wantErr    error
	}{
		{"draft is scheduled", Draft, time.Time{}, nil, later, false, Scheduled, nil},
		{"approved is scheduled", Approved, time.Time{}, nil, later, false, Scheduled, nil},
		{"in review must be approved first", InReview, time.Time{}, nil, later, false, InReview, ErrMove},
		{"scheduled is moved", Scheduled, later, nil, later.Add(time.Hour), false, Scheduled, nil},
		{"missed is scheduled again", Missed, before, nil, later, false, Scheduled, nil},
		{"paused stays paused", Paused, later, nil, later.Add(time.Hour), false, Paused, nil},
		{"held while the switch is on", Draft, time.Time{}, nil, later, true, Paused, nil},
		{"moved and held", Scheduled, later, nil, later.Add(time.Hour), true, Paused, nil},
		{"past refused", Draft, time.Time{}, nil, before, false, Draft, ErrTimePast},
		{"checked before scheduling", Draft, time.Time{}, long, later, false, Draft, errTooLong},
		{"published cannot move", Published, before, nil, later, false, Published, ErrPublished},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			repo := newMemRepo()
			vs := tt.variants
			if vs == nil {
				vs = []Variant{target("a1")}
			}
			p := Post{ID: "p1", WorkspaceID: "w1", Status: tt.from, ScheduledAt: tt.at, Variants: vs}
			p.syncDeliveries()
			repo.posts["p1"] = p
			s := newTestService(repo, tooLong{max: 30})
			got, err := s.Place(ctx, "p1", tt.to, tt.hold)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Place() = %v, want %v", err, tt.wantErr)
			}
			stored := repo.posts["p1"]
			if stored.Status != tt.wantStatus {
				t.Errorf("Place() left status %s, want %s", stored.Status, tt.wantStatus)
			}
			if err == nil && (!got.ScheduledAt.Equal(tt.to) || !stored.ScheduledAt.Equal(tt.to)) {
				t.Errorf("Place() instant = %v (stored %v), want %v", got.ScheduledAt, stored.ScheduledAt, tt.to)
			}
		})
	}
}

func TestPlaceNow(t *testing.T) {
	repo := newMemRepo()
	s := newTestService(repo, nil)
	repo.posts["p1"] = Post{ID: "p1", WorkspaceID: "w1", Status: Missed, ScheduledAt: before, Variants: []Variant{target("a1")}}
	p, err := s.PlaceNow(context.Background(), "p1", false)
	if err != nil || p.Status != Scheduled || !p.ScheduledAt.Equal(now) {
		t.Errorf("PlaceNow() = %s at %v, %v; want scheduled at %v", p.Status, p.ScheduledAt, err, now)
	}
}

func TestServiceSetStatus(t *testing.T) {
	tests := []struct {
		from, to Status
		want     error
	}{
		{Draft, InReview, nil},
		{InReview, Approved, nil},
		{Approved, Draft, nil},
		{Draft, Scheduled, ErrStatus},
		{Scheduled, Draft, ErrMove},
		{Publishing, Draft, ErrPublishing},
		{Draft, "archived", ErrStatus},
	}
	for _, tt := range tests {
		repo := newMemRepo()
		repo.posts["p1"] = Post{ID: "p1", WorkspaceID: "w1", Status: tt.from}
		s := newTestService(repo, nil)
		_, err := s.SetStatus(context.Background(), "p1", tt.to)
		if !errors.Is(err, tt.want) {
			t.Errorf("SetStatus(%s → %s) = %v, want %v", tt.from, tt.to, err, tt.want)
		}
		want := tt.to
		if tt.want != nil {
			want = tt.from
		}
		if got := repo.posts["p1"].Status; got != want {
			t.Errorf("SetStatus(%s → %s) left %s, want %s", tt.from, tt.to, got, want)
		}
	}
}
