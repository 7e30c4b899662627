package api

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/boot"
	"ruche/backend/demo"
	"ruche/backend/locale"
	"ruche/backend/secrets"
	"ruche/backend/store"
)

// fakeDialogs answers file dialogs with prepared paths; "" (or no files) is
// a cancel.
type fakeDialogs struct {
	open, save, folder string
	files              []string
	titles             []string
	starts             []string // where each folder chooser opened
}

func (f *fakeDialogs) OpenFile(title string, _ []FileFilter) (string, error) {
	f.titles = append(f.titles, title)
	return f.open, nil
}

func (f *fakeDialogs) OpenFiles(title string, _ []FileFilter) ([]string, error) {
	f.titles = append(f.titles, title)
	return f.files, nil
}

func (f *fakeDialogs) OpenFolder(title, start string) (string, error) {
	f.titles, f.starts = append(f.titles, title), append(f.starts, start)
	return f.folder, nil
}

func (f *fakeDialogs) SaveFile(title, _ string, _ []FileFilter) (string, error) {
	f.titles = append(f.titles, title)
	return f.save, nil
}

var system = locale.System{Lang: locale.English, Zone: "America/Toronto"}

func newFacade(t *testing.T) (*Settings, *fakeDialogs) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	app, err := boot.Open(context.Background(), boot.Config{DataDir: dir, Vault: secrets.NewMemory(), Version: "test",
		System: system, Now: func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	d := &fakeDialogs{}
	return NewSettings(Deps{App: app, DataDir: dir, Dialogs: d, System: system, Version: "test", Log: zerolog.Nop()}), d
}

// must returns v, or stops the test (through a panic, which fails it with
// the stack) when a call that must succeed did not.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestWorkspaceLifecycle(t *testing.T) {
	s, _ := newFacade(t)
	all := must(s.ListWorkspaces())
	if len(all) != 1 || all[0].Name != "My business" || !all[0].Current || all[0].TimeZone != "America/Toronto" {
		t.Fatalf("first run: %+v, want one current \"My business\" in America/Toronto", all)
	}
	w := must(s.CreateWorkspace(WorkspaceInput{Name: "Atelier Éole", TimeZone: "Europe/Paris", Language: "fr"}))
	if !w.Current || w.Color != "#f5a623" {
		t.Errorf("CreateWorkspace() = %+v, want current with the default colour", w)
	}
	w = must(s.UpdateWorkspace(w.ID, WorkspaceInput{Name: "Atelier Zéphyr", TimeZone: "Europe/Paris", Language: "fr", Color: "#123456"}))
	if w.Name != "Atelier Zéphyr" || w.Color != "#123456" {
		t.Errorf("UpdateWorkspace() = %+v", w)
	}
	first := must(s.SwitchWorkspace(all[0].ID))
	if !first.Current {
		t.Errorf("SwitchWorkspace() = %+v, want current", first)
	}
	if err := s.DeleteWorkspace(first.ID); err != nil {
		t.Fatal(err)
	}
	all = must(s.ListWorkspaces())
	if len(all) != 1 || all[0].ID != w.ID || !all[0].Current {
		t.Errorf("after deleting the current workspace: %+v, want only %s, current", all, w.ID)
	}
}

func TestErrorsAreTranslatedAndKeepNothingHalfDone(t *testing.T) {
	s, _ := newFacade(t)
	must(s.SetLanguage("fr"))
	_, err := s.CreateWorkspace(WorkspaceInput{Name: "Atelier", TimeZone: "Europe/Nowhere", Language: "fr"})
	p := FormatError(s, err)
	if p.Code != "workspace.zone_invalid" || !strings.Contains(p.Message, "« Europe/Nowhere » n’est pas un fuseau horaire") {
		t.Errorf("FormatError() = %+v, want the French zone message", p)
	}
	if all := must(s.ListWorkspaces()); len(all) != 1 {
		t.Errorf("a refused workspace was saved: %+v", all)
	}
	must(s.SetLanguage("en"))
	all := must(s.ListWorkspaces())
	p = FormatError(s, s.DeleteWorkspace(all[0].ID))
	if p.Code != "workspace.last" || !strings.HasPrefix(p.Message, "Ruche needs at least one workspace") {
		t.Errorf("FormatError(delete last) = %+v", p)
	}
	if _, err := s.SetLanguage("de"); FormatError(s, err).Code != "settings.language_invalid" {
		t.Errorf("SetLanguage(de) = %v, want settings.language_invalid", err)
	}
}

