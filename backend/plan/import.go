package plan

import (
	"context"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"ruche/backend/account"
	"ruche/backend/calendar"
	"ruche/backend/fault"
	"ruche/backend/media"
	"ruche/backend/network"
	"ruche/backend/post"
	"ruche/backend/workspace"
)

// ErrRowNoAccount: a row of an import file names no account to publish to.
var ErrRowNoAccount = fault.New(fault.Invalid, "plan.import_account_missing")

// PreviewImport reads a bulk import file for workspace w and returns its
// rows, each with every problem found; it saves nothing. dir is the folder
// of the file: a relative media path is read from there, and the rows come
// back with their media paths made absolute.
//
// Besides what calendar.ParseCSV finds (dates, times past, links, media
// files missing, accounts unknown), a row must name at least one account of
// w, by handle or identifier, and its text and media are checked against
// the network of each: a text over a limit is a problem of the row.
func (s *Service) PreviewImport(ctx context.Context, w workspace.Workspace, r io.Reader, dir string) ([]calendar.Row, error) {
	loc, err := Zone(w)
	if err != nil {
		return nil, err
	}
	all, err := s.accounts.List(ctx, w.ID)
	if err != nil {
		return nil, err
	}
	resolve := func(p string) string {
		if p == "" || filepath.IsAbs(p) || dir == "" {
			return p
		}
		return filepath.Join(dir, p)
	}
	rows, err := calendar.ParseCSV(r, loc, calendar.Checks{
		Now: s.now(),
		FileExists: func(p string) bool {
			fi, err := os.Stat(resolve(p))
			return err == nil && fi.Mode().IsRegular()
		},
		KnownAccount: func(name string) bool {
			_, ok := account.Match(all, name)
			return ok
		},
	})
	if err != nil {
		return nil, err
	}
	for i := range rows {
		rows[i].Media = resolve(rows[i].Media)
		rows[i].Problems = append(rows[i].Problems, contentProblems(rows[i], all)...)
	}
	return rows, nil
}

// contentProblems returns what the networks of the accounts a row names
// would refuse, and a problem when it names none.
func contentProblems(row calendar.Row, all []account.Account) []*fault.Error {
	line := map[string]any{"line": row.Line}
	if len(row.Accounts) == 0 {
		return []*fault.Error{ErrRowNoAccount.With(line, nil)}
	}
	var out []*fault.Error
	var files []post.Media
	if row.Media != "" {
		m, err := media.Inspect(row.Media)
		switch {
		case err == nil:
			files = []post.Media{m}
		case !errors.Is(err, media.ErrMissing): // a missing file is ParseCSV's problem already
			out = append(out, withLine(fault.As(err), row.Line))
		}
	}
	seen := map[string]bool{}
	for _, a := range targetsOf(row, all) {
		caps, _ := network.Defaults(a.Network)
		for _, pr := range network.Validate(variantOf(row, a, files), caps) {
			key := a.Network + " " + pr.Code
			if pr.Severity != network.SeverityError || pr.Code == network.ProblemEmpty || seen[key] {
				continue // warnings do not stop an import; an empty text is ParseCSV's problem
			}
			seen[key] = true
			out = append(out, withLine(&fault.Error{Kind: fault.Invalid, Code: pr.Code, Args: pr.Args}, row.Line))
		}
	}
	return out
}

// withLine returns e with the row's line among its values.
func withLine(e *fault.Error, line int) *fault.Error {
	args := maps.Clone(e.Args)
	if args == nil {
		args = map[string]any{}
	}
	args["line"] = line
	return e.With(args, e.Err)
}

// targetsOf returns the accounts of all that a row names, each once.
func targetsOf(row calendar.Row, all []account.Account) []account.Account {
	var out []account.Account
	for _, name := range row.Accounts {
		a, ok := account.Match(all, name)
		if ok && !slices.ContainsFunc(out, func(b account.Account) bool { return b.ID == a.ID }) {
			out = append(out, a)
		}
	}
	return out
}

func variantOf(row calendar.Row, a account.Account, files []post.Media) post.Variant {
	return post.Variant{AccountID: a.ID, Network: a.Network, Text: row.Text, Link: row.Link, Media: files}
}

// Import creates the rows without problems as posts of workspace w, each
// with one variant per account it names, scheduled at its time (paused
// while the crisis switch is on), and returns how many it created. Each row
// is checked again: when its media file went missing, its time passed or
// its account was removed since the preview, the row gets the problem and
// is skipped. Only a failure of the store stops the import.
func (s *Service) Import(ctx context.Context, w workspace.Workspace, rows []calendar.Row) (int, error) {
	all, err := s.accounts.List(ctx, w.ID)
	if err != nil {
		return 0, err
	}
	n := 0
	for i := range rows {
		row := &rows[i]
		if !row.OK() {
			continue
		}
		in, problem := importInput(*row, all)
		if problem != nil {
			row.Problems = append(row.Problems, problem)
			continue
		}
		if _, err := s.create(ctx, w, in, row.At); err != nil {
			switch fault.KindOf(err) {
			case fault.Invalid, fault.Conflict, fault.NotFound:
				row.Problems = append(row.Problems, withLine(fault.As(err), row.Line))
				continue
			}
			return n, err
		}
		n++
	}
	return n, nil
}

// importInput is the post a good row makes, its media read again.
func importInput(row calendar.Row, all []account.Account) (post.Input, *fault.Error) {
	var files []post.Media
	if row.Media != "" {
		m, err := media.Inspect(row.Media)
		if err != nil {
			return post.Input{}, withLine(fault.As(err), row.Line)
		}
		files = []post.Media{m}
	}
	var in post.Input
	for _, name := range row.Accounts {
		a, ok := account.Match(all, name)
		if !ok {
			return post.Input{}, calendar.ErrRowAccountUnknown.With(map[string]any{"line": row.Line, "account": name}, nil)
		}
		if !slices.ContainsFunc(in.Variants, func(v post.Variant) bool { return v.AccountID == a.ID }) {
			in.Variants = append(in.Variants, variantOf(row, a, files))
		}
	}
	return in, nil
}
