package api

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/jobs"
)

// Without the window running them, Jobs shows what the store kept, every
// registered job listed, translated in the UI language.
func TestJobsKept(t *testing.T) {
	s, _ := newFacade(t)
	ran := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	noErr(t, s.d.App.Store.PutJobState(context.Background(), jobs.State{Name: "collect", Period: "5s", LastRun: ran,
		NextRun: ran.Add(time.Minute), Took: 1500 * time.Millisecond, LastError: "network.unreachable",
		ErrorArgs: map[string]string{"network": "Bluesky"}, Failures: 2}))

	want := []JobView{
		{Name: "resume", Title: "End of timed pauses", Period: "5s"},
		{Name: "hold", Title: "Natively scheduled posts kept in step", Period: "5s"},
		{Name: "collect", Title: "Networks’ figures read", Period: "5s", LastRun: "2026-11-23T09:00:00Z", NextRun: "2026-11-23T09:01:00Z",
			TookMs: 1500, LastError: "network.unreachable", ErrorMessage: "Bluesky cannot be reached: check the Internet connection. Ruche will try again.", Failures: 2},
		{Name: "report", Title: "Monthly reports", Period: "5s"},
	}
	if diff := cmp.Diff(want, must(s.Jobs())); diff != "" {
		t.Errorf("Jobs() mismatch (-want +got):\n%s", diff)
	}

	must(s.SetLanguage("fr"))
	got := must(s.Jobs())
	if got[2].Title != "Relevé des chiffres des réseaux" || got[2].ErrorMessage != "Bluesky est injoignable : vérifiez la connexion à Internet. Ruche réessaiera." {
		t.Errorf("Jobs() in French = %+v; want a French title and message", got[2])
	}
}

// While the window runs the jobs, Jobs shows their live states, not what
// an earlier process kept.
func TestJobsLive(t *testing.T) {
	s, _ := newFacade(t)
	old := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	noErr(t, s.d.App.Store.PutJobState(context.Background(), jobs.State{Name: "resume", Period: "5s", LastRun: old,
		NextRun: old.Add(5 * time.Second), LastError: "internal", Failures: 4}))
	s.d.App.Jobs.Start()
	t.Cleanup(s.d.App.Jobs.Stop)

	var got []JobView
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		got = must(s.Jobs())
		done := true
		for _, j := range got {
			done = done && j.NextRun != ""
		}
		if done {
			break
		}
	}
	if len(got) != 4 {
		t.Fatalf("Jobs() = %+v; want the 4 registered jobs", got)
	}
	for _, j := range got {
		// The facade's clock stands still at 10:00: each job ran once.
		if j.LastRun != "2026-11-23T10:00:00Z" || j.NextRun != "2026-11-23T10:00:05Z" || j.Running {
			t.Errorf("Jobs() %s = %+v; want run at 10:00, next at 10:00:05, not running", j.Name, j)
		}
	}
	if r := got[0]; r.Name != "resume" || r.LastError != "" || r.Failures != 0 {
		t.Errorf("Jobs() resume = %+v; want its live success, not the kept failure", r)
	}
}
