// Package oauth runs the OAuth 2 authorization-code flow with PKCE (RFC
// 7636) for a desktop app, as RFC 8252 describes for native apps: a
// loopback listener on 127.0.0.1 receives the code, or the user pastes it
// when the server shows it instead (out of band).
//
// The package does not open the browser: the caller opens Pending.URL.
//
//	p, err := flow.Start(ctx, oauth.Config{Client: client})
//	open(p.URL)
//	tok, err := p.Wait(ctx) // or p.Exchange(ctx, pasted) out of band
//
// The loopback listener is closed on every path: when Wait or Exchange
// returns, when Close is called, or when the ctx given to Start ends.
package oauth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"ruche/backend/fault"
)

// OutOfBand is the redirect URI that asks the server to show the code to
// the user instead of redirecting (Mastodon, Doorkeeper).
const OutOfBand = "urn:ietf:wg:oauth:2.0:oob"

// CallbackPath is the path of the loopback redirect URI.
const CallbackPath = "/callback"

// DefaultTimeout bounds the token exchange.
const DefaultTimeout = 30 * time.Second

// The errors of the flow; each has a message in package locale.
var (
	// ErrStateMismatch: a pasted address does not carry this attempt's
	// state (a stale tab, or a forged request). A loopback callback without
	// it is ignored: the flow waits on for the real one.
	ErrStateMismatch = fault.New(fault.Invalid, "oauth.state_mismatch")
	// ErrDenied: the user refused the access (error=access_denied).
	ErrDenied = fault.New(fault.Invalid, "oauth.access_denied")
	// ErrAuthorization: the server answered another error; {reason} says which.
	ErrAuthorization = fault.New(fault.Invalid, "oauth.authorization_failed")
	// ErrCodeMissing: no code came back, or an empty one was pasted.
	ErrCodeMissing = fault.New(fault.Invalid, "oauth.code_missing")
	// ErrExchange: the server refused the code (expired, used, wrong
	// client); {reason} is its error code.
	ErrExchange = fault.New(fault.Invalid, "oauth.exchange_failed")
	// ErrUnreachable: the token endpoint could not be reached.
	ErrUnreachable = fault.New(fault.Transient, "oauth.unreachable")
	// ErrListen: no loopback port could be opened; {reason} says why.
	ErrListen = fault.New(fault.Unavailable, "oauth.listen_failed")
	// ErrClosed: the attempt is over (closed, cancelled, already used, or
	// out of band when Wait was called).
	ErrClosed = fault.New(fault.Conflict, "oauth.closed")
)

// Config describes one authorization.
type Config struct {
	// Client returns the OAuth 2 client for redirectURL: the loopback
	// address Start has just opened, or OutOfBand. A network that registers
	// its app per connection (Mastodon) registers it here, with that exact
	// redirect URI. Its RedirectURL is replaced by redirectURL.
	Client func(ctx context.Context, redirectURL string) (*oauth2.Config, error)
	// OutOfBand asks the server to show the code (the user pastes it into
	// Exchange) instead of redirecting to a loopback listener.
	OutOfBand bool
	// AuthParams are extra parameters of the authorization URL, e.g.
	// {"force_login": "true", "lang": "fr"}.
	AuthParams map[string]string
}

// Flow starts authorizations. It holds no state between them.
type Flow struct {
	http    *http.Client
	timeout time.Duration
}

