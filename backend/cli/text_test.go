package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"ruche/backend/boot"
	"ruche/backend/locale"
	"ruche/backend/text"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/secrets"
)

func TestTextCheckJSON(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	in := "Très déçu : colis toujours pas reçu et l'acceuil au téléphone était horrible."
	var errOut bytes.Buffer
	code, out := h.runWith(t, strings.NewReader(in), &errOut, "--json", "text", "check")
	if code != 0 {
		t.Fatalf("text check --json = %d, %s", code, errOut.String())
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is no JSON object: %v\n%s", err, out)
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	if diff := cmp.Diff([]string{"intents", "language", "sentiment", "spelling", "voice"}, sorted(keys)); diff != "" {
		t.Errorf("JSON keys (-want +got):\n%s", diff)
	}
	var res textCheckJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Language != "fr" || res.Sentiment.Label != "negative" || res.Sentiment.Score >= 0 {
		t.Errorf("language, sentiment = %s, %+v; want fr, negative", res.Language, res.Sentiment)
	}
	if len(res.Intents) == 0 || res.Intents[0].Intent != "complaint" {
		t.Errorf("intents = %+v, want a complaint", res.Intents)
	}
	if len(res.Spelling) != 1 {
		t.Fatalf("spelling = %+v, want acceuil only", res.Spelling)
	}
	m := res.Spelling[0]
	if in[m.Start:m.End] != "acceuil" || m.Word != "acceuil" || len(m.Suggestions) == 0 || m.Suggestions[0] != "accueil" {
		t.Errorf("spelling = %+v: want acceuil at its byte offsets, accueil first", m)
	}
}

func TestTextCheckText(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	var errOut bytes.Buffer
	code, out := h.runWith(t, strings.NewReader("I recieved my order, thank you so much!"), &errOut, "text", "check")
	if code != 0 {
		t.Fatalf("text check = %d, %s", code, errOut.String())
	}
	for _, want := range []string{"Langue : en", "positive", "praise", "recieved", "received"} {
		if !strings.Contains(out, want) {
			t.Errorf("text check printed %q, want it to contain %q", out, want)
		}
	}
}

func TestTextCheckErrors(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"text"}, ExitUsage},
		{[]string{"text", "spell"}, ExitUsage},
		{[]string{"text", "check", "extra"}, ExitUsage},
		{[]string{"text", "check", "--bogus"}, ExitUsage},
		{[]string{"text", "check", "--workspace", "nobody"}, ExitError},
	}
	for _, tt := range tests {
		var errOut bytes.Buffer
		if code, _ := h.runWith(t, strings.NewReader("bonjour"), &errOut, tt.args...); code != tt.code {
			t.Errorf("%q = %d, want %d (%s)", tt.args, code, tt.code, errOut.String())
		}
	}
	var errOut bytes.Buffer
	big := strings.NewReader(strings.Repeat("a", maxTextInput+1))
	if code, _ := h.runWith(t, big, &errOut, "text", "check"); code != ExitError || !strings.Contains(errOut.String(), "trop long") {
		t.Errorf("text check of 1 MB + 1 = %d, %q; want an error saying it is too long", code, errOut.String())
	}
}

func TestTextCheckWorkspaceLanguage(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	if code, _, errOut := h.run(t, "workspace", "add", "Studio", "--language", "en"); code != 0 {
		t.Fatal(errOut)
	}
	var errOut bytes.Buffer
	code, out := h.runWith(t, strings.NewReader("👍👍"), &errOut, "--json", "text", "check", "--workspace", "studio")
	if code != 0 {
		t.Fatalf("text check --workspace = %d, %s", code, errOut.String())
	}
	var res textCheckJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Language != "en" {
		t.Errorf("text check of emoji only in an English workspace: language %q (%v), want en", res.Language, err)
	}
}

func sorted(s []string) []string {
	return slices.Sorted(slices.Values(s))
}

// With --workspace, the workspace's own words and brand voice apply.
func TestTextCheckWorkspaceWordsAndVoice(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	if code, _, errOut := h.run(t, "workspace", "add", "Fournil", "--language", "fr"); code != 0 {
		t.Fatal(errOut)
	}
	a, err := boot.Open(context.Background(), boot.Config{DataDir: h.dir, Vault: h.vault, System: locale.System{Lang: locale.French, Zone: "Europe/Paris"}})
	if err != nil {
		t.Fatal(err)
	}
	w, _ := findWorkspace(context.Background(), a, "Fournil")
	if err := a.Store.AddWord(context.Background(), w.ID, "Fournilou"); err != nil {
		t.Fatal(err)
	}
	if err := a.Store.SaveVoice(context.Background(), w.ID, text.Voice{Forbidden: []text.VoiceWord{{Word: "client", Use: "ami"}}}); err != nil {
		t.Fatal(err)
	}
	a.Close()
	var errOut bytes.Buffer
	code, out := h.runWith(t, strings.NewReader("Merci à chaque client de Fournilou"), &errOut, "--json", "text", "check", "--workspace", "Fournil")
	if code != 0 {
		t.Fatalf("text check --workspace = %d, %s", code, errOut.String())
	}
	var res textCheckJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Spelling) != 0 || len(res.Voice) != 1 {
		t.Errorf("text check = spelling %+v, voice %+v; want Fournilou accepted and client flagged", res.Spelling, res.Voice)
	}
}
