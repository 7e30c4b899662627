// Package cli is Ruche's command line: the same binary as the window, run
// with a command, opening no window.
package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"ruche/backend/boot"
	"ruche/backend/fault"
	"ruche/backend/locale"
	"ruche/backend/workspace"
)

// ErrUsage and ErrUnknown report a command line that cannot be run.
var (
	ErrUsage = fault.New(fault.Invalid, "cli.usage")
	ErrFlag  = fault.New(fault.Invalid, "cli.flag")
	ErrStdin = fault.New(fault.Invalid, "cli.stdin_empty")
	// ErrFileUnreadable: a file named on the command line cannot be read.
	ErrFileUnreadable = fault.New(fault.Invalid, "cli.file_unreadable")
	ErrUnknown        = fault.New(fault.Invalid, "cli.unknown_command")
)

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // the command failed
	ExitUsage = 2 // the command line is wrong
)

// Globals are the options every invocation accepts, before or after the command.
type Globals struct {
	Data    string
	KeyFile string
	Lang    string
	JSON    bool
}

// Invocation is a parsed command line.
type Invocation struct {
	Globals
	Args []string // the command and its own arguments; empty: open the window
}

// ownLang are the commands whose --lang, after the command, is their own
// (the language of a report, of a text to check) and not the messages'.
var ownLang = map[string]bool{"report": true, "text": true}

// Parse splits args into the global options and the command. RUCHE_DATA and
// RUCHE_KEY_FILE give defaults to --data and --key-file.
func Parse(args []string, getenv func(string) string) (Invocation, error) {
	inv := Invocation{Globals: Globals{Data: getenv("RUCHE_DATA"), KeyFile: getenv("RUCHE_KEY_FILE")}}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		name, value, hasValue := strings.Cut(arg, "=")
		takeValue := func() (string, error) {
			if hasValue {
				return value, nil
			}
			if i+1 >= len(args) || strings.HasPrefix(args[i+1], "--") {
				return "", ErrFlag.With(map[string]any{"reason": name + " needs a value"}, nil)
			}
			i++
			return args[i], nil
		}
		var err error
		switch name {
		case "--data":
			inv.Data, err = takeValue()
		case "--key-file":
			inv.KeyFile, err = takeValue()
		case "--lang":
			if len(inv.Args) > 0 && ownLang[inv.Args[0]] {
				v, verr := takeValue()
				inv.Args, err = append(inv.Args, "--lang", v), verr
				break
			}
			inv.Lang, err = takeValue()
			if _, ok := locale.ParseLang(inv.Lang); err == nil && !ok {
				err = ErrFlag.With(map[string]any{"reason": "--lang fr|en"}, nil)
			}
		case "--json":
			inv.JSON = true
		case "-h", "--help":
			inv.Args = append(inv.Args, "help")
		case "--version":
			inv.Args = append(inv.Args, "version")
		default:
			// macOS may pass a process serial number to an app bundle.
			if !strings.HasPrefix(arg, "-psn_") {
				inv.Args = append(inv.Args, arg)
			}
		}
		if err != nil {
			return inv, err
		}
	}
	return inv, nil
}

// Env is what a command runs with.
type Env struct {
	Stdin          io.Reader // a pasted code, an app password; nil reads nothing
	Stdout, Stderr io.Writer
	System         locale.System
	Version        string
	// Open opens the data folder; called only by commands that need it.
	Open func(ctx context.Context, g Globals) (*boot.App, error)
	// RestoreDamaged restores a data folder Open refuses as damaged from
	// the backup at path ("" for the newest): boot.RestoreDamaged.
	RestoreDamaged func(ctx context.Context, g Globals, path string) (boot.Restored, error)
}

type runner struct {
	Env
	inv  Invocation
	lang locale.Lang
}

// Run runs the command of inv and returns the process's exit code.
func Run(ctx context.Context, inv Invocation, env Env) int {
	r := &runner{Env: env, inv: inv, lang: env.System.Lang}
	if l, ok := locale.ParseLang(inv.Lang); ok {
		r.lang = l
	}
	err := r.run(ctx)
	if err == nil {
		return ExitOK
	}
	e := fault.As(err)
	msg := locale.Message(r.lang, e.Code, e.Args)
	if inv.JSON {
		json.NewEncoder(r.Stderr).Encode(map[string]any{"error": map[string]string{"code": e.Code, "message": msg}})
	} else {
		fmt.Fprintln(r.Stderr, "ruche: "+msg)
	}
	if e.Code == ErrUsage.Code || e.Code == ErrUnknown.Code || e.Code == ErrFlag.Code {
		return ExitUsage
	}
	return ExitError
}

