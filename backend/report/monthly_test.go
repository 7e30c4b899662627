package report_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/analytics/metric"
	"ruche/backend/boot"
	"ruche/backend/locale"
	"ruche/backend/report"
	"ruche/backend/secrets"
)

// The month's report lands in the folder once the month is over, once.
func TestMonthly(t *testing.T) {
	var mu sync.Mutex
	clock := time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC)
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	set := func(t time.Time) { mu.Lock(); clock = t; mu.Unlock() }
	dir := t.TempDir()
	app, err := boot.Open(context.Background(), boot.Config{DataDir: filepath.Join(dir, "data"), KeyFile: filepath.Join(dir, "key"),
		Vault: secrets.NewMemory(), Now: now, System: locale.System{Lang: locale.French, Zone: "Europe/Paris"}})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	ctx := context.Background()
	ws, _ := app.Workspaces.Current(ctx)
	folder := filepath.Join(dir, "rapports")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := app.Store.PutReportPlan(ctx, metric.ReportPlan{WorkspaceID: ws.ID, Folder: folder, Agency: "Agence Ruche", Last: "2026-10"}); err != nil {
		t.Fatal(err)
	}
	m := report.NewMonthly(app.Store, app.Workspaces, app.Analytics, app.Store, app.Store, now, zerolog.Nop())
	files := func() []string {
		es, _ := os.ReadDir(folder)
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		return names
	}
	steps := []struct {
		at   time.Time
		want []string
	}{
		{time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC), nil},                                           // November is not over
		{time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC), nil},                                             // over since 4 h in Paris: wait for the night's figures
		{time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), []string{"Mon entreprise-rapport-2026-11.pdf"}},  // written
		{time.Date(2026, 12, 15, 9, 0, 0, 0, time.UTC), []string{"Mon entreprise-rapport-2026-11.pdf"}}, // once
	}
	for _, s := range steps {
		set(s.at)
		if err := m.Run(ctx); err != nil {
			t.Fatal(err)
		}
		if got := files(); len(got) != len(s.want) || (len(got) > 0 && got[0] != s.want[0]) {
			t.Errorf("at %v the folder holds %v, want %v", s.at, got, s.want)
		}
	}
	plan, ok, _ := app.Store.ReportPlan(ctx, ws.ID)
	if !ok || plan.Last != "2026-11" {
		t.Errorf("plan after the report = %+v, want Last 2026-11", plan)
	}

	// A folder that went away: an error, nothing recorded, tried again.
	os.RemoveAll(folder)
	set(time.Date(2027, 1, 2, 9, 0, 0, 0, time.UTC))
	if err := m.Run(ctx); err == nil {
		t.Error("Run() with the folder gone = nil error, want one")
	}
	if plan, _, _ := app.Store.ReportPlan(ctx, ws.ID); plan.Last != "2026-11" {
		t.Errorf("Last after a failure = %q, want 2026-11 still", plan.Last)
	}
}
