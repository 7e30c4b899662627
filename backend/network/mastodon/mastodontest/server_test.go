package mastodontest

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

type harness struct {
	srv *Server
	ts  *httptest.Server
	now time.Time
}

func newHarness(t *testing.T) *harness {
	h := &harness{now: time.Date(2026, 3, 2, 9, 2, 0, 0, time.UTC)}
	h.srv = NewServer(func() time.Time { return h.now })
	h.ts = httptest.NewServer(h.srv)
	t.Cleanup(h.ts.Close)
	return h
}

// do sends a form (nil for none) and returns the status, the body and the
// headers.
func (h *harness) do(t *testing.T, method, path, token string, form url.Values, header map[string]string) (int, string, http.Header) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, h.ts.URL+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := h.ts.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func TestDocumentedAnswers(t *testing.T) {
	h := newHarness(t)
	tok := h.srv.IssueToken("fournil", "read", "write")
	readOnly := h.srv.IssueToken("fournil", "read")
	key := map[string]string{"Idempotency-Key": "k1"}
	tests := []struct {
		name         string
		method, path string
		token        string
		form         url.Values
		header       map[string]string
		status       int
		body         string // a part of the answer
	}{
		{"no token", "GET", "/api/v1/accounts/verify_credentials", "", nil, nil, 401, `{"error":"The access token is invalid"}`},
		{"bad token", "GET", "/api/v1/notifications", "nope", nil, nil, 401, `{"error":"The access token is invalid"}`},
		{"scope missing", "POST", "/api/v1/statuses", readOnly, url.Values{"status": {"x"}}, nil, 403, "outside the authorized scopes"},
		{"read grants read:accounts", "GET", "/api/v1/accounts/verify_credentials", readOnly, nil, nil, 200, `"username":"fournil"`},
		{"post", "POST", "/api/v1/statuses", tok, url.Values{"status": {"Bonjour https://ex.com"}}, key, 200, `"content":"\u003cp\u003eBonjour`},
		{"same key, empty form: the same status, before validation", "POST", "/api/v1/statuses", tok, url.Values{}, key, 200, `"application":{"name":"Ruche"`},
		{"new key, empty form", "POST", "/api/v1/statuses", tok, url.Values{}, map[string]string{"Idempotency-Key": "k2"}, 422, `{"error":"Validation failed: Text can't be blank"}`},
		{"too long", "POST", "/api/v1/statuses", tok, url.Values{"status": {strings.Repeat("x", 501)}}, nil, 422, "Text character limit of 500 exceeded"},
		{"link counts 23", "POST", "/api/v1/statuses", tok, url.Values{"status": {strings.Repeat("x", 470) + " https://example.com/" + strings.Repeat("y", 100)}}, nil, 200, `"id"`},
		{"reply to nothing", "POST", "/api/v1/statuses", tok, url.Values{"status": {"x"}, "in_reply_to_id": {"1"}}, nil, 404, `{"error":"Record not found"}`},
		{"schedule too soon", "POST", "/api/v1/statuses", tok, url.Values{"status": {"x"}, "scheduled_at": {"2026-03-02T09:05:00Z"}}, nil, 422, "Scheduled at The scheduled date must be in the future"},
		{"schedule", "POST", "/api/v1/statuses", tok, url.Values{"status": {"x"}, "scheduled_at": {"2026-03-02T10:00:00Z"}}, nil, 200, `"scheduled_at":"2026-03-02T10:00:00Z","params":{"text":"x"`},
		{"unknown status", "GET", "/api/v1/statuses/42", tok, nil, nil, 404, "Record not found"},
		{"unknown scheduled", "DELETE", "/api/v1/scheduled_statuses/42", tok, nil, nil, 404, "Record not found"},
		{"instance", "GET", "/api/v2/instance", "", nil, nil, 200, `"statuses":{"characters_reserved_per_url":23,"max_characters":500,"max_media_attachments":4}`},
		{"app without redirect", "POST", "/api/v1/apps", "", url.Values{"client_name": {"x"}}, nil, 422, "Redirect URI can't be blank"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := h.do(t, tt.method, tt.path, tt.token, tt.form, tt.header)
			if status != tt.status || !strings.Contains(body, tt.body) {
				t.Errorf("%s %s = %d %s, want %d with %s", tt.method, tt.path, status, body, tt.status, tt.body)
			}
		})
	}
	if n := h.srv.CreatedWithKey("k1"); n != 1 {
		t.Errorf("CreatedWithKey(k1) = %d, want 1", n)
	}
}