func (r *runner) run(ctx context.Context) error {
	args := r.inv.Args
	cmd := "help"
	if len(args) > 0 {
		cmd = args[0]
	}
	switch cmd {
	case "help":
		return r.help()
	case "version":
		return r.print(map[string]string{"version": r.Version}, "Ruche "+r.Version)
	case "workspace", "workspaces":
		if len(args) < 2 {
			return usage("ruche workspace list|add|remove")
		}
		switch args[1] {
		case "list", "ls":
			return r.withApp(ctx, r.workspaceList)
		case "add", "new":
			return r.withApp(ctx, func(ctx context.Context, a *boot.App) error { return r.workspaceAdd(ctx, a, args[2:]) })
		case "remove", "rm", "delete":
			if len(args) != 3 {
				return usage("ruche workspace remove ID|NAME")
			}
			return r.withApp(ctx, func(ctx context.Context, a *boot.App) error { return r.workspaceRemove(ctx, a, args[2]) })
		case "use", "switch":
			if len(args) != 3 {
				return usage("ruche workspace use ID|NAME")
			}
			return r.withApp(ctx, func(ctx context.Context, a *boot.App) error { return r.workspaceUse(ctx, a, args[2]) })
		}
		return ErrUnknown.With(map[string]any{"name": "workspace " + args[1]}, nil)
	case "demo":
		return r.withApp(ctx, r.demo)
	case "account", "accounts":
		return r.account(ctx, args[1:])
	case "post", "posts":
		return r.post(ctx, args[1:])
	case "queue":
		return r.queue(ctx, args[1:])
	case "import":
		return r.importFile(ctx, args[1:])
	case "export":
		return r.exportFile(ctx, args[1:])
	case "report":
		return r.report(ctx, args[1:])
	case "text":
		return r.text(ctx, args[1:])
	case "run":
		return r.withApp(ctx, func(ctx context.Context, a *boot.App) error { return r.runScheduler(ctx, a, args[1:]) })
	case "pause":
		return r.withApp(ctx, func(ctx context.Context, a *boot.App) error { return r.pause(ctx, a, args[1:]) })
	case "resume":
		return r.withApp(ctx, r.resume)
	case "jobs":
		return r.jobs(ctx, args[1:])
	case "restore":
		return r.restore(ctx, args[1:])
	case "backup":
		return r.backup(ctx, args[1:])
	}
	return ErrUnknown.With(map[string]any{"name": cmd}, nil)
}

func usage(u string) error { return ErrUsage.With(map[string]any{"usage": u}, nil) }

func (r *runner) help() error {
	data := r.inv.Data
	if data == "" {
		data, _ = boot.DefaultDataDir(func(string) string { return "" })
	}
	_, err := fmt.Fprint(r.Stdout, locale.Message(r.lang, "cli.help", map[string]any{"data": data}))
	return err
}

func (r *runner) withApp(ctx context.Context, fn func(context.Context, *boot.App) error) error {
	a, err := r.Open(ctx, r.inv.Globals)
	if err != nil {
		return err
	}
	defer a.Close()
	return fn(ctx, a)
}

