package mastodontest

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// OutOfBand is the redirect URI that shows the code instead of redirecting.
const OutOfBand = "urn:ietf:wg:oauth:2.0:oob"

type app struct {
	cred      CredentialApplication
	redirects []string
	scopes    []string
}

type grant struct {
	clientID, redirect, scope, challenge, method, userID string
}

type token struct {
	value, clientID, userID string
	scopes                  []string
}

// AddUser returns the local account username, created if needed.
func (s *Server) AddUser(username, displayName string) Account {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.userLocked(username, s.domain(), displayName).acc
}

// userLocked returns the account username@domain, created if needed;
// s.mu is held.
func (s *Server) userLocked(username, domain, displayName string) *user {
	for _, u := range s.users {
		if strings.EqualFold(u.acc.Username, username) && u.domain == domain {
			return u
		}
	}
	local := domain == s.domain()
	acct := username
	if !local {
		acct += "@" + domain
	}
	if displayName == "" {
		displayName = username
	}
	u := &user{domain: domain, local: local, acc: Account{ID: s.nextID(), Username: username, Acct: acct, DisplayName: displayName,
		CreatedAt: s.now().UTC(), URL: "https://" + domain + "/@" + username, Avatar: "https://" + domain + "/avatars/" + username + ".png",
		AvatarStatic: "https://" + domain + "/avatars/" + username + ".png", Header: "https://" + domain + "/headers/missing.png",
		HeaderStatic: "https://" + domain + "/headers/missing.png", Emojis: []any{}, Fields: []any{}}}
	s.users[u.acc.ID] = u
	return u
}

// Remote returns the remote account acct ("fan@elsewhere.example"),
// created if needed.
func (s *Server) Remote(acct, displayName string) Account {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.remoteLocked(acct, displayName).acc
}

func (s *Server) remoteLocked(acct, displayName string) *user {
	name, domain, ok := strings.Cut(strings.TrimPrefix(acct, "@"), "@")
	if !ok {
		domain = s.domain()
	}
	return s.userLocked(name, domain, displayName)
}

// SetCounters sets the follower and following counts of local user
// username.
func (s *Server) SetCounters(username string, followers, following int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.userLocked(username, s.domain(), "")
	u.acc.FollowersCount, u.acc.FollowingCount = followers, following
}

// IssueToken returns a new token of local user username (created if
// needed) with scopes ("read write" when none), as if an app had been
// authorized.
func (s *Server) IssueToken(username string, scopes ...string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.userLocked(username, s.domain(), "")
	if len(scopes) == 0 {
		scopes = []string{"read", "write"}
	}
	t := &token{value: random(), userID: u.acc.ID, scopes: scopes}
	s.tokens[t.value] = t
	return t.value
}

// Approve makes GET /oauth/authorize approve at once as local user
// username (created if needed), as if they had clicked Authorize: it
// redirects to the redirect URI with the code and state, or shows the
// code for OutOfBand.
func (s *Server) Approve(username string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.userLocked(username, s.domain(), "")
	s.approve, s.deny = username, false
}

// Deny makes GET /oauth/authorize answer as if the user had clicked Deny:
// error=access_denied.
func (s *Server) Deny() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.approve, s.deny = "", true
}

// Tokens returns how many tokens are valid.
func (s *Server) Tokens() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.tokens)
}

