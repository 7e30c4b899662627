package bluesky

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/fault"
)

// didDoc returns the DID document of did whose PDS is pds.
func didDoc(did, pds string) map[string]any {
	return map[string]any{
		"@context":    []string{"https://www.w3.org/ns/did/v1"},
		"id":          did,
		"alsoKnownAs": []string{"at://brand.test"},
		"service":     []map[string]string{{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": pds}},
	}
}

// fakePLC serves DID documents by path, as plc.directory does.
func fakePLC(t *testing.T, docs map[string]any) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		doc, ok := docs[strings.TrimPrefix(r.URL.Path, "/")]
		if !ok {
			http.Error(w, `{"message":"DID not registered"}`, http.StatusNotFound)
			return
		}
		writeJSON(w, doc)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestResolveDID(t *testing.T) {
	plc := fakePLC(t, map[string]any{
		didBrand: didDoc(didBrand, "https://pds.ruche.test/"),
		didFan:   didDoc("did:plc:someoneelse234567someone", "https://pds.ruche.test"), // not its own
	})
	var webDID string
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/.well-known/did.json" {
			http.NotFound(w, r)
			return
		}
		writeJSON(w, didDoc(webDID, "http://localhost:2583"))
	}))
	defer web.Close()
	webDID = "did:web:" + strings.ReplaceAll(strings.TrimPrefix(web.URL, "http://"), ":", "%3A")
	c := NewClient(plc.Client(), NewMemorySessions(), Config{PLCURL: plc.URL, Timeout: time.Second})
	tests := []struct {
		did     string
		wantPDS string
		wantErr error
	}{
		{didBrand, "https://pds.ruche.test", nil},
		{webDID, "http://localhost:2583", nil},
		{didFan, "", ErrPDSUnresolved},
		{"did:plc:unknown234567unknown234567", "", ErrPDSUnresolved},
		{"did:web:example.com:user:alice", "", ErrPDSUnresolved},
		{"did:key:z6Mk", "", ErrPDSUnresolved},
	}
	for _, tt := range tests {
		doc, err := c.resolveDID(context.Background(), tt.did)
		if !errors.Is(err, tt.wantErr) || (err == nil && tt.wantErr != nil) {
			t.Errorf("resolveDID(%s) = %v, want %v", tt.did, err, tt.wantErr)
			continue
		}
		if got := doc.pds(); err == nil && got != tt.wantPDS {
			t.Errorf("resolveDID(%s).pds() = %q, want %q", tt.did, got, tt.wantPDS)
		}
	}
}

// rewrite sends the requests to *.ruche.test to target, as if DNS pointed
// there.
type rewrite struct{ target *url.URL }

func (r rewrite) RoundTrip(req *http.Request) (*http.Response, error) {
	if strings.HasSuffix(req.URL.Hostname(), ".ruche.test") {
		req = req.Clone(req.Context())
		req.URL.Scheme, req.URL.Host = r.target.Scheme, r.target.Host
	}
	return http.DefaultTransport.RoundTrip(req)
}