// NewFlow returns a flow whose token exchanges go through httpClient (nil
// means a new one) and take at most timeout (0 means DefaultTimeout).
func NewFlow(httpClient *http.Client, timeout time.Duration) *Flow {
	if httpClient == nil {
		httpClient = &http.Client{}
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Flow{http: httpClient, timeout: timeout}
}

// Pending is an authorization waiting for the user. Its zero value is not
// usable: Start returns one.
type Pending struct {
	// URL is the authorization address to open in the user's browser.
	URL string
	// RedirectURL is the loopback callback address, or OutOfBand.
	RedirectURL string

	flow     *Flow
	cfg      oauth2.Config
	state    string
	verifier string

	results chan result // the first callback with the right state, buffered
	srv     *http.Server
	served  chan struct{} // closed when the server goroutine has returned
	stop    func() bool   // stops the AfterFunc on Start's ctx

	mu     sync.Mutex
	closed bool
	used   bool
	done   chan struct{} // closed by Close
}

type result struct {
	code string
	err  error
}

// Start prepares an authorization: it opens the loopback listener (unless
// cfg.OutOfBand), asks cfg.Client for the client with that redirect URI and
// builds the URL to open, with a random state and a PKCE S256 challenge.
// The listener stays open until Wait or Exchange returns, Close is called or
// ctx ends.
func (f *Flow) Start(ctx context.Context, cfg Config) (*Pending, error) {
	if cfg.Client == nil {
		return nil, errors.New("oauth: start: Config.Client is nil")
	}
	state, err := randomState()
	if err != nil {
		return nil, fmt.Errorf("oauth: start: %w", err)
	}
	p := &Pending{
		flow: f, state: state, verifier: oauth2.GenerateVerifier(),
		results: make(chan result, 1), done: make(chan struct{}), RedirectURL: OutOfBand,
	}
	if !cfg.OutOfBand {
		if err := p.listen(); err != nil {
			return nil, err
		}
	}
	oc, err := cfg.Client(ctx, p.RedirectURL)
	if err == nil && oc == nil {
		err = errors.New("oauth: start: Config.Client returned no client")
	}
	if err != nil {
		p.Close()
		return nil, err
	}
	p.cfg = *oc
	p.cfg.RedirectURL = p.RedirectURL
	opts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(p.verifier)}
	for k, v := range cfg.AuthParams {
		opts = append(opts, oauth2.SetAuthURLParam(k, v))
	}
	p.URL = p.cfg.AuthCodeURL(p.state, opts...)
	stop := context.AfterFunc(ctx, func() { p.Close() })
	p.mu.Lock()
	p.stop = stop
	p.mu.Unlock()
	return p, nil
}

// listen opens the loopback listener and serves the callback on it.
func (p *Pending) listen() error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return ErrListen.With(map[string]any{"reason": err.Error()}, err)
	}
	p.RedirectURL = "http://" + l.Addr().String() + CallbackPath
	p.srv = &http.Server{Handler: http.HandlerFunc(p.callback), ReadHeaderTimeout: 10 * time.Second}
	p.served = make(chan struct{})
	go func() {
		defer close(p.served)
		// Serve returns http.ErrServerClosed once Close shuts it down.
		_ = p.srv.Serve(l)
	}()
	return nil
}

// Wait waits for the browser to come back to the loopback listener, checks
// the state and exchanges the code (with the PKCE verifier) for a token.
// The listener is closed when it returns.
func (p *Pending) Wait(ctx context.Context) (*oauth2.Token, error) {
	defer p.Close()
	if p.srv == nil {
		return nil, ErrClosed.With(nil, errors.New("oauth: wait: out-of-band authorization: use Exchange with the pasted code"))
	}
	if !p.use() {
		return nil, ErrClosed.With(nil, errors.New("oauth: wait: the authorization was already used"))
	}
	select {
	case res := <-p.results:
		if res.err != nil {
			return nil, res.err
		}
		p.Close() // the browser has its page: nothing more comes to the listener
		return p.exchange(ctx, res.code)
	case <-p.done:
		return nil, ErrClosed.With(nil, errors.New("oauth: wait: the authorization was closed"))
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Exchange exchanges a code the user pasted: the code the server showed
// (out of band), or the whole address the browser was sent to, whose state
// is then checked. The listener, if any, is closed when it returns.
func (p *Pending) Exchange(ctx context.Context, pasted string) (*oauth2.Token, error) {
	defer p.Close()
	if !p.use() {
		return nil, ErrClosed.With(nil, errors.New("oauth: exchange: the authorization was already used"))
	}
	code, state := parsePasted(pasted)
	switch {
	case code == "":
		return nil, ErrCodeMissing.With(nil, nil)
	case state != "" && !p.stateMatches(state):
		return nil, ErrStateMismatch.With(nil, nil)
	}
	return p.exchange(ctx, code)
}

// Close abandons the authorization and closes the listener; it waits for
// the listener's goroutine to return. It may be called more than once.
func (p *Pending) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	stop := p.stop
	p.mu.Unlock()
	// Wait returns once done is closed: by then the listener is closed too.
	defer close(p.done)
	if stop != nil {
		stop()
	}
	if p.srv == nil {
		return nil
	}
	// Let the page being written reach the browser, then stop.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := p.srv.Shutdown(ctx); err != nil {
		p.srv.Close()
	}
	<-p.served
	return nil
}

