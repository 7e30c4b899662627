package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/boot"
	"ruche/backend/jobs"
	"ruche/backend/locale"
	"ruche/backend/secrets"
)

// ruche jobs shows what the process that ran the jobs kept, every
// registered job listed, in the workspace's zone and the user's language.
func TestJobs(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	ran := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) // 10:00 in Paris
	a, err := boot.Open(context.Background(), boot.Config{DataDir: h.dir, Vault: h.vault,
		System: locale.System{Lang: locale.French, Zone: "Europe/Paris"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []jobs.State{
		{Name: "resume", Period: "5s", LastRun: ran, NextRun: ran.Add(5 * time.Second), Took: 12 * time.Millisecond},
		{Name: "collect", Period: "5s", LastRun: ran, NextRun: ran.Add(time.Minute), Took: 1500 * time.Millisecond,
			LastError: "network.unreachable", ErrorArgs: map[string]string{"network": "Mastodon"}, Failures: 3},
		{Name: "retired", Period: "1h0m0s", LastRun: ran}, // no longer registered
	} {
		if err := a.Store.PutJobState(context.Background(), st); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}

	code, out, errOut := h.run(t, "jobs")
	if code != ExitOK {
		t.Fatalf("ruche jobs = %d, %q", code, errOut)
	}
	spaces := regexp.MustCompile(` {2,}`)
	lines := strings.Split(strings.TrimSpace(spaces.ReplaceAllString(out, " | ")), "\n")
	want := []string{
		"TÂCHE | DERNIÈRE EXÉCUTION | PROCHAINE | DURÉE | DERNIÈRE ERREUR",
		"Fin des pauses programmées | 2026-03-10 10:00:00 | 2026-03-10 10:00:05 | 12ms | —",
		"Programmations sur les réseaux tenues à jour | jamais | — | — | —",
		"Relevé des chiffres des réseaux | 2026-03-10 10:00:00 | 2026-03-10 10:01:00 | 1.5s | Mastodon est injoignable : vérifiez la connexion à Internet. Ruche réessaiera. (échecs d’affilée : 3)",
		"Rapports mensuels | jamais | — | — | —",
		"(Europe/Paris)",
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("ruche jobs mismatch (-want +got):\n%s\n%s", diff, out)
	}

	code, out, errOut = h.run(t, "--json", "jobs")
	var got []jobJSON
	if err := json.Unmarshal([]byte(out), &got); code != ExitOK || err != nil {
		t.Fatalf("ruche --json jobs = %d, %v, %q:\n%s", code, err, errOut, out)
	}
	wantJSON := []jobJSON{
		{Name: "resume", Title: "Fin des pauses programmées", Period: "5s", LastRun: "2026-03-10T09:00:00Z", NextRun: "2026-03-10T09:00:05Z", TookMs: 12},
		{Name: "hold", Title: "Programmations sur les réseaux tenues à jour", Period: "5s"},
		{Name: "collect", Title: "Relevé des chiffres des réseaux", Period: "5s", LastRun: "2026-03-10T09:00:00Z", NextRun: "2026-03-10T09:01:00Z",
			TookMs: 1500, Error: "network.unreachable", Message: "Mastodon est injoignable : vérifiez la connexion à Internet. Ruche réessaiera.", Failures: 3},
		{Name: "report", Title: "Rapports mensuels", Period: "5s"},
	}
	if diff := cmp.Diff(wantJSON, got); diff != "" {
		t.Errorf("ruche --json jobs mismatch (-want +got):\n%s", diff)
	}

	if code, _, errOut := h.run(t, "jobs", "now"); code != ExitUsage || !strings.Contains(errOut, "ruche jobs") {
		t.Errorf("ruche jobs now = %d, %q; want a usage error", code, errOut)
	}
}
