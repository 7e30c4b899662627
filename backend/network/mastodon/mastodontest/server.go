// Package mastodontest is a Mastodon instance in memory, an http.Handler
// for httptest, answering as docs.joinmastodon.org documents: app
// registration and OAuth (authorization code with PKCE, revocation), the
// instance's limits (v2 and v1), statuses with the Idempotency-Key header,
// media processed asynchronously (202, then 206 while processing),
// scheduled statuses, notifications with Link pagination, and the rate
// limit headers. Tests drive it: they approve or deny authorizations,
// simulate activity (favourites, boosts, mentions, quotes, follows),
// release due scheduled statuses, throttle it, and inject faults (a 5xx
// once, a dropped connection, a lost answer).
//
// The endpoints:
//
//	POST   /api/v1/apps
//	GET    /oauth/authorize        POST /oauth/token     POST /oauth/revoke
//	GET    /api/v2/instance        GET  /api/v1/instance
//	GET    /api/v1/accounts/verify_credentials
//	GET    /api/v1/accounts/:id/statuses
//	POST   /api/v1/statuses        GET, DELETE /api/v1/statuses/:id
//	POST   /api/v2/media           GET /api/v1/media/:id
//	GET    /api/v1/scheduled_statuses   GET, PUT, DELETE /api/v1/scheduled_statuses/:id
//	GET    /api/v1/notifications
package mastodontest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Limits are what the instance configures (GET /api/v2/instance).
type Limits struct {
	Domain                   string // of the handles; "" means "mastodon.test"
	Title                    string
	Version                  string
	MaxCharacters            int
	MaxMediaAttachments      int
	CharactersReservedPerURL int
	ImageSizeLimit           int64
	VideoSizeLimit           int64
	SupportedMIMETypes       []string
}

// DefaultLimits are a stock Mastodon 4.3's.
func DefaultLimits() Limits {
	return Limits{Domain: "mastodon.test", Title: "Mastodon test", Version: "4.3.0", MaxCharacters: 500, MaxMediaAttachments: 4,
		CharactersReservedPerURL: 23, ImageSizeLimit: 16 << 20, VideoSizeLimit: 99 << 20,
		SupportedMIMETypes: []string{"image/jpeg", "image/png", "image/gif", "image/heic", "image/heif", "image/webp", "image/avif",
			"video/webm", "video/mp4", "video/quicktime", "video/ogg", "audio/wave", "audio/wav", "audio/mpeg", "audio/mp3", "audio/ogg"}}
}

// Fault is what the server does to the requests it matches instead of
// answering them well.
type Fault struct {
	Method string // "" matches any
	Path   string // exact, or a prefix ending in "*"; "" matches any
	Status int    // answer this status with {"error": Error}; 0 means 500
	Error  string
	Header http.Header // added to the answer, e.g. Retry-After
	Drop   bool        // drop the connection, answering nothing
	After  bool        // do the work first, then fail: the answer is lost
	Times  int         // how many requests it hits; 0 means 1
	Skip   int         // how many matching requests go through before it hits
}

// Request is a request the server received.
type Request struct {
	Method      string
	Path        string
	Query       url.Values
	Header      http.Header
	ContentType string
	Body        []byte // nil for a multipart body
}

// Form returns the form of a url-encoded request.
func (r Request) Form() url.Values {
	v, _ := url.ParseQuery(string(r.Body))
	return v
}

// Server is the instance. Its zero value is not usable: call NewServer.
type Server struct {
	now func() time.Time
	mux *http.ServeMux

	mu            sync.Mutex
	limits        Limits
	noV2          bool
	seq           int64
	users         map[string]*user // by id
	apps          map[string]*app  // by client id
	grants        map[string]*grant
	tokens        map[string]*token
	statuses      map[string]*stat
	order         []string // status ids, oldest first
	media         map[string]*media
	scheduled     map[string]*sched
	notifications []*notif
	idem          map[string]idem // user id + key
	created       int
	createdByKey  map[string]int
	mediaPolls    int
	mediaFail     bool
	approve       string // the user who approves authorizations, "" for none
	deny          bool
	rateLimit     int
	ratePeriod    time.Duration
	rates         map[string]*window // by user id
	throttled     time.Time
	faults        []*Fault
	requests      []Request
}

type user struct {
	acc    Account
	domain string
	local  bool
}

type window struct {
	start time.Time
	used  int
}

type idem struct {
	id        string
	scheduled bool
	at        time.Time
}

