package store

import (
	"context"
	"testing"

	"ruche/backend/calendar"
)

func TestAnalysis(t *testing.T) {
	s := openTest(t, testConfig(t, t.TempDir()))
	ctx := context.Background()
	nov := [2]calendar.Day{{Year: 2026, Month: 11, Day: 1}, {Year: 2026, Month: 11, Day: 30}}
	if got, err := s.Analysis(ctx, "w1", nov[0], nov[1]); err != nil || got != "" {
		t.Fatalf("Analysis() before any = %q, %v; want empty", got, err)
	}
	want := "Belle progression.\n\nÀ poursuivre : les vidéos du samedi."
	if err := s.PutAnalysis(ctx, "w1", nov[0], nov[1], want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Analysis(ctx, "w1", nov[0], nov[1]); got != want {
		t.Errorf("Analysis() = %q, want %q", got, want)
	}
	if got, _ := s.Analysis(ctx, "w2", nov[0], nov[1]); got != "" {
		t.Errorf("another workspace's Analysis() = %q, want empty", got)
	}
	if err := s.DeleteMetrics(ctx, "w1", nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Analysis(ctx, "w1", nov[0], nov[1]); got != "" {
		t.Errorf("Analysis() after the workspace's metrics went = %q, want empty", got)
	}
}