func TestRateLimitHeaders(t *testing.T) {
	h := newHarness(t)
	h.srv.SetRateLimit(2)
	tok := h.srv.IssueToken("fournil")
	want := []struct {
		status    int
		remaining string
	}{{200, "1"}, {200, "0"}, {429, "0"}}
	for i, w := range want {
		status, body, hdr := h.do(t, "GET", "/api/v1/notifications", tok, nil, nil)
		if status != w.status || hdr.Get("X-RateLimit-Remaining") != w.remaining || hdr.Get("X-RateLimit-Limit") != "2" ||
			hdr.Get("X-RateLimit-Reset") != "2026-03-02T09:05:00.000000Z" {
			t.Errorf("request %d = %d %v, want %d with %s left until 9:05", i, status, hdr, w.status, w.remaining)
		}
		if status == 429 && body != "{\"error\":\"Too many requests\"}\n" {
			t.Errorf("429 body = %q", body)
		}
	}
	h.now = h.now.Add(3 * time.Minute) // the next period
	if status, _, _ := h.do(t, "GET", "/api/v1/notifications", tok, nil, nil); status != 200 {
		t.Errorf("after the reset = %d, want 200", status)
	}
}

func TestNotificationLinks(t *testing.T) {
	h := newHarness(t)
	tok := h.srv.IssueToken("fournil")
	st := h.srv.Post("fournil", "x")
	for i := range 5 {
		h.srv.Favourite("fan"+string(rune('a'+i))+"@elsewhere.example", st.ID)
	}
	h.srv.Follow("fan@elsewhere.example", "fournil")
	status, body, hdr := h.do(t, "GET", "/api/v1/notifications?limit=2&types[]=favourite", tok, nil, nil)
	var page []Notification
	json.Unmarshal([]byte(body), &page)
	if status != 200 || len(page) != 2 || page[0].Type != "favourite" || page[0].Account.Acct != "fane@elsewhere.example" {
		t.Fatalf("page = %d %s, want the 2 newest favourites", status, body)
	}
	link := regexp.MustCompile(`^<http://[^>]+/api/v1/notifications\?limit=2&max_id=(\d+)&types%5B%5D=favourite>; rel="next", <http://[^>]+/api/v1/notifications\?limit=2&min_id=(\d+)&types%5B%5D=favourite>; rel="prev"$`)
	m := link.FindStringSubmatch(hdr.Get("Link"))
	if m == nil || m[1] != page[1].ID || m[2] != page[0].ID {
		t.Fatalf("Link = %q, want next at %s and prev at %s", hdr.Get("Link"), page[1].ID, page[0].ID)
	}
	_, body, _ = h.do(t, "GET", "/api/v1/notifications?limit=2&types[]=favourite&min_id="+page[1].ID, tok, nil, nil)
	var newer []Notification
	json.Unmarshal([]byte(body), &newer)
	if len(newer) != 1 || newer[0].ID != page[0].ID {
		t.Errorf("min_id page = %s, want the one newer", body)
	}
}

