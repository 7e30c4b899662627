// Package api is what the window calls: one thin facade per screen, bound by
// Wails in main.go. Facades speak JSON DTOs and return (T, error); an error's
// kind and code become a translated {code, message} through Problem.
package api

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/boot"
	"ruche/backend/fault"
	"ruche/backend/locale"
	"ruche/backend/logs"
	"ruche/backend/settings"
	"ruche/backend/store"
	"ruche/backend/workspace"
)

// FileFilter narrows a file dialog to some files.
type FileFilter struct {
	Name    string // shown to the user
	Pattern string // "*.png;*.jpg"
}

// Dialogs are the native file dialogs, which only the window has. A
// cancelled dialog returns "" (OpenFiles: no path) and no error.
type Dialogs interface {
	OpenFile(title string, filters []FileFilter) (string, error)
	OpenFiles(title string, filters []FileFilter) ([]string, error)
	// OpenFolder opens in folder start when it is set.
	OpenFolder(title, start string) (string, error)
	SaveFile(title, defaultName string, filters []FileFilter) (string, error)
}

// ErrNotStarted wraps the reason the data could not be opened.
var ErrNotStarted = fault.New(fault.Unavailable, "not_started")

// Deps are what the Settings facade works with.
type Deps struct {
	App      *boot.App // nil when StartErr is set
	StartErr error     // why the data folder could not be opened
	DataDir  string
	Dialogs  Dialogs
	System   locale.System
	Version  string
	Log      zerolog.Logger // the boundary's log: one line per failed call
	// RestoreDamaged restores the data folder from the backup at path (""
	// for the newest) when its store was refused as damaged
	// (boot.RestoreDamaged); Relaunch then starts Ruche again on it.
	RestoreDamaged func(ctx context.Context, path string) (boot.Restored, error)
	Relaunch       func()
}

// Settings is the facade of the Settings and Home screens.
type Settings struct {
	d Deps
}

// NewSettings returns the facade.
func NewSettings(d Deps) *Settings { return &Settings{d: d} }

func (s *Settings) ready() (*boot.App, error) {
	if s.d.App == nil {
		return nil, ErrNotStarted.With(map[string]any{"reason": boot.Message(s.lang(), s.d.StartErr)}, s.d.StartErr)
	}
	return s.d.App, nil
}

// lang is the language of the UI and of error messages.
func (s *Settings) lang() locale.Lang {
	if s.d.App == nil {
		return s.d.System.Lang
	}
	return s.d.App.Settings.Language(context.Background())
}

// FormatError turns an error from any bound method of s into what the window
// shows, and logs it: the boundary is the one place an error is logged. It is
// a function, not a method, so that Wails does not bind it.
func FormatError(s *Settings, err error) Problem {
	e := fault.As(err)
	ev := s.d.Log.Warn()
	if e.Kind == fault.Internal {
		ev = s.d.Log.Error()
	}
	ev.Str("kind", e.Kind.String()).Str("code", e.Code).Err(err).Msg("call failed")
	return Problem{Code: e.Code, Message: locale.Message(s.lang(), e.Code, e.Args)}
}

// Info describes the app.
func (s *Settings) Info() (AppInfo, error) {
	p := boot.PathsOf(s.d.DataDir)
	info := AppInfo{Version: s.d.Version, DataDir: p.Data, BackupDir: p.Backups,
		LogFile: filepath.Join(p.Logs, logs.FileName), SystemLanguage: string(s.d.System.Lang),
		SystemTimeZone: s.d.System.Zone, Language: string(s.d.System.Lang), LanguageSetting: settings.LanguageSystem}
	if s.d.App == nil {
		pr := Problem{Code: fault.As(s.d.StartErr).Code, Message: boot.Message(s.d.System.Lang, s.d.StartErr)}
		info.StartupError = &pr
		return info, nil
	}
	st, err := s.d.App.Settings.Get(context.Background())
	if err != nil {
		return AppInfo{}, err
	}
	if st.Language != "" {
		info.LanguageSetting = st.Language
	}
	info.Language = string(st.UILanguage(s.d.System.Lang))
	info.OfferDemo = !st.DemoOfferDismissed && !s.hasDemo()
	return info, nil
}

func (s *Settings) hasDemo() bool {
	all, _ := s.d.App.Workspaces.List(context.Background())
	for _, w := range all {
		if w.Demo {
			return true
		}
	}
	return false
}

// SetLanguage chooses the UI language: "system", "fr" or "en".
func (s *Settings) SetLanguage(setting string) (AppInfo, error) {
	app, err := s.ready()
	if err != nil {
		return AppInfo{}, err
	}
	if err := app.Settings.SetLanguage(context.Background(), setting); err != nil {
		return AppInfo{}, err
	}
	return s.Info()
}

// TimeZones lists the IANA zones offered.
func (s *Settings) TimeZones() ([]string, error) { return locale.ZoneNames(), nil }