// print writes v as JSON with --json, else text.
func (r *runner) print(v any, text string) error {
	if r.inv.JSON {
		enc := json.NewEncoder(r.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	_, err := fmt.Fprintln(r.Stdout, text)
	return err
}

// workspaceJSON is a workspace as scripts read it.
type workspaceJSON struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	TimeZone  string `json:"timeZone"`
	Language  string `json:"language"`
	Color     string `json:"color"`
	HasLogo   bool   `json:"hasLogo"`
	Demo      bool   `json:"demo"`
	Current   bool   `json:"current"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

func toJSON(w workspace.Workspace, current string) workspaceJSON {
	return workspaceJSON{ID: w.ID, Name: w.Name, TimeZone: w.TimeZone, Language: w.Language, Color: w.Color,
		HasLogo: w.Logo != nil, Demo: w.Demo, Current: w.ID == current,
		CreatedAt: w.CreatedAt.UTC().Format(time.RFC3339), UpdatedAt: w.UpdatedAt.UTC().Format(time.RFC3339)}
}

func (r *runner) workspaceList(ctx context.Context, a *boot.App) error {
	cur, err := a.Workspaces.Current(ctx)
	if err != nil {
		return err
	}
	all, err := a.Workspaces.List(ctx)
	if err != nil {
		return err
	}
	out := make([]workspaceJSON, 0, len(all))
	for _, w := range all {
		out = append(out, toJSON(w, cur.ID))
	}
	if r.inv.JSON {
		return r.print(out, "")
	}
	tw := tabwriter.NewWriter(r.Stdout, 0, 4, 2, ' ', 0)
	for _, w := range out {
		mark := " "
		if w.Current {
			mark = "*"
		}
		demoTag := ""
		if w.Demo {
			demoTag = "demo"
		}
		fmt.Fprintf(tw, "%s %s\t%s\t%s\t%s\t%s\n", mark, w.ID, w.Name, w.TimeZone, w.Language, demoTag)
	}
	return tw.Flush()
}

func (r *runner) workspaceAdd(ctx context.Context, a *boot.App, args []string) error {
	in := workspace.Input{TimeZone: r.System.Zone, Language: string(r.lang), Color: workspace.DefaultColor}
	var names []string
	for i := 0; i < len(args); i++ {
		name, value, has := strings.Cut(args[i], "=")
		var dst *string
		switch name {
		case "--zone":
			dst = &in.TimeZone
		case "--language":
			dst = &in.Language
		case "--color":
			dst = &in.Color
		default:
			if strings.HasPrefix(args[i], "--") {
				return ErrFlag.With(map[string]any{"reason": "unknown option " + name}, nil)
			}
			names = append(names, args[i])
			continue
		}
		if !has {
			if i+1 >= len(args) {
				return ErrFlag.With(map[string]any{"reason": name + " needs a value"}, nil)
			}
			i++
			value = args[i]
		}
		*dst = value
	}
	if len(names) == 0 {
		return usage("ruche workspace add NAME [--zone Z] [--language fr|en] [--color #rrggbb]")
	}
	in.Name = strings.Join(names, " ")
	w, err := a.Workspaces.Create(ctx, in, false)
	if err != nil {
		return err
	}
	return r.print(toJSON(w, ""), locale.Message(r.lang, "cli.workspace_added", map[string]any{"name": w.Name, "id": w.ID}))
}

// findWorkspace returns the workspace whose ID or name (any case) is ref.
func findWorkspace(ctx context.Context, a *boot.App, ref string) (workspace.Workspace, error) {
	all, err := a.Workspaces.List(ctx)
	if err != nil {
		return workspace.Workspace{}, err
	}
	for _, w := range all {
		if w.ID == ref || strings.EqualFold(w.Name, ref) {
			return w, nil
		}
	}
	return workspace.Workspace{}, workspace.ErrNotFound.With(nil, nil)
}

func (r *runner) workspaceRemove(ctx context.Context, a *boot.App, ref string) error {
	target, err := findWorkspace(ctx, a, ref)
	if err != nil {
		return err
	}
	if err := a.DeleteWorkspace(ctx, target.ID); err != nil {
		return err
	}
	return r.print(toJSON(target, ""), locale.Message(r.lang, "cli.workspace_removed", map[string]any{"name": target.Name}))
}

// workspaceUse makes a workspace the current one, for the commands that act
// on the current workspace (post, queue, import, export, pause…).
func (r *runner) workspaceUse(ctx context.Context, a *boot.App, ref string) error {
	target, err := findWorkspace(ctx, a, ref)
	if err != nil {
		return err
	}
	w, err := a.Workspaces.Switch(ctx, target.ID)
	if err != nil {
		return err
	}
	return r.print(toJSON(w, w.ID), locale.Message(r.lang, "cli.workspace_used", map[string]any{"name": w.Name}))
}

func (r *runner) demo(ctx context.Context, a *boot.App) error {
	w, err := a.Demo(ctx, r.lang)
	if err != nil {
		return err
	}
	return r.print(toJSON(w, w.ID), locale.Message(r.lang, "cli.demo_ready", map[string]any{"name": w.Name, "id": w.ID}))
}
