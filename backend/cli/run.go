package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"ruche/backend/boot"
	"ruche/backend/crisis"
	"ruche/backend/locale"
	"ruche/backend/scheduler"
)

// run publishes headless until interrupted: an always-on machine can publish
// while the laptop is shut. Same scheduler, same store as the window.
func (r *runner) runScheduler(ctx context.Context, a *boot.App, args []string) error {
	cfg := scheduler.Config{}
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "--poll":
			if i+1 >= len(args) {
				return ErrFlag.With(map[string]any{"reason": "--poll needs a duration"}, nil)
			}
			d, err := time.ParseDuration(args[i+1])
			if err != nil || d < 10*time.Millisecond {
				return ErrFlag.With(map[string]any{"reason": "--poll 5s"}, err)
			}
			cfg.Poll = d
			i++
		default:
			return ErrFlag.With(map[string]any{"reason": "unknown option " + args[i]}, nil)
		}
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	r.say(locale.Message(r.lang, "cli.running", map[string]any{"dir": a.Paths.Data}))
	// The log is on the full disk too: say it where it is read.
	a.OnDiskSpace(func(full bool) {
		code := "cli.disk_space_back"
		if full {
			code = "store.disk_full"
		}
		fmt.Fprintln(r.Stderr, locale.Message(r.lang, code, map[string]any{"dir": a.Paths.Data}))
	})
	return a.Run(ctx, nil, cfg)
}

// pause is the crisis switch from the command line.
func (r *runner) pause(ctx context.Context, a *boot.App, args []string) error {
	var reason, until string
	all := false
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "--reason", "--until":
			if i+1 >= len(args) {
				return ErrFlag.With(map[string]any{"reason": args[i] + " needs a value"}, nil)
			}
			if args[i] == "--reason" {
				reason = args[i+1]
			} else {
				until = args[i+1]
			}
			i++
		case "--all":
			all = true
		default:
			return ErrFlag.With(map[string]any{"reason": "unknown option " + args[i]}, nil)
		}
	}
	w, err := a.Workspaces.Current(ctx)
	if err != nil {
		return err
	}
	var end time.Time
	if until != "" {
		l, err := parseWhen(until)
		if err != nil {
			return err
		}
		end = l.In(w.Location())
	}
	p, err := a.Crisis.Pause(ctx, w.ID, all, reason, end)
	if err != nil {
		return err
	}
	return r.print(pauseJSON(p), locale.Message(r.lang, "cli.paused", map[string]any{"reason": p.Reason}))
}

func (r *runner) resume(ctx context.Context, a *boot.App) error {
	w, err := a.Workspaces.Current(ctx)
	if err != nil {
		return err
	}
	n, err := a.Crisis.Resume(ctx, w.ID)
	if err != nil {
		return err
	}
	return r.print(map[string]int{"resumed": n}, locale.Message(r.lang, "cli.resumed", map[string]any{"count": n}))
}

func pauseJSON(p crisis.Pause) map[string]any {
	out := map[string]any{"workspaceId": p.WorkspaceID, "reason": p.Reason, "since": p.Since.Format(time.RFC3339), "all": p.All()}
	if !p.Until.IsZero() {
		out["until"] = p.Until.Format(time.RFC3339)
	}
	return out
}

// say writes a progress line for people; scripts with --json get none.
func (r *runner) say(text string) {
	if !r.inv.JSON {
		r.Stdout.Write([]byte(text + "\n"))
	}
}