// ListWorkspaces returns every workspace, the current one marked.
func (s *Settings) ListWorkspaces() ([]Workspace, error) {
	app, err := s.ready()
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	cur, err := app.Workspaces.Current(ctx)
	if err != nil && !errors.Is(err, workspace.ErrNotFound) {
		return nil, err
	}
	all, err := app.Workspaces.List(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Workspace, 0, len(all))
	for _, w := range all {
		dto, err := s.dto(ctx, w, cur.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, dto)
	}
	return out, nil
}

// CreateWorkspace creates a workspace and makes it current.
func (s *Settings) CreateWorkspace(in WorkspaceInput) (Workspace, error) {
	app, err := s.ready()
	if err != nil {
		return Workspace{}, err
	}
	ctx := context.Background()
	w, err := app.Workspaces.Create(ctx, workspace.Input(in), false)
	if err != nil {
		return Workspace{}, err
	}
	if _, err := app.Workspaces.Switch(ctx, w.ID); err != nil {
		return Workspace{}, err
	}
	return s.dto(ctx, w, w.ID)
}

// UpdateWorkspace renames or edits a workspace.
func (s *Settings) UpdateWorkspace(id string, in WorkspaceInput) (Workspace, error) {
	return s.change(id, func(ctx context.Context, ws *workspace.Service) (workspace.Workspace, error) {
		return ws.Update(ctx, id, workspace.Input(in))
	})
}

// DeleteWorkspace deletes a workspace; another becomes current if needed.
func (s *Settings) DeleteWorkspace(id string) error {
	app, err := s.ready()
	if err != nil {
		return err
	}
	ctx := context.Background()
	if err := app.DeleteWorkspace(ctx, id); err != nil {
		return err
	}
	_, err = app.Workspaces.Current(ctx)
	return err
}

// SwitchWorkspace makes a workspace current.
func (s *Settings) SwitchWorkspace(id string) (Workspace, error) {
	return s.change(id, func(ctx context.Context, ws *workspace.Service) (workspace.Workspace, error) {
		return ws.Switch(ctx, id)
	})
}

// ChooseLogo asks for an image file and makes it the workspace's logo. A
// cancelled dialog leaves the workspace as it was.
func (s *Settings) ChooseLogo(id string) (Workspace, error) {
	if _, err := s.ready(); err != nil {
		return Workspace{}, err
	}
	l := s.lang()
	path, err := s.d.Dialogs.OpenFile(locale.Message(l, "dialog.logo_title", nil),
		[]FileFilter{{Name: locale.Message(l, "dialog.images", nil), Pattern: "*.png;*.jpg;*.jpeg;*.PNG;*.JPG;*.JPEG"}})
	if err != nil {
		return Workspace{}, err
	}
	if path == "" {
		return s.change(id, func(ctx context.Context, ws *workspace.Service) (workspace.Workspace, error) {
			return ws.Get(ctx, id)
		})
	}
	return s.setLogoFile(id, path)
}

// setLogoFile makes the image at path the workspace's logo. Paths come only
// from the native dialog: no bound method takes a path from the page.
func (s *Settings) setLogoFile(id, path string) (Workspace, error) {
	data, err := readLimited(path, workspace.MaxLogoBytes)
	if err != nil {
		return Workspace{}, err
	}
	return s.change(id, func(ctx context.Context, ws *workspace.Service) (workspace.Workspace, error) {
		return ws.SetLogo(ctx, id, data)
	})
}

// RemoveLogo removes the workspace's logo.
func (s *Settings) RemoveLogo(id string) (Workspace, error) {
	return s.change(id, func(ctx context.Context, ws *workspace.Service) (workspace.Workspace, error) {
		return ws.RemoveLogo(ctx, id)
	})
}

// CreateDemo creates or refreshes the demo workspace and makes it current.
func (s *Settings) CreateDemo() (Workspace, error) {
	app, err := s.ready()
	if err != nil {
		return Workspace{}, err
	}
	ctx := context.Background()
	w, err := app.Demo(ctx, s.lang())
	if err != nil {
		return Workspace{}, err
	}
	return s.dto(ctx, w, w.ID)
}

// DismissDemoOffer hides the demo offer for good.
func (s *Settings) DismissDemoOffer() error {
	app, err := s.ready()
	if err != nil {
		return err
	}
	return app.Settings.DismissDemoOffer(context.Background())
}

// BackupNow asks where to save and writes a backup of all the data there.
func (s *Settings) BackupNow() (BackupResult, error) {
	app, err := s.ready()
	if err != nil {
		return BackupResult{}, err
	}
	l := s.lang()
	name := "ruche-" + app.Now().Format("2006-01-02") + store.BackupExt
	path, err := s.d.Dialogs.SaveFile(locale.Message(l, "dialog.backup_title", nil), name, s.backupFilter(l))
	if err != nil || path == "" {
		return BackupResult{Cancelled: path == ""}, err
	}
	return s.backupTo(path)
}

