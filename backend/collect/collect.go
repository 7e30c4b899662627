// Package collect reads the networks while Ruche runs, as a background
// job: each connected account's followers once a day, each published
// post's counters at its checkpoints, and every hour the account's new
// notifications and its own answers, for analytics and the reports.
package collect

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/account"
	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/post"
	"ruche/backend/workspace"
)

// Lister lists the workspaces and their accounts.
type Lister interface {
	Workspaces(ctx context.Context) ([]workspace.Workspace, error)
	Accounts(ctx context.Context, wsID string) ([]account.Account, error)
}

// Readers gives the reader of an account's network, with the account as
// the network knows it (directory.Directory does).
type Readers interface {
	Reader(ctx context.Context, accountID string) (network.Account, network.Reader, error)
}

// Store is where the collector finds the published posts and keeps
// the figures it reads.
type Store interface {
	// PostsBetween returns the posts of a workspace whose instant is in
	// [from, to).
	PostsBetween(ctx context.Context, wsID string, from, to time.Time) ([]post.Post, error)
	// LastAccountDay returns an account's latest day, a fault.NotFound
	// error when it has none.
	LastAccountDay(ctx context.Context, accountID string) (metric.AccountDay, error)
	PutAccountDays(ctx context.Context, days ...metric.AccountDay) error
	PostMetricsBetween(ctx context.Context, wsID string, from, to time.Time) ([]metric.PostMetrics, error)
	PutPostMetrics(ctx context.Context, ms ...metric.PostMetrics) error
	// CommunityCursor returns where reading an account's notifications and
	// answers goes on from (the zero cursor the first time); PutCommunity
	// saves what was read, then the cursor.
	CommunityCursor(ctx context.Context, accountID string) (metric.CommunityCursor, error)
	PutCommunity(ctx context.Context, accountID string, cur metric.CommunityCursor, acts []metric.Activity, answers []metric.Answer) error
}

// Config tunes the collector; the zero value of each field takes
// its default.
type Config struct {
	// MaxIdle is the longest time between two looks at the store: a post
	// published just after one is due an hour later at the earliest. 1 h.
	MaxIdle time.Duration
	// Retry is how long an account whose network failed is left alone
	// before the next try, doubled after each failure up to MaxRetry.
	// 15 min and 6 h.
	Retry    time.Duration
	MaxRetry time.Duration
	// Batch is how many posts one PostStats call asks for. 100.
	Batch int
	// Timeout bounds one network call. 60 s.
	Timeout time.Duration
	// Lookback is how long after its instant a post may have been
	// published (retries, a missed post sent later) and still be found.
	// 7 days.
	Lookback time.Duration
	// Community is how often an account's notifications and answers are
	// read (who liked, replied, mentioned; how soon the brand answered).
	// 1 h.
	Community time.Duration
	// FirstAnswers is how far back the answers are read the first time. 30
	// days.
	FirstAnswers time.Duration
	// AnswersOverlap is how far before the last answer read the next read
	// starts: a network may show an answer some time after a newer one
	// (its index lags), and one read again is only saved again. 1 h.
	AnswersOverlap time.Duration
}

func (c Config) withDefaults() Config {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.MaxIdle, time.Hour)
	def(&c.Retry, 15*time.Minute)
	def(&c.MaxRetry, 6*time.Hour)
	def(&c.Timeout, 60*time.Second)
	def(&c.Lookback, 7*24*time.Hour)
	def(&c.Community, time.Hour)
	def(&c.FirstAnswers, 30*24*time.Hour)
	def(&c.AnswersOverlap, time.Hour)
	if c.Batch <= 0 {
		c.Batch = 100
	}
	return c
}

