package bluesky

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"ruche/backend/network"
)

// The DIDs of the fake network's accounts.
const (
	didBrand = "did:plc:brand234567brand234567br"
	didFan   = "did:plc:fan234567fan234567fan234"
)

// now is the instant of the unit tests.
var now = time.Date(2027, 3, 14, 7, 0, 0, 0, time.UTC)

// jwt returns an unsigned token expiring at exp; n makes it unique.
func jwt(exp time.Time, n int) string {
	enc := base64.RawURLEncoding
	head := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"at+jwt"}`))
	body := enc.EncodeToString(fmt.Appendf(nil, `{"sub":"did:plc:brand","exp":%d,"jti":"%d"}`, exp.Unix(), n))
	return head + "." + body + ".c2ln"
}

// fakeRecord is a record the fake PDS holds.
type fakeRecord struct {
	CID   string
	Value json.RawMessage
}

// fakePDS is an XRPC server with one account (did:plc:brand, brand.test),
// enough of com.atproto.* and app.bsky.* for the client, and counters of
// the calls. Refresh tokens are single-use, as on a real PDS.
type fakePDS struct {
	t   *testing.T
	srv *httptest.Server

	mu          sync.Mutex
	did         string
	handle      string
	password    string
	access      map[string]bool // valid access tokens
	refresh     map[string]bool // valid refresh tokens
	seq         int
	calls       map[string]int
	records     map[string]fakeRecord // by rkey
	handles     map[string]string     // other accounts' DIDs by handle
	headers     []http.Header         // of every request
	noRefresh   bool                  // refreshSession answers without refreshJwt
	expiredAs   int                   // the status for an unknown access token: 400 (ExpiredToken) or 401
	fail        map[string]xrpcError  // forced failures by method
	failHeader  http.Header
	slowRefresh time.Duration
	createLimit int              // createRecord fails with 502 once this many records exist (0: never)
	notifs      []map[string]any // listNotifications, newest first
	views       []map[string]any // app.bsky.feed.defs#postView for getPosts and searchPosts
}

func newFakePDS(t *testing.T) *fakePDS {
	f := &fakePDS{t: t, did: didBrand, handle: "brand.test", password: "app-pass",
		access: map[string]bool{}, refresh: map[string]bool{}, calls: map[string]int{},
		records: map[string]fakeRecord{}, handles: map[string]string{"fan.test": didFan},
		expiredAs: http.StatusBadRequest, fail: map[string]xrpcError{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// session returns a new valid session whose access token expires at exp.
func (f *fakePDS) session(exp time.Time) Session {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, r := f.tokens(exp)
	return Session{DID: f.did, Handle: f.handle, PDS: f.srv.URL, AccessJWT: a, RefreshJWT: r}
}

// tokens makes a new pair; f.mu is held.
func (f *fakePDS) tokens(exp time.Time) (access, refresh string) {
	f.seq++
	access = jwt(exp, f.seq)
	f.seq++
	refresh = jwt(now.Add(60*24*time.Hour), f.seq)
	f.access[access] = true
	f.refresh[refresh] = true
	return access, refresh
}

func (f *fakePDS) count(nsid string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[nsid]
}

// setFail makes method answer with the error xe and header.
func (f *fakePDS) setFail(method string, xe xrpcError, header http.Header) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail[method] = xe
	f.failHeader = header
}

func (f *fakePDS) nrecords() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.records)
}

// valid reports whether both tokens of s are good.
func (f *fakePDS) valid(s Session) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.access[s.AccessJWT] && f.refresh[s.RefreshJWT]
}

func (f *fakePDS) validAccess(token string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.access[token]
}

// revoke kills a refresh token.
func (f *fakePDS) revoke(refresh string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.refresh, refresh)
}

func (f *fakePDS) record(rkey string) (fakeRecord, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.records[rkey]
	return r, ok
}

func (f *fakePDS) serve(w http.ResponseWriter, r *http.Request) {
	nsid := strings.TrimPrefix(r.URL.Path, "/xrpc/")
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.calls[nsid]++
	f.headers = append(f.headers, r.Header.Clone())
	forced, isForced := f.fail[nsid]
	slow := f.slowRefresh
	f.mu.Unlock()
	if isForced {
		for k, v := range f.failHeader {
			w.Header()[k] = v
		}
		writeErr(w, forced.Status, forced.Name, forced.Message)
		return
	}
	token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	switch nsid {
	case nsidCreateSession:
		var in struct{ Identifier, Password string }
		json.Unmarshal(body, &in)
		f.mu.Lock()
		defer f.mu.Unlock()
		if (in.Identifier != f.did && in.Identifier != f.handle) || in.Password != f.password {
			writeErr(w, 401, "AuthenticationRequired", "Invalid identifier or password")
			return
		}
		a, rt := f.tokens(now.Add(2 * time.Hour))
		writeJSON(w, map[string]string{"did": f.did, "handle": f.handle, "accessJwt": a, "refreshJwt": rt})
	case nsidRefreshSession:
		time.Sleep(slow)
		f.mu.Lock()
		defer f.mu.Unlock()
		if !f.refresh[token] {
			writeErr(w, 400, "ExpiredToken", "Token has been revoked")
			return
		}
		delete(f.refresh, token)
		a, rt := f.tokens(now.Add(2 * time.Hour))
		out := map[string]string{"did": f.did, "handle": f.handle, "accessJwt": a, "refreshJwt": rt}
		if f.noRefresh {
			delete(out, "refreshJwt")
		}
		writeJSON(w, out)
	case nsidResolveHandle:
		h := r.URL.Query().Get("handle")
		f.mu.Lock()
		did, ok := f.handles[h]
		if h == f.handle {
			did, ok = f.did, true
		}
		f.mu.Unlock()
		if !ok {
			writeErr(w, 400, "HandleNotFound", "Unable to resolve handle")
			return
		}
		writeJSON(w, map[string]string{"did": did})
	default:
		f.mu.Lock()
		valid := f.access[token]
		status := f.expiredAs
		f.mu.Unlock()
		if !valid {
			if status == 401 {
				writeErr(w, 401, "AuthenticationRequired", "Invalid token")
			} else {
				writeErr(w, 400, "ExpiredToken", "Token has expired")
			}
			return
		}
		f.serveAuthed(w, r, nsid, body)
	}
}

func (f *fakePDS) serveAuthed(w http.ResponseWriter, r *http.Request, nsid string, body []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	q := r.URL.Query()
	switch nsid {
	case nsidCreateRecord:
		var in struct {
			Repo, Collection, Rkey string
			Record                 json.RawMessage
		}
		if err := json.Unmarshal(body, &in); err != nil || in.Repo != f.did || in.Collection != collectionPost {
			writeErr(w, 400, "InvalidRequest", "bad input")
			return
		}
		if f.createLimit > 0 && len(f.records) >= f.createLimit {
			writeErr(w, 502, "UpstreamFailure", "interrupted")
			return
		}
		if _, ok := f.records[in.Rkey]; ok {
			writeErr(w, 500, "InternalServerError", "Internal Server Error") // what the real PDS answers
			return
		}
		f.seq++
		cid := fmt.Sprintf("bafyrei%d", f.seq)
		f.records[in.Rkey] = fakeRecord{CID: cid, Value: in.Record}
		writeJSON(w, map[string]string{"uri": "at://" + f.did + "/" + collectionPost + "/" + in.Rkey, "cid": cid})
	case nsidGetRecord:
		rec, ok := f.records[q.Get("rkey")]
		if !ok || q.Get("repo") != f.did {
			writeErr(w, 400, "RecordNotFound", "Could not locate record")
			return
		}
		writeJSON(w, map[string]any{"uri": "at://" + f.did + "/" + collectionPost + "/" + q.Get("rkey"), "cid": rec.CID, "value": rec.Value})
	case nsidDeleteRecord:
		var in struct{ Rkey string }
		json.Unmarshal(body, &in)
		delete(f.records, in.Rkey)
		writeJSON(w, map[string]any{})
	case nsidUploadBlob:
		f.seq++
		writeJSON(w, map[string]any{"blob": map[string]any{"$type": "blob", "ref": map[string]string{"$link": fmt.Sprintf("bafkrei%d", f.seq)},
			"mimeType": r.Header.Get("Content-Type"), "size": len(body)}})
	case nsidGetProfile:
		writeJSON(w, map[string]any{"did": f.did, "handle": f.handle, "displayName": "Brand", "followersCount": 12, "followsCount": 3, "postsCount": len(f.records)})
	case nsidListNotifications:
		start, _ := strconv.Atoi(q.Get("cursor"))
		limit, _ := strconv.Atoi(q.Get("limit"))
		end := min(start+limit, len(f.notifs))
		out := map[string]any{"notifications": f.notifs[min(start, end):end]}
		if end < len(f.notifs) {
			out["cursor"] = strconv.Itoa(end)
		}
		writeJSON(w, out)
	case nsidGetPosts:
		var out []map[string]any
		for _, v := range f.views {
			if slices.Contains(q["uris"], v["uri"].(string)) {
				out = append(out, v)
			}
		}
		writeJSON(w, map[string]any{"posts": out})
	case nsidSearchPosts:
		var out []map[string]any
		for _, v := range f.views {
			if strings.Contains(v["record"].(map[string]any)["text"].(string), q.Get("q")) {
				out = append(out, v)
			}
		}
		writeJSON(w, map[string]any{"posts": out, "cursor": "next-" + q.Get("cursor")})
	default:
		writeErr(w, 501, "MethodNotImplemented", "Method Not Implemented")
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func writeErr(w http.ResponseWriter, status int, name, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": name, "message": msg})
}

// testAccount is the fake PDS's account as the scheduler names it.
func testAccount(f *fakePDS) network.Account {
	return network.Account{ID: "acc-1", Network: network.Bluesky, Handle: "brand.test", Server: f.srv.URL}
}

// newTestClient returns a client of f whose stored session is s, and the
// sessions.
func newTestClient(t *testing.T, f *fakePDS, s Session) (*Client, *MemorySessions) {
	t.Helper()
	sessions := NewMemorySessions()
	if s.AccessJWT != "" || s.RefreshJWT != "" {
		sessions.Save("acc-1", s)
	}
	sessions.SetAppPassword("acc-1", f.password)
	c := NewClient(f.srv.Client(), sessions, Config{Timeout: 5 * time.Second, Now: func() time.Time { return now },
		PLCURL: "http://plc.invalid"})
	return c, sessions
}