// use marks the authorization used; false if it was already, or closed.
func (p *Pending) use() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.used || p.closed {
		return false
	}
	p.used = true
	return true
}

func (p *Pending) stateMatches(s string) bool {
	return subtle.ConstantTimeCompare([]byte(s), []byte(p.state)) == 1
}

// exchange trades code for a token at the token endpoint.
func (p *Pending) exchange(ctx context.Context, code string) (*oauth2.Token, error) {
	ctx, cancel := context.WithTimeout(ctx, p.flow.timeout)
	defer cancel()
	ctx = context.WithValue(ctx, oauth2.HTTPClient, p.flow.http)
	tok, err := p.cfg.Exchange(ctx, code, oauth2.VerifierOption(p.verifier))
	if err == nil {
		return tok, nil
	}
	var re *oauth2.RetrieveError
	switch {
	case errors.As(err, &re):
		reason := re.ErrorCode
		if reason == "" && re.Response != nil {
			reason = re.Response.Status
		}
		return nil, ErrExchange.With(map[string]any{"reason": reason}, err)
	case errors.Is(err, context.Canceled):
		return nil, err
	}
	return nil, ErrUnreachable.With(map[string]any{"reason": err.Error()}, err)
}

// callback answers the browser coming back to the loopback listener and
// hands the first answer carrying this attempt's state to Wait.
//
// An answer without it does not end the flow: any web page the user visits
// meanwhile can send the browser to 127.0.0.1, and one forged request must
// not cancel the real sign-in, nor slip its own code in. That tab gets the
// failure page; Wait keeps waiting for the real answer, until its ctx ends
// or the attempt is closed. Nothing of the request is kept or logged.
func (p *Pending) callback(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if r.URL.Path != CallbackPath || (!q.Has("code") && !q.Has("error") && !q.Has("state")) {
		http.NotFound(w, r)
		return
	}
	if !p.stateMatches(q.Get("state")) {
		writePage(w, ErrStateMismatch)
		return
	}
	var res result
	switch {
	case q.Get("error") == "access_denied":
		res.err = ErrDenied.With(nil, nil)
	case q.Get("error") != "":
		reason := q.Get("error")
		if d := q.Get("error_description"); d != "" {
			reason += ": " + d
		}
		res.err = ErrAuthorization.With(map[string]any{"reason": reason}, errors.New(reason))
	case q.Get("code") == "":
		res.err = ErrCodeMissing.With(nil, nil)
	default:
		res.code = q.Get("code")
	}
	writePage(w, res.err)
	select {
	case p.results <- res:
	default: // an answer is already waiting: the first one counts
	}
}

// parsePasted returns the code and state of what the user pasted: a bare
// code, or an address with code (and state) in its query.
func parsePasted(s string) (code, state string) {
	s = strings.TrimSpace(s)
	if u, err := url.Parse(s); err == nil && u.RawQuery != "" && (u.Scheme != "" || strings.HasPrefix(s, "?")) {
		q := u.Query()
		return strings.TrimSpace(q.Get("code")), q.Get("state")
	}
	if strings.ContainsAny(s, " \t\r\n") {
		return "", ""
	}
	return s, ""
}

// randomState returns 32 random bytes, URL-safe.
func randomState() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
