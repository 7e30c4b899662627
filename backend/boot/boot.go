// Package boot opens a data folder and builds the services that work on it.
// The window (app.go) and the command line both start here, so that both see
// the same data the same way.
package boot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/account"
	"ruche/backend/analytics"
	"ruche/backend/collect"
	"ruche/backend/connect"
	"ruche/backend/credentials"
	"ruche/backend/crisis"
	"ruche/backend/demo"
	"ruche/backend/fault"
	"ruche/backend/hold"
	"ruche/backend/ident"
	"ruche/backend/jobs"
	"ruche/backend/locale"
	"ruche/backend/logs"
	"ruche/backend/network"
	"ruche/backend/network/bluesky"
	"ruche/backend/network/directory"
	"ruche/backend/network/mastodon"
	"ruche/backend/oauth"
	"ruche/backend/plan"
	"ruche/backend/post"
	"ruche/backend/proof"
	"ruche/backend/report"
	"ruche/backend/scheduler"
	"ruche/backend/secrets"
	"ruche/backend/settings"
	"ruche/backend/store"
	"ruche/backend/text"
	"ruche/backend/text/dict"
	"ruche/backend/workspace"
)

// GCInterval is how often the value log is collected while the app runs.
const GCInterval = 10 * time.Minute

// Config says which data folder to open and with what.
type Config struct {
	DataDir  string
	KeyFile  string        // if set, the store's key lives in this file, not the keychain
	Vault    secrets.Vault // the OS keychain; a fake in tests
	Version  string
	Now      func() time.Time
	System   locale.System // the OS language and zone
	LogLevel zerolog.Level
	Getenv   func(string) string // the environment; nil: the process's
	MinFree  int64               // room kept free on the store's disk; store.DefaultMinFree when 0
}

// App is an open data folder with its services.
type App struct {
	Config
	Paths      Paths
	Log        *logs.Log
	Store      *store.Store
	Workspaces *workspace.Service
	Posts      *post.Service
	Accounts   *account.Service
	Crisis     *crisis.Service
	Secrets    secrets.Vault // the keychain, its secrets kept out of the log
	Keys       *credentials.Keys
	Networks   directory.Networks
	Directory  *directory.Directory
	Connect    *connect.Connector
	Hold       *hold.Service
	Analytics  *analytics.Service
	Collector  *collect.Collector
	Monthly    *report.Monthly
	// Jobs is the background work beside the publisher (registerJobs).
	Jobs *jobs.Runner
	// Text reads posts and comments: spelling, language, sentiment. Its
	// dictionaries are not loaded at Open: the window loads them in the
	// background (StartText), a command that needs them calls Text.Load.
	Text *text.Analyzer
	// Proof reads a workspace's texts: spelling with its words, its brand
	// voice, hashtags that did well (the composer and ruche text check).
	Proof *proof.Service
	// Checker checks a variant by its network's rules: the composer's
	// review (plan.Review) and the refusal to schedule (post.Service).
	Checker network.Checker
	// Plan is the calendar's service: posts placed, moved, imported.
	Plan *plan.Service
	// Settings are the app's own choices (the UI language, first-run offers).
	Settings *settings.Service

	lock     *store.Lock
	gcMu     sync.Mutex // guards stopGC and gcDone
	stopGC   context.CancelFunc
	gcDone   chan struct{}
	bg       background
	textMu   sync.Mutex // guards stopText and textDone
	stopText context.CancelFunc
	textDone chan struct{}
	closing  sync.Once
	onSpace  atomic.Pointer[func(full bool)]
}

// OnDiskSpace sets what is told when the store's disk fills up (true) and
// when it has room again (false): the window notifies, the command line
// prints.
func (a *App) OnDiskSpace(fn func(full bool)) { a.onSpace.Store(&fn) }