func TestLogo(t *testing.T) {
	s, d := newFacade(t)
	id := must(s.ListWorkspaces())[0].ID
	dir := t.TempDir()
	logo := filepath.Join(dir, "logo.png")
	os.WriteFile(logo, demo.Logo("#336699"), 0o600)
	notImage := filepath.Join(dir, "logo.png.exe")
	os.WriteFile(notImage, []byte("MZ this is a program"), 0o600)
	huge := filepath.Join(dir, "huge.png")
	os.WriteFile(huge, make([]byte, 3<<20), 0o600)

	d.open = ""
	if w := must(s.ChooseLogo(id)); w.LogoDataURL != "" {
		t.Errorf("cancelled ChooseLogo() set a logo")
	}
	d.open = logo
	w := must(s.ChooseLogo(id))
	if !strings.HasPrefix(w.LogoDataURL, "data:image/png;base64,") {
		t.Errorf("ChooseLogo() logo = %.40q, want a PNG data URL", w.LogoDataURL)
	}
	for path, code := range map[string]string{notImage: "workspace.logo_not_image", huge: "workspace.logo_too_large",
		filepath.Join(dir, "gone.png"): "workspace.logo_unreadable", dir: "workspace.logo_not_image"} {
		d.open = path
		_, err := s.ChooseLogo(id)
		if got := FormatError(s, err).Code; got != code {
			t.Errorf("SetLogoFile(%s) code = %q, want %q", filepath.Base(path), got, code)
		}
	}
	if w := must(s.ListWorkspaces())[0]; w.LogoDataURL == "" {
		t.Errorf("a refused logo removed the good one")
	}
	if w := must(s.RemoveLogo(id)); w.LogoDataURL != "" {
		t.Errorf("RemoveLogo() left a logo")
	}
	if len(d.titles) == 0 || d.titles[0] != "Choose the workspace’s logo" {
		t.Errorf("dialog titles = %q, want the English title", d.titles)
	}
}

func TestDemoOffer(t *testing.T) {
	s, _ := newFacade(t)
	if !must(s.Info()).OfferDemo {
		t.Fatal("a new user is not offered the demo")
	}
	w := must(s.CreateDemo())
	if !w.Demo || !w.Current || w.LogoDataURL == "" || w.Name != demo.Brand[locale.English] {
		t.Errorf("CreateDemo() = %+v, want the current demo with a logo", w)
	}
	again := must(s.CreateDemo())
	if again.ID != w.ID || len(must(s.ListWorkspaces())) != 2 {
		t.Errorf("a second CreateDemo() made another workspace")
	}
	if must(s.Info()).OfferDemo {
		t.Error("the demo is still offered while it exists")
	}
	noErr(t, s.DeleteWorkspace(w.ID))
	noErr(t, s.DismissDemoOffer())
	if must(s.Info()).OfferDemo {
		t.Error("the demo is offered after \"no thanks\"")
	}
}

func TestBackupAndRestoreThroughDialogs(t *testing.T) {
	s, d := newFacade(t)
	must(s.CreateWorkspace(WorkspaceInput{Name: "Gardé", TimeZone: "Europe/Paris", Language: "fr"}))
	d.save = filepath.Join(t.TempDir(), "backup")
	res := must(s.BackupNow())
	if res.Cancelled || res.Bytes == 0 || res.Path != d.save+store.BackupExt {
		t.Fatalf("BackupNow() = %+v", res)
	}
	all := must(s.ListWorkspaces())
	for _, w := range all {
		if w.Name == "Gardé" {
			noErr(t, s.DeleteWorkspace(w.ID))
		}
	}
	d.open = res.Path
	rr := must(s.RestoreFromFile())
	if rr.SafetyBackup == "" || rr.Cancelled {
		t.Errorf("RestoreFromFile() = %+v, want a safety backup", rr)
	}
	if _, err := os.Stat(rr.SafetyBackup); err != nil {
		t.Errorf("safety backup: %v", err)
	}
	if got := len(must(s.ListWorkspaces())); got != 2 {
		t.Errorf("after restore: %d workspaces, want 2", got)
	}
	d.save = ""
	if res := must(s.BackupNow()); !res.Cancelled {
		t.Errorf("BackupNow() with a cancelled dialog = %+v", res)
	}
}

func TestStartupErrorIsShownNotHidden(t *testing.T) {
	cause := store.ErrLocked.With(map[string]any{"dir": "/data"}, errors.New("flock"))
	s := NewSettings(Deps{StartErr: cause, DataDir: "/data", System: locale.System{Lang: locale.French, Zone: "UTC"}, Log: zerolog.Nop()})
	info := must(s.Info())
	if info.StartupError == nil || info.StartupError.Code != "store.locked" ||
		!strings.Contains(info.StartupError.Message, "Une autre instance de Ruche utilise déjà le dossier de données /data") {
		t.Fatalf("Info().StartupError = %+v", info.StartupError)
	}
	_, err := s.ListWorkspaces()
	if p := FormatError(s, err); p.Code != "not_started" || !strings.Contains(p.Message, "/data") {
		t.Errorf("ListWorkspaces() without data = %+v", p)
	}
}
