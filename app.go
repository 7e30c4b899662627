package main

import (
	"context"
	"os"
	"os/signal"
	goruntime "runtime"
	"syscall"
	"time"

	"github.com/rs/zerolog"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"ruche/backend/api"
	"ruche/backend/boot"
	"ruche/backend/fault"
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
}

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

// dialogs are the native file dialogs, through the Wails runtime.
type dialogs struct{ a *App }

var errNoWindow = fault.New(fault.Unavailable, "dialog.unavailable")

func (d dialogs) OpenFile(title string, filters []api.FileFilter) (string, error) {
	if d.a.ctx == nil {
		return "", errNoWindow
	}
	return runtime.OpenFileDialog(d.a.ctx, runtime.OpenDialogOptions{Title: title, Filters: wailsFilters(filters)})
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