// Collector reads the figures of the connected accounts: once a day each
// account's counters, each publication's counters at its checkpoints
// (1 h, 24 h, 7 d and 30 d after it went out), asking each account's
// network for all its due posts at once, and every hour its community:
// the new notifications (who liked, reposted, replied, mentioned) and the
// answers the account wrote. Demo and disconnected accounts,
// and the demo workspace, are left alone; an account whose network fails
// is tried again later without holding back the others.
//
// Collect is cheap to call at every poll of the scheduler's loop: the
// collector remembers when something can next be due and reads nothing
// before then.
type Collector struct {
	lister  Lister
	readers Readers
	store   Store
	now     func() time.Time
	log     zerolog.Logger
	cfg     Config

	run sync.Mutex // one Collect at a time

	mu    sync.Mutex // guards what follows
	next  time.Time  // no look at the store before
	woken bool       // Wake was called during a Collect
	days  map[string]calendar.Day
	comm  map[string]time.Time // when each account's community was last read
	fails map[string]failure
}

// failure is an account whose network failed.
type failure struct {
	until time.Time
	delay time.Duration
}

// New returns a collector; now is the clock.
func New(lister Lister, readers Readers, store Store, now func() time.Time, log zerolog.Logger, cfg Config) *Collector {
	return &Collector{lister: lister, readers: readers, store: store, now: now, log: log.With().Str("component", "analytics").Logger(),
		cfg: cfg.withDefaults(), days: map[string]calendar.Day{}, comm: map[string]time.Time{}, fails: map[string]failure{}}
}

// Next returns when Collect next looks at the store; zero means at once.
func (c *Collector) Next() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.next
}

// Wake makes the next Collect look at the store whatever its time: after
// an account is connected or reconnected.
func (c *Collector) Wake() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next, c.woken = time.Time{}, true
	clear(c.fails)
}

// Collect reads what is due. It returns the store's failures; a network's
// are logged, and that account is tried again later.
func (c *Collector) Collect(ctx context.Context) error {
	now := c.now().UTC()
	c.mu.Lock()
	if now.Before(c.next) {
		c.mu.Unlock()
		return nil
	}
	c.woken = false
	c.mu.Unlock()

	c.run.Lock()
	defer c.run.Unlock()
	next, err := c.collect(ctx, now)
	c.mu.Lock()
	if !c.woken {
		c.next = next
	}
	c.mu.Unlock()
	return err
}

// due is a publication whose checkpoint has come.
type due struct {
	m  *metric.PostMetrics
	at metric.Checkpoint
}

// collect does one pass and returns when the next can be useful.
func (c *Collector) collect(ctx context.Context, now time.Time) (time.Time, error) {
	next := now.Add(c.cfg.MaxIdle)
	soon := func(t time.Time) {
		if t.Before(next) {
			next = t
		}
	}
	wss, err := c.lister.Workspaces(ctx)
	if err != nil {
		return now.Add(c.cfg.Retry), fmt.Errorf("collect: workspaces: %w", err)
	}
	var errs []error
	today := calendar.DayOf(now, time.UTC)
	for _, ws := range wss {
		if ws.Demo {
			continue
		}
		if err := c.collectWorkspace(ctx, ws, now, today, soon); err != nil {
			if ctx.Err() != nil {
				return next, ctx.Err()
			}
			errs = append(errs, fmt.Errorf("collect %s: %w", ws.ID, err))
		}
	}
	return next, errors.Join(errs...)
}

// pass is one pass over a workspace: the clock, and what to wake for.
type pass struct {
	now   time.Time
	today calendar.Day
	soon  func(time.Time)
}