// backupTo writes a backup of all the data to path.
func (s *Settings) backupTo(path string) (BackupResult, error) {
	app, err := s.ready()
	if err != nil {
		return BackupResult{}, err
	}
	if filepath.Ext(path) == "" {
		path += store.BackupExt
	}
	n, err := app.Backup(context.Background(), path)
	if err != nil {
		return BackupResult{}, err
	}
	return BackupResult{Path: path, Bytes: n}, nil
}

// RestoreFromFile asks for a backup and replaces all the data with it.
func (s *Settings) RestoreFromFile() (RestoreResult, error) {
	if _, err := s.ready(); err != nil {
		return RestoreResult{}, err
	}
	l := s.lang()
	path, err := s.d.Dialogs.OpenFile(locale.Message(l, "dialog.restore_title", nil), s.backupFilter(l))
	if err != nil || path == "" {
		return RestoreResult{Cancelled: path == ""}, err
	}
	return s.restoreFrom(path)
}

// RestoreNewest replaces all the data with the newest backup of the
// backups folder. When the store was refused as damaged (the window shows
// why instead of the app), the damaged folder is kept whole beside the
// backups and Ruche starts again on the restored data.
func (s *Settings) RestoreNewest() (RestoreResult, error) {
	if s.d.App == nil && errors.Is(s.d.StartErr, store.ErrCorrupt) && s.d.RestoreDamaged != nil {
		res, err := s.d.RestoreDamaged(context.Background(), "")
		if err != nil {
			return RestoreResult{}, err
		}
		if s.d.Relaunch != nil {
			s.d.Relaunch()
		}
		return RestoreResult{Path: res.From, Kept: res.Kept, Relaunch: s.d.Relaunch != nil}, nil
	}
	app, err := s.ready()
	if err != nil {
		return RestoreResult{}, err
	}
	path, err := boot.NewestBackup(app.Paths)
	if err != nil {
		return RestoreResult{}, err
	}
	return s.restoreFrom(path)
}

// restoreFrom replaces all the data with the backup at path.
func (s *Settings) restoreFrom(path string) (RestoreResult, error) {
	app, err := s.ready()
	if err != nil {
		return RestoreResult{}, err
	}
	safety, err := app.Restore(context.Background(), path)
	if err != nil {
		return RestoreResult{SafetyBackup: safety}, err
	}
	return RestoreResult{Path: path, SafetyBackup: safety}, nil
}

func (s *Settings) backupFilter(l locale.Lang) []FileFilter {
	return []FileFilter{{Name: locale.Message(l, "dialog.backups", nil), Pattern: "*" + store.BackupExt}}
}

// change runs fn on workspace id and returns the result as a DTO.
func (s *Settings) change(id string, fn func(context.Context, *workspace.Service) (workspace.Workspace, error)) (Workspace, error) {
	app, err := s.ready()
	if err != nil {
		return Workspace{}, err
	}
	ctx := context.Background()
	w, err := fn(ctx, app.Workspaces)
	if err != nil {
		return Workspace{}, err
	}
	cur, err := app.Workspaces.Current(ctx)
	if err != nil {
		return Workspace{}, err
	}
	return s.dto(ctx, w, cur.ID)
}

func (s *Settings) dto(ctx context.Context, w workspace.Workspace, current string) (Workspace, error) {
	dto := Workspace{ID: w.ID, Name: w.Name, TimeZone: w.TimeZone, Language: w.Language, Color: w.Color,
		Demo: w.Demo, Current: w.ID == current,
		CreatedAt: w.CreatedAt.UTC().Format(time.RFC3339), UpdatedAt: w.UpdatedAt.UTC().Format(time.RFC3339)}
	if w.Logo != nil {
		data, err := s.d.App.Workspaces.LogoData(ctx, w.ID)
		if err != nil {
			return Workspace{}, err
		}
		dto.LogoDataURL = "data:" + w.Logo.Type + ";base64," + base64.StdEncoding.EncodeToString(data)
	}
	return dto, nil
}

// ErrLogoUnreadable is returned when the chosen logo file cannot be read.
var ErrLogoUnreadable = fault.New(fault.Invalid, "workspace.logo_unreadable")

// readLimited reads a file of at most max bytes, refusing a larger one
// before reading it.
func readLimited(path string, max int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, ErrLogoUnreadable.With(map[string]any{"reason": err}, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, workspace.ErrLogoNotImage.With(nil, fmt.Errorf("%s is not a file", path))
	}
	if fi.Size() > max {
		return nil, workspace.LogoTooLarge(fi.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, ErrLogoUnreadable.With(map[string]any{"reason": err}, err)
	}
	return data, nil
}