func TestResolveHandle(t *testing.T) {
	f := newFakePDS(t)
	wellKnown := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Host == "web.ruche.test" && r.URL.Path == "/.well-known/atproto-did" {
			fmt.Fprintln(w, didFan)
			return
		}
		http.NotFound(w, r)
	}))
	defer wellKnown.Close()
	target, _ := url.Parse(wellKnown.URL)
	txt := func(_ context.Context, name string) ([]string, error) {
		if name == "_atproto.dns.ruche.test" {
			return []string{"v=spf1", "did=" + didBrand}, nil
		}
		return nil, fmt.Errorf("no such host %s", name)
	}
	c := NewClient(&http.Client{Transport: rewrite{target}}, NewMemorySessions(), Config{Timeout: time.Second, LookupTXT: txt})
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	tests := []struct {
		handle, service string
		want            string
		wantErr         error
	}{
		{"brand.test", f.srv.URL, didBrand, nil},
		{"fan.test", f.srv.URL + "/", didFan, nil},
		{"nobody.test", f.srv.URL, "", ErrHandleUnresolved},
		{"not a handle", f.srv.URL, "", ErrHandleUnresolved},
		{"brand.test", dead.URL, "", ErrServiceUnreachable},
		{"brand.test", wellKnown.URL, "", ErrServiceUnreachable}, // answers 404: no XRPC there
		{"dns.ruche.test", "", didBrand, nil},
		{"web.ruche.test", "", didFan, nil},
		{"nowhere.ruche.test", "", "", ErrHandleUnresolved},
	}
	for _, tt := range tests {
		got, err := c.resolveHandle(context.Background(), tt.handle, tt.service)
		if got != tt.want || !errors.Is(err, tt.wantErr) || (err != nil && tt.wantErr == nil) {
			t.Errorf("resolveHandle(%q, %q) = %q, %v; want %q, %v", tt.handle, tt.service, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestConnect(t *testing.T) {
	f := newFakePDS(t)
	plc := fakePLC(t, map[string]any{didBrand: didDoc(didBrand, f.srv.URL)})
	c := NewClient(f.srv.Client(), NewMemorySessions(), Config{PLCURL: plc.URL, Timeout: time.Second})
	ctx := context.Background()

	s, p, err := c.Connect(ctx, " @Brand.Test ", "app-pass", f.srv.URL)
	if err != nil {
		t.Fatalf("Connect() = %v", err)
	}
	if s.DID != didBrand || s.Handle != "brand.test" || s.PDS != f.srv.URL || !f.valid(s) {
		t.Errorf("Connect() session = %v, want brand's on %s with good tokens", s, f.srv.URL)
	}
	want := Profile{DID: didBrand, Handle: "brand.test", DisplayName: "Brand", Followers: 12, Follows: 3}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("Connect() profile mismatch (-want +got):\n%s", diff)
	}

	tests := []struct {
		handle, password string
		want             error
		kind             fault.Kind
	}{
		{"brand.test", "wrong", ErrWrongPassword, fault.Invalid},
		{"nobody.test", "app-pass", ErrHandleUnresolved, fault.Invalid},
	}
	for _, tt := range tests {
		_, _, err := c.Connect(ctx, tt.handle, tt.password, f.srv.URL)
		var fe *fault.Error
		if !errors.Is(err, tt.want) || fault.KindOf(err) != tt.kind || !errors.As(err, &fe) || fe.Args["handle"] != tt.handle {
			t.Errorf("Connect(%s, %s) = %v, want %v (%v) with the handle", tt.handle, tt.password, err, tt.want, tt.kind)
		}
	}
}

func TestDIDDocumentPDS(t *testing.T) {
	tests := []struct {
		doc  string
		want string
	}{
		{`{"id":"did:plc:x","service":[{"id":"did:plc:x#atproto_pds","type":"AtprotoPersonalDataServer","serviceEndpoint":"https://a.test"}]}`, "https://a.test"},
		{`{"id":"did:plc:x","service":[{"id":"#atproto_labeler","type":"AtprotoLabeler","serviceEndpoint":"https://l.test"}]}`, ""},
		{`{"id":"did:plc:x","service":[{"id":"#atproto_pds","type":"AtprotoPersonalDataServer","serviceEndpoint":"javascript:x"}]}`, ""},
		{`{"id":"did:plc:x","service":[{"id":"#atproto_pds","type":"AtprotoPersonalDataServer","serviceEndpoint":{"uri":"https://a.test"}}]}`, ""},
	}
	for _, tt := range tests {
		var d didDocument
		if err := json.Unmarshal([]byte(tt.doc), &d); err != nil {
			t.Fatal(err)
		}
		if got := d.pds(); got != tt.want {
			t.Errorf("pds(%s) = %q, want %q", tt.doc, got, tt.want)
		}
	}
}
