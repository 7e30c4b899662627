// Ruche is the community manager's desktop: one binary that opens a window,
// or runs a command when given one.
package main

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
	_ "time/tzdata" // IANA zones on every OS, Windows included

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/mac"
	"github.com/wailsapp/wails/v2/pkg/options/windows"

	"ruche/backend/api"
	"ruche/backend/boot"
	"ruche/backend/cli"
	"ruche/backend/locale"
	"ruche/backend/logs"
	"ruche/backend/secrets"
)

//go:embed all:frontend/dist
var assets embed.FS

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	system := locale.Detect(os.Getenv)
	inv, err := cli.Parse(os.Args[1:], os.Getenv)
	if err != nil || len(inv.Args) > 0 {
		cli.AttachConsole()
		if err != nil {
			fmt.Fprintln(os.Stderr, "ruche: "+boot.Message(system.Lang, err))
			os.Exit(cli.ExitUsage)
		}
		os.Exit(cli.Run(context.Background(), inv, cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
			System: system, Version: version, Open: opener(system), RestoreDamaged: restorer(system)}))
	}
	if err := runWindow(inv.Globals, system); err != nil {
		fmt.Fprintln(os.Stderr, "ruche:", err)
		os.Exit(cli.ExitError)
	}
}

// opener opens the data folder named by the global options, with the OS
// keychain unless a key file is given.
// config is how the window and the commands open the data folder of g.
func config(system locale.System, g cli.Globals) (boot.Config, error) {
	dir, err := dataDir(g)
	if err != nil {
		return boot.Config{}, err
	}
	return boot.Config{DataDir: dir, KeyFile: g.KeyFile, Vault: secrets.NewKeyring(secrets.Service, os.Getenv),
		Version: version, Now: time.Now, System: system}, nil
}

func opener(system locale.System) func(context.Context, cli.Globals) (*boot.App, error) {
	return func(ctx context.Context, g cli.Globals) (*boot.App, error) {
		cfg, err := config(system, g)
		if err != nil {
			return nil, err
		}
		return boot.Open(ctx, cfg)
	}
}

// restorer restores a data folder whose store is damaged (boot.RestoreDamaged).
func restorer(system locale.System) func(context.Context, cli.Globals, string) (boot.Restored, error) {
	return func(ctx context.Context, g cli.Globals, path string) (boot.Restored, error) {
		cfg, err := config(system, g)
		if err != nil {
			return boot.Restored{}, err
		}
		return boot.RestoreDamaged(ctx, cfg, path)
	}
}

func dataDir(g cli.Globals) (string, error) {
	if g.Data != "" {
		return filepath.Abs(g.Data)
	}
	return boot.DefaultDataDir(os.Getenv)
}

func runWindow(g cli.Globals, system locale.System) error {
	dir, err := dataDir(g)
	if err != nil {
		return err
	}
	// The data opens before the window so that the bound facade has it from
	// the first call. If another Ruche holds the folder, Wails' single
	// instance lock below hands over to that window and exits this process;
	// otherwise the window explains what went wrong.
	data, openErr := opener(system)(context.Background(), g)
	log := logs.New(os.Stderr)
	if data != nil {
		log = data.Log.Logger
	}
	a := newApp(data, logs.For(log, "app"))
	settings := api.NewSettings(api.Deps{App: data, StartErr: openErr, DataDir: dir, Dialogs: a.dialogs(),
		System: system, Version: version, Log: logs.For(log, "api"),
		RestoreDamaged: func(ctx context.Context, path string) (boot.Restored, error) { return restorer(system)(ctx, g, path) },
		Relaunch:       a.relaunch})
	cal, composer := api.NewCalendar(settings), api.NewComposer(settings)
	accounts := api.NewAccounts(settings, a.browser())
	stats := api.NewAnalytics(settings, a)
	sum := sha256.Sum256([]byte(dir))

	err = wails.Run(&options.App{
		Title:            "Ruche",
		Width:            1280,
		Height:           800,
		MinWidth:         960,
		MinHeight:        640,
		BackgroundColour: &options.RGBA{R: 250, G: 248, B: 243, A: 255},
		AssetServer:      &assetserver.Options{Assets: assets},
		// Media dropped from the file manager onto the composer (the CSS
		// property and value stay Wails' defaults, which MediaList.vue uses).
		// Wails v2 has no navigation policy option: the page itself keeps
		// the window on the app (frontend/src/navigation.ts), drops
		// included. DisableWebViewDrop would end the composer's drop on
		// Linux (it unsets WebKitGTK's drop target, so no native drop) and
		// on Windows (WebView2 AllowExternalDrag(false): no drop event to
		// read the paths from).
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true},
		// EnableDefaultContextMenu stays false: outside debug builds the
		// webview shows no menu with "Open Link" in it.
		OnStartup:      a.startup,
		OnDomReady:     a.domReady,
		OnShutdown:     a.shutdown,
		Bind:           []any{settings, cal, composer, accounts, stats},
		ErrorFormatter: func(err error) any { return api.FormatError(settings, err) },
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               "app.ruche.desktop." + hex.EncodeToString(sum[:6]),
			OnSecondInstanceLaunch: a.onSecondInstance,
		},
		// A non-nil linux.Options defaults to GPU policy "Always" (its zero
		// value), which costs ~100 MB of software GL under WebKitGTK: say
		// "Never" as Wails does when no options are given (wails#2977).
		Linux:   &linux.Options{ProgramName: "ruche", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
		Mac:     &mac.Options{About: &mac.AboutInfo{Title: "Ruche", Message: version}},
		Windows: &windows.Options{},
	})
	if err == nil && a.relaunching() {
		// The data was restored: start again on it, with the same options.
		exe, xerr := os.Executable()
		if xerr != nil {
			return xerr
		}
		cmd := exec.Command(exe, os.Args[1:]...)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		return cmd.Start()
	}
	return err
}
