package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/boot"
	"ruche/backend/locale"
	"ruche/backend/secrets"
)

func TestParse(t *testing.T) {
	env := map[string]string{"RUCHE_DATA": "/env/data"}
	tests := []struct {
		args    []string
		want    Invocation
		wantErr bool
	}{
		{nil, Invocation{Globals: Globals{Data: "/env/data"}}, false},
		{[]string{"--data", "/d", "--json", "workspace", "list"}, Invocation{Globals{Data: "/d", JSON: true}, []string{"workspace", "list"}}, false},
		{[]string{"workspace", "list", "--json", "--data=/d"}, Invocation{Globals{Data: "/d", JSON: true}, []string{"workspace", "list"}}, false},
		{[]string{"workspace", "add", "Café", "--zone", "Europe/Paris"}, Invocation{Globals{Data: "/env/data"}, []string{"workspace", "add", "Café", "--zone", "Europe/Paris"}}, false},
		{[]string{"--key-file", "/k", "--lang", "fr"}, Invocation{Globals{Data: "/env/data", KeyFile: "/k", Lang: "fr"}, nil}, false},
		{[]string{"-psn_0_1234"}, Invocation{Globals: Globals{Data: "/env/data"}}, false},
		{[]string{"--version"}, Invocation{Globals{Data: "/env/data"}, []string{"version"}}, false},
		{[]string{"--data"}, Invocation{}, true},
		{[]string{"--lang", "de"}, Invocation{}, true},
	}
	for _, tt := range tests {
		got, err := Parse(tt.args, func(k string) string { return env[k] })
		if (err != nil) != tt.wantErr {
			t.Errorf("Parse(%q) error = %v, want error %v", tt.args, err, tt.wantErr)
			continue
		}
		if err == nil {
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tt.args, diff)
			}
		}
	}
}

type harness struct {
	dir   string
	vault secrets.Vault
}

func (h harness) run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var errOut bytes.Buffer
	code, stdout = h.runWith(t, nil, &errOut, args...)
	return code, stdout, errOut.String()
}

