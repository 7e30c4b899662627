package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"ruche/backend/boot"
	"ruche/backend/locale"
	"ruche/backend/plan"
	"ruche/backend/workspace"
)

// jobJSON is a background job's state as scripts read it.
type jobJSON struct {
	Name     string `json:"name"`
	Title    string `json:"title"`
	Period   string `json:"period"`            // Go duration, e.g. "5s"
	LastRun  string `json:"lastRun,omitempty"` // RFC 3339 UTC; absent: never ran
	NextRun  string `json:"nextRun,omitempty"` // RFC 3339 UTC
	TookMs   int64  `json:"tookMs"`            // how long the last run lasted
	Running  bool   `json:"running"`
	Error    string `json:"lastError,omitempty"` // the last run's error code
	Message  string `json:"errorMessage,omitempty"`
	Failures int    `json:"failures"` // in a row
}

// jobs runs "ruche jobs": the background jobs' states as the store kept
// them (this process runs none), times in the current workspace's zone.
func (r *runner) jobs(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return usage("ruche jobs")
	}
	return r.inWorkspace(ctx, r.jobList)
}

func (r *runner) jobList(ctx context.Context, a *boot.App, w workspace.Workspace) error {
	states, err := a.JobStates(ctx)
	if err != nil {
		return err
	}
	out := make([]jobJSON, len(states))
	for i, st := range states {
		out[i] = jobJSON{Name: st.Name, Title: boot.JobTitle(r.lang, st.Name), Period: st.Period,
			LastRun: utc(st.LastRun), NextRun: utc(st.NextRun), TookMs: st.Took.Milliseconds(),
			Running: st.Running, Error: st.LastError, Message: boot.JobError(r.lang, st), Failures: st.Failures}
	}
	if r.inv.JSON {
		return r.print(out, "")
	}
	loc, err := plan.Zone(w)
	if err != nil {
		return err
	}
	never := locale.Message(r.lang, "cli.jobs_never", nil)
	tw := tabwriter.NewWriter(r.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, locale.Message(r.lang, "cli.jobs_header", nil))
	for i, st := range states {
		last, next, took, failure := never, "—", "—", "—"
		if !st.LastRun.IsZero() {
			last, took = st.LastRun.In(loc).Format(time.DateTime), tookText(st.Took)
		}
		if !st.NextRun.IsZero() {
			next = st.NextRun.In(loc).Format(time.DateTime)
		}
		if j := out[i]; j.Message != "" {
			failure = j.Message
			if j.Failures > 1 {
				failure = locale.Message(r.lang, "cli.jobs_failing", map[string]any{"message": j.Message, "failures": j.Failures})
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", out[i].Title, last, next, took, failure)
	}
	fmt.Fprintf(tw, "(%s)\n", w.TimeZone)
	return tw.Flush()
}

// utc writes t as RFC 3339 UTC, "" for the zero time.
func utc(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// tookText writes a run's length to the millisecond (to the microsecond
// below one).
func tookText(d time.Duration) string {
	if d < time.Millisecond {
		return d.Round(time.Microsecond).String()
	}
	return d.Round(time.Millisecond).String()
}
