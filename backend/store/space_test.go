package store

import (
	"context"
	"errors"
	"fmt"
	"syscall"
	"testing"
)

// TestFullDiskRefusesWritesThenGoesOn: below the room kept free every
// write fails with ErrDiskFull (never "damaged"), nothing changes, and
// writes go through again once there is room; OnSpace hears both.
func TestFullDiskRefusesWritesThenGoesOn(t *testing.T) {
	cfg := testConfig(t, t.TempDir())
	var heard []bool
	cfg.OnSpace = func(full bool) { heard = append(heard, full) }
	s := openTest(t, cfg)
	ctx := context.Background()
	if err := s.PutWorkspace(ctx, sampleWorkspace("ws-1", "Avant")); err != nil {
		t.Fatal(err)
	}
	s.cfg.MinFree = 1 << 62 // no disk has that much room: full
	err := s.PutWorkspace(ctx, sampleWorkspace("ws-2", "Pendant"))
	if !errors.Is(err, ErrDiskFull) || !s.DiskFull() {
		t.Fatalf("PutWorkspace() on a full disk = %v, DiskFull %v; want ErrDiskFull", err, s.DiskFull())
	}
	s.cfg.MinFree = 0
	if err := s.PutWorkspace(ctx, sampleWorkspace("ws-3", "Après")); err != nil {
		t.Fatalf("PutWorkspace() once there is room = %v", err)
	}
	ws, err := s.Workspaces(ctx)
	if err != nil || len(ws) != 2 {
		t.Errorf("workspaces = %d, %v; want the 2 written when there was room", len(ws), err)
	}
	if fmt.Sprint(heard) != "[true false]" {
		t.Errorf("OnSpace heard %v, want [true false]", heard)
	}
	if got := s.mapErr(fmt.Errorf("write: %w", syscall.ENOSPC)); !errors.Is(got, ErrDiskFull) {
		t.Errorf("mapErr(ENOSPC) = %v, want ErrDiskFull", got)
	}
}
