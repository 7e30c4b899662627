// Package testnet is a social network for tests, spoken to over real HTTP:
// a Server (an http.Handler for httptest) that honours idempotency keys,
// counts what it publishes and fails on demand, and a Client that
// implements network.Publisher against it.
//
// The API:
//
//	POST   /posts          JSON {account, text, thread, firstComment, link, media};
//	                       header Idempotency-Key: the same key again returns the
//	                       same post (200) instead of a new one (201)
//	GET    /posts?key=K    the post published with key K, or 404
//	GET    /posts          every post, oldest first
//	DELETE /posts/{id}     204, or 404 when there is no such post
//
// Every request needs an "Authorization: Bearer" token. Errors are JSON
// {"error": code}.
package testnet

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/rivo/uniseg"
)

// TextLimit is the most graphemes a post may have, as network.Defaults
// says for testnet.
const TextLimit = 500

// Post is a post the test network holds.
type Post struct {
	ID           string    `json:"id"`
	Key          string    `json:"key,omitempty"`
	Account      string    `json:"account"`
	Text         string    `json:"text"`
	Thread       []string  `json:"thread,omitempty"`
	FirstComment string    `json:"firstComment,omitempty"`
	Link         string    `json:"link,omitempty"`
	Media        []Media   `json:"media,omitempty"`
	URL          string    `json:"url"`
	CreatedAt    time.Time `json:"createdAt"`
}

// Media describes an attached file; the test network does not take bytes.
type Media struct {
	Name string `json:"name"`
	Alt  string `json:"alt,omitempty"`
	MIME string `json:"mime"`
	Size int64  `json:"size"`
}

// Request is what a FaultFunc knows of a request.
type Request struct {
	Method  string
	Path    string
	Key     string // the Idempotency-Key of a POST, the key looked up by a GET
	Attempt int    // 1 for the first request with this method and key, 2 for the next...
	Header  http.Header
}

// Fault is what the server does to a request instead of answering it well.
// The zero Fault answers normally.
type Fault struct {
	Delay      time.Duration // wait before answering (or before the fault); the client may time out
	Reset      bool          // drop the connection with a TCP reset, answering nothing
	Status     int           // answer this HTTP status, e.g. 500, 429, 401, 422
	RetryAfter string        // the Retry-After header with Status, in seconds or as an HTTP date
	// After applies the fault once the post is created: the post is out,
	// but the client does not learn it (a lost answer).
	After bool
}

// FaultFunc decides the fault of each request. It runs on the server's
// goroutines: it must be safe for concurrent use.
type FaultFunc func(Request) Fault

// Server is the test network. Its zero value is not usable: call NewServer.
type Server struct {
	now func() time.Time
	mux *http.ServeMux

	mu         sync.Mutex
	fault      FaultFunc
	latency    time.Duration
	ignoreKeys bool
	posts      []Post
	byKey      map[string]string // idempotency key -> id of the first post with it
	created    map[string]int    // idempotency key -> posts created with it
	attempts   map[string]int    // method + " " + key -> requests
	inFlight   int
	peak       int
	busy       time.Duration // requests in flight × time, for MeanInFlight
	since      time.Time     // when busy was last brought up to date
	lastID     int
}

// NewServer returns an empty test network; now stamps the posts.
func NewServer(now func() time.Time) *Server {
	s := &Server{now: now, byKey: map[string]string{}, created: map[string]int{}, attempts: map[string]int{}}
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("POST /posts", s.create)
	s.mux.HandleFunc("GET /posts", s.list)
	s.mux.HandleFunc("DELETE /posts/{id}", s.remove)
	return s
}

// SetFault makes f decide the fault of each request; nil answers every
// request well.
func (s *Server) SetFault(f FaultFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault = f
}

// SetLatency delays every answer by d, as a distant server would.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// IgnoreKeys makes the server behave like a network without idempotency:
// the same key twice makes two posts. GET /posts?key=K still finds the
// first, as a client that tags its posts would.
func (s *Server) IgnoreKeys(ignore bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ignoreKeys = ignore
}

// Posts returns every post held, oldest first.
func (s *Server) Posts() []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Post(nil), s.posts...)
}

// Len returns how many posts are held.
func (s *Server) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.posts)
}

// account adds the requests in flight since the last change to busy; s.mu
// is held. It reads the wall clock, not s.now: it measures the server.
func (s *Server) account() {
	now := time.Now()
	if !s.since.IsZero() {
		s.busy += time.Duration(s.inFlight) * now.Sub(s.since)
	}
	s.since = now
}

// MeanInFlight returns how many requests were in flight on average over the
// last d (the time the caller measured): how well a client keeps its
// concurrency limit busy.
func (s *Server) MeanInFlight(d time.Duration) float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.account()
	if d <= 0 {
		return 0
	}
	return float64(s.busy) / float64(d)
}

// Created returns how many posts were created with idempotency key key,
// deleted ones included: 1 for a post published exactly once.
func (s *Server) Created(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.created[key]
}

// Requests returns how many POST requests came with key key, whatever
// their fate.
func (s *Server) Requests(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attempts[http.MethodPost+" "+key]
}

