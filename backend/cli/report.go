package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"

	"ruche/backend/analytics"
	"ruche/backend/boot"
	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/plan"
	"ruche/backend/report"
	"ruche/backend/workspace"
)

const reportUsage = "ruche report [--workspace W] --from YYYY-MM-DD --to YYYY-MM-DD [--lang fr|en] [--agency NAME] [--analysis-file FILE] (--out FILE.pdf | --csv [--out FILE])"

// report runs "ruche report": the client report of a workspace for a
// period as a PDF, or (--csv) every figure behind it.
func (r *runner) report(ctx context.Context, args []string) error {
	if len(args) > 0 && args[0] == "plan" {
		return r.reportPlan(ctx, args[1:])
	}
	o, err := parseOptions(args, []string{"--workspace", "--from", "--to", "--lang", "--agency", "--analysis-file", "--out"}, []string{"--csv"})
	if err != nil {
		return err
	}
	if len(o.args) > 0 || o.value("--from") == "" || o.value("--to") == "" || (!o.switches["--csv"] && o.value("--out") == "") {
		return usage(reportUsage)
	}
	from, err := calendar.ParseDay(o.value("--from"))
	if err != nil {
		return err
	}
	to, err := calendar.ParseDay(o.value("--to"))
	if err != nil {
		return err
	}
	p := analytics.Period{From: from, To: to}
	if err := p.Validate(); err != nil {
		return err
	}
	analysis := ""
	if f := o.value("--analysis-file"); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			return ErrFileUnreadable.With(map[string]any{"path": f, "reason": err}, err)
		}
		analysis = string(b)
	}
	return r.withApp(ctx, func(ctx context.Context, a *boot.App) error {
		w, err := a.Workspaces.Current(ctx)
		if ref := o.value("--workspace"); ref != "" {
			w, err = findWorkspace(ctx, a, ref)
		}
		if err != nil {
			return err
		}
		lang := locale.Lang(w.Language)
		if l := o.value("--lang"); l != "" {
			var ok bool
			if lang, ok = locale.ParseLang(l); !ok {
				return ErrFlag.With(map[string]any{"reason": "--lang " + l}, nil)
			}
		}
		var b bytes.Buffer
		format := "pdf"
		if o.switches["--csv"] {
			format = "csv"
			err = a.Analytics.ExportCSV(ctx, w, p, &b)
		} else {
			req := report.Request{Workspace: w, Period: p, Lang: lang, Agency: o.value("--agency"), Analysis: analysis}
			err = report.Make(ctx, a.Analytics, a.Store, req, a.Now(), &b, nil)
		}
		if err != nil {
			return err
		}
		return r.writeOut(o.value("--out"), format, b.Bytes(), "cli.report_written")
	})
}

// writeOut writes an export to path, or to the standard output when path
// is ""; done is the message that says it was written.
func (r *runner) writeOut(path, format string, data []byte, done string) error {
	if path == "" {
		if r.inv.JSON {
			return r.print(map[string]string{"format": format, "content": string(data)}, "")
		}
		_, err := r.Stdout.Write(data)
		return err
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return plan.ErrWrite.With(map[string]any{"path": path, "reason": err}, err)
	}
	return r.print(map[string]any{"format": format, "path": path, "bytes": len(data)},
		locale.Message(r.lang, done, map[string]any{"path": path}))
}

const reportPlanUsage = "ruche report plan --folder DIR [--lang fr|en] [--agency NAME] | --off"

// reportPlan runs "ruche report plan": the current workspace's report
// written to a folder once each month is over (by `ruche run` or the
// window, whichever runs).
func (r *runner) reportPlan(ctx context.Context, args []string) error {
	o, err := parseOptions(args, []string{"--folder", "--lang", "--agency"}, []string{"--off"})
	if err != nil {
		return err
	}
	if len(o.args) > 0 || (o.value("--folder") == "") == !o.switches["--off"] {
		return usage(reportPlanUsage)
	}
	if l := o.value("--lang"); l != "" {
		if _, ok := locale.ParseLang(l); !ok {
			return ErrFlag.With(map[string]any{"reason": "--lang " + l}, nil)
		}
	}
	return r.inWorkspace(ctx, func(ctx context.Context, a *boot.App, w workspace.Workspace) error {
		if o.switches["--off"] {
			if err := a.Monthly.StopPlan(ctx, w.ID); err != nil {
				return err
			}
			return r.print(map[string]any{"workspaceId": w.ID, "folder": ""}, locale.Message(r.lang, "cli.report_plan_off", nil))
		}
		folder, err := filepath.Abs(o.value("--folder"))
		if err != nil {
			return err
		}
		p, err := a.Monthly.SetPlan(ctx, w, folder, o.value("--lang"), o.value("--agency"))
		if err != nil {
			return err
		}
		return r.print(p, locale.Message(r.lang, "cli.report_planned", map[string]any{"folder": folder}))
	})
}
