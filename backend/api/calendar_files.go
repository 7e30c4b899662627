package api

import (
	"bytes"
	"context"
	"os"
	"path/filepath"

	"ruche/backend/calendar"
	"ruche/backend/fault"
	"ruche/backend/importing"
	"ruche/backend/locale"
	"ruche/backend/plan"
	"ruche/backend/workspace"
)

// ErrImportExpired: ConfirmImport was given a token it does not hold.
var ErrImportExpired = fault.New(fault.NotFound, "api.import_expired")

// ExportICS asks where to save and writes the current workspace's calendar
// there as an iCalendar file. It returns the path, "" when cancelled.
func (c *Calendar) ExportICS() (string, error) {
	return c.export("dialog.export_ics_title", ".ics", FileFilter{Pattern: "*.ics"}, "dialog.ics",
		func(sc scope, b *bytes.Buffer) error { return sc.plan.ExportICS(sc.ctx, sc.ws, b) })
}

// ExportCSV asks where to save and writes the current workspace's calendar
// there as a CSV file that the import reads back. It returns the path, ""
// when cancelled.
func (c *Calendar) ExportCSV() (string, error) {
	return c.export("dialog.export_csv_title", ".csv", FileFilter{Pattern: "*.csv"}, "dialog.csv",
		func(sc scope, b *bytes.Buffer) error { return sc.plan.ExportCSV(sc.ctx, sc.ws, b) })
}

func (c *Calendar) export(title, ext string, filter FileFilter, filterName string, write func(scope, *bytes.Buffer) error) (string, error) {
	sc, err := c.s.current()
	if err != nil {
		return "", err
	}
	name := workspace.FileName(sc.ws.Name) + "-" + sc.app.Now().In(sc.loc).Format("2006-01-02") + ext
	return c.s.saveAs(sc, title, name, filter, filterName, func(b *bytes.Buffer) error { return write(sc, b) })
}

// saveAs asks where to save a file (title and filterName are message codes,
// name the proposed file name with its extension), then writes what write
// produces there. It returns the path, "" when the user cancelled.
func (s *Settings) saveAs(sc scope, title, name string, filter FileFilter, filterName string, write func(*bytes.Buffer) error) (string, error) {
	filter.Name = locale.Message(sc.lang, filterName, nil)
	ext := filepath.Ext(name)
	path, err := s.d.Dialogs.SaveFile(locale.Message(sc.lang, title, nil), name, []FileFilter{filter})
	if err != nil || path == "" {
		return "", err
	}
	if filepath.Ext(path) == "" {
		path += ext
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return "", err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		return "", plan.ErrWrite.With(map[string]any{"path": path, "reason": err}, err)
	}
	return path, nil
}

// PreviewImport asks for a CSV file and shows what it would import, each
// row with its problems. It saves nothing: ConfirmImport with the token
// imports the good rows.
func (c *Calendar) PreviewImport() (ImportPreview, error) {
	sc, err := c.s.current()
	if err != nil {
		return ImportPreview{}, err
	}
	path, err := c.s.d.Dialogs.OpenFile(locale.Message(sc.lang, "dialog.import_title", nil),
		[]FileFilter{{Name: locale.Message(sc.lang, "dialog.csv", nil), Pattern: "*.csv;*.CSV;*.txt;*.tsv"}})
	if err != nil || path == "" {
		return ImportPreview{Cancelled: path == ""}, err
	}
	return c.previewFile(sc, path)
}

// previewFile parses the CSV file at path for the current workspace and
// keeps its rows under a new token. Paths come only from the native dialog.
func (c *Calendar) previewFile(sc scope, path string) (ImportPreview, error) {
	f, err := os.Open(path)
	if err != nil {
		return ImportPreview{}, calendar.ErrCSVUnreadable.Because(err)
	}
	defer f.Close()
	rows, err := sc.plan.PreviewImport(sc.ctx, sc.ws, f, filepath.Dir(path))
	if err != nil {
		return ImportPreview{}, err
	}
	out := ImportPreview{Path: path, Rows: make([]ImportRow, len(rows))}
	for i, row := range rows {
		out.Rows[i] = importRowDTO(row, sc)
	}
	out.Valid, out.Invalid = importing.Count(rows)
	out.Token = c.imports.Keep(sc.ws.ID, rows)
	return out, nil
}

func importRowDTO(row calendar.Row, sc scope) ImportRow {
	out := ImportRow{Line: row.Line, At: rfc3339(row.At), Text: row.Text, Link: row.Link, Media: row.Media,
		Accounts: nonNil(row.Accounts), Problems: []Problem{}}
	for _, p := range row.Problems {
		out.Problems = append(out.Problems, Problem{Code: p.Code, Message: locale.Message(sc.lang, p.Code, p.Args)})
	}
	return out
}

// ConfirmImport imports the good rows of the preview token into the
// workspace it was made for, and returns how many posts it created. A row
// whose media file or time went bad since the preview is left out.
func (c *Calendar) ConfirmImport(token string) (int, error) {
	app, err := c.s.ready()
	if err != nil {
		return 0, err
	}
	wsID, rows, ok := c.imports.Take(token)
	if !ok {
		return 0, ErrImportExpired.With(nil, nil)
	}
	ctx := context.Background()
	w, err := app.Workspaces.Get(ctx, wsID)
	if err != nil {
		return 0, err
	}
	return app.Plan.Import(ctx, w, rows)
}