// collectWorkspace reads, for each connected account of ws, what has come
// due: its day, its publications' checkpoints, its community.
func (c *Collector) collectWorkspace(ctx context.Context, ws workspace.Workspace, now time.Time, today calendar.Day, soon func(time.Time)) error {
	accs, err := c.lister.Accounts(ctx, ws.ID)
	if err != nil {
		return fmt.Errorf("accounts: %w", err)
	}
	connected := map[string]account.Account{}
	for _, a := range accs {
		if a.Status == account.Connected {
			connected[a.ID] = a
		}
	}
	if len(connected) == 0 {
		return nil
	}
	ps := pass{now: now, today: today, soon: soon}
	soon(time.Date(today.Year, today.Month, today.Day+1, 0, 0, 0, 0, time.UTC)) // tomorrow's account days
	needDay, err := c.daysDue(ctx, connected, ps)
	if err != nil {
		return err
	}
	dues, err := c.checkpointsDue(ctx, ws, connected, ps)
	if err != nil {
		return err
	}
	needComm, err := c.communitiesDue(ctx, connected, ps)
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(connected))
	for id := range connected {
		if needDay[id] || needComm[id] || len(dues[id]) > 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	var errs []error
	for _, id := range ids {
		if err := c.collectAccount(ctx, connected[id], needDay[id], needComm[id], dues[id], now, today, soon); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// daysDue returns the connected accounts whose day is missing today.
func (c *Collector) daysDue(ctx context.Context, connected map[string]account.Account, ps pass) (map[string]bool, error) {
	need := map[string]bool{}
	for id := range connected {
		if c.failing(id, ps.now, ps.soon) {
			continue
		}
		c.mu.Lock()
		done := c.days[id] == ps.today
		c.mu.Unlock()
		if done {
			continue
		}
		last, err := c.store.LastAccountDay(ctx, id)
		switch {
		case err == nil && last.Day == ps.today:
			c.setDay(id, ps.today)
		case err == nil, fault.KindOf(err) == fault.NotFound:
			need[id] = true
		default:
			return nil, fmt.Errorf("last day of %s: %w", id, err)
		}
	}
	return need, nil
}

// checkpointsDue returns, by account, the publications of ws whose
// checkpoint has come.
func (c *Collector) checkpointsDue(ctx context.Context, ws workspace.Workspace, connected map[string]account.Account, ps pass) (map[string][]due, error) {
	from, to := ps.now.Add(-metric.After30d.Delay()-c.cfg.Lookback), ps.now.Add(time.Nanosecond)
	posts, err := c.store.PostsBetween(ctx, ws.ID, from, to)
	if err != nil {
		return nil, fmt.Errorf("posts: %w", err)
	}
	known, err := c.store.PostMetricsBetween(ctx, ws.ID, from, to)
	if err != nil {
		return nil, fmt.Errorf("post metrics: %w", err)
	}
	byKey := make(map[[2]string]*metric.PostMetrics, len(known))
	for i := range known {
		byKey[[2]string{known[i].PostID, known[i].AccountID}] = &known[i]
	}
	dues := map[string][]due{}
	for _, p := range posts {
		for _, d := range p.Deliveries {
			if _, ok := connected[d.AccountID]; !ok || d.State != post.DeliveryPublished || d.RemoteID == "" {
				continue
			}
			m := byKey[[2]string{p.ID, d.AccountID}]
			if m == nil {
				fresh := metric.PostOf(p, d)
				m = &fresh
			}
			m.Describe(p, d)
			if at, ok := m.Due(ps.now); ok {
				if !c.failing(d.AccountID, ps.now, ps.soon) {
					dues[d.AccountID] = append(dues[d.AccountID], due{m, at})
				}
			} else if t, ok := m.NextDue(ps.now); ok {
				ps.soon(t)
			}
		}
	}
	return dues, nil
}

// communitiesDue returns the connected accounts whose community is due.
func (c *Collector) communitiesDue(ctx context.Context, connected map[string]account.Account, ps pass) (map[string]bool, error) {
	need := map[string]bool{}
	for id := range connected {
		if c.failing(id, ps.now, ps.soon) {
			continue
		}
		c.mu.Lock()
		last, known := c.comm[id]
		c.mu.Unlock()
		if !known {
			cur, err := c.store.CommunityCursor(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("community cursor of %s: %w", id, err)
			}
			last = cur.ReadAt
			c.setComm(id, last)
		}
		if at := last.Add(c.cfg.Community); ps.now.Before(at) {
			ps.soon(at)
		} else {
			need[id] = true
		}
	}
	return need, nil
}

// collectAccount reads one account's day, community and due publications.
func (c *Collector) collectAccount(ctx context.Context, a account.Account, needDay, needComm bool, dues []due, now time.Time, today calendar.Day, soon func(time.Time)) error {
	log := c.log.With().Str("account", a.ID).Str("network", a.Network).Logger()
	na, reader, err := c.readers.Reader(ctx, a.ID)
	if err != nil {
		c.fail(a.ID, now, soon)
		log.Warn().Err(err).Msg("no reader for the account; trying again later")
		return nil
	}
	failed := false
	if needDay {
		cctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
		st, err := reader.AccountStats(cctx, na)
		cancel()
		if err != nil {
			failed = true
			log.Warn().Err(err).Msg("reading the account's counters failed; trying again later")
		} else {
			at := st.At.UTC()
			if at.IsZero() {
				at = now
			}
			day := metric.AccountDay{AccountID: a.ID, Day: today, Followers: st.Followers, Following: st.Following, Posts: st.Posts, RefreshedAt: at}
			if err := c.store.PutAccountDays(ctx, day); err != nil {
				return fmt.Errorf("account day of %s: %w", a.ID, err)
			}
			c.setDay(a.ID, today)
		}
	}
	if needComm {
		read, err := c.collectCommunity(ctx, a, na, reader, now)
		switch {
		case err != nil && !read:
			return err
		case err != nil:
			failed = true
			log.Warn().Err(err).Msg("reading the account's notifications failed; trying again later")
		default:
			c.setComm(a.ID, now)
			soon(now.Add(c.cfg.Community))
		}
	}
	for chunk := range slices.Chunk(dues, c.cfg.Batch) {
		ids := make([]string, len(chunk))
		for i, d := range chunk {
			ids[i] = d.m.RemoteID
		}
		cctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
		stats, err := reader.PostStats(cctx, na, ids)
		cancel()
		if err != nil {
			failed = true
			log.Warn().Err(err).Int("posts", len(ids)).Msg("reading the posts' counters failed; trying again later")
			break
		}
		got := make(map[string]network.PostStats, len(stats))
		for _, s := range stats {
			got[s.ID] = s
		}
		ms := make([]metric.PostMetrics, len(chunk))
		for i, d := range chunk {
			if s, ok := got[d.m.RemoteID]; ok {
				at := s.At.UTC()
				if at.IsZero() {
					at = now
				}
				d.m.Record(metric.Reading{Checkpoint: d.at, ReadAt: at, Counters: metric.Counters{Likes: s.Likes,
					Reposts: s.Reposts, Replies: s.Replies, Quotes: s.Quotes, Impressions: s.Impressions}})
			} else {
				d.m.GoneAt = now // the network left it out: deleted there
			}
			if t, ok := d.m.NextDue(now); ok {
				soon(t)
			}
			ms[i] = *d.m
		}
		if err := c.store.PutPostMetrics(ctx, ms...); err != nil {
			return fmt.Errorf("post metrics of %s: %w", a.ID, err)
		}
	}
	if failed {
		c.fail(a.ID, now, soon)
	} else {
		c.mu.Lock()
		delete(c.fails, a.ID)
		c.mu.Unlock()
	}
	return nil
}

func (c *Collector) setComm(id string, at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.comm[id] = at
}

func (c *Collector) setDay(id string, d calendar.Day) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.days[id] = d
}

// failing reports whether account id is being left alone after a failure,
// and makes sure the next pass comes when it is tried again.
func (c *Collector) failing(id string, now time.Time, soon func(time.Time)) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.fails[id]
	if ok && now.Before(f.until) {
		soon(f.until)
		return true
	}
	return false
}

// fail leaves account id alone for a while, longer after each failure.
func (c *Collector) fail(id string, now time.Time, soon func(time.Time)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f := c.fails[id]
	f.delay = min(max(2*f.delay, c.cfg.Retry), c.cfg.MaxRetry)
	f.until = now.Add(f.delay)
	c.fails[id] = f
	soon(f.until)
}
