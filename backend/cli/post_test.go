package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ruche/backend/boot"
	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/secrets"
)

// step is one command of a scenario: its arguments, where "{name}" is a
// value captured by an earlier step, and what it must print.
type step struct {
	args     []string
	wantCode int
	wantOut  string // in stdout; "" for anything
	wantErr  string // in stderr; "" for anything
	capture  string // with --json, keep the "id" printed under this name
}

func (h harness) play(t *testing.T, steps []step) map[string]string {
	t.Helper()
	vars := map[string]string{}
	for _, st := range steps {
		args := make([]string, len(st.args))
		for i, a := range st.args {
			for k, v := range vars {
				a = strings.ReplaceAll(a, "{"+k+"}", v)
			}
			args[i] = a
		}
		code, out, errOut := h.run(t, args...)
		if code != st.wantCode || !strings.Contains(out, st.wantOut) || !strings.Contains(errOut, st.wantErr) {
			t.Errorf("ruche %q = %d\nstdout: %s\nstderr: %s\nwant %d, stdout with %q, stderr with %q", args, code, out, errOut, st.wantCode, st.wantOut, st.wantErr)
			continue
		}
		if st.capture != "" {
			var v struct{ ID string }
			if err := json.Unmarshal([]byte(out), &v); err != nil || v.ID == "" {
				t.Fatalf("ruche %q: no id in %q (%v)", args, out, err)
			}
			vars[st.capture] = v.ID
		}
	}
	return vars
}

