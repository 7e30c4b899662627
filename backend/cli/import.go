package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"ruche/backend/boot"
	"ruche/backend/calendar"
	"ruche/backend/fault"
	"ruche/backend/importing"
	"ruche/backend/locale"
	"ruche/backend/plan"
	"ruche/backend/workspace"
)

// ErrImportInvalid: some rows of an import file have problems, and the
// user did not ask to import the others.
var ErrImportInvalid = fault.New(fault.Invalid, "cli.import_invalid")

// ErrImportNoneValid: a dry run found a problem in every row.
var ErrImportNoneValid = fault.New(fault.Invalid, "cli.import_none_valid")

// rowJSON is a row of an import file as scripts read it.
type rowJSON struct {
	Line     int           `json:"line"`
	At       string        `json:"at,omitempty"` // RFC 3339 UTC
	Text     string        `json:"text"`
	Link     string        `json:"link,omitempty"`
	Media    string        `json:"media,omitempty"`
	Accounts []string      `json:"accounts,omitempty"`
	Problems []problemJSON `json:"problems"`
}

type problemJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// importJSON is what "ruche import" prints with --json.
type importJSON struct {
	Rows     []rowJSON `json:"rows"`
	Valid    int       `json:"valid"`
	Invalid  int       `json:"invalid"`
	Imported int       `json:"imported"`
	DryRun   bool      `json:"dryRun"`
}

// importFile runs "ruche import FILE.csv [--dry-run] [--valid-only]": it
// shows each row's problems and imports the rows only if every one is good,
// or the good ones with --valid-only; --dry-run imports nothing.
func (r *runner) importFile(ctx context.Context, args []string) error {
	o, err := parseOptions(args, nil, []string{"--dry-run", "--valid-only"})
	if err != nil {
		return err
	}
	if len(o.args) != 1 {
		return usage("ruche import FILE.csv [--dry-run] [--valid-only]")
	}
	path := o.args[0]
	return r.inWorkspace(ctx, func(ctx context.Context, a *boot.App, w workspace.Workspace) error {
		f, err := os.Open(path)
		if err != nil {
			return calendar.ErrCSVUnreadable.Because(err)
		}
		defer f.Close()
		abs, err := filepath.Abs(path)
		if err != nil {
			return err
		}
		p := a.Plan
		rows, err := p.PreviewImport(ctx, w, f, filepath.Dir(abs))
		if err != nil {
			return err
		}
		res := importJSON{DryRun: o.switches["--dry-run"]}
		res.Valid, res.Invalid = importing.Count(rows)
		switch {
		case res.DryRun:
		case res.Invalid > 0 && !o.switches["--valid-only"]:
			r.printRows(rows, w)
			return ErrImportInvalid.With(map[string]any{"invalid": res.Invalid, "count": len(rows)}, nil)
		default:
			if res.Imported, err = p.Import(ctx, w, rows); err != nil {
				return err
			}
		}
		// A dry run that finds a problem in every row fails: scripts read
		// the exit code.
		var noneValid error
		if res.DryRun && res.Valid == 0 && res.Invalid > 0 {
			noneValid = ErrImportNoneValid.With(map[string]any{"count": len(rows)}, nil)
		}
		if r.inv.JSON {
			res.Rows = r.rowsJSON(rows)
			if err := r.print(res, ""); err != nil {
				return err
			}
			return noneValid
		}
		r.printRows(rows, w)
		if res.DryRun {
			if noneValid != nil {
				return noneValid
			}
			return r.print(nil, locale.Message(r.lang, "cli.import_preview", map[string]any{"valid": res.Valid, "invalid": res.Invalid}))
		}
		return r.print(nil, locale.Message(r.lang, "cli.import_done", map[string]any{"count": res.Imported}))
	})
}

func (r *runner) rowsJSON(rows []calendar.Row) []rowJSON {
	out := make([]rowJSON, len(rows))
	for i, row := range rows {
		j := rowJSON{Line: row.Line, Text: row.Text, Link: row.Link, Media: row.Media, Accounts: row.Accounts, Problems: []problemJSON{}}
		if !row.At.IsZero() {
			j.At = row.At.UTC().Format(time.RFC3339)
		}
		for _, p := range row.Problems {
			j.Problems = append(j.Problems, problemJSON{Code: p.Code, Message: locale.Message(r.lang, p.Code, p.Args)})
		}
		out[i] = j
	}
	return out
}

// printRows writes each row, its time in the workspace's zone, and its
// problems below it; nothing with --json, whose output is one document.
func (r *runner) printRows(rows []calendar.Row, w workspace.Workspace) {
	if r.inv.JSON {
		return
	}
	loc, err := plan.Zone(w)
	if err != nil {
		loc = time.UTC
	}
	var b strings.Builder
	for _, row := range rows {
		mark, when := "✓", "—"
		if !row.OK() {
			mark = "✗"
		}
		if !row.At.IsZero() {
			l := plan.LocalOf(row.At, loc)
			when = l.Day.String() + " " + l.Clock.String()
		}
		fmt.Fprintf(&b, "%s %s  %s  %s\n", mark, locale.Message(r.lang, "cli.row", map[string]any{"line": row.Line}), when, firstLine(row.Text))
		for _, p := range row.Problems {
			fmt.Fprintf(&b, "    %s\n", locale.Message(r.lang, p.Code, p.Args))
		}
	}
	fmt.Fprint(r.Stdout, b.String())
}

// firstLine returns the first line of text, cut to 60 characters.
func firstLine(text string) string {
	text, _, _ = strings.Cut(text, "\n")
	if rs := []rune(text); len(rs) > 60 {
		return string(rs[:59]) + "…"
	}
	return text
}
