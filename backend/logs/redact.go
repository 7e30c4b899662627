package logs

import (
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"strings"
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

// Remember adds secret to the values that are never written. When secret is
// a JSON document (a Bluesky session, an OAuth client), each string inside
// it is remembered too, so that a token is redacted wherever it later shows
// up alone — except the account's public identifiers, which the log needs.
func (r *Redactor) Remember(secret string) {
	values := []string{secret}
	if t := strings.TrimSpace(secret); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
		var doc any
		if json.Unmarshal([]byte(t), &doc) == nil {
			values = leaves(doc, "", values)
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, v := range values {
		r.remember(v)
	}
}

// public tells the JSON keys whose strings identify an account rather than
// open it (the did, handle and pds of credentials' Bluesky session):
// remembered, they would blank every DID, handle and server address out of
// the log.
func public(key string) bool {
	switch key {
	case "did", "handle", "pds":
		return true
	}
	return false
}

// leaves appends the strings of the JSON value v, found under key, to out.
func leaves(v any, key string, out []string) []string {
	switch v := v.(type) {
	case string:
		if !public(key) {
			out = append(out, v)
		}
	case []any:
		for _, e := range v {
			out = leaves(e, key, out)
		}
	case map[string]any:
		for k, e := range v {
			out = leaves(e, k, out)
		}
	}
	return out
}

// remember adds one secret, in both spellings; r.mu is held.
func (r *Redactor) remember(secret string) {
	if len(secret) < minSecret {
		return
	}
	r.secrets[secret] = struct{}{}
	// zerolog escapes strings as JSON: remember that spelling too.
	if q, err := json.Marshal(secret); err == nil {
		if esc := string(q[1 : len(q)-1]); esc != secret {
			r.secrets[esc] = struct{}{}
		}
	}
}

// secretName is what the name of a field or parameter holding a
// credential contains: access_token, refreshJwt, appPassword, client_secret,
// code_verifier, Authorization, …
const secretName = `(?:token|jwt|password|passwd|secret|authorization|api_?key|cookie|session|refresh|bearer|pkce|verifier|code_?challenge|assertion)`

var (
	// "access_token":"…", "password":"…", "Authorization":"…", "accessJwt":"…"
	secretField = regexp.MustCompile(`(?i)("[^"]*` + secretName + `[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*"`)
	// The same inside a JSON string, once or more escaped: an error quoting
	// a response body, {\"password\":\"…\"}. The value ends at the first
	// quote, however escaped.
	escapedField = regexp.MustCompile(`(?i)(\\+"[^"\\]*` + secretName + `[^"\\]*\\+"\s*:\s*\\+")(?:[^"\\]|\\+[^"\\])*(\\+")`)
	// Bearer abc…, Authorization: DPoP abc…, access_token=abc…,
	// code_verifier=…, password=…, in free text, URLs and form bodies.
	secretText = regexp.MustCompile(`(?i)(authorization:\s*[a-z-]+\s+|\b(?:bearer|dpop)\s+|[\w.-]*` + secretName + `[\w.-]*=|\bcode=)[^\s"&\\,;]+`)
	// A bare JWT (or JWS, JWE): base64url segments joined by dots, the
	// first a JSON header ({" is eyJ), wherever it is.
	bareJWT = regexp.MustCompile(`eyJ[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2,}`)
)

// Write redacts one line and writes it: the remembered secrets first, whole,
// before the shapes below can cut one in pieces.
func (r *Redactor) Write(p []byte) (int, error) {
	line := p
	r.mu.RLock()
	for s := range r.secrets {
		if bytes.Contains(line, []byte(s)) {
			line = bytes.ReplaceAll(line, []byte(s), []byte(Redacted))
		}
	}
	r.mu.RUnlock()
	line = secretField.ReplaceAll(line, []byte(`${1}"`+Redacted+`"`))
	line = escapedField.ReplaceAll(line, []byte(`${1}`+Redacted+`${2}`))
	line = secretText.ReplaceAll(line, []byte(`${1}`+Redacted))
	line = bareJWT.ReplaceAll(line, []byte(Redacted))
	if _, err := r.w.Write(line); err != nil {
		return 0, err
	}
	return len(p), nil
}
