// Package scheduler publishes posts on time, exactly once, even across
// crashes, sleeps and flaky networks.
//
// Due times live in the store (its due index), never only in memory. A loop
// polls the store by wall clock — at start, every few seconds, and at once
// after the machine wakes up (Go's timers stop while a laptop sleeps) — and
// hands due posts to a bounded pool of workers, with a concurrency limit per
// network. A post is written "publishing" before any network call; every
// attempt sends the same idempotency key; and a post found "publishing" at
// start (a crash) is reconciled with each network ("did this key publish
// already?") before anything is sent again. Temporary failures are retried
// with exponential backoff and jitter, honouring Retry-After; permanent ones
// fail the post with a translated reason. A post whose time passed by more
// than a grace period before the scheduler could take it (Ruche was closed)
// becomes missed: the user decides.
package scheduler

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/network"
	"ruche/backend/post"
)

// Store is where posts and their due times are kept.
type Store interface {
	// Due returns the identifiers of at most limit scheduled posts due at
	// or before at, earliest first.
	Due(ctx context.Context, at time.Time, limit int) ([]string, error)
	// Publishing returns every post left with status publishing.
	Publishing(ctx context.Context) ([]post.Post, error)
	// UpdatePost reads, changes and writes a post in one transaction.
	UpdatePost(ctx context.Context, id string, change func(*post.Post) error) (post.Post, error)
	// UpdatePosts changes several posts in one transaction, saving those
	// for which change returns true.
	UpdatePosts(ctx context.Context, ids []string, change func(*post.Post) (bool, error)) ([]post.Post, error)
}

// Targets gives, for an account of a post, the account with its token and
// the client of its network.
type Targets interface {
	Target(ctx context.Context, accountID string) (network.Account, network.Publisher, error)
}

// Notifier is told of every post the scheduler changes (published, failed,
// retried, missed, paused), for the window to refresh and to tell the user of
// a failure.
type Notifier interface {
	PostChanged(p post.Post)
}

// Config tunes the scheduler. The zero value of each field takes its default.
type Config struct {
	Poll        time.Duration  // how often the store is polled; 5 s
	Grace       time.Duration  // how late a post may still go out; 15 min
	Workers     int            // posts published at once, all networks; 8
	PerNetwork  map[string]int // posts published at once on one network; default 4
	Batch       int            // due posts claimed per poll; 256
	Timeout     time.Duration  // one network call; 60 s
	MaxAttempts int            // temporary failures before a post fails; 8
	Backoff     time.Duration  // first retry delay; 30 s, doubled each time
	MaxBackoff  time.Duration  // longest retry delay; 1 h

	// Gate, when set, holds back the posts of a paused workspace (the
	// crisis switch): a due post of a paused workspace is paused, not sent.
	Gate interface {
		Paused(ctx context.Context, workspaceID string) bool
	}
}

func (c Config) withDefaults() Config {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.Poll, 5*time.Second)
	def(&c.Grace, 15*time.Minute)
	def(&c.Timeout, 60*time.Second)
	def(&c.Backoff, 30*time.Second)
	def(&c.MaxBackoff, time.Hour)
	if c.Workers <= 0 {
		c.Workers = 8
	}
	if c.Batch <= 0 {
		c.Batch = 256
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = 8
	}
	return c
}

// Scheduler is the publishing loop.
type Scheduler struct {
	store   Store
	targets Targets
	notify  Notifier
	now     func() time.Time
	log     zerolog.Logger
	cfg     Config
	jitter  func() float64 // in [0, 1)

	mu    sync.Mutex
	lanes map[string]chan struct{} // per-network concurrency
	wake  chan struct{}

	outcomes chan<- outcome // to writeOutcomes, while Run runs
}

// New returns a scheduler. now is the wall clock; notify may be nil.
func New(store Store, targets Targets, notify Notifier, now func() time.Time, log zerolog.Logger, cfg Config) *Scheduler {
	return &Scheduler{store: store, targets: targets, notify: notify, now: now, log: log,
		cfg: cfg.withDefaults(), jitter: rand.Float64, lanes: map[string]chan struct{}{}, wake: make(chan struct{}, 1)}
}

// Poll is how often the store is polled.
func (s *Scheduler) Poll() time.Duration { return s.cfg.Poll }