func random() string {
	b := make([]byte, 24)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func (s *Server) registerApp(w http.ResponseWriter, r *http.Request) {
	p, err := params(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	var redirects []string
	for _, v := range list(p, "redirect_uris") {
		redirects = append(redirects, strings.Fields(v)...)
	}
	name := strings.TrimSpace(p.Get("client_name"))
	switch {
	case name == "":
		writeError(w, http.StatusUnprocessableEntity, "Validation failed: Application name can't be blank")
		return
	case len(redirects) == 0:
		writeError(w, http.StatusUnprocessableEntity, "Validation failed: Redirect URI can't be blank")
		return
	}
	for _, u := range redirects {
		if pu, err := url.Parse(u); u != OutOfBand && (err != nil || !pu.IsAbs()) {
			writeError(w, http.StatusUnprocessableEntity, "Validation failed: Redirect URI must be an absolute URI.")
			return
		}
	}
	scopes := strings.Fields(p.Get("scopes"))
	if len(scopes) == 0 {
		scopes = []string{"read"}
	}
	s.mu.Lock()
	a := &app{redirects: redirects, scopes: scopes, cred: CredentialApplication{ID: s.nextID(), Name: name, Scopes: scopes,
		RedirectURI: strings.Join(redirects, "\n"), RedirectURIs: redirects, ClientID: random(), ClientSecret: random()}}
	if site := p.Get("website"); site != "" {
		a.cred.Website = &site
	}
	s.apps[a.cred.ClientID] = a
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, a.cred)
}

// authorize is the authorization form; the test decides the user's answer
// (Approve, Deny), else the form waits.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	a := s.apps[q.Get("client_id")]
	redirect := q.Get("redirect_uri")
	switch {
	case a == nil:
		s.mu.Unlock()
		oauthError(w, http.StatusUnauthorized, "invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.")
		return
	case !slices.Contains(a.redirects, redirect):
		s.mu.Unlock()
		oauthError(w, http.StatusBadRequest, "invalid_redirect_uri", "The requested redirect uri is malformed or doesn't match client redirect URI.")
		return
	case q.Get("response_type") != "code":
		s.mu.Unlock()
		oauthError(w, http.StatusBadRequest, "unsupported_response_type", "The authorization server does not support this response type.")
		return
	}
	scope := q.Get("scope")
	if scope == "" {
		scope = "read"
	}
	for _, sc := range strings.Fields(scope) {
		if !slices.Contains(a.scopes, sc) {
			s.mu.Unlock()
			back(w, r, redirect, url.Values{"error": {"invalid_scope"}, "error_description": {"The requested scope is invalid, unknown, or malformed."}, "state": {q.Get("state")}})
			return
		}
	}
	method := q.Get("code_challenge_method")
	if q.Get("code_challenge") != "" && method == "" {
		method = "plain"
	}
	if method != "" && method != "S256" && method != "plain" {
		s.mu.Unlock()
		back(w, r, redirect, url.Values{"error": {"invalid_request"}, "error_description": {"Code challenge method is not supported."}, "state": {q.Get("state")}})
		return
	}
	approve, deny := s.approve, s.deny
	var code string
	if approve != "" {
		u := s.userLocked(approve, s.domain(), "")
		code = random()
		s.grants[code] = &grant{clientID: a.cred.ClientID, redirect: redirect, scope: scope, challenge: q.Get("code_challenge"), method: method, userID: u.acc.ID}
	}
	s.mu.Unlock()
	switch {
	case deny:
		back(w, r, redirect, url.Values{"error": {"access_denied"}, "error_description": {"The resource owner or authorization server denied the request."}, "state": {q.Get("state")}})
	case approve == "":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><form method="post" action="/oauth/authorize"><button>Authorize</button></form>`))
	case redirect == OutOfBand:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><p>Copy this authorization code and paste it to the application.</p><input class="oauth-code" readonly type="text" value="` + html.EscapeString(code) + `">`))
	default:
		v := url.Values{"code": {code}}
		if st := q.Get("state"); st != "" {
			v.Set("state", st)
		}
		back(w, r, redirect, v)
	}
}

var codeInput = regexp.MustCompile(`class="oauth-code"[^>]*value="([^"]*)"`)

