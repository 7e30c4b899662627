package oauth

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// TestForgedCallbackIsIgnored: a callback without this attempt's state
// (a forged request from a web page, a stale tab) gets the failure page and
// does not end the flow: the browser's real callback still completes it.
func TestForgedCallbackIsIgnored(t *testing.T) {
	tests := []struct {
		name   string
		forged url.Values
	}{
		{"wrong state", url.Values{"code": {"forged-code"}, "state": {"forged"}}},
		{"no state", url.Values{"code": {"forged-code"}}},
		{"empty state", url.Values{"code": {"forged-code"}, "state": {""}}},
		{"denial with a wrong state", url.Values{"error": {"access_denied"}, "state": {"forged"}}},
		{"error with no state", url.Values{"error": {"server_error"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := newAuthServer(t)
			as.mu.Lock()
			as.codes["forged-code"] = true // the server would even take it
			as.mu.Unlock()
			p, err := NewFlow(nil, 0).Start(t.Context(), Config{Client: as.client(nil)})
			if err != nil {
				t.Fatalf("Start() = %v", err)
			}
			type waited struct {
				tok *oauth2.Token
				err error
			}
			done := make(chan waited, 1)
			go func() {
				tok, err := p.Wait(t.Context())
				done <- waited{tok, err}
			}()

			status, body := browse(t, p.RedirectURL+"?"+tt.forged.Encode())
			if status != http.StatusBadRequest || !strings.Contains(body, "n’a pas abouti") {
				t.Errorf("forged callback page = %d %q, want 400 with the failure message", status, body)
			}
			// The browser comes back with the real answer.
			resp, err := http.Get(p.URL)
			if err != nil {
				t.Fatalf("real callback after a forged one: %v, want the listener still open", err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("real callback page = %d, want 200", resp.StatusCode)
			}
			got := <-done
			if got.err != nil {
				t.Fatalf("Wait() = %v, want the token", got.err)
			}
			if got.tok.AccessToken != "tok-1" {
				t.Errorf("token = %q, want tok-1", got.tok.AccessToken)
			}
			as.mu.Lock()
			code := as.token.Get("code")
			as.mu.Unlock()
			if code != "the-code" {
				t.Errorf("exchanged code = %q, want the-code (the real callback's)", code)
			}
			assertClosed(t, p.RedirectURL)
		})
	}
}

// TestForgedCallbackAloneWaitsForTheTimeout: with only forged callbacks,
// Wait ends with its own ctx, not with the forger's answer.
func TestForgedCallbackAloneWaitsForTheTimeout(t *testing.T) {
	as := newAuthServer(t)
	p, err := NewFlow(nil, 0).Start(t.Context(), Config{Client: as.client(nil)})
	if err != nil {
		t.Fatalf("Start() = %v", err)
	}
	for range 3 {
		browse(t, p.RedirectURL+"?code=forged-code&state=forged")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if _, err := p.Wait(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Wait() after forged callbacks = %v, want %v", err, context.DeadlineExceeded)
	}
	assertClosed(t, p.RedirectURL)
}