// NewServer returns an empty instance with DefaultLimits; now stamps
// everything and decides what is due.
func NewServer(now func() time.Time) *Server {
	s := &Server{now: now, limits: DefaultLimits(), users: map[string]*user{}, apps: map[string]*app{}, grants: map[string]*grant{},
		tokens: map[string]*token{}, statuses: map[string]*stat{}, media: map[string]*media{}, scheduled: map[string]*sched{},
		idem: map[string]idem{}, createdByKey: map[string]int{}, rateLimit: 300, ratePeriod: 5 * time.Minute, rates: map[string]*window{}}
	m := http.NewServeMux()
	m.HandleFunc("POST /api/v1/apps", s.registerApp)
	m.HandleFunc("GET /oauth/authorize", s.authorize)
	m.HandleFunc("POST /oauth/token", s.token)
	m.HandleFunc("POST /oauth/revoke", s.revoke)
	m.HandleFunc("GET /api/v2/instance", s.instanceV2)
	m.HandleFunc("GET /api/v1/instance", s.instanceV1)
	m.HandleFunc("GET /api/v1/accounts/verify_credentials", s.verifyCredentials)
	m.HandleFunc("GET /api/v1/accounts/{id}/statuses", s.accountStatuses)
	m.HandleFunc("POST /api/v1/statuses", s.createStatus)
	m.HandleFunc("GET /api/v1/statuses/{id}", s.getStatus)
	m.HandleFunc("DELETE /api/v1/statuses/{id}", s.deleteStatus)
	m.HandleFunc("POST /api/v2/media", s.uploadMedia)
	m.HandleFunc("GET /api/v1/media/{id}", s.getMedia)
	m.HandleFunc("GET /api/v1/scheduled_statuses", s.listScheduled)
	m.HandleFunc("GET /api/v1/scheduled_statuses/{id}", s.getScheduled)
	m.HandleFunc("PUT /api/v1/scheduled_statuses/{id}", s.updateScheduled)
	m.HandleFunc("DELETE /api/v1/scheduled_statuses/{id}", s.deleteScheduled)
	m.HandleFunc("GET /api/v1/notifications", s.listNotifications)
	s.mux = m
	return s
}

// SetLimits changes the instance's limits.
func (s *Server) SetLimits(l Limits) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if l.Domain == "" {
		l.Domain = "mastodon.test"
	}
	s.limits = l
}

// SetV2 false makes GET /api/v2/instance answer 404, as before Mastodon 4.0.
func (s *Server) SetV2(enabled bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.noV2 = !enabled
}

// SetRateLimit sets how many API requests an account may make per five
// minutes (300 by default).
func (s *Server) SetRateLimit(limit int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rateLimit = limit
	s.rates = map[string]*window{}
}

// Throttle answers every API request with 429 until until (by the
// server's clock), X-RateLimit-Reset saying when.
func (s *Server) Throttle(until time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.throttled = until
}

// Inject adds a fault; faults apply in the order added.
func (s *Server) Inject(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.Times <= 0 {
		f.Times = 1
	}
	s.faults = append(s.faults, &f)
}

// Requests returns the requests received, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// RequestsTo returns the requests received for method and path.
func (s *Server) RequestsTo(method, path string) []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Method == method && r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// Created returns how many statuses POST /api/v1/statuses and Release
// created, deleted ones included.
func (s *Server) Created() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.created
}

// CreatedWithKey returns how many statuses were created with the
// Idempotency-Key key: 1 for a status published exactly once.
func (s *Server) CreatedWithKey(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.createdByKey[key]
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(io.LimitReader(r.Body, 256<<20))
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	ct := r.Header.Get("Content-Type")
	logged := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone(), ContentType: ct}
	if !strings.HasPrefix(ct, "multipart/") {
		logged.Body = body
	}
	s.mu.Lock()
	s.requests = append(s.requests, logged)
	f := s.faultFor(r)
	s.mu.Unlock()

	if f != nil && !f.After {
		apply(w, f)
		return
	}
	if s.limited(w, r) {
		return
	}
	if f == nil {
		s.mux.ServeHTTP(w, r)
		return
	}
	rec := httptest.NewRecorder()
	s.mux.ServeHTTP(rec, r)
	apply(w, f)
}

