package bluesky

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"ruche/backend/fault"
	"ruche/backend/network"
)

// recorder passes requests on to next, noting the hosts they go to.
type recorder struct {
	next  http.RoundTripper
	mu    sync.Mutex
	hosts []string
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.hosts = append(r.hosts, req.URL.Host)
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

// sentTo reports whether a request went to host.
func (r *recorder) sentTo(host string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, h := range r.hosts {
		if h == host {
			return true
		}
	}
	return false
}

func TestServiceURLPlainHTTP(t *testing.T) {
	tests := []struct {
		service string
		want    string
		wantErr error
	}{
		{"bsky.social", "https://bsky.social", nil},
		{"https://pds.example.com/", "https://pds.example.com", nil},
		{"http://127.0.0.1:2583", "http://127.0.0.1:2583", nil},
		{"http://127.1.2.3", "http://127.1.2.3", nil},
		{"http://localhost", "http://localhost", nil},
		{"HTTP://LocalHost:2583/", "http://LocalHost:2583", nil},
		{"http://[::1]:2583", "http://[::1]:2583", nil},
		{"http://pds.example.com", "", ErrServiceInsecure},
		{"http://10.0.0.5", "", ErrServiceInsecure},
		{"http://192.168.1.10:2583", "", ErrServiceInsecure},
		{"http://localhost.example.com", "", ErrServiceInsecure},
		{"http://127.0.0.1.nip.io", "", ErrServiceInsecure},
		{"http://[::2]", "", ErrServiceInsecure},
		{"ftp://pds.example.com", "", nil}, // not a server address at all
	}
	for _, tt := range tests {
		got, err := serviceURL(tt.service)
		switch {
		case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
			t.Errorf("serviceURL(%q) = %q, %v; want %v", tt.service, got, err, tt.wantErr)
		case tt.wantErr != nil && fault.KindOf(err) != fault.Invalid:
			t.Errorf("serviceURL(%q) kind = %v, want Invalid", tt.service, fault.KindOf(err))
		case tt.wantErr == nil && tt.want != "" && (got != tt.want || err != nil):
			t.Errorf("serviceURL(%q) = %q, %v; want %q", tt.service, got, err, tt.want)
		case tt.want == "" && tt.wantErr == nil && (err == nil || errors.Is(err, ErrServiceInsecure)):
			t.Errorf("serviceURL(%q) = %q, %v; want an invalid address", tt.service, got, err)
		}
	}
}

func TestConnectRefusesPlainHTTP(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name    string
		service string // what the user gives
		pds     string // what the DID document names
		want    error
		arg     string // the address the message names
	}{
		{"the service given", "http://pds.example.com:2583", "", ErrServiceInsecure, "http://pds.example.com:2583"},
		{"a private address given", "http://10.0.0.5", "", ErrServiceInsecure, "http://10.0.0.5"},
		{"the DID document's server", "", "http://pds.example.com", ErrPDSInsecure, "http://pds.example.com"},
		{"the DID document's private server", "", "http://10.0.0.5:2583/", ErrPDSInsecure, "http://10.0.0.5:2583"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakePDS(t)
			plc := fakePLC(t, map[string]any{didBrand: didDoc(didBrand, tt.pds)})
			rec := &recorder{next: http.DefaultTransport}
			c := NewClient(&http.Client{Transport: rec}, NewMemorySessions(), Config{PLCURL: plc.URL, Timeout: time.Second})
			service := tt.service
			if service == "" {
				service = f.srv.URL // resolves the handle; the DID document names the server
			}
			_, _, err := c.Connect(ctx, "brand.test", "app-pass", service)
			var fe *fault.Error
			if !errors.Is(err, tt.want) || !errors.As(err, &fe) || fe.Args["service"] != tt.arg {
				t.Errorf("Connect() = %v, want %v naming %s", err, tt.want, tt.arg)
			}
			if tt.want == ErrPDSInsecure && fe != nil && fe.Args["handle"] != "brand.test" {
				t.Errorf("Connect() handle = %v, want brand.test", fe.Args["handle"])
			}
			for _, host := range []string{"pds.example.com", "pds.example.com:2583", "10.0.0.5", "10.0.0.5:2583"} {
				if rec.sentTo(host) {
					t.Errorf("Connect() sent a request to http://%s, want none", host)
				}
			}
			if n := f.count(nsidCreateSession); n != 0 {
				t.Errorf("createSession calls = %d, want 0", n)
			}
		})
	}
}

