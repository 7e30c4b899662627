package oauth

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// authServer is an OAuth 2 authorization server for the tests: /authorize
// answers as tt.answer says, /token checks the client, the redirect URI and
// the PKCE verifier.
type authServer struct {
	*httptest.Server
	mu        sync.Mutex
	answer    func(q url.Values) url.Values // the redirect's query; nil approves
	challenge string
	redirect  string
	codes     map[string]bool
	tokenErr  string // answer /token with this OAuth error
	authorize url.Values
	token     url.Values
}

func newAuthServer(t *testing.T) *authServer {
	s := &authServer{codes: map[string]bool{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /authorize", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		s.mu.Lock()
		s.authorize = q
		s.challenge = q.Get("code_challenge")
		s.redirect = q.Get("redirect_uri")
		answer := s.answer
		s.mu.Unlock()
		back := url.Values{"code": {"the-code"}, "state": {q.Get("state")}}
		if answer != nil {
			back = answer(q)
		}
		s.mu.Lock()
		s.codes[back.Get("code")] = true
		s.mu.Unlock()
		if q.Get("redirect_uri") == OutOfBand {
			io.WriteString(w, "code: "+back.Get("code"))
			return
		}
		http.Redirect(w, r, q.Get("redirect_uri")+"?"+back.Encode(), http.StatusFound)
	})
	mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		s.mu.Lock()
		defer s.mu.Unlock()
		s.token = r.PostForm
		w.Header().Set("Content-Type", "application/json")
		fail := func(status int, code string) {
			w.WriteHeader(status)
			json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": "refused by the test"})
		}
		sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
		switch {
		case s.tokenErr != "":
			fail(http.StatusBadRequest, s.tokenErr)
		case r.PostForm.Get("client_id") != "id" || r.PostForm.Get("client_secret") != "secret":
			fail(http.StatusUnauthorized, "invalid_client")
		case !s.codes[r.PostForm.Get("code")] || r.PostForm.Get("redirect_uri") != s.redirect:
			fail(http.StatusBadRequest, "invalid_grant")
		case base64.RawURLEncoding.EncodeToString(sum[:]) != s.challenge:
			fail(http.StatusBadRequest, "invalid_grant")
		default:
			delete(s.codes, r.PostForm.Get("code"))
			json.NewEncoder(w).Encode(map[string]any{"access_token": "tok-1", "token_type": "Bearer", "scope": "read write", "created_at": 1})
		}
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func (s *authServer) client(gotRedirect *string) func(context.Context, string) (*oauth2.Config, error) {
	return func(_ context.Context, redirect string) (*oauth2.Config, error) {
		if gotRedirect != nil {
			*gotRedirect = redirect
		}
		return &oauth2.Config{ClientID: "id", ClientSecret: "secret", Scopes: []string{"read", "write"},
			Endpoint: oauth2.Endpoint{AuthURL: s.URL + "/authorize", TokenURL: s.URL + "/token", AuthStyle: oauth2.AuthStyleInParams}}, nil
	}
}

// browse follows the authorization URL as a browser would, redirects
// included, and returns the last answer's status and body.
func browse(t *testing.T, rawURL string) (int, string) {
	t.Helper()
	resp, err := http.Get(rawURL)
	if err != nil {
		t.Fatalf("browser: GET %s: %v", rawURL, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// assertClosed fails unless nothing listens at the loopback redirect URL.
func assertClosed(t *testing.T, redirect string) {
	t.Helper()
	u, err := url.Parse(redirect)
	if err != nil || u.Host == "" {
		t.Fatalf("redirect URL %q has no host", redirect)
	}
	conn, err := net.DialTimeout("tcp", u.Host, time.Second)
	if err == nil {
		conn.Close()
		t.Errorf("the listener at %s is still open, want closed", u.Host)
	}
}

func TestLoopbackRoundTrip(t *testing.T) {
	as := newAuthServer(t)
	var gotRedirect string
	flow := NewFlow(nil, 0)
	p, err := flow.Start(t.Context(), Config{Client: as.client(&gotRedirect), AuthParams: map[string]string{"force_login": "true"}})
	if err != nil {
		t.Fatalf("Start() = %v", err)
	}
	if !strings.HasPrefix(p.RedirectURL, "http://127.0.0.1:") || !strings.HasSuffix(p.RedirectURL, CallbackPath) || gotRedirect != p.RedirectURL {
		t.Errorf("RedirectURL = %q (client got %q), want http://127.0.0.1:PORT/callback given to the client", p.RedirectURL, gotRedirect)
	}
	status, body := browse(t, p.URL)
	if status != http.StatusOK || !strings.Contains(body, "vous pouvez fermer cette fenêtre") || !strings.Contains(body, "you can close this window") {
		t.Errorf("browser page = %d %q, want 200 with the bilingual close message", status, body)
	}
	tok, err := p.Wait(t.Context())
	if err != nil {
		t.Fatalf("Wait() = %v", err)
	}
	if tok.AccessToken != "tok-1" {
		t.Errorf("token = %q, want tok-1", tok.AccessToken)
	}
	q := as.authorize
	for k, want := range map[string]string{"response_type": "code", "client_id": "id", "code_challenge_method": "S256", "scope": "read write", "force_login": "true", "redirect_uri": p.RedirectURL} {
		if got := q.Get(k); got != want {
			t.Errorf("authorize %s = %q, want %q", k, got, want)
		}
	}
	if len(q.Get("state")) < 40 || q.Get("code_challenge") == "" {
		t.Errorf("authorize state %q, challenge %q: want a long random state and a challenge", q.Get("state"), q.Get("code_challenge"))
	}
	if as.token.Get("code_verifier") == "" || as.token.Get("grant_type") != "authorization_code" {
		t.Errorf("token request = %v, want authorization_code with code_verifier", as.token)
	}
	assertClosed(t, p.RedirectURL)
}

func TestLoopbackFailures(t *testing.T) {
	tests := []struct {
		name     string
		answer   func(q url.Values) url.Values
		tokenErr string
		want     error
		reason   string
	}{
		{name: "denied", answer: func(q url.Values) url.Values {
			return url.Values{"error": {"access_denied"}, "error_description": {"The resource owner denied the request."}, "state": {q.Get("state")}}
		}, want: ErrDenied},
		{name: "other error", answer: func(q url.Values) url.Values {
			return url.Values{"error": {"invalid_scope"}, "error_description": {"bad scope"}, "state": {q.Get("state")}}
		}, want: ErrAuthorization, reason: "invalid_scope: bad scope"},
		{name: "empty code", answer: func(q url.Values) url.Values { return url.Values{"code": {""}, "state": {q.Get("state")}} }, want: ErrCodeMissing},
		{name: "code refused", tokenErr: "invalid_grant", want: ErrExchange, reason: "invalid_grant"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := newAuthServer(t)
			as.answer, as.tokenErr = tt.answer, tt.tokenErr
			p, err := NewFlow(nil, 0).Start(t.Context(), Config{Client: as.client(nil)})
			if err != nil {
				t.Fatalf("Start() = %v", err)
			}
			status, body := browse(t, p.URL)
			if tt.tokenErr == "" && (status != http.StatusBadRequest || !strings.Contains(body, "n’a pas abouti")) {
				t.Errorf("browser page = %d %q, want 400 with the failure message", status, body)
			}
			_, err = p.Wait(t.Context())
			if !errors.Is(err, tt.want) {
				t.Fatalf("Wait() = %v, want %v", err, tt.want)
			}
			if tt.reason != "" {
				if !strings.Contains(err.Error(), tt.reason) {
					t.Errorf("Wait() = %v, want the reason %q", err, tt.reason)
				}
			}
			assertClosed(t, p.RedirectURL)
		})
	}
}

func TestOutOfBand(t *testing.T) {
	as := newAuthServer(t)
	p, err := NewFlow(nil, 0).Start(t.Context(), Config{Client: as.client(nil), OutOfBand: true})
	if err != nil {
		t.Fatalf("Start() = %v", err)
	}
	if p.RedirectURL != OutOfBand {
		t.Errorf("RedirectURL = %q, want %q", p.RedirectURL, OutOfBand)
	}
	_, shown := browse(t, p.URL) // the server shows the code
	code := strings.TrimPrefix(shown, "code: ")
	if _, err := p.Wait(t.Context()); !errors.Is(err, ErrClosed) {
		t.Errorf("Wait() out of band = %v, want ErrClosed", err)
	}

	p, err = NewFlow(nil, 0).Start(t.Context(), Config{Client: as.client(nil), OutOfBand: true})
	if err != nil {
		t.Fatalf("Start() = %v", err)
	}
	browse(t, p.URL)
	tok, err := p.Exchange(t.Context(), "  "+code+"\n")
	if err != nil || tok.AccessToken != "tok-1" {
		t.Fatalf("Exchange(pasted code) = %v, %v; want tok-1", tok, err)
	}
	if got := as.token.Get("redirect_uri"); got != OutOfBand {
		t.Errorf("token redirect_uri = %q, want %q", got, OutOfBand)
	}
	if _, err := p.Exchange(t.Context(), code); !errors.Is(err, ErrClosed) {
		t.Errorf("second Exchange() = %v, want ErrClosed", err)
	}
}

func TestExchangePasted(t *testing.T) {
	tests := []struct {
		name   string
		pasted func(p *Pending) string
		want   error
	}{
		{"empty", func(*Pending) string { return "   " }, ErrCodeMissing},
		{"words", func(*Pending) string { return "not a code" }, ErrCodeMissing},
		{"address with the wrong state", func(p *Pending) string { return p.RedirectURL + "?code=the-code&state=forged" }, ErrStateMismatch},
		{"address with the right state", func(p *Pending) string { return p.RedirectURL + "?code=the-code&state=" + p.state }, nil},
		{"bare code in loopback mode", func(*Pending) string { return "the-code" }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := newAuthServer(t)
			p, err := NewFlow(nil, 0).Start(t.Context(), Config{Client: as.client(nil)})
			if err != nil {
				t.Fatalf("Start() = %v", err)
			}
			as.mu.Lock()
			as.codes["the-code"] = true
			as.mu.Unlock()
			// The browser reached the server but never came back (blocked
			// loopback): the user pastes instead.
			resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Get(p.URL)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			_, err = p.Exchange(t.Context(), tt.pasted(p))
			if !errors.Is(err, tt.want) && !(tt.want == nil && err == nil) {
				t.Errorf("Exchange() = %v, want %v", err, tt.want)
			}
			assertClosed(t, p.RedirectURL)
		})
	}
}

func TestListenerClosedOnEveryPath(t *testing.T) {
	as := newAuthServer(t)
	tests := []struct {
		name string
		run  func(t *testing.T, ctx context.Context, cancel context.CancelFunc, p *Pending) error
		want error
	}{
		{"Close", func(_ *testing.T, _ context.Context, _ context.CancelFunc, p *Pending) error {
			p.Close()
			_, err := p.Wait(context.Background())
			return err
		}, ErrClosed},
		{"Start's ctx ends", func(t *testing.T, _ context.Context, cancel context.CancelFunc, p *Pending) error {
			cancel()
			_, err := p.Wait(context.Background())
			return err
		}, ErrClosed},
		{"Wait's ctx ends", func(_ *testing.T, _ context.Context, _ context.CancelFunc, p *Pending) error {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
			defer cancel()
			_, err := p.Wait(ctx)
			return err
		}, context.DeadlineExceeded},
		{"Close during Wait", func(_ *testing.T, _ context.Context, _ context.CancelFunc, p *Pending) error {
			go func() { time.Sleep(20 * time.Millisecond); p.Close() }()
			_, err := p.Wait(context.Background())
			return err
		}, ErrClosed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			p, err := NewFlow(nil, 0).Start(ctx, Config{Client: as.client(nil)})
			if err != nil {
				t.Fatalf("Start() = %v", err)
			}
			if err := tt.run(t, ctx, cancel, p); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
			assertClosed(t, p.RedirectURL)
		})
	}

	t.Run("Client fails at Start", func(t *testing.T) {
		var redirect string
		boom := errors.New("registration refused")
		_, err := NewFlow(nil, 0).Start(t.Context(), Config{Client: func(_ context.Context, r string) (*oauth2.Config, error) {
			redirect = r
			return nil, boom
		}})
		if !errors.Is(err, boom) {
			t.Fatalf("Start() = %v, want %v", err, boom)
		}
		assertClosed(t, redirect)
	})
}

func TestCallbackIgnoresOtherRequests(t *testing.T) {
	as := newAuthServer(t)
	p, err := NewFlow(nil, 0).Start(t.Context(), Config{Client: as.client(nil)})
	if err != nil {
		t.Fatalf("Start() = %v", err)
	}
	base := strings.TrimSuffix(p.RedirectURL, CallbackPath)
	for _, path := range []string{"/favicon.ico", CallbackPath, "/other?code=x&state=y"} {
		if status, _ := browse(t, base+path); status != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, status)
		}
	}
	browse(t, p.URL)
	if _, err := p.Wait(t.Context()); err != nil {
		t.Errorf("Wait() after stray requests = %v, want the token", err)
	}
}

func TestExchangeUnreachable(t *testing.T) {
	as := newAuthServer(t)
	p, err := NewFlow(nil, time.Second).Start(t.Context(), Config{OutOfBand: true, Client: func(ctx context.Context, r string) (*oauth2.Config, error) {
		c, _ := as.client(nil)(ctx, r)
		c.Endpoint.TokenURL = "http://127.0.0.1:1/token" // nothing listens on port 1
		return c, nil
	}})
	if err != nil {
		t.Fatalf("Start() = %v", err)
	}
	if _, err := p.Exchange(t.Context(), "the-code"); !errors.Is(err, ErrUnreachable) {
		t.Errorf("Exchange() = %v, want ErrUnreachable", err)
	}
}

func TestParsePasted(t *testing.T) {
	tests := []struct{ in, code, state string }{
		{"abc", "abc", ""},
		{"  abc\n", "abc", ""},
		{"http://127.0.0.1:5555/callback?code=abc&state=s1", "abc", "s1"},
		{"?code=abc", "abc", ""},
		{"two words", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		code, state := parsePasted(tt.in)
		if code != tt.code || state != tt.state {
			t.Errorf("parsePasted(%q) = %q, %q; want %q, %q", tt.in, code, state, tt.code, tt.state)
		}
	}
}