// Open takes the data folder, opens its log and store, and makes sure there is
// a workspace to work in. On failure nothing is left open and the folder is
// left as it was.
func Open(ctx context.Context, cfg Config) (*App, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Getenv == nil {
		cfg.Getenv = os.Getenv
	}
	p := PathsOf(cfg.DataDir)
	if foreign(p) {
		return nil, store.ErrForeign.With(map[string]any{"dir": p.Data}, fmt.Errorf("%s holds files that are not Ruche's", p.Data))
	}
	lock, err := store.LockFolder(p.Data)
	if err != nil {
		return nil, err
	}
	a := &App{Config: cfg, Paths: p, lock: lock}
	if err := a.open(ctx); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

func (a *App) open(ctx context.Context) error {
	var err error
	if a.Log, err = logs.Open(a.Paths.Logs, logs.Options{Level: a.LogLevel}); err != nil {
		return store.ErrUnwritable.With(map[string]any{"dir": a.Paths.Data, "reason": err}, err)
	}
	a.Secrets = secrets.Watch(a.Vault, a.Log.Redactor.Remember)
	key, err := storeKey(a.Paths, a.KeyFile, a.Secrets)
	if err != nil {
		return err
	}
	a.Log.Redactor.Remember(fmt.Sprintf("%x", key))
	storeLog := logs.For(a.Log.Logger, "store")
	a.Store, err = store.Open(ctx, store.Config{Dir: a.Paths.Store, BackupDir: a.Paths.Backups, Key: key,
		AppVersion: a.Version, Log: storeLog, Now: a.Now, MinFree: a.MinFree, OnSpace: func(full bool) {
			if full {
				storeLog.Error().Str("dir", a.Paths.Store).Msg("the disk is full: writes are refused until space is back")
			} else {
				storeLog.Info().Str("dir", a.Paths.Store).Msg("disk space is back: writes go through again")
			}
			if fn := a.onSpace.Load(); fn != nil {
				(*fn)(full)
			}
		}})
	if err != nil {
		return err
	}
	a.Workspaces = workspace.NewService(a.Store, a.Store, a.Now, ident.New)
	a.Accounts = account.NewService(a.Store, a.Now, ident.New)
	a.Keys = credentials.New(a.Secrets)
	httpClient := &http.Client{}
	a.Networks = directory.Networks{
		Mastodon: mastodon.NewClient(httpClient, mastodon.Config{UserAgent: "Ruche/" + a.Version, Now: a.Now}),
		// RUCHE_BLUESKY_PLC points at another did:plc directory: a local
		// test network's.
		Bluesky: bluesky.NewClient(httpClient, a.Keys.Bluesky(), bluesky.Config{PLCURL: a.Getenv("RUCHE_BLUESKY_PLC"),
			UserAgent: "Ruche/" + a.Version, Now: a.Now}),
		HTTP: httpClient,
	}
	a.Directory = directory.New(a.Accounts, a.Keys, a.Networks, a.Now, a.Getenv)
	a.Crisis = crisis.NewService(a.Store, a.Now)
	a.Hold = hold.New(a.Store, a.Workspaces, a.Accounts, a.Directory, a.Crisis, a.Now, logs.For(a.Log.Logger, "hold"))
	a.Connect = connect.New(a.Accounts, a.Keys, a.Networks.Mastodon, a.Networks.Bluesky, oauth.NewFlow(httpClient, 0), a.Hold, a.Now)
	a.Checker = network.Checker{Caps: a.Directory.Caps, Remote: a.Directory.Problems}
	a.Posts = post.NewService(a.Store, a.Checker, a.Now, ident.New)
	a.Analytics = analytics.NewService(a.Store, a.Now, ident.New)
	a.Collector = collect.New(a.Store, a.Directory, a.Store, a.Now, a.Log.Logger, collect.Config{})
	a.Monthly = report.NewMonthly(a.Store, a.Workspaces, a.Analytics, a.Store, a.Store, a.Now, logs.For(a.Log.Logger, "report"))
	a.registerJobs()
	if a.Text, err = text.New(dict.Files()); err != nil {
		return err
	}
	a.Proof = proof.New(a.Text, a.Store, a.Analytics, a.Now)
	a.Plan = plan.NewService(a.Posts, a.Accounts, a.Store, a.Crisis, a.Hold, a.Checker, a.Now)
	a.Plan.OnDue(a.wakeFor)
	a.Settings = settings.NewService(a.Store, a.System.Lang)
	if _, err := a.Workspaces.EnsureOne(ctx, FirstWorkspace(a.System)); err != nil {
		return err
	}
	a.startGC()
	return nil
}

// Health returns what the Accounts screen and the command line say of
// account acc, and when its access ends (zero when it does not): its
// status, "expiring", or "keychain_locked" while the keychain does not give
// its access.
func (a *App) Health(acc account.Account) (account.Health, time.Time) {
	exp := a.Connect.Expires(acc)
	if acc.Status == account.Connected && a.Directory.KeychainLocked(acc.ID) {
		return account.KeychainLocked, exp
	}
	return acc.HealthAt(a.Now(), exp), exp
}

// FirstWorkspace is the workspace made on the first run, from the OS settings.
func FirstWorkspace(sys locale.System) workspace.Input {
	name := "My business"
	if sys.Lang == locale.French {
		name = "Mon entreprise"
	}
	return workspace.Input{Name: name, TimeZone: sys.Zone, Language: string(sys.Lang), Color: workspace.DefaultColor}
}

func (a *App) startGC() {
	a.gcMu.Lock()
	defer a.gcMu.Unlock()
	if a.stopGC != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	a.stopGC, a.gcDone = cancel, make(chan struct{})
	log := logs.For(a.Log.Logger, "store")
	ticker := time.NewTicker(GCInterval)
	go func() {
		defer close(a.gcDone)
		defer ticker.Stop()
		store.RunGC(ctx, ticker.C, func() {
			if n, err := a.Store.CollectGarbage(); err != nil {
				log.Warn().Err(err).Msg("value log GC failed")
			} else if n > 0 {
				log.Info().Int("files", n).Msg("value log GC rewrote files")
			}
		})
	}()
}

// stopGCLoop stops the GC loop and reports whether it ran.
func (a *App) stopGCLoop() bool {
	a.gcMu.Lock()
	defer a.gcMu.Unlock()
	if a.stopGC == nil {
		return false
	}
	a.stopGC()
	<-a.gcDone
	a.stopGC, a.gcDone = nil, nil
	return true
}

// StartText loads the spelling dictionaries in the background (about half
// a second, ~28 MB); until they are loaded, Text answers everything but
// spelling. Close stops the loading. The composer's first spelling check
// calls it: a window that only reads the calendar, and a command line that
// does not check spelling, never pay for them. Later calls do nothing.
func (a *App) StartText() {
	a.textMu.Lock()
	defer a.textMu.Unlock()
	if a.stopText != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	a.stopText, a.textDone = cancel, make(chan struct{})
	log := logs.For(a.Log.Logger, "text")
	go func() {
		defer close(a.textDone)
		if err := a.Text.Load(ctx); err != nil {
			if ctx.Err() == nil {
				log.Error().Err(err).Msg("loading the spelling dictionaries")
			}
			return
		}
		st := a.Text.Stats()
		log.Info().Dur("took", st.Duration).Uint64("heap_bytes", st.Heap).Msg("spelling dictionaries loaded")
	}()
}

// Scheduler returns the publishing loop over this data folder: each account
// publishes through its network's client with its token from the keychain,
// and paused workspaces are held back (the crisis switch's gate). The rest
// runs beside it as background jobs (Jobs): Run and Start run both. Only
// one runs per data folder, as only one process holds it. notify may be nil.
func (a *App) Scheduler(notify scheduler.Notifier, cfg scheduler.Config) *scheduler.Scheduler {
	cfg.Gate = a.Crisis
	return scheduler.New(a.Store, a.Directory, notify, a.Now, logs.For(a.Log.Logger, "scheduler"), cfg)
}

// DeleteWorkspace deletes workspace id and its posts and accounts, once the
// networks holding some of its posts gave them back.
func (a *App) DeleteWorkspace(ctx context.Context, id string) error {
	if err := a.Hold.ReleaseWorkspace(ctx, id); err != nil {
		return err
	}
	accounts, err := a.Accounts.List(ctx, id)
	if err != nil {
		return err
	}
	ids := make([]string, len(accounts))
	for i, acc := range accounts {
		ids[i] = acc.ID
	}
	if err := a.Store.DeleteMetrics(ctx, id, ids); err != nil {
		return err
	}
	if err := a.Store.DeleteVoice(ctx, id); err != nil {
		return err
	}
	if err := a.Store.DeleteWords(ctx, id); err != nil {
		return err
	}
	return a.Workspaces.Delete(ctx, id)
}

// Demo creates the demo workspace, or brings it back to its sample state:
// its accounts, a month of posts, and ninety days of figures for the
// dashboard and reports.
func (a *App) Demo(ctx context.Context, lang locale.Lang) (workspace.Workspace, error) {
	return demo.Refresh(ctx, a.Workspaces, lang, demo.NewSample(a.Store, a.Store, a.Now, ident.New), demoHistory{a})
}

// demoHistory writes the demo workspace's figures (demo.History).
type demoHistory struct{ a *App }

func (h demoHistory) FillDemo(ctx context.Context, w workspace.Workspace) error {
	accounts, err := h.a.Accounts.List(ctx, w.ID)
	if err != nil {
		return err
	}
	now := h.a.Now()
	posts, err := h.a.Store.PostsBetween(ctx, w.ID, now.AddDate(0, 0, -demo.HistoryDays-1), now.AddDate(0, 0, 60))
	if err != nil {
		return err
	}
	return demo.History(ctx, h.a.Store, w, accounts, posts, now, 1)
}

// Close stops the GC loop and the loading of the dictionaries, closes the store and the log and gives the folder
// back. It can be called more than once.
func (a *App) Close() error {
	var errs []error
	a.closing.Do(func() {
		if a.Connect != nil {
			a.Connect.Close()
		}
		a.Stop()
		a.stopGCLoop()
		a.textMu.Lock()
		stop, done := a.stopText, a.textDone
		a.textMu.Unlock()
		if stop != nil {
			stop()
			<-done
		}

		if a.Store != nil {
			errs = append(errs, a.Store.Close())
		}
		if a.Log != nil {
			errs = append(errs, a.Log.Close())
		}
		errs = append(errs, a.lock.Release())
	})
	return errors.Join(errs...)
}

// Message translates err for a user reading lang.
func Message(lang locale.Lang, err error) string {
	e := fault.As(err)
	return locale.Message(lang, e.Code, e.Args)
}
