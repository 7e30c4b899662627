package scheduler

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/jobs"
	"ruche/backend/post"
)

// jobStates keeps the jobs' states in memory.
type jobStates struct {
	mu sync.Mutex
	m  map[string]jobs.State
}

func (j *jobStates) JobStates(context.Context) ([]jobs.State, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []jobs.State
	for _, s := range j.m {
		out = append(out, s)
	}
	return out, nil
}

func (j *jobStates) PutJobState(_ context.Context, s jobs.State) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.m == nil {
		j.m = map[string]jobs.State{}
	}
	j.m[s.Name] = s
	return nil
}

// TestJobsNeverDelayThePublisher: beside the publishing loop, a job that
// blocks for a minute at every run and a job that always fails; the due
// posts go out on time, within a poll, and the failing job backs off.
func TestJobsNeverDelayThePublisher(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	bubble(t, start, func(t *testing.T, now func() time.Time) {
		store, net := newMemStore(scheduled("a", start.Add(10*time.Second)), scheduled("b", start.Add(2*time.Minute))), newFakeNet(now)
		states := &jobStates{}
		runner := jobs.New(states, now, zerolog.Nop())
		var mu sync.Mutex
		slow, failing := 0, 0
		runner.Register(jobs.Job{Name: "slow", Period: 5 * time.Second, Run: func(ctx context.Context) error {
			mu.Lock()
			slow++
			mu.Unlock()
			select {
			case <-time.After(60 * time.Second):
			case <-ctx.Done():
			}
			return nil
		}})
		runner.Register(jobs.Job{Name: "failing", Period: 5 * time.Second, MaxBackoff: time.Minute, Run: func(context.Context) error {
			mu.Lock()
			failing++
			mu.Unlock()
			return errors.New("the network is down")
		}})
		runner.Start()
		runFor(t, New(store, targets{net}, nil, now, zerolog.Nop(), Config{Poll: poll}), 5*time.Minute)
		runner.Stop()
		for id, at := range map[string]time.Time{"a": start.Add(10 * time.Second), "b": start.Add(2 * time.Minute)} {
			got := net.times(key(id))
			if len(got) != 1 || got[0].Sub(at) > poll || store.get(id).Status != post.Published {
				t.Errorf("post %s published at %v (status %s), want once within a poll of %v", id, got, store.get(id).Status, at)
			}
		}
		mu.Lock()
		defer mu.Unlock()
		// 5 min of a job that takes 60 s: 5 runs, one after the other.
		if slow < 4 || slow > 6 {
			t.Errorf("the slow job ran %d times in 5 min, want 5 (each run 60 s)", slow)
		}
		// Failing every time: 5, 10, 20, 40, 60, 60, 60… s between runs.
		if failing < 6 || failing > 9 {
			t.Errorf("the failing job ran %d times in 5 min, want about 7 (backing off to a minute)", failing)
		}
		st := map[string]jobs.State{}
		for _, s := range runner.States() {
			st[s.Name] = s
		}
		if f := st["failing"]; f.LastError == "" || f.Failures != failing || !f.NextRun.After(f.LastRun) {
			t.Errorf("failing job's state = %+v, want its error, %d failures, a next run", f, failing)
		}
		if kept, _ := states.JobStates(context.Background()); len(kept) != 2 {
			t.Errorf("%d job states kept, want 2", len(kept))
		}
	})
}