func TestConnectOverLoopbackHTTP(t *testing.T) {
	// The fake servers listen on http://127.0.0.1, as the local test
	// network does on http://localhost.
	f := newFakePDS(t)
	local := strings.Replace(f.srv.URL, "127.0.0.1", "localhost", 1)
	plc := fakePLC(t, map[string]any{didBrand: didDoc(didBrand, local)})
	c := NewClient(f.srv.Client(), NewMemorySessions(), Config{PLCURL: plc.URL, Timeout: time.Second})
	s, _, err := c.Connect(context.Background(), "brand.test", "app-pass", f.srv.URL)
	if err != nil || s.PDS != local {
		t.Fatalf("Connect() = %v, %v; want a session on %s", s, err, local)
	}
}

func TestCallRefusesPlainHTTP(t *testing.T) {
	// An account saved with a plain http server, or whose session names
	// one, sends nothing there.
	for _, server := range []string{"http://pds.example.com", "http://10.0.0.5:2583"} {
		rec := &recorder{next: http.DefaultTransport}
		sessions := NewMemorySessions()
		sessions.SetAppPassword("acc", "app-pass")
		c := NewClient(&http.Client{Transport: rec}, sessions, Config{Timeout: time.Second, Now: func() time.Time { return now }})
		a := network.Account{ID: "acc", Network: network.Bluesky, Handle: "brand.test", Server: server}
		_, err := c.Profile(context.Background(), a)
		if !errors.Is(err, ErrServiceInsecure) {
			t.Errorf("Profile(account on %s) = %v, want ErrServiceInsecure", server, err)
		}
		sessions.Save("acc", Session{DID: didBrand, Handle: "brand.test", PDS: server, AccessJWT: jwt(now.Add(time.Hour), 1), RefreshJWT: jwt(now.Add(time.Hour), 2)})
		if _, err := c.Profile(context.Background(), a); !errors.Is(err, ErrServiceInsecure) {
			t.Errorf("Profile(session on %s) = %v, want ErrServiceInsecure", server, err)
		}
		if len(rec.hosts) != 0 {
			t.Errorf("requests sent to %v, want none", rec.hosts)
		}
	}
}

func TestKeepIgnoresPlainHTTPServer(t *testing.T) {
	c := NewClient(nil, NewMemorySessions(), Config{})
	old := Session{DID: didBrand, Handle: "brand.test", PDS: "https://pds.ruche.test"}
	for _, pds := range []string{"http://pds.example.com", "http://10.0.0.5"} {
		doc := `{"id":"` + didBrand + `","service":[{"id":"#atproto_pds","type":"AtprotoPersonalDataServer","serviceEndpoint":"` + pds + `"}]}`
		s, err := c.keep("acc", old, sessionAnswer{DID: didBrand, AccessJWT: "a", RefreshJWT: "r", DIDDoc: []byte(doc)})
		if err != nil || s.PDS != old.PDS {
			t.Errorf("keep(answer naming %s) = %v, %v; want the session kept on %s", pds, s, err, old.PDS)
		}
	}
}

func TestRedirectToPlainHTTPRefused(t *testing.T) {
	// An https server that sends the password on to plain http (a 307
	// repeats the POST and its body) is not followed.
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://pds.example.com"+r.URL.RequestURI(), http.StatusTemporaryRedirect)
	}))
	defer srv.Close()
	rec := &recorder{next: srv.Client().Transport}
	c := NewClient(&http.Client{Transport: rec}, NewMemorySessions(), Config{Timeout: time.Second})
	_, err := c.createSession(context.Background(), srv.URL, "brand.test", "app-pass")
	if !errors.Is(err, ErrServiceInsecure) {
		t.Errorf("createSession(redirected to http) = %v, want ErrServiceInsecure", err)
	}
	if rec.sentTo("pds.example.com") {
		t.Errorf("the redirect to http://pds.example.com was followed")
	}
	_, err = c.get(context.Background(), srv.URL+"/.well-known/did.json", 1024)
	if !errors.Is(err, ErrServiceInsecure) || rec.sentTo("pds.example.com") {
		t.Errorf("get(redirected to http) = %v, want ErrServiceInsecure and no request", err)
	}
}

func TestPLCOverPlainHTTPRefused(t *testing.T) {
	rec := &recorder{next: http.DefaultTransport}
	c := NewClient(&http.Client{Transport: rec}, NewMemorySessions(), Config{PLCURL: "http://plc.example.com", Timeout: time.Second})
	if _, err := c.resolveDID(context.Background(), didBrand); !errors.Is(err, ErrServiceInsecure) || rec.sentTo("plc.example.com") {
		t.Errorf("resolveDID(through http://plc.example.com) = %v, want ErrServiceInsecure and no request", err)
	}
}
