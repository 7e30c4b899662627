package mastodon

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"ruche/backend/network"
	"ruche/backend/network/mastodon/mastodontest"
	"ruche/backend/oauth"
)

// connect runs what the Accounts screen does: register Ruche on the
// instance with the redirect URI the flow chose, and authorize.
func connect(t *testing.T, f *fixture, outOfBand bool) (*oauth.Pending, *App) {
	t.Helper()
	app := &App{}
	flow := oauth.NewFlow(f.ts.Client(), 0)
	p, err := flow.Start(t.Context(), oauth.Config{OutOfBand: outOfBand, AuthParams: map[string]string{"force_login": "true"},
		Client: func(ctx context.Context, redirect string) (*oauth2.Config, error) {
			var err error
			*app, err = f.client.RegisterApp(ctx, f.ts.URL, []string{redirect}, "")
			return OAuthConfig(*app, redirect), err
		}})
	if err != nil {
		t.Fatalf("Start() = %v", err)
	}
	return p, app
}

// browse is the user's browser following the authorization address.
func browse(t *testing.T, rawURL string) string {
	t.Helper()
	resp, err := http.Get(rawURL)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestOAuthLoopbackRoundTrip(t *testing.T) {
	f := newFixture(t)
	f.srv.Approve("fournil")
	p, app := connect(t, f, false)

	reg := f.srv.RequestsTo(http.MethodPost, "/api/v1/apps")[0].Form()
	if reg.Get("client_name") != "Ruche" || reg.Get("scopes") != Scopes || reg.Get("redirect_uris") != p.RedirectURL {
		t.Errorf("registration = %v, want Ruche, %q, %q", reg, Scopes, p.RedirectURL)
	}
	if !strings.HasPrefix(p.URL, f.ts.URL+"/oauth/authorize?") || !strings.Contains(p.URL, "code_challenge_method=S256") ||
		!strings.Contains(p.URL, "client_id="+app.ClientID) {
		t.Errorf("authorization URL = %q, want the instance's /oauth/authorize with PKCE", p.URL)
	}
	if page := browse(t, p.URL); !strings.Contains(page, "vous pouvez fermer cette fenêtre") {
		t.Errorf("the browser shows %q, want the closing page", page)
	}
	tok, err := p.Wait(t.Context())
	if err != nil {
		t.Fatalf("Wait() = %v", err)
	}
	if tok.Extra("scope") != Scopes {
		t.Errorf("token scope = %v, want %q", tok.Extra("scope"), Scopes)
	}
	form := f.srv.RequestsTo(http.MethodPost, "/oauth/token")[0].Form()
	if form.Get("code_verifier") == "" || form.Get("client_secret") != app.ClientSecret || form.Get("redirect_uri") != p.RedirectURL {
		t.Errorf("token request = %v, want the verifier, the client credentials and the redirect URI", form)
	}

	a := network.Account{Network: network.Mastodon, Server: f.ts.URL, Token: tok.AccessToken}
	prof, err := f.client.VerifyCredentials(t.Context(), a)
	if err != nil || prof.Handle != "@fournil@mastodon.test" {
		t.Fatalf("VerifyCredentials() = %+v, %v; want @fournil@mastodon.test", prof, err)
	}

	// Disconnecting revokes the token; revoking again is fine.
	for range 2 {
		if err := f.client.Revoke(t.Context(), *app, tok.AccessToken); err != nil {
			t.Fatalf("Revoke() = %v", err)
		}
	}
	if _, err := f.client.VerifyCredentials(t.Context(), a); !errors.Is(err, network.ErrAuthExpired) {
		t.Errorf("VerifyCredentials() after Revoke = %v, want ErrAuthExpired", err)
	}
}

func TestOAuthOutOfBand(t *testing.T) {
	f := newFixture(t)
	f.srv.Approve("fournil")
	p, _ := connect(t, f, true)
	if reg := f.srv.RequestsTo(http.MethodPost, "/api/v1/apps")[0].Form(); reg.Get("redirect_uris") != OutOfBand {
		t.Errorf("redirect_uris = %q, want %q", reg.Get("redirect_uris"), OutOfBand)
	}
	code := mastodontest.CodeFromPage(browse(t, p.URL))
	if code == "" {
		t.Fatal("the instance showed no code")
	}
	tok, err := p.Exchange(t.Context(), code)
	if err != nil {
		t.Fatalf("Exchange() = %v", err)
	}
	a := network.Account{Network: network.Mastodon, Server: f.ts.URL, Token: tok.AccessToken}
	if _, err := f.client.VerifyCredentials(t.Context(), a); err != nil {
		t.Errorf("VerifyCredentials() with the pasted code's token = %v", err)
	}
}

func TestOAuthFailures(t *testing.T) {
	t.Run("denied", func(t *testing.T) {
		f := newFixture(t)
		f.srv.Deny()
		p, _ := connect(t, f, false)
		browse(t, p.URL)
		if _, err := p.Wait(t.Context()); !errors.Is(err, oauth.ErrDenied) {
			t.Errorf("Wait() = %v, want ErrDenied", err)
		}
	})
	t.Run("code used twice", func(t *testing.T) {
		f := newFixture(t)
		f.srv.Approve("fournil")
		p, _ := connect(t, f, true)
		code := mastodontest.CodeFromPage(browse(t, p.URL))
		if _, err := p.Exchange(t.Context(), code); err != nil {
			t.Fatal(err)
		}
		p2, _ := connect(t, f, true)
		browse(t, p2.URL)
		if _, err := p2.Exchange(t.Context(), code); !errors.Is(err, oauth.ErrExchange) {
			t.Errorf("Exchange() of a used code = %v, want ErrExchange", err)
		}
	})
	t.Run("registration refused", func(t *testing.T) {
		f := newFixture(t)
		_, err := f.client.RegisterApp(t.Context(), f.ts.URL, []string{"not a uri"}, "")
		var ne *network.Error
		if !errors.Is(err, ErrRefused) || !errors.As(err, &ne) || ne.Fault.Args["reason"] != "Validation failed: Redirect URI must be an absolute URI." {
			t.Errorf("RegisterApp() = %v, want ErrRefused with the instance's reason", err)
		}
	})
}
