package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/account"
	"ruche/backend/calendar"
	"ruche/backend/workspace"
)

var _ account.Repo = (*Store)(nil)

func TestAccounts(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	a1 := account.Account{ID: "a1", WorkspaceID: "w1", Network: "bluesky", Handle: "fournil.bsky.social", Status: account.Connected, CreatedAt: t0}
	a2 := account.Account{ID: "a2", WorkspaceID: "w1", Network: "mastodon", Handle: "@f@piaille.fr", Status: account.Demo, CreatedAt: t1}
	a3 := account.Account{ID: "a3", WorkspaceID: "w2", Network: "x", Handle: "fournil", Status: account.Connected, CreatedAt: t0}
	for _, a := range []account.Account{a2, a1, a3} {
		if err := s.PutAccount(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Accounts(ctx, "w1")
	if diff := cmp.Diff([]account.Account{a1, a2}, got); err != nil || diff != "" {
		t.Errorf("Accounts(w1) = %v, mismatch (-want +got):\n%s", err, diff)
	}
	if err := s.PutAccount(ctx, account.Account{ID: "a/b", WorkspaceID: "w1"}); err == nil {
		t.Errorf("PutAccount(id with '/') = nil, want an error")
	}
	if err := s.DeleteAccount(ctx, "a1"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAccount(ctx, "a1"); !errors.Is(err, account.ErrNotFound) {
		t.Errorf("DeleteAccount(gone) = %v, want account.ErrNotFound", err)
	}
	if got, _ := s.Accounts(ctx, "w1"); len(got) != 1 || got[0].ID != "a2" {
		t.Errorf("Accounts(w1) after delete = %+v, want a2 only", got)
	}
}

func TestQueueSlots(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	if got, err := s.QueueSlots(ctx, "w1"); err != nil || len(got) != 0 {
		t.Errorf("QueueSlots(never set) = %v, %v; want none", got, err)
	}
	want := []calendar.Slot{{Weekday: time.Tuesday, Time: calendar.Clock{Hour: 9, Minute: 30}}, {Weekday: time.Friday, Time: calendar.Clock{Hour: 18}}}
	if err := s.SetQueueSlots(ctx, "w1", want); err != nil {
		t.Fatal(err)
	}
	got, err := s.QueueSlots(ctx, "w1")
	if diff := cmp.Diff(want, got); err != nil || diff != "" {
		t.Errorf("QueueSlots() = %v, mismatch (-want +got):\n%s", err, diff)
	}
}

func TestDeleteWorkspaceTakesItsAccountsAndQueue(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testConfig(t, t.TempDir()))
	for _, id := range []string{"w1", "w2"} {
		if err := s.PutWorkspace(ctx, workspace.Workspace{ID: id, Name: id, TimeZone: "Europe/Paris", Language: "fr"}); err != nil {
			t.Fatal(err)
		}
		if err := s.PutAccount(ctx, account.Account{ID: "a" + id, WorkspaceID: id, Network: "bluesky", Handle: id}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetQueueSlots(ctx, id, []calendar.Slot{{Weekday: time.Monday}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteWorkspace(ctx, "w1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Account(ctx, "aw1"); !errors.Is(err, account.ErrNotFound) {
		t.Errorf("Account(of the deleted workspace) = %v, want account.ErrNotFound", err)
	}
	if got, _ := s.QueueSlots(ctx, "w1"); len(got) != 0 {
		t.Errorf("QueueSlots(deleted workspace) = %v, want none", got)
	}
	if got, _ := s.Accounts(ctx, "w2"); len(got) != 1 {
		t.Errorf("Accounts(w2) = %v, want its account kept", got)
	}
	if got, _ := s.QueueSlots(ctx, "w2"); len(got) != 1 {
		t.Errorf("QueueSlots(w2) = %v, want its slot kept", got)
	}
}