// runWith runs a command reading stdin and writing its errors to stderr.
func (h harness) runWith(t *testing.T, stdin io.Reader, stderr io.Writer, args ...string) (code int, stdout string) {
	t.Helper()
	inv, err := Parse(append([]string{"--data", h.dir}, args...), func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	code = Run(context.Background(), inv, Env{Stdin: stdin, Stdout: &out, Stderr: stderr, Version: "1.2.3",
		System: locale.System{Lang: locale.French, Zone: "Europe/Paris"},
		Open: func(ctx context.Context, g Globals) (*boot.App, error) {
			return boot.Open(ctx, boot.Config{DataDir: g.Data, KeyFile: g.KeyFile, Vault: h.vault, Version: "1.2.3",
				System: locale.System{Lang: locale.French, Zone: "Europe/Paris"}, Now: time.Now})
		},
		RestoreDamaged: func(ctx context.Context, g Globals, path string) (boot.Restored, error) {
			return boot.RestoreDamaged(ctx, boot.Config{DataDir: g.Data, KeyFile: g.KeyFile, Vault: h.vault, Version: "1.2.3",
				System: locale.System{Lang: locale.French, Zone: "Europe/Paris"}, Now: time.Now}, path)
		}})
	return code, out.String()
}

func TestWorkspaceCommands(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	if code, out, _ := h.run(t, "workspace", "add", "Atelier", "Éole", "--zone", "America/Toronto", "--language=en"); code != 0 || !strings.Contains(out, "« Atelier Éole » créé") {
		t.Fatalf("workspace add = %d, %q", code, out)
	}
	code, out, _ := h.run(t, "--json", "workspace", "list")
	var list []workspaceJSON
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil {
		t.Fatalf("workspace list --json = %d, %v:\n%s", code, err, out)
	}
	if len(list) != 2 || list[0].Name != "Mon entreprise" || !list[0].Current || list[1].Name != "Atelier Éole" || list[1].TimeZone != "America/Toronto" || list[1].Language != "en" {
		t.Errorf("workspace list = %+v", list)
	}
	if code, _, errOut := h.run(t, "workspace", "add", "ATELIER ÉOLE"); code != ExitError || !strings.Contains(errOut, "existe déjà") {
		t.Errorf("duplicate add = %d, %q; want 1 and a French message", code, errOut)
	}
	if code, out, _ := h.run(t, "workspace", "use", "atelier éole"); code != 0 || !strings.Contains(out, "« Atelier Éole » est maintenant l’espace de travail courant") {
		t.Errorf("workspace use = %d, %q", code, out)
	}
	if _, out, _ := h.run(t, "--json", "workspace", "list"); !strings.Contains(out, `"name": "Atelier Éole",
    "timeZone": "America/Toronto",
    "language": "en",
    "color": "#f5a623",
    "hasLogo": false,
    "demo": false,
    "current": true`) {
		t.Errorf("after workspace use, list = %s; want Atelier Éole current", out)
	}
	if code, _, errOut := h.run(t, "workspace", "use", "nobody"); code != ExitError || !strings.Contains(errOut, "n’existe plus") {
		t.Errorf("workspace use nobody = %d, %q", code, errOut)
	}
	if code, out, _ := h.run(t, "workspace", "remove", "atelier éole"); code != 0 || !strings.Contains(out, "supprimé") {
		t.Errorf("workspace remove = %d, %q", code, out)
	}
	if code, out, _ := h.run(t, "--json", "demo"); code != 0 || !strings.Contains(out, `"demo": true`) {
		t.Errorf("demo = %d, %q", code, out)
	}
	if code, out, _ := h.run(t, "workspace", "list"); code != 0 || !strings.Contains(out, "Le Fournil de Léa (démo)") || !strings.Contains(out, "* ") {
		t.Errorf("workspace list after demo = %d, %q", code, out)
	}
}

func TestErrorsAndExitCodes(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	tests := []struct {
		args     []string
		wantCode int
		wantErr  string
	}{
		{[]string{"frobnicate"}, ExitUsage, "Commande inconnue « frobnicate »"},
		{[]string{"workspace"}, ExitUsage, "Usage : ruche workspace list|add|remove"},
		{[]string{"workspace", "add"}, ExitUsage, "Usage : ruche workspace add NAME"},
		{[]string{"workspace", "add", "X", "--zone", "Mars/Base"}, ExitError, "« Mars/Base » n’est pas un fuseau horaire"},
		{[]string{"workspace", "remove", "nobody"}, ExitError, "Cet espace de travail n’existe plus."},
		{[]string{"--lang", "en", "workspace", "remove", "nobody"}, ExitError, "This workspace no longer exists."},
		{[]string{"--json", "nope"}, ExitUsage, `"code":"cli.unknown_command"`},
	}
	for _, tt := range tests {
		code, _, errOut := h.run(t, tt.args...)
		if code != tt.wantCode || !strings.Contains(errOut, tt.wantErr) {
			t.Errorf("ruche %q = %d, %q; want %d and %q", tt.args, code, errOut, tt.wantCode, tt.wantErr)
		}
	}
}

func TestSecondProcessGetsAClearError(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	held, err := boot.Open(context.Background(), boot.Config{DataDir: h.dir, Vault: h.vault, System: locale.System{Lang: locale.French, Zone: "UTC"}})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	code, _, errOut := h.run(t, "workspace", "list")
	if code != ExitError || !strings.Contains(errOut, "Une autre instance de Ruche utilise déjà le dossier de données") {
		t.Errorf("workspace list while the folder is in use = %d, %q", code, errOut)
	}
}

func TestHelpAndVersion(t *testing.T) {
	h := harness{dir: t.TempDir()}
	if code, out, _ := h.run(t, "help"); code != 0 || !strings.Contains(out, "workspace add NOM") || !strings.Contains(out, h.dir) {
		t.Errorf("help = %d, %q", code, out)
	}
	if code, out, _ := h.run(t, "--json", "version"); code != 0 || !strings.Contains(out, `"version": "1.2.3"`) {
		t.Errorf("version --json = %d, %q", code, out)
	}
}

func TestPauseAndResume(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	tests := []struct {
		args     []string
		wantCode int
		want     string
	}{
		{[]string{"pause"}, ExitError, "Indiquez pourquoi"},
		{[]string{"pause", "--reason", "Bad buzz", "--until", "2001-01-01 10:00"}, ExitError, "doit être dans le futur"},
		{[]string{"pause", "--reason", "Bad buzz sur la galette"}, ExitOK, "en pause : Bad buzz sur la galette"},
		{[]string{"--json", "resume"}, ExitOK, `"resumed": 0`},
		{[]string{"resume"}, ExitError, "ne sont pas en pause"},
	}
	for _, tt := range tests {
		code, out, errOut := h.run(t, tt.args...)
		if code != tt.wantCode || !strings.Contains(out+errOut, tt.want) {
			t.Errorf("ruche %q = %d, %q %q; want %d and %q", tt.args, code, out, errOut, tt.wantCode, tt.want)
		}
	}
}

// After report and text, --lang is the command's: the language of the
// report or of the text; before them, the messages'.
func TestCommandsWithTheirOwnLang(t *testing.T) {
	for _, tt := range []struct {
		args     []string
		wantLang string
		wantArgs []string
	}{
		{[]string{"--lang", "fr", "report", "--lang", "en", "--out", "r.pdf"}, "fr", []string{"report", "--lang", "en", "--out", "r.pdf"}},
		{[]string{"text", "check", "--lang=auto"}, "", []string{"text", "check", "--lang", "auto"}},
		{[]string{"workspace", "list", "--lang", "en"}, "en", []string{"workspace", "list"}},
	} {
		inv, err := Parse(tt.args, func(string) string { return "" })
		if err != nil || inv.Lang != tt.wantLang || strings.Join(inv.Args, " ") != strings.Join(tt.wantArgs, " ") {
			t.Errorf("Parse(%q) = lang %q args %q, %v; want %q %q", tt.args, inv.Lang, inv.Args, err, tt.wantLang, tt.wantArgs)
		}
	}
}

// TestDamagedStoreRefusedThenRestored: a store whose MANIFEST was cut is
// refused (exit 1, the translated reason, every file kept); ruche restore
// puts the newest backup in its place, keeping the damaged folder whole.
func TestDamagedStoreRefusedThenRestored(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	if code, _, errOut := h.run(t, "workspace", "add", "Le Fournil"); code != 0 {
		t.Fatalf("workspace add = %d, %s", code, errOut)
	}
	if code, out, errOut := h.run(t, "backup"); code != 0 || !strings.Contains(out, "Sauvegarde écrite") {
		t.Fatalf("backup = %d, %q, %s", code, out, errOut)
	}
	h.run(t, "workspace", "add", "Après la sauvegarde")
	manifest := filepath.Join(h.dir, "store", "MANIFEST")
	if err := os.Truncate(manifest, 10); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadDir(filepath.Join(h.dir, "store"))
	code, out, errOut := h.run(t, "workspace", "list")
	if code != ExitError || !strings.Contains(errOut, "endommagées") || strings.Contains(out, "Mon entreprise") {
		t.Fatalf("workspace list on a damaged store = %d, %q, %q; want exit 1 and the reason, never a new store", code, out, errOut)
	}
	after, _ := os.ReadDir(filepath.Join(h.dir, "store"))
	if len(after) != len(before) {
		t.Errorf("the refused store has %d files, had %d", len(after), len(before))
	}
	if code, out, errOut := h.run(t, "restore"); code != 0 || !strings.Contains(out, "restaurées") {
		t.Fatalf("restore = %d, %q, %q", code, out, errOut)
	}
	if _, out, _ := h.run(t, "workspace", "list"); !strings.Contains(out, "Le Fournil") || strings.Contains(out, "Après la sauvegarde") {
		t.Errorf("after the restore, workspaces = %q; want those of the backup", out)
	}
	kept, _ := filepath.Glob(filepath.Join(h.dir, "backups", "damaged-store-*", "MANIFEST"))
	if len(kept) != 1 {
		t.Fatalf("damaged folders kept = %v, want one", kept)
	}
	if fi, err := os.Stat(kept[0]); err != nil || fi.Size() != 10 {
		t.Errorf("the kept MANIFEST = %v, %v; want the damaged one, as it was", fi, err)
	}
}

// TestRestoreWhileRunRuns: `ruche restore` while `ruche run` holds the
// data folder is refused with the reason, and changes nothing.
func TestRestoreWhileRunRuns(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	if code, _, errOut := h.run(t, "backup"); code != 0 {
		t.Fatalf("backup = %d, %s", code, errOut)
	}
	running, err := boot.Open(context.Background(), boot.Config{DataDir: h.dir, Vault: h.vault, Version: "1.2.3",
		System: locale.System{Lang: locale.French, Zone: "Europe/Paris"}, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer running.Close()
	code, _, errOut := h.run(t, "restore")
	if code != ExitError || !strings.Contains(errOut, "utilise déjà") {
		t.Errorf("restore while the folder is in use = %d, %q; want exit 1 and the reason", code, errOut)
	}
}
