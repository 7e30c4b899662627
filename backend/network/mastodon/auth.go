package mastodon

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"ruche/backend/network"
)

// Scopes are the OAuth scopes Ruche asks for, the fewest that cover what
// it does (docs.joinmastodon.org/api/oauth-scopes): its own profile and
// counters, its statuses and scheduled statuses, its notifications,
// posting statuses, uploading media.
const Scopes = "read:accounts read:statuses read:notifications write:statuses write:media"

// OutOfBand is the redirect URI that makes the instance show the
// authorization code to the user instead of redirecting.
const OutOfBand = "urn:ietf:wg:oauth:2.0:oob"

// App is Ruche's OAuth application on one instance. Its secret is kept in
// the keychain like a token: revoking a token needs it.
type App struct {
	Server       string   `json:"server"` // the instance's base URL
	ID           string   `json:"id"`
	ClientID     string   `json:"clientId"`
	ClientSecret string   `json:"-"`
	RedirectURIs []string `json:"redirectUris"`
	Scopes       string   `json:"scopes"`
}

// RegisterApp registers Ruche on the instance at server (POST
// /api/v1/apps) with redirectURIs (a loopback callback and/or OutOfBand)
// and scopes ("" means Scopes).
func (c *Client) RegisterApp(ctx context.Context, server string, redirectURIs []string, scopes string) (App, error) {
	base, err := NormalizeServer(server)
	if err != nil {
		return App{}, err
	}
	if scopes == "" {
		scopes = Scopes
	}
	// One URI per line: what every version reads (4.3 also takes an array).
	form := url.Values{"client_name": {"Ruche"}, "scopes": {scopes}, "redirect_uris": {strings.Join(redirectURIs, "\n")}}
	if c.cfg.Website != "" {
		form.Set("website", c.cfg.Website)
	}
	body, n, h := formBody(form)
	var ca credentialApplication
	if _, err := c.call(ctx, request{op: "register the app", method: http.MethodPost, server: base, path: "/api/v1/apps", header: h, body: body, length: n, noLimit: true}, &ca); err != nil {
		return App{}, err
	}
	if ca.ClientID == "" || ca.ClientSecret == "" {
		return App{}, badAnswer("register the app", errors.New("no client_id or client_secret"))
	}
	uris := ca.RedirectURIs
	if len(uris) == 0 && ca.RedirectURI != "" {
		uris = strings.Fields(ca.RedirectURI) // before 4.3: one per line
	}
	return App{Server: base, ID: ca.ID, ClientID: ca.ClientID, ClientSecret: ca.ClientSecret, RedirectURIs: uris, Scopes: scopes}, nil
}

// OAuthConfig returns the OAuth 2 client of app for redirectURL, for
// package oauth: the instance's /oauth/authorize and /oauth/token, the
// client credentials sent in the form as the documentation shows.
func OAuthConfig(app App, redirectURL string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     app.ClientID,
		ClientSecret: app.ClientSecret,
		RedirectURL:  redirectURL,
		Scopes:       strings.Fields(app.Scopes),
		Endpoint: oauth2.Endpoint{
			AuthURL:   app.Server + "/oauth/authorize",
			TokenURL:  app.Server + "/oauth/token",
			AuthStyle: oauth2.AuthStyleInParams,
		},
	}
}

// Profile is the connected account, as the instance describes it.
type Profile struct {
	ID          string `json:"id"`
	Username    string `json:"username"`
	Handle      string `json:"handle"` // "@user@instance"
	DisplayName string `json:"displayName"`
	AvatarURL   string `json:"avatarUrl,omitempty"`
	URL         string `json:"url,omitempty"`
	Followers   int    `json:"followers"`
	Following   int    `json:"following"`
	Statuses    int    `json:"statuses"`
}

// VerifyCredentials returns the account of a.Token (GET
// /api/v1/accounts/verify_credentials), its handle written
// "@user@domain" with the instance's own domain.
func (c *Client) VerifyCredentials(ctx context.Context, a network.Account) (Profile, error) {
	base, err := NormalizeServer(a.Server)
	if err != nil {
		return Profile{}, err
	}
	var acc account
	if _, err := c.call(ctx, request{op: "verify credentials", method: http.MethodGet, server: base, path: "/api/v1/accounts/verify_credentials", token: a.Token}, &acc); err != nil {
		return Profile{}, err
	}
	if acc.ID == "" || acc.Username == "" {
		return Profile{}, badAnswer("verify credentials", errors.New("the account has no id or username"))
	}
	c.selfMu.Lock()
	c.selves[scope(base, a.Token)] = acc.ID
	c.selfMu.Unlock()
	domain := hostOf(base)
	if inst, err := c.Instance(ctx, base); err == nil && inst.Domain != "" {
		domain = inst.Domain // the handle's domain may differ from the web address
	}
	return Profile{ID: acc.ID, Username: acc.Username, Handle: "@" + acc.Username + "@" + domain, DisplayName: acc.DisplayName,
		AvatarURL: acc.Avatar, URL: acc.URL, Followers: acc.FollowersCount, Following: acc.FollowingCount, Statuses: acc.StatusesCount}, nil
}

// AccountStats returns the account's counters from verify_credentials.
func (c *Client) AccountStats(ctx context.Context, a network.Account) (network.AccountStats, error) {
	p, err := c.VerifyCredentials(ctx, a)
	if err != nil {
		return network.AccountStats{}, err
	}
	return network.AccountStats{Followers: p.Followers, Following: p.Following, Posts: p.Statuses, At: c.cfg.Now().UTC()}, nil
}

// Revoke invalidates token on app's instance (POST /oauth/revoke), when
// the user disconnects the account. Revoking a token already revoked is
// not an error.
func (c *Client) Revoke(ctx context.Context, app App, token string) error {
	form := url.Values{"client_id": {app.ClientID}, "client_secret": {app.ClientSecret}, "token": {token}}
	body, n, h := formBody(form)
	_, err := c.send(ctx, request{op: "revoke the token", method: http.MethodPost, server: app.Server, path: "/oauth/revoke", header: h, body: body, length: n, noLimit: true})
	return err
}

// selfID returns the id of the account of a.Token, asking the instance
// once per token.
func (c *Client) selfID(ctx context.Context, base string, a network.Account) (string, error) {
	c.selfMu.Lock()
	id, ok := c.selves[scope(base, a.Token)]
	c.selfMu.Unlock()
	if ok {
		return id, nil
	}
	p, err := c.VerifyCredentials(ctx, a)
	return p.ID, err
}

// MinScheduleAhead is how far ahead Mastodon requires a scheduled status.
const MinScheduleAhead = 5 * time.Minute
