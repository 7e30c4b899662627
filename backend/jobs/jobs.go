// Package jobs runs Ruche's background work beside the publisher, never
// inside its poll: reading the networks' figures, keeping the networks'
// copies of held posts in step, ending timed pauses, writing the monthly
// reports — and, to come, the inbox's and listening's ingest. A slow or
// failing job must not delay a due post.
//
// Each registered job has a name, a period, its own goroutine and context,
// and an exponential backoff when it fails. Its state — last run, next run,
// last error, failures in a row — is kept in the store, so that Settings →
// Background jobs and `ruche jobs` show it, in this process or after it.
package jobs

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/fault"
)

// Job is one piece of background work.
type Job struct {
	Name   string        // stable, e.g. "collect"; the key of its state and its title
	Period time.Duration // how often it runs when it succeeds
	// MaxBackoff bounds the wait after failures (doubling from Period);
	// 0 means ten periods, at most an hour.
	MaxBackoff time.Duration
	Run        func(ctx context.Context) error
}

// State is what is known of a job.
type State struct {
	Name    string    `json:"name"`
	Period  string    `json:"period"` // Go duration, e.g. "1m0s"
	LastRun time.Time `json:"lastRun"`
	NextRun time.Time `json:"nextRun"`
	// Took is how long the last run lasted.
	Took time.Duration `json:"took"`
	// LastError is the code of the last run's error ("" when it
	// succeeded), with its values, for its translated message.
	LastError string            `json:"lastError,omitempty"`
	ErrorArgs map[string]string `json:"errorArgs,omitempty"`
	Failures  int               `json:"failures"` // in a row
	Running   bool              `json:"running"`
}

// Store keeps the jobs' states.
type Store interface {
	JobStates(ctx context.Context) ([]State, error)
	PutJobState(ctx context.Context, s State) error
}

// Runner runs the registered jobs.
type Runner struct {
	store Store
	now   func() time.Time
	log   zerolog.Logger

	mu      sync.Mutex
	jobs    []Job
	states  map[string]*State
	stop    context.CancelFunc // nil when not running
	stopped chan struct{}
}

// New returns a runner keeping its states in store; now is the wall clock.
func New(store Store, now func() time.Time, log zerolog.Logger) *Runner {
	return &Runner{store: store, now: now, log: log, states: map[string]*State{}}
}

// Register adds a job; it runs from the next Start. Registering a name
// twice panics: that is a programming error.
func (r *Runner) Register(j Job) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if j.Name == "" || j.Period <= 0 || j.Run == nil {
		panic("jobs: a job needs a name, a period and a function")
	}
	if slices.ContainsFunc(r.jobs, func(o Job) bool { return o.Name == j.Name }) {
		panic("jobs: " + j.Name + " registered twice")
	}
	if j.MaxBackoff <= 0 {
		j.MaxBackoff = min(10*j.Period, time.Hour)
	}
	r.jobs = append(r.jobs, j)
	r.states[j.Name] = &State{Name: j.Name, Period: j.Period.String()}
}

// Start runs every job in its own goroutine until Stop: each at once, then
// every period by the wall clock (a machine that slept runs it when it
// wakes). States the store kept from an earlier run are read first.
func (r *Runner) Start() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stop != nil {
		return
	}
	if kept, err := r.store.JobStates(context.Background()); err == nil {
		for _, k := range kept {
			if st, ok := r.states[k.Name]; ok {
				st.LastRun, st.Took, st.LastError, st.ErrorArgs, st.Failures = k.LastRun, k.Took, k.LastError, k.ErrorArgs, k.Failures
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.stop, r.stopped = cancel, make(chan struct{})
	var wg sync.WaitGroup
	for _, j := range r.jobs {
		wg.Go(func() { r.loop(ctx, j) })
	}
	stopped := r.stopped
	go func() { wg.Wait(); close(stopped) }()
}

// Stop ends every job's context and waits for them to return.
func (r *Runner) Stop() {
	r.mu.Lock()
	stop, stopped := r.stop, r.stopped
	r.stop, r.stopped = nil, nil
	r.mu.Unlock()
	if stop != nil {
		stop()
		<-stopped
	}
}

// States returns the jobs' states, in registration order.
func (r *Runner) States() []State {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]State, 0, len(r.jobs))
	for _, j := range r.jobs {
		st := *r.states[j.Name]
		st.ErrorArgs = copyArgs(st.ErrorArgs)
		out = append(out, st)
	}
	return out
}

// tick is how often a waiting job looks at the wall clock: a laptop that
// slept past a job's next run runs it within a tick of waking.
const tick = 5 * time.Second

func (r *Runner) loop(ctx context.Context, j Job) {
	next := r.now() // at once
	for {
		if wait := next.Sub(r.now()); wait > 0 {
			t := time.NewTimer(min(wait, tick))
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
			continue
		}
		next = r.run(ctx, j)
		if ctx.Err() != nil {
			return
		}
	}
}

// run runs j once and returns when it should run next.
func (r *Runner) run(ctx context.Context, j Job) time.Time {
	start := r.now()
	r.update(j.Name, func(st *State) { st.Running = true })
	err := safely(ctx, j.Run)
	if ctx.Err() != nil && err != nil {
		r.update(j.Name, func(st *State) { st.Running = false })
		return time.Time{} // stopping: not a failure
	}
	end := r.now()
	var next time.Time
	r.update(j.Name, func(st *State) {
		st.Running, st.LastRun, st.Took = false, start, end.Sub(start)
		if err == nil {
			st.LastError, st.ErrorArgs, st.Failures = "", nil, 0
			next = end.Add(j.Period)
		} else {
			f := fault.As(err)
			st.LastError, st.ErrorArgs, st.Failures = f.Code, stringArgs(f.Args), st.Failures+1
			next = end.Add(backoff(j, st.Failures))
		}
		st.NextRun = next
	})
	if err != nil {
		r.log.Warn().Err(err).Str("job", j.Name).Time("next", next).Msg("background job failed")
	}
	if perr := r.store.PutJobState(context.WithoutCancel(ctx), r.state(j.Name)); perr != nil && ctx.Err() == nil {
		r.log.Warn().Err(perr).Str("job", j.Name).Msg("could not keep the job's state")
	}
	return next
}

// backoff is the wait after the n-th failure in a row: the period doubled
// n-1 times, at most MaxBackoff.
func backoff(j Job, n int) time.Duration {
	wait := j.Period
	for i := 1; i < n && wait < j.MaxBackoff; i++ {
		wait *= 2
	}
	return min(wait, j.MaxBackoff)
}

// safely runs fn, turning a panic into an error: one job's bug must not
// take the publisher down with it.
func safely(ctx context.Context, fn func(context.Context) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("jobs: panic: %v", p)
		}
	}()
	return fn(ctx)
}

func (r *Runner) update(name string, fn func(*State)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fn(r.states[name])
}

func (r *Runner) state(name string) State {
	r.mu.Lock()
	defer r.mu.Unlock()
	st := *r.states[name]
	st.ErrorArgs = copyArgs(st.ErrorArgs)
	return st
}

func stringArgs(args map[string]any) map[string]string {
	if len(args) == 0 {
		return nil
	}
	out := make(map[string]string, len(args))
	for k, v := range args {
		out[k] = fmt.Sprint(v)
	}
	return out
}

func copyArgs(m map[string]string) map[string]string { return maps.Clone(m) }
