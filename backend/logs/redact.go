package logs

import (
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"sync"
)

// Redacted replaces every secret in the log.
const Redacted = "[redacted]"

// minSecret is the shortest value remembered as a secret: shorter ones would
// blank out ordinary words.
const minSecret = 8

// Redactor is the last step before the file. It removes two things from
// every line: the secrets it was told about (everything the vault reads or
// writes goes through Remember), and values that look like credentials by
// their field name or shape, so that a token nobody remembered still never
// lands on disk.
type Redactor struct {
	w       io.Writer
	mu      sync.RWMutex
	secrets map[string]struct{}
}

// NewRedactor returns a redactor writing to w.
func NewRedactor(w io.Writer) *Redactor {
	return &Redactor{w: w, secrets: map[string]struct{}{}}
}

// Remember adds secret to the values that are never written.
func (r *Redactor) Remember(secret string) {
	if len(secret) < minSecret {
		return
	}
	r.mu.Lock()
	r.secrets[secret] = struct{}{}
	// zerolog escapes strings as JSON: remember that spelling too.
	if q, err := json.Marshal(secret); err == nil {
		if esc := string(q[1 : len(q)-1]); esc != secret {
			r.secrets[esc] = struct{}{}
		}
	}
	r.mu.Unlock()
}

var (
	// "access_token":"…", "password":"…", "Authorization":"…", "appPassword":"…"
	secretField = regexp.MustCompile(`(?i)("[^"]*(?:token|password|passwd|secret|authorization|api_?key|cookie|session|refresh|bearer|pkce|verifier|code_?challenge)[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*"`)
	// Bearer abc…, access_token=abc…, password=…, in free text and URLs
	secretText = regexp.MustCompile(`(?i)(bearer\s+|(?:access_token|refresh_token|id_token|token|password|app_password|client_secret|code)=)[^\s"&\\,;]+`)
)

// Write redacts one line and writes it.
func (r *Redactor) Write(p []byte) (int, error) {
	line := secretField.ReplaceAll(p, []byte(`${1}"`+Redacted+`"`))
	line = secretText.ReplaceAll(line, []byte(`${1}`+Redacted))
	r.mu.RLock()
	for s := range r.secrets {
		if bytes.Contains(line, []byte(s)) {
			line = bytes.ReplaceAll(line, []byte(s), []byte(Redacted))
		}
	}
	r.mu.RUnlock()
	if _, err := r.w.Write(line); err != nil {
		return 0, err
	}
	return len(p), nil
}