// CodeFromPage returns the code of the page the authorization shows for
// OutOfBand, "" if there is none.
func CodeFromPage(page string) string {
	m := codeInput.FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// back redirects to the client's redirect URI with v.
func back(w http.ResponseWriter, r *http.Request, redirect string, v url.Values) {
	if redirect == OutOfBand {
		oauthError(w, http.StatusBadRequest, v.Get("error"), v.Get("error_description"))
		return
	}
	sep := "?"
	if strings.Contains(redirect, "?") {
		sep = "&"
	}
	http.Redirect(w, r, redirect+sep+v.Encode(), http.StatusFound)
}

func oauthError(w http.ResponseWriter, status int, code, desc string) {
	writeJSON(w, status, errorBody{Error: code, Description: desc})
}

// client returns the app whose credentials the request carries, in the
// form or with HTTP Basic; s.mu is held.
func (s *Server) clientLocked(r *http.Request, p url.Values) *app {
	id, secret := p.Get("client_id"), p.Get("client_secret")
	if u, pw, ok := r.BasicAuth(); ok {
		id, secret = u, pw
	}
	a := s.apps[id]
	if a == nil || subtle.ConstantTimeCompare([]byte(secret), []byte(a.cred.ClientSecret)) != 1 {
		return nil
	}
	return a
}

func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	p, err := params(r)
	if err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.clientLocked(r, p)
	if a == nil {
		oauthError(w, http.StatusUnauthorized, "invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.")
		return
	}
	invalidGrant := func() {
		oauthError(w, http.StatusBadRequest, "invalid_grant", "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.")
	}
	var t *token
	switch p.Get("grant_type") {
	case "authorization_code":
		g := s.grants[p.Get("code")]
		if g == nil || g.clientID != a.cred.ClientID || g.redirect != p.Get("redirect_uri") {
			invalidGrant()
			return
		}
		if g.challenge != "" && !pkceMatches(g.method, g.challenge, p.Get("code_verifier")) {
			invalidGrant()
			return
		}
		delete(s.grants, p.Get("code")) // a code is used once
		t = &token{value: random(), clientID: a.cred.ClientID, userID: g.userID, scopes: strings.Fields(g.scope)}
	case "client_credentials":
		scope := p.Get("scope")
		if scope == "" {
			scope = "read"
		}
		t = &token{value: random(), clientID: a.cred.ClientID, scopes: strings.Fields(scope)}
	default:
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.")
		return
	}
	s.tokens[t.value] = t
	writeJSON(w, http.StatusOK, Token{AccessToken: t.value, TokenType: "Bearer", Scope: strings.Join(t.scopes, " "), CreatedAt: s.now().Unix()})
}

// pkceMatches checks a code verifier against its challenge (RFC 7636).
func pkceMatches(method, challenge, verifier string) bool {
	if verifier == "" {
		return false
	}
	got := verifier
	if method == "S256" {
		sum := sha256.Sum256([]byte(verifier))
		got = base64.RawURLEncoding.EncodeToString(sum[:])
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(challenge)) == 1
}

func (s *Server) revoke(w http.ResponseWriter, r *http.Request) {
	p, err := params(r)
	if err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.clientLocked(r, p)
	t := s.tokens[p.Get("token")]
	switch {
	case a == nil || (t != nil && t.clientID != a.cred.ClientID):
		oauthError(w, http.StatusForbidden, "unauthorized_client", "You are not authorized to revoke this token")
		return
	case t != nil:
		delete(s.tokens, t.value)
	}
	writeJSON(w, http.StatusOK, struct{}{})
}

// tokenLocked returns the valid token of a request, nil if none; s.mu is
// held.
func (s *Server) tokenLocked(r *http.Request) *token {
	v, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return nil
	}
	return s.tokens[strings.TrimSpace(v)]
}

// auth returns the user of a request whose token has scope; else it
// answers 401 (no valid token) or 403 (the scope is missing) and returns
// nil. s.mu is held.
func (s *Server) authLocked(w http.ResponseWriter, r *http.Request, scope string) *user {
	t := s.tokenLocked(r)
	if t == nil {
		writeError(w, http.StatusUnauthorized, "The access token is invalid")
		return nil
	}
	if !hasScope(t.scopes, scope) {
		writeError(w, http.StatusForbidden, "This action is outside the authorized scopes")
		return nil
	}
	u := s.users[t.userID]
	if u == nil {
		writeError(w, http.StatusUnprocessableEntity, "This method requires an authenticated user")
		return nil
	}
	return u
}

// hasScope reports whether scopes grant need: itself or its parent
// ("read" grants "read:statuses").
func hasScope(scopes []string, need string) bool {
	parent, _, _ := strings.Cut(need, ":")
	return slices.Contains(scopes, need) || slices.Contains(scopes, parent)
}

// hashKey names an idempotency entry of a user.
func hashKey(userID, key string) string {
	sum := sha256.Sum256([]byte(userID + "\x00" + key))
	return hex.EncodeToString(sum[:])
}
