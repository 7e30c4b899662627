package api

import (
	"context"

	"ruche/backend/boot"
)

// JobView is a background job as Settings → Background jobs shows it.
type JobView struct {
	Name    string `json:"name"`
	Title   string `json:"title"`   // in the UI language
	Period  string `json:"period"`  // Go duration, e.g. "5s"
	LastRun string `json:"lastRun"` // RFC 3339 UTC; "": never ran
	NextRun string `json:"nextRun"` // RFC 3339 UTC; "": not known
	TookMs  int64  `json:"tookMs"`  // how long the last run lasted
	Running bool   `json:"running"`
	// LastError is the code of the last run's error, "" when it
	// succeeded; ErrorMessage its message in the UI language.
	LastError    string `json:"lastError"`
	ErrorMessage string `json:"errorMessage"`
	Failures     int    `json:"failures"` // in a row
}

// Jobs lists the background jobs, in the order they are registered: live
// while the window runs them, else as the store kept them.
func (s *Settings) Jobs() ([]JobView, error) {
	app, err := s.ready()
	if err != nil {
		return nil, err
	}
	states, err := app.JobStates(context.Background())
	if err != nil {
		return nil, err
	}
	lang := s.lang()
	out := make([]JobView, len(states))
	for i, st := range states {
		out[i] = JobView{Name: st.Name, Title: boot.JobTitle(lang, st.Name), Period: st.Period,
			LastRun: rfc3339(st.LastRun), NextRun: rfc3339(st.NextRun), TookMs: st.Took.Milliseconds(), Running: st.Running,
			LastError: st.LastError, ErrorMessage: boot.JobError(lang, st), Failures: st.Failures}
	}
	return out, nil
}
