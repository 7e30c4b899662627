package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"ruche/backend/network/mastodon/mastodontest"
	"ruche/backend/secrets"
)

// syncBuffer is written by the command and read by the test meanwhile.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// ruche account add mastodon --instance URL prints the address to open
// and reads the code the instance shows; list, disconnect and remove follow.
func TestAccountAddMastodon(t *testing.T) {
	srv := mastodontest.NewServer(time.Now)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	srv.Approve("fournil")
	vault := secrets.NewMemory()
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: vault}

	stdin, typing := io.Pipe()
	stderr := &syncBuffer{}
	go func() {
		// The user: reads the address, approves in the browser, pastes the code.
		addr := regexp.MustCompile(`http://\S+/oauth/authorize\S+`)
		for range 200 {
			if u := addr.FindString(stderr.String()); u != "" {
				resp, err := http.Get(u)
				if err == nil {
					page, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					io.WriteString(typing, mastodontest.CodeFromPage(string(page))+"\n")
				}
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
		typing.Close()
	}()
	code, out := h.runWith(t, stdin, stderr, "--json", "account", "add", "mastodon", "--instance", ts.URL)
	if code != 0 {
		t.Fatalf("account add mastodon = %d\nstdout: %s\nstderr: %s", code, out, stderr)
	}
	if !strings.Contains(stderr.String(), "collez ici le code") {
		t.Errorf("stderr = %q, want the French instructions", stderr)
	}
	var acc accountJSON
	if err := json.Unmarshal([]byte(out), &acc); err != nil || acc.Network != "mastodon" || acc.Health != "connected" ||
		!strings.HasPrefix(acc.Handle, "@fournil@") {
		t.Fatalf("account = %+v, %v", acc, err)
	}
	if tok, err := vault.Get("account-token/" + acc.ID); err != nil || tok == "" {
		t.Errorf("token in the keychain: %q, %v", tok, err)
	}

	code, out, _ = h.run(t, "--json", "account", "disconnect", acc.ID)
	if code != 0 || !strings.Contains(out, `"health": "disconnected"`) {
		t.Errorf("account disconnect = %d, %s", code, out)
	}
	if _, err := vault.Get("account-token/" + acc.ID); err == nil {
		t.Error("the token is still in the keychain after disconnect")
	}
	if code, _, _ = h.run(t, "account", "remove", acc.ID); code != 0 {
		t.Errorf("account remove = %d", code)
	}
	if _, out, _ = h.run(t, "--json", "account", "list"); strings.TrimSpace(out) != "[]" {
		t.Errorf("account list after remove = %s, want []", out)
	}
}

func TestAccountAddBlueskyNeedsThePasswordOnStdin(t *testing.T) {
	h := harness{dir: filepath.Join(t.TempDir(), "data"), vault: secrets.NewMemory()}
	stderr := &syncBuffer{}
	code, _ := h.runWith(t, strings.NewReader(""), stderr, "account", "add", "bluesky", "--handle", "brand.test", "--app-password-stdin")
	if code == 0 || !strings.Contains(stderr.String(), "entrée standard") {
		t.Errorf("account add bluesky with nothing on stdin = %d, %q; want the stdin message", code, stderr)
	}
}

// ruche report writes the demo's client report as a PDF and its figures
// as CSV; a bad period is refused with the usage.
func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	h := harness{dir: filepath.Join(dir, "data"), vault: secrets.NewMemory()}
	if code, _, errOut := h.run(t, "demo"); code != 0 {
		t.Fatalf("demo = %d: %s", code, errOut)
	}
	now := time.Now()
	from := now.AddDate(0, 0, -30).Format("2006-01-02")
	to := now.Format("2006-01-02")
	pdf := filepath.Join(dir, "rapport.pdf")
	code, out, errOut := h.run(t, "--json", "report", "--from", from, "--to", to, "--lang", "fr", "--agency", "Agence Ruche", "--out", pdf)
	if code != 0 {
		t.Fatalf("report = %d: %s %s", code, out, errOut)
	}
	b, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || len(b) < 10_000 {
		t.Errorf("report file: %d bytes, %v; want a PDF", len(b), err)
	}
	code, out, _ = h.run(t, "report", "--from", from, "--to", to, "--csv")
	if code != 0 || !strings.Contains(out, "\n") || len(strings.Split(out, "\n")) < 10 {
		t.Errorf("report --csv = %d, %d lines", code, len(strings.Split(out, "\n")))
	}
	if code, _, errOut = h.run(t, "report", "--from", to, "--to", from, "--out", pdf); code == 0 {
		t.Errorf("report with the period backwards = 0, want a refusal (%s)", errOut)
	}
}

func TestReportPlanCommand(t *testing.T) {
	dir := t.TempDir()
	h := harness{dir: filepath.Join(dir, "data"), vault: secrets.NewMemory()}
	if code, _, errOut := h.run(t, "report", "plan", "--folder", filepath.Join(dir, "nowhere")); code == 0 {
		t.Errorf("report plan to a missing folder = 0, want a refusal (%s)", errOut)
	}
	code, out, errOut := h.run(t, "--json", "report", "plan", "--folder", dir, "--lang", "en")
	if code != 0 || !strings.Contains(out, `"folder": "`+dir+`"`) {
		t.Errorf("report plan = %d, %s %s", code, out, errOut)
	}
	if code, _, _ := h.run(t, "report", "plan", "--off"); code != 0 {
		t.Errorf("report plan --off = %d", code)
	}
	if code, _, _ := h.run(t, "report", "plan"); code != ExitUsage {
		t.Errorf("report plan without a folder = %d, want the usage", code)
	}
}