// setSlots gives the current workspace of the folder queue slots, as the
// window would.
func (h harness) setSlots(t *testing.T, slots []calendar.Slot) {
	t.Helper()
	ctx := context.Background()
	a, err := boot.Open(ctx, boot.Config{DataDir: h.dir, Vault: h.vault, System: locale.System{Lang: locale.French, Zone: "Europe/Paris"}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	w, err := a.Workspaces.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Plan.SetQueueSlots(ctx, w, slots); err != nil {
		t.Fatal(err)
	}
}

func TestAccountAndPostCommands(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	// 2030-03-31: clocks spring forward in Paris at 02:00.
	vars := h.play(t, []step{
		{args: []string{"account", "list"}, wantOut: "Aucun compte dans cet espace de travail"},
		{args: []string{"account", "add", "bluesky", "fournil.bsky.social"}, wantOut: "Le compte Bluesky fournil.bsky.social a été ajouté"},
		{args: []string{"--json", "account", "add", "testnet", "bot", "--server", "http://127.0.0.1:9", "--name", "Robot"}, wantOut: `"displayName": "Robot"`, capture: "bot"},
		{args: []string{"account", "add", "myspace", "tom"}, wantCode: ExitError, wantErr: "Ruche ne connaît pas le réseau « myspace »"},
		{args: []string{"account", "add", "bluesky", "FOURNIL.bsky.social"}, wantCode: ExitError, wantErr: "déjà dans cet espace de travail"},
		{args: []string{"account", "add", "bluesky"}, wantCode: ExitUsage, wantErr: "Usage : ruche account add bluesky --handle HANDLE --app-password-stdin"},
		{args: []string{"account", "list"}, wantOut: "fournil.bsky.social"},
		{args: []string{"--json", "post", "add", "Pain", "au", "levain", "--account", "fournil.bsky.social", "--account", "{bot}", "--at", "2030-03-31 02:30", "--pillar", "Coulisses"},
			wantOut: `"localTime": "03:00"`, capture: "post"},
		{args: []string{"--json", "post", "add", "Une idée", "--account", "@fournil.bsky.social"}, wantOut: `"status": "draft"`, capture: "draft"},
		{args: []string{"post", "add", "Sans compte"}, wantCode: ExitUsage, wantErr: "Usage : ruche post add TEXT --account"},
		{args: []string{"post", "add", "x", "--account", "nobody"}, wantCode: ExitError, wantErr: "n’a pas de compte « nobody »"},
		{args: []string{"post", "add", "x", "--account", "{bot}", "--at", "2030-03-31"}, wantCode: ExitError, wantErr: "Choisissez une date et une heure."},
		{args: []string{"post", "list", "--from", "2030-03-30", "--to", "2030-04-01"}, wantOut: "2030-03-31 03:00  planifiée  bluesky,testnet  Pain au levain"},
		{args: []string{"--json", "post", "list", "--from", "2030-03-30", "--to", "2030-04-01"}, wantOut: `"scheduledAt": "2030-03-31T01:00:00Z"`},
		{args: []string{"post", "list", "--from", "2030-04-01", "--to", "2030-04-02"}, wantOut: "Aucune publication du 2030-04-01 au 2030-04-01."},
		{args: []string{"post", "list", "--from", "demain"}, wantCode: ExitError, wantErr: "« demain » n’est pas une date valide"},
		{args: []string{"post", "show", "{post}"}, wantOut: "[bluesky"},
		{args: []string{"post", "move", "{post}", "2030-04-02 09:00"}, wantOut: "déplacée au 2030-04-02 à 09:00 (Europe/Paris) : planifiée."},
		{args: []string{"post", "move", "{post}", "2020-04-02", "09:00"}, wantCode: ExitError, wantErr: "Cette heure est déjà passée"},
		{args: []string{"post", "move", "{post}"}, wantCode: ExitUsage, wantErr: "Usage : ruche post move ID"},
		{args: []string{"queue", "add", "{draft}"}, wantCode: ExitError, wantErr: "La file n’a encore aucun créneau"},
	})
	h.setSlots(t, []calendar.Slot{{Weekday: time.Wednesday, Time: calendar.Clock{Hour: 9, Minute: 30}}})
	h.play(t, []step{
		{args: []string{"queue", "add", vars["draft"]}, wantOut: "mise en file pour le"},
		{args: []string{"--json", "post", "show", vars["draft"]}, wantOut: `"localTime": "09:30"`},
		{args: []string{"post", "delete", vars["post"]}, wantOut: "Publication " + vars["post"] + " supprimée."},
		{args: []string{"post", "show", vars["post"]}, wantCode: ExitError, wantErr: "Cette publication n’existe plus."},
		{args: []string{"post", "frobnicate"}, wantCode: ExitUsage, wantErr: "Commande inconnue « post frobnicate »"},
		{args: []string{"account", "remove", "fournil.bsky.social"}, wantOut: "a été supprimé"},
		{args: []string{"--lang", "en", "account", "remove", "fournil.bsky.social"}, wantCode: ExitError, wantErr: "This workspace has no account named “fournil.bsky.social”."},
	})
}

func TestImportAndExportCommands(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	dir := t.TempDir()
	file := filepath.Join(dir, "posts.csv")
	os.WriteFile(file, []byte("date;texte;comptes\n31/03/2030 09:30;Pain du jour;fournil.bsky.social\n31/03/2030 10:00;Inconnu;nobody\n"), 0o600)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("date;texte;comptes\n31/03/2030 09:30;Un;nobody\n31/03/2030 10:00;Deux;nobody\n"), 0o600)
	out := filepath.Join(dir, "export.csv")
	h.play(t, []step{
		{args: []string{"account", "add", "bluesky", "fournil.bsky.social"}},
		{args: []string{"import", file, "--dry-run"}, wantOut: "✓ Ligne 2  2030-03-31 09:30  Pain du jour\n✗ Ligne 3  2030-03-31 10:00  Inconnu\n    Ligne 3 : aucun compte connecté ne s’appelle « nobody ».\n1 ligne peut être importée, 1 a des problèmes."},
		{args: []string{"import", file}, wantCode: ExitError, wantOut: "✗ Ligne 3", wantErr: "1 ligne sur 2 a des problèmes : rien n’a été importé"},
		{args: []string{"import", bad, "--dry-run"}, wantCode: ExitError, wantOut: "✗ Ligne 2", wantErr: "Aucune des 2 lignes ne peut être importée"},
		{args: []string{"--json", "import", bad, "--dry-run"}, wantCode: ExitError, wantOut: `"invalid": 2`},
		{args: []string{"--lang", "en", "import", file, "--dry-run"}, wantOut: "1 row can be imported, 1 has problems."},
		{args: []string{"--json", "post", "list", "--from", "2030-03-31", "--to", "2030-04-01"}, wantOut: "[]"},
		{args: []string{"--json", "import", file, "--valid-only"}, wantOut: `"imported": 1`},
		{args: []string{"import"}, wantCode: ExitUsage, wantErr: "Usage : ruche import FILE.csv"},
		{args: []string{"import", filepath.Join(dir, "absent.csv")}, wantCode: ExitError, wantErr: "Le fichier est illisible."},
		{args: []string{"export", "--ics"}, wantOut: "DTSTART:20300331T073000Z"},
		{args: []string{"export", "--csv", "--out", out}, wantOut: "Calendrier exporté dans " + out},
		{args: []string{"import", out, "--dry-run"}, wantOut: "1 ligne peut être importée, 0 a des problèmes."},
		{args: []string{"export"}, wantCode: ExitUsage, wantErr: "Usage : ruche export --ics|--csv"},
		{args: []string{"export", "--ics", "--csv"}, wantCode: ExitUsage},
		{args: []string{"export", "--pdf"}, wantCode: ExitUsage, wantErr: "unknown option --pdf"},
	})
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "\uFEFFdatetime,text,link,media,accounts\r\n2030-03-31T09:30:00+02:00,Pain du jour,,,fournil.bsky.social\r\n") {
		t.Errorf("exported CSV = %q, %v", b, err)
	}
}

func TestDemoCommandFillsTheCalendar(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	h.play(t, []step{
		{args: []string{"demo"}, wantOut: "L’espace de démonstration « Le Fournil de Léa (démo) » est prêt"},
		{args: []string{"account", "list"}, wantOut: "@fournil@piaille.fr"},
		{args: []string{"post", "list"}, wantOut: "planifiée"},
	})
}