// faultFor returns the first fault matching r and counts it; s.mu is held.
func (s *Server) faultFor(r *http.Request) *Fault {
	for i, f := range s.faults {
		if f.Method != "" && f.Method != r.Method {
			continue
		}
		if f.Path != "" {
			if p, ok := strings.CutSuffix(f.Path, "*"); ok {
				if !strings.HasPrefix(r.URL.Path, p) {
					continue
				}
			} else if f.Path != r.URL.Path {
				continue
			}
		}
		if f.Skip > 0 {
			f.Skip--
			continue
		}
		f.Times--
		if f.Times <= 0 {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
		}
		cp := *f
		return &cp
	}
	return nil
}

func apply(w http.ResponseWriter, f *Fault) {
	if f.Drop {
		hj, ok := w.(http.Hijacker)
		if !ok {
			panic("mastodontest: the connection cannot be hijacked (HTTP/2?)")
		}
		conn, _, err := hj.Hijack()
		if err != nil {
			return
		}
		if tc, ok := conn.(*net.TCPConn); ok {
			tc.SetLinger(0)
		}
		conn.Close()
		return
	}
	for k, v := range f.Header {
		w.Header()[k] = v
	}
	status := f.Status
	if status == 0 {
		status = http.StatusInternalServerError
	}
	msg := f.Error
	if msg == "" {
		msg = http.StatusText(status)
	}
	writeJSON(w, status, errorBody{Error: msg})
}

// limited applies the account's rate limit to an API request with a
// token, as rack-attack does, and writes the X-RateLimit headers; it
// answers 429 and returns true when the budget is spent.
func (s *Server) limited(w http.ResponseWriter, r *http.Request) bool {
	if !strings.HasPrefix(r.URL.Path, "/api/") {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if now.Before(s.throttled) {
		rateHeaders(w, s.rateLimit, 0, s.throttled)
		writeJSON(w, http.StatusTooManyRequests, errorBody{Error: "Too many requests"})
		return true
	}
	t := s.tokenLocked(r)
	if t == nil || t.userID == "" {
		return false
	}
	// Periods are aligned, as rack-attack's: the reset is the end of the
	// current period.
	start := now.Truncate(s.ratePeriod)
	win := s.rates[t.userID]
	if win == nil || !win.start.Equal(start) {
		win = &window{start: start}
		s.rates[t.userID] = win
	}
	win.used++
	reset := start.Add(s.ratePeriod)
	remaining := max(s.rateLimit-win.used, 0)
	rateHeaders(w, s.rateLimit, remaining, reset)
	if win.used > s.rateLimit {
		writeJSON(w, http.StatusTooManyRequests, errorBody{Error: "Too many requests"})
		return true
	}
	return false
}

func rateHeaders(w http.ResponseWriter, limit, remaining int, reset time.Time) {
	h := w.Header()
	h.Set("X-RateLimit-Limit", fmt.Sprint(limit))
	h.Set("X-RateLimit-Remaining", fmt.Sprint(remaining))
	h.Set("X-RateLimit-Reset", reset.UTC().Format("2006-01-02T15:04:05.000000Z"))
}

// nextID returns a new id; ids have the same length, so that they sort as
// Mastodon's do (by length, then lexically); s.mu is held.
func (s *Server) nextID() string {
	s.seq++
	return fmt.Sprintf("%d", 110000000000000000+s.seq)
}

// domain returns the instance's domain; s.mu is held.
func (s *Server) domain() string { return s.limits.Domain }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	// An error here means the client went away: there is no one to tell.
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

// params returns a request's parameters, whatever their encoding: a form,
// a multipart form or JSON (arrays as name[]).
func params(r *http.Request) (url.Values, error) {
	ct := r.Header.Get("Content-Type")
	switch {
	case strings.HasPrefix(ct, "application/json"):
		var m map[string]any
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil && err != io.EOF {
			return nil, err
		}
		v := url.Values{}
		for k, x := range m {
			switch x := x.(type) {
			case []any:
				for _, e := range x {
					v.Add(k+"[]", fmt.Sprint(e))
				}
			case nil:
			default:
				v.Set(k, fmt.Sprint(x))
			}
		}
		return v, nil
	case strings.HasPrefix(ct, "multipart/form-data"):
		if err := r.ParseMultipartForm(32 << 20); err != nil {
			return nil, err
		}
		return url.Values(r.MultipartForm.Value), nil
	}
	if err := r.ParseForm(); err != nil {
		return nil, err
	}
	return r.PostForm, nil
}

// list returns an array parameter given as name[] or name.
func list(v url.Values, name string) []string {
	if l := v[name+"[]"]; len(l) > 0 {
		return l
	}
	return v[name]
}
