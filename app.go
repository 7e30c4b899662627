package main

import (
	"context"
	"net/url"
	"os"
	"os/signal"
	goruntime "runtime"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/rs/zerolog"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"ruche/backend/api"
	"ruche/backend/boot"
	"ruche/backend/fault"
	"ruche/backend/locale"
	"ruche/backend/notify"
	"ruche/backend/post"
	"ruche/backend/scheduler"
)

// idleAfter is when the app reports its memory once the window is ready.
const idleAfter = 5 * time.Second

// App is the window's lifecycle. It is the only holder of the Wails context
// and the only caller of the Wails runtime, which it lends to the backend
// through small adapters (dialogs).
type App struct {
	ctx  context.Context
	data *boot.App // nil when the data folder could not be opened
	log  zerolog.Logger
	stop func() // ends the signal watch
	note *notify.Desktop

	restart atomic.Bool // quit to start again (a restore on the startup error screen)
}

// relaunchAfter leaves the window time to say what the restore did.
const relaunchAfter = 3 * time.Second

// relaunch quits the window so that main starts Ruche again.
func (a *App) relaunch() {
	a.restart.Store(true)
	go func() {
		time.Sleep(relaunchAfter)
		if a.ctx != nil {
			runtime.Quit(a.ctx)
		}
	}()
}

func (a *App) relaunching() bool { return a.restart.Load() }

func newApp(data *boot.App, log zerolog.Logger) *App {
	return &App{data: data, log: log}
}

func (a *App) startup(ctx context.Context) {
	a.ctx = ctx
	// Close cleanly on Ctrl+C or kill: the store is flushed and the folder
	// released by shutdown, as when the window is closed.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	a.stop = func() { signal.Stop(sig); close(done) }
	go func() {
		select {
		case <-sig:
			runtime.Quit(ctx)
		case <-done:
		}
	}()
	a.log.Info().Msg("window starting")
	// A click on a notification brings the window forward on that post.
	a.note = notify.New("Ruche", func(postID string) {
		runtime.WindowUnminimise(ctx)
		runtime.WindowShow(ctx)
		runtime.EventsEmit(ctx, api.EventPostOpen, postID)
	}, os.Getenv)
	if a.data != nil {
		// The log is on the full disk too: tell the user on the desktop.
		a.data.OnDiskSpace(func(full bool) {
			code := "cli.disk_space_back"
			if full {
				code = "store.disk_full"
			}
			lang := a.lang()
			body := locale.Message(lang, code, map[string]any{"dir": a.data.Paths.Data})
			if err := a.note.Send(notify.Notice{Title: "Ruche", Body: body}); err != nil {
				a.log.Warn().Err(err).Msg("desktop notification")
			}
		})
		a.data.Start(a, scheduler.Config{})
	}
}

// PostChanged tells the window the scheduler changed a post, and that it
// failed when it did (scheduler.Notifier).
func (a *App) PostChanged(p post.Post) {
	runtime.EventsEmit(a.ctx, api.EventPostsChanged)
	if p.Status != post.Failed {
		return
	}
	lang := a.lang()
	reason := api.FailureReason(lang, p)
	title := post.Title(p)
	runtime.EventsEmit(a.ctx, api.EventPostFailed, api.PostFailed{ID: p.ID, Title: title, Reason: reason})
	if err := a.note.Send(notify.Notice{Title: locale.Message(lang, "notify.post_failed", nil),
		Body: title + "\n" + reason, PostID: p.ID}); err != nil {
		a.log.Warn().Err(err).Msg("desktop notification")
	}
}

func (a *App) lang() locale.Lang {
	return a.data.Settings.Language(context.Background())
}

func (a *App) domReady(ctx context.Context) {
	go func() {
		select {
		case <-time.After(idleAfter):
		case <-ctx.Done():
			return
		}
		var m goruntime.MemStats
		goruntime.ReadMemStats(&m)
		a.log.Info().Uint64("go_heap_inuse_bytes", m.HeapInuse).Uint64("go_sys_bytes", m.Sys).
			Int("goroutines", goruntime.NumGoroutine()).Msg("idle memory")
	}()
}

func (a *App) shutdown(context.Context) {
	if a.stop != nil {
		a.stop()
	}
	if a.data != nil {
		a.data.Stop() // every post it took is written back before the store closes
	}
	if a.note != nil {
		a.note.Close()
	}
	if a.data != nil {
		if err := a.data.Close(); err != nil {
			a.log.Error().Err(err).Msg("closing the data folder")
		}
	}
}

// onSecondInstance brings the window forward when Ruche is launched again.
func (a *App) onSecondInstance(options.SecondInstanceData) {
	if a.ctx == nil {
		return
	}
	runtime.WindowUnminimise(a.ctx)
	runtime.WindowShow(a.ctx)
}

func (a *App) dialogs() api.Dialogs { return dialogs{a} }

func (a *App) browser() api.Browser { return browser{a} }

// Emit sends an event to the window (api.Events).
func (a *App) Emit(name string, data any) {
	if a.ctx != nil {
		runtime.EventsEmit(a.ctx, name, data)
	}
}

// browser opens pages (an OAuth authorization) in the user's browser.
type browser struct{ a *App }

// OpenURL opens an http(s) address only. The address is built from a server's
// answers, and Wails' own check lets schemes other than javascript:, data:,
// file: and ftp: through to the OS (smb:, ms-settings:, ...). The window's
// links follow the same rule (frontend/src/lib/links.ts).
func (b browser) OpenURL(raw string) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		b.a.log.Warn().Msg("refused to open a page that is not an http(s) address")
		return
	}
	if b.a.ctx != nil {
		runtime.BrowserOpenURL(b.a.ctx, raw)
	}
}

// dialogs are the native file dialogs, through the Wails runtime.
type dialogs struct{ a *App }

var errNoWindow = fault.New(fault.Unavailable, "dialog.unavailable")

func (d dialogs) OpenFile(title string, filters []api.FileFilter) (string, error) {
	if d.a.ctx == nil {
		return "", errNoWindow
	}
	return runtime.OpenFileDialog(d.a.ctx, runtime.OpenDialogOptions{Title: title, Filters: wailsFilters(filters)})
}

func (d dialogs) OpenFiles(title string, filters []api.FileFilter) ([]string, error) {
	if d.a.ctx == nil {
		return nil, errNoWindow
	}
	return runtime.OpenMultipleFilesDialog(d.a.ctx, runtime.OpenDialogOptions{Title: title, Filters: wailsFilters(filters)})
}

func (d dialogs) OpenFolder(title, start string) (string, error) {
	if d.a.ctx == nil {
		return "", errNoWindow
	}
	return runtime.OpenDirectoryDialog(d.a.ctx, runtime.OpenDialogOptions{Title: title, DefaultDirectory: start, CanCreateDirectories: true})
}

func (d dialogs) SaveFile(title, name string, filters []api.FileFilter) (string, error) {
	if d.a.ctx == nil {
		return "", errNoWindow
	}
	return runtime.SaveFileDialog(d.a.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: name,
		Filters: wailsFilters(filters), CanCreateDirectories: true})
}

func wailsFilters(fs []api.FileFilter) []runtime.FileFilter {
	out := make([]runtime.FileFilter, len(fs))
	for i, f := range fs {
		out[i] = runtime.FileFilter{DisplayName: f.Name, Pattern: f.Pattern}
	}
	return out
}
