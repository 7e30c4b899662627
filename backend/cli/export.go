package cli

import (
	"bytes"
	"context"

	"ruche/backend/boot"
	"ruche/backend/workspace"
)

// exportFile runs "ruche export --ics|--csv [--out FILE]": the current
// workspace's calendar to FILE, or to the standard output.
func (r *runner) exportFile(ctx context.Context, args []string) error {
	o, err := parseOptions(args, []string{"--out"}, []string{"--ics", "--csv"})
	if err != nil {
		return err
	}
	if len(o.args) > 0 || o.switches["--ics"] == o.switches["--csv"] {
		return usage("ruche export --ics|--csv [--out FILE]")
	}
	format := "csv"
	if o.switches["--ics"] {
		format = "ics"
	}
	return r.inWorkspace(ctx, func(ctx context.Context, a *boot.App, w workspace.Workspace) error {
		var b bytes.Buffer
		p := a.Plan
		if format == "ics" {
			err = p.ExportICS(ctx, w, &b)
		} else {
			err = p.ExportCSV(ctx, w, &b)
		}
		if err != nil {
			return err
		}
		return r.writeOut(o.value("--out"), format, b.Bytes(), "cli.exported")
	})
}