// Wake asks for a poll now: after a post was scheduled for right away
// (boot wakes it for plan's posts due before the next poll).
func (s *Scheduler) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run reconciles what a crash left behind, then polls until ctx ends. It
// returns when every post it took is written back (published, failed or
// scheduled again).
func (s *Scheduler) Run(ctx context.Context) error {
	// A small queue lets the next batch be claimed while the workers send.
	jobs := make(chan job, s.cfg.Workers)
	outcomes := make(chan outcome)
	written := make(chan struct{})
	s.outcomes = outcomes
	go func() { s.writeOutcomes(outcomes); close(written) }()
	var wg sync.WaitGroup
	for range s.cfg.Workers {
		wg.Go(func() {
			for j := range jobs {
				s.deliver(ctx, j)
			}
		})
	}
	defer func() {
		close(jobs)
		wg.Wait()
		close(outcomes)
		<-written
	}()

	if err := s.reconcile(ctx, jobs); err != nil {
		return err
	}
	ticker := time.NewTicker(s.cfg.Poll)
	defer ticker.Stop()
	last := time.Now() // monotonic: compared with the wall clock to see a sleep
	lastWall := s.now()
	for {
		if err := s.poll(ctx, jobs); err != nil && ctx.Err() == nil {
			s.log.Error().Err(err).Msg("poll failed")
		}
		select {
		case <-ctx.Done():
			return nil
		case <-s.wake:
		case <-ticker.C:
		}
		// A laptop that slept: the wall clock moved much more than the
		// monotonic one. The poll below catches up at once; say so.
		mono, wall := time.Since(last), s.now().Sub(lastWall)
		if wall-mono > 2*s.cfg.Poll {
			s.log.Info().Dur("slept", wall-mono).Msg("woke up: catching up")
		}
		last, lastWall = time.Now(), s.now()
	}
}

// claimChunk is how many due posts one transaction claims.
const claimChunk = 64

// poll claims the due posts, batch after batch, and hands them to the workers.
func (s *Scheduler) poll(ctx context.Context, jobs chan<- job) error {
	for {
		now := s.now()
		due, err := s.store.Due(ctx, now, s.cfg.Batch)
		if err != nil {
			return fmt.Errorf("due posts: %w", err)
		}
		claimed := 0
		for chunk := range slices.Chunk(due, claimChunk) {
			taken, err := s.claim(ctx, chunk, now)
			if err != nil {
				return fmt.Errorf("claim: %w", err)
			}
			claimed += len(taken)
			for _, j := range taken {
				select {
				case jobs <- j:
				case <-ctx.Done():
					return nil // claimed but not sent: reconciled at the next start
				}
			}
		}
		if len(due) < s.cfg.Batch || claimed == 0 {
			return nil
		}
	}
}

// claim moves due posts to publishing in one transaction, or to missed when
// their time passed beyond the grace period (Ruche was closed or asleep), or
// to paused when their workspace is paused. It returns the posts now the
// caller's to publish. A late post an earlier attempt may have published
// (its answer was lost) is taken too, to ask the networks only (a late
// job): what went out is published, the rest missed.
func (s *Scheduler) claim(ctx context.Context, ids []string, now time.Time) ([]job, error) {
	paused := map[string]bool{} // by workspace, asked once per claim
	isPaused := func(ws string) bool {
		if s.cfg.Gate == nil {
			return false
		}
		p, seen := paused[ws]
		if !seen {
			p = s.cfg.Gate.Paused(ctx, ws)
			paused[ws] = p
		}
		return p
	}
	late := map[string]bool{}
	saved, err := s.store.UpdatePosts(ctx, ids, func(p *post.Post) (bool, error) {
		at, due := p.DueAt()
		switch {
		case !due || at.After(now):
			return false, nil
		case isPaused(p.WorkspaceID):
			return true, p.SetStatus(post.Paused, now)
		// Late by more than the grace period, first try or retry alike:
		// publishing now could be out of place (an offer that ended, a
		// greeting for the wrong day). The user decides. Unless a network
		// held it: that one went out on time; collect it.
		case now.Sub(at) > s.cfg.Grace && len(p.HeldBy()) == 0:
			if !mayBeOut(*p) {
				return true, p.SetStatus(post.Missed, now)
			}
			late[p.ID] = true
		}
		return true, p.SetStatus(post.Publishing, now)
	})
	if err != nil {
		return nil, err
	}
	var taken []job
	for _, p := range saved {
		if p.Status != post.Publishing && s.notify != nil {
			s.notify.PostChanged(p)
		}
		switch p.Status {
		case post.Publishing:
			taken = append(taken, job{post: p, late: late[p.ID]})
		case post.Missed:
			s.log.Warn().Str("post", p.ID).Time("scheduled", p.ScheduledAt).Msg("missed: its time passed while Ruche was not running")
		case post.Paused:
			s.log.Info().Str("post", p.ID).Msg("held back: its workspace is paused")
		}
	}
	return taken, nil
}

// mayBeOut reports whether an earlier attempt of a target still pending
// may have published it: its answer never came (a timeout, a cut).
func mayBeOut(p post.Post) bool {
	for _, d := range p.Deliveries {
		if n := len(d.Attempts); d.State == post.DeliveryPending && n > 0 && d.Attempts[n-1].Outcome == post.OutcomeUnknown {
			return true
		}
	}
	return false
}

// lane returns the semaphore of network.
func (s *Scheduler) lane(net string) chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.lanes[net]
	if !ok {
		n := s.cfg.PerNetwork[net]
		if n <= 0 {
			n = 4
		}
		l = make(chan struct{}, n)
		s.lanes[net] = l
	}
	return l
}