// PeakInFlight returns the most requests the server handled at once.
func (s *Server) PeakInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peak
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.account()
	s.inFlight++
	s.peak = max(s.peak, s.inFlight)
	latency := s.latency
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.account()
		s.inFlight--
		s.mu.Unlock()
	}()
	if !sleep(r, latency) {
		return
	}
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		writeError(w, http.StatusUnauthorized, "token_missing", "")
		return
	}
	s.mux.ServeHTTP(w, r)
}

// begin counts the request and returns its fault, applying it at once
// unless it comes after the work; it returns false when the request is
// answered (or dropped) already.
func (s *Server) begin(w http.ResponseWriter, r *http.Request, key string) (Fault, bool) {
	s.mu.Lock()
	id := r.Method + " " + key
	s.attempts[id]++
	req := Request{Method: r.Method, Path: r.URL.Path, Key: key, Attempt: s.attempts[id], Header: r.Header.Clone()}
	fault := s.fault
	s.mu.Unlock()
	if fault == nil {
		return Fault{}, true
	}
	f := fault(req)
	if f.After {
		return f, true
	}
	return f, !apply(w, r, f)
}

// apply does fault f and reports whether it answered the request.
func apply(w http.ResponseWriter, r *http.Request, f Fault) bool {
	if !sleep(r, f.Delay) {
		return true
	}
	switch {
	case f.Reset:
		reset(w)
		return true
	case f.Status != 0:
		writeError(w, f.Status, "injected", f.RetryAfter)
		return true
	}
	return false
}

// sleep waits d or until the client goes away; false when it went away.
func sleep(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// reset drops the connection with a TCP RST, as a crashing server or a
// middlebox does.
func reset(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("testnet: the connection cannot be hijacked (HTTP/2?)")
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

type createRequest struct {
	Account      string   `json:"account"`
	Text         string   `json:"text"`
	Thread       []string `json:"thread"`
	FirstComment string   `json:"firstComment"`
	Link         string   `json:"link"`
	Media        []Media  `json:"media"`
}

func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("Idempotency-Key")
	f, ok := s.begin(w, r, key)
	if !ok {
		return
	}
	var in createRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, "bad_json", "")
		return
	}
	switch {
	case strings.TrimSpace(in.Text) == "" && len(in.Media) == 0:
		writeError(w, http.StatusUnprocessableEntity, "text_empty", "")
		return
	case uniseg.GraphemeClusterCount(in.Text) > TextLimit:
		writeError(w, http.StatusUnprocessableEntity, "text_too_long", "")
		return
	}

	s.mu.Lock()
	status := http.StatusOK
	p, found := s.findLocked(key)
	if !found || s.ignoreKeys {
		s.lastID++
		id := fmt.Sprintf("%d", s.lastID)
		p = Post{ID: id, Key: key, Account: in.Account, Text: in.Text, Thread: in.Thread, FirstComment: in.FirstComment,
			Link: in.Link, Media: in.Media, URL: "https://testnet.example/" + in.Account + "/" + id, CreatedAt: s.now().UTC()}
		s.posts = append(s.posts, p)
		if key != "" {
			s.created[key]++
			if !found {
				s.byKey[key] = id
			}
		}
		status = http.StatusCreated
	}
	s.mu.Unlock()

	if f.After && apply(w, r, f) {
		return
	}
	writeJSON(w, status, p)
}

// findLocked returns the post published with key, if any.
func (s *Server) findLocked(key string) (Post, bool) {
	if key == "" {
		return Post{}, false
	}
	id, ok := s.byKey[key]
	if !ok {
		return Post{}, false
	}
	for _, p := range s.posts {
		if p.ID == id {
			return p, true
		}
	}
	return Post{}, false
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("key")
	f, ok := s.begin(w, r, key)
	if !ok {
		return
	}
	s.mu.Lock()
	var body any
	status := http.StatusOK
	if r.URL.Query().Has("key") {
		p, found := s.findLocked(key)
		body = p
		if !found {
			status, body = http.StatusNotFound, errorBody{Error: "not_found"}
		}
	} else {
		body = append([]Post{}, s.posts...)
	}
	s.mu.Unlock()
	if f.After && apply(w, r, f) {
		return
	}
	writeJSON(w, status, body)
}

func (s *Server) remove(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	f, ok := s.begin(w, r, id)
	if !ok {
		return
	}
	s.mu.Lock()
	found := false
	for i, p := range s.posts {
		if p.ID == id {
			s.posts = append(s.posts[:i], s.posts[i+1:]...)
			if s.byKey[p.Key] == id {
				delete(s.byKey, p.Key)
			}
			found = true
			break
		}
	}
	s.mu.Unlock()
	if f.After && apply(w, r, f) {
		return
	}
	if !found {
		writeError(w, http.StatusNotFound, "not_found", "")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

type errorBody struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, code, retryAfter string) {
	if retryAfter != "" {
		w.Header().Set("Retry-After", retryAfter)
	}
	writeJSON(w, status, errorBody{Error: code})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	// An error here means the client went away: there is no one to tell.
	_ = json.NewEncoder(w).Encode(v)
}
