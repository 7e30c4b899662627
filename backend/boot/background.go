package boot

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"ruche/backend/jobs"
	"ruche/backend/logs"
	"ruche/backend/scheduler"
)

// What runs while the app is open: the publishing loop and, beside it,
// the background jobs; both stop for a restore.

// JobPeriod is how often the background jobs that used to run before each
// publishing poll run: timed pauses end, the networks' copies of held
// posts are brought in step, due counters are read, the month's reports
// written. Each decides itself what is due.
const JobPeriod = 5 * time.Second

// registerJobs registers the background work beside the publisher.
func (a *App) registerJobs() {
	a.Jobs = jobs.New(a.Store, a.Now, logs.For(a.Log.Logger, "jobs"))
	a.Jobs.Register(jobs.Job{Name: "resume", Period: JobPeriod, Run: a.Crisis.AutoResume})
	a.Jobs.Register(jobs.Job{Name: "hold", Period: JobPeriod, Run: a.Hold.Sweep})
	a.Jobs.Register(jobs.Job{Name: "collect", Period: JobPeriod, MaxBackoff: 15 * time.Minute, Run: a.Collector.Collect})
	a.Jobs.Register(jobs.Job{Name: "report", Period: JobPeriod, MaxBackoff: 15 * time.Minute, Run: a.Monthly.Run})
}

// Run publishes and runs the background jobs until ctx ends (ruche run).
func (a *App) Run(ctx context.Context, notify scheduler.Notifier, cfg scheduler.Config) error {
	a.Jobs.Start()
	defer a.Jobs.Stop()
	s := a.Scheduler(notify, cfg)
	a.bg.sched.Store(s)
	defer a.bg.sched.Store(nil)
	return s.Run(ctx)
}

// background is the publishing loop the window runs (Start), which a
// restore stops and starts again.
type background struct {
	mu     sync.Mutex
	notify scheduler.Notifier
	cfg    scheduler.Config
	stop   context.CancelFunc // nil when it is not running
	done   chan struct{}
	sched  atomic.Pointer[scheduler.Scheduler] // the running loop, for Wake
}

// wakeFor wakes the running publishing loop at at, a post's time, when
// that comes before its next poll: "publish now" goes out at once, a post
// due in a few seconds on the second.
func (a *App) wakeFor(at time.Time) {
	s := a.bg.sched.Load()
	if s == nil {
		return
	}
	if wait := at.Sub(a.Now()); wait < s.Poll() {
		time.AfterFunc(max(wait, 0), s.Wake)
	}
}

// Start runs the publishing loop and its background work (Scheduler) in
// the background until Stop or Close. notify may be nil. A second Start
// does nothing.
func (a *App) Start(notify scheduler.Notifier, cfg scheduler.Config) {
	a.bg.mu.Lock()
	defer a.bg.mu.Unlock()
	if a.bg.stop != nil {
		return
	}
	a.bg.notify, a.bg.cfg = notify, cfg
	a.startLocked()
}

func (a *App) startLocked() {
	a.Jobs.Start()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	s := a.Scheduler(a.bg.notify, a.bg.cfg)
	a.bg.sched.Store(s)
	log := logs.For(a.Log.Logger, "scheduler")
	go func() {
		defer close(done)
		if err := s.Run(ctx); err != nil {
			log.Error().Err(err).Msg("scheduler stopped")
		}
	}()
	a.bg.stop, a.bg.done = cancel, done
}

// Stop ends the publishing loop started by Start once every post it took
// is written back. It can be called more than once.
func (a *App) Stop() {
	a.bg.mu.Lock()
	defer a.bg.mu.Unlock()
	a.stopLocked()
}

// stopLocked stops the loop and reports whether it ran; a.bg.mu is held.
func (a *App) stopLocked() bool {
	if a.bg.stop == nil {
		return false
	}
	a.bg.stop()
	<-a.bg.done
	a.bg.stop, a.bg.done = nil, nil
	a.bg.sched.Store(nil)
	a.Jobs.Stop()
	return true
}

// Backup writes a backup of the whole store to path and returns its size.
func (a *App) Backup(ctx context.Context, path string) (int64, error) {
	return a.Store.BackupFile(ctx, path)
}

// Restore replaces all the data with the backup at path and returns the
// safety backup of the data it replaced. The publishing loop and the GC
// stop first and start again after, so that nothing writes meanwhile; what
// the networks hold (native scheduling) is carried over, since the backup
// cannot know what was handed over after it was made (hold.Reapply).
func (a *App) Restore(ctx context.Context, path string) (string, error) {
	a.bg.mu.Lock()
	defer a.bg.mu.Unlock()
	if a.stopLocked() {
		defer a.startLocked()
	}
	if a.stopGCLoop() {
		defer a.startGC()
	}
	copies, err := a.Hold.Copies(ctx)
	if err != nil {
		return "", err
	}
	safety, err := a.Store.RestoreFile(ctx, path)
	if err != nil {
		return safety, err
	}
	if _, err := a.Workspaces.EnsureOne(ctx, FirstWorkspace(a.System)); err != nil {
		return safety, err
	}
	if err := a.Hold.Reapply(ctx, copies); err != nil {
		a.Log.Logger.Warn().Err(err).Msg("restore: a network still holds posts the backup does not have")
		return safety, err
	}
	return safety, nil
}