func TestMediaProcessing(t *testing.T) {
	h := newHarness(t)
	tok := h.srv.IssueToken("fournil")
	h.srv.SetMediaProcessing(2)
	var b strings.Builder
	b.WriteString("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--B--\r\n")
	req, _ := http.NewRequest("POST", h.ts.URL+"/api/v2/media", strings.NewReader(b.String()))
	req.Header.Set("Content-Type", "multipart/form-data; boundary=B")
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var att MediaAttachment
	json.NewDecoder(resp.Body).Decode(&att)
	resp.Body.Close()
	if resp.StatusCode != 202 || att.URL != nil || att.Type != "image" {
		t.Fatalf("upload = %d %+v, want 202 with url null", resp.StatusCode, att)
	}
	if status, _, _ := h.do(t, "POST", "/api/v1/statuses", tok, url.Values{"media_ids[]": {att.ID}}, nil); status != 422 {
		t.Errorf("attaching a media still processing = %d, want 422", status)
	}
	for i, want := range []int{206, 206, 200} {
		if status, _, _ := h.do(t, "GET", "/api/v1/media/"+att.ID, tok, nil, nil); status != want {
			t.Errorf("check %d = %d, want %d", i, status, want)
		}
	}
	if status, _, _ := h.do(t, "POST", "/api/v1/statuses", tok, url.Values{"media_ids[]": {att.ID}}, nil); status != 200 {
		t.Errorf("attaching a processed media = %d, want 200", status)
	}
}

func TestTokenChecksPKCE(t *testing.T) {
	h := newHarness(t)
	h.srv.Approve("fournil")
	_, body, _ := h.do(t, "POST", "/api/v1/apps", "", url.Values{"client_name": {"Ruche"}, "redirect_uris": {OutOfBand}, "scopes": {"read write"}}, nil)
	var app CredentialApplication
	json.Unmarshal([]byte(body), &app)
	verifier := "a-verifier-long-enough-for-the-test-0123456789"
	sum := sha256.Sum256([]byte(verifier))
	q := url.Values{"response_type": {"code"}, "client_id": {app.ClientID}, "redirect_uri": {OutOfBand}, "scope": {"read"},
		"code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}, "code_challenge_method": {"S256"}}
	_, page, _ := h.do(t, "GET", "/oauth/authorize?"+q.Encode(), "", nil, nil)
	code := CodeFromPage(page)
	tokenForm := func(verifier, secret string) url.Values {
		return url.Values{"grant_type": {"authorization_code"}, "code": {code}, "client_id": {app.ClientID}, "client_secret": {secret},
			"redirect_uri": {OutOfBand}, "code_verifier": {verifier}}
	}
	tests := []struct {
		name   string
		form   url.Values
		status int
		body   string
	}{
		{"wrong secret", tokenForm(verifier, "nope"), 401, `"error":"invalid_client"`},
		{"wrong verifier", tokenForm("another-verifier", app.ClientSecret), 400, `"error":"invalid_grant"`},
		{"right verifier", tokenForm(verifier, app.ClientSecret), 200, `"token_type":"Bearer","scope":"read"`},
		{"code used again", tokenForm(verifier, app.ClientSecret), 400, `"error":"invalid_grant"`},
	}
	for _, tt := range tests {
		if status, body, _ := h.do(t, "POST", "/oauth/token", "", tt.form, nil); status != tt.status || !strings.Contains(body, tt.body) {
			t.Errorf("%s: /oauth/token = %d %s, want %d with %s", tt.name, status, body, tt.status, tt.body)
		}
	}
}

func TestFaults(t *testing.T) {
	h := newHarness(t)
	tok := h.srv.IssueToken("fournil")
	h.srv.Inject(Fault{Method: "GET", Path: "/api/v1/notif*", Status: 502, Skip: 1})
	h.srv.Inject(Fault{Path: "/api/v1/statuses", After: true, Status: 500})
	for i, want := range []int{200, 502, 200} {
		if status, _, _ := h.do(t, "GET", "/api/v1/notifications", tok, nil, nil); status != want {
			t.Errorf("request %d = %d, want %d", i, status, want)
		}
	}
	if status, _, _ := h.do(t, "POST", "/api/v1/statuses", tok, url.Values{"status": {"x"}}, nil); status != 500 || h.srv.Created() != 1 {
		t.Errorf("a fault after the work = %d with %d created, want 500 and the status made", status, h.srv.Created())
	}
	h.srv.Inject(Fault{Drop: true})
	req, _ := http.NewRequest("GET", h.ts.URL+"/api/v2/instance", nil)
	if _, err := (&http.Client{Transport: &http.Transport{}}).Do(req); err == nil {
		t.Errorf("a dropped connection answered")
	}
}
