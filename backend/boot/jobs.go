package boot

import (
	"context"

	"ruche/backend/jobs"
	"ruche/backend/locale"
)

// JobStates returns the background jobs' states, in registration order,
// for Settings → Background jobs and `ruche jobs`. A job this process runs
// (the window, ruche run) shows its live state; any other, what the store
// kept from the process that last ran it (a command never runs them). Every
// registered job is listed: one that never ran has a zero LastRun.
func (a *App) JobStates(ctx context.Context) ([]jobs.State, error) {
	kept, err := a.Store.JobStates(ctx)
	if err != nil {
		return nil, err
	}
	return mergeJobs(a.Jobs.States(), kept), nil
}

// mergeJobs lays the kept states over the registered jobs that did not run
// in this process: neither running nor given a next run. Kept states of jobs
// no longer registered are left out; the name and period are the
// registered job's.
func mergeJobs(registered, kept []jobs.State) []jobs.State {
	byName := make(map[string]jobs.State, len(kept))
	for _, k := range kept {
		byName[k.Name] = k
	}
	out := make([]jobs.State, len(registered))
	for i, st := range registered {
		if k, ok := byName[st.Name]; ok && !st.Running && st.NextRun.IsZero() {
			// Only one process holds the data folder: the one that kept
			// this state is not running it now.
			k.Name, k.Period, k.Running = st.Name, st.Period, false
			st = k
		}
		out[i] = st
	}
	return out
}

// JobTitle names job name in lang; a job without a title is named by its
// name.
func JobTitle(lang locale.Lang, name string) string {
	if code := "job." + name; locale.Has(code) {
		return locale.Message(lang, code, nil)
	}
	return name
}

// JobError is the message of st's last error in lang, "" when its last run
// succeeded.
func JobError(lang locale.Lang, st jobs.State) string {
	if st.LastError == "" {
		return ""
	}
	args := make(map[string]any, len(st.ErrorArgs))
	for k, v := range st.ErrorArgs {
		args[k] = v
	}
	return locale.Message(lang, st.LastError, args)
}
