package logs

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// redact returns line as the redactor writes it.
func redact(t *testing.T, r *Redactor, buf *bytes.Buffer, line string) string {
	t.Helper()
	buf.Reset()
	if _, err := r.Write([]byte(line)); err != nil {
		t.Fatalf("Write(%q) = %v", line, err)
	}
	return buf.String()
}

// zerologLine returns the line zerolog writes for an error err.
func zerologLine(err error) string {
	var buf bytes.Buffer
	l := New(&buf)
	l.Error().Err(err).Msg("sign in")
	return buf.String()
}

func TestRedactorShapes(t *testing.T) {
	const (
		jwt     = "eyJhbGciOiJFUzI1NksifQ.eyJzdWIiOiJkaWQ6cGxjOnh5eiIsImV4cCI6MX0.c2lnbmF0dXJlLXZhbHVl"
		jwtNone = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJkaWQ6cGxjOnh5eiJ9."
	)
	tests := []struct {
		name    string
		line    string
		secrets []string // none of these may be left
		keep    []string // all of these must be left
	}{
		{
			name:    "AT Protocol session fields",
			line:    `{"level":"warn","session":{"did":"did:plc:abc123","accessJwt":"opaque-access-0001","refreshJwt":"opaque-refresh-0002"}}`,
			secrets: []string{"opaque-access-0001", "opaque-refresh-0002"},
			keep:    []string{`"did":"did:plc:abc123"`, `"accessJwt":"[redacted]"`},
		},
		{
			name:    "other Jwt fields",
			line:    `{"serviceJwt":"opaque-service-0003","idjwt":"opaque-id-0004","JWT":"opaque-upper-0005"}`,
			secrets: []string{"opaque-service-0003", "opaque-id-0004", "opaque-upper-0005"},
		},
		{
			name:    "bare JWT in a message",
			line:    `{"message":"retry with ` + jwt + ` failed","component":"bluesky"}`,
			secrets: []string{jwt, "c2lnbmF0dXJlLXZhbHVl"},
			keep:    []string{"retry with", "failed", `"component":"bluesky"`},
		},
		{
			name:    "bare unsigned JWT in a URL",
			line:    `{"url":"https://pds.example/xrpc/app.bsky.feed.getTimeline?t=` + jwtNone + `&limit=5"}`,
			secrets: []string{jwtNone, "eyJzdWIiOiJkaWQ6cGxjOnh5eiJ9"},
			keep:    []string{"https://pds.example/xrpc/app.bsky.feed.getTimeline", "&limit=5"},
		},
		{
			name:    "password in an escaped JSON error",
			line:    zerologLine(errors.New(`decode: {"identifier":"x","password":"hunter22-secret"}`)),
			secrets: []string{"hunter22-secret"},
			keep:    []string{`\"identifier\":\"x\"`, `\"password\":\"[redacted]\"`, `"message":"sign in"`},
		},
		{
			name:    "password in a twice-escaped JSON error",
			line:    zerologLine(errors.New(`decode: "{\"identifier\":\"x\",\"password\":\"hunter33-secret\"}"`)),
			secrets: []string{"hunter33-secret"},
			keep:    []string{"identifier", `"message":"sign in"`},
		},
		{
			name:    "tokens in an escaped JSON error",
			line:    zerologLine(errors.New(`unexpected {"accessJwt":"opaque-access-0006","access_token":"opaque-access-0007","clientSecret":"opaque-client-0008"}`)),
			secrets: []string{"opaque-access-0006", "opaque-access-0007", "opaque-client-0008"},
		},
		{
			name:    "escaped password field holding an escaped character",
			line:    zerologLine(errors.New(`body {"password":"pa\\ss-word-0009"}`)),
			secrets: []string{"ss-word-0009"},
			keep:    []string{`\"password\":\"[redacted]\"`},
		},
		{
			name:    "PKCE verifier in a form body",
			line:    `{"body":"grant_type=authorization_code&code=c0de-0010&code_verifier=verifier-0011&redirect_uri=http://127.0.0.1:5/callback"}`,
			secrets: []string{"c0de-0010", "verifier-0011"},
			keep:    []string{"grant_type=authorization_code", "redirect_uri=http://127.0.0.1:5/callback"},
		},
		{
			name:    "PKCE verifier first in a query",
			line:    `{"url":"https://auth.example/token?code_verifier=verifier-0012&state=st-1"}`,
			secrets: []string{"verifier-0012"},
			keep:    []string{"state=st-1"},
		},
		{
			name:    "secrets last in a form body",
			line:    `{"body":"grant_type=refresh_token&client_id=ruche&client_secret=client-secret-0013"}`,
			secrets: []string{"client-secret-0013"},
			keep:    []string{"grant_type=refresh_token", "client_id=ruche"},
		},
		{
			name:    "refresh token first in a form body",
			line:    "body: refresh_token=refresh-0014&grant_type=refresh_token",
			secrets: []string{"refresh-0014"},
		},
		{
			name:    "app password and client assertion",
			line:    "form: app_password=abcd-efgh-ijkl-0015&client_assertion=assertion-0016&appPassword=app-pw-0017",
			secrets: []string{"abcd-efgh-ijkl-0015", "assertion-0016", "app-pw-0017"},
		},
		{
			name:    "form body inside an escaped JSON error",
			line:    zerologLine(errors.New(`POST /token "code=c0de-0018&code_verifier=verifier-0019"`)),
			secrets: []string{"c0de-0018", "verifier-0019"},
		},
		{
			name:    "authorization headers of any scheme",
			line:    "Authorization: DPoP dpop-token-0020, authorization: Basic YmFzaWMtMDAyMQ==, DPoP dpop-token-0022",
			secrets: []string{"dpop-token-0020", "YmFzaWMtMDAyMQ==", "dpop-token-0022"},
		},
	}
	var buf bytes.Buffer
	r := NewRedactor(&buf)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := redact(t, r, &buf, tt.line)
			for _, s := range tt.secrets {
				if strings.Contains(got, s) {
					t.Errorf("Write(%s)\n got %s\nwhich still holds %q", tt.line, got, s)
				}
			}
			for _, k := range tt.keep {
				if !strings.Contains(got, k) {
					t.Errorf("Write(%s)\n got %s\nwant it to keep %q", tt.line, got, k)
				}
			}
		})
	}
}

func TestRedactorKeepsOrdinaryLines(t *testing.T) {
	tests := []string{
		`{"level":"info","component":"scheduler","message":"3 posts due"}`,
		`{"url":"https://bsky.social/xrpc/com.atproto.server.createSession","status":401}`,
		`{"message":"authorize","state":"st-9","redirect_uri":"http://127.0.0.1:5/callback"}`,
		"the key eyJ alone is not a token",
	}
	var buf bytes.Buffer
	r := NewRedactor(&buf)
	for _, line := range tests {
		if got := redact(t, r, &buf, line); got != line {
			t.Errorf("Write(%s)\n got %s\nwant it unchanged", line, got)
		}
	}
}

func TestRememberJSONLeaves(t *testing.T) {
	tests := []struct {
		name     string
		remember string
		line     string
		secrets  []string
		keep     []string
	}{
		{
			name:     "access token of a remembered session",
			remember: `{"did":"did:plc:abc123","handle":"brand.bsky.social","pds":"https://bsky.social","accessJwt":"opaque-access-0101"}`,
			line:     `{"message":"request failed","error":"xrpc: token opaque-access-0101 expired"}`,
			secrets:  []string{"opaque-access-0101"},
			keep:     []string{"xrpc: token", "expired"},
		},
		{
			name:     "public identifiers of a session stay readable",
			remember: `{"did":"did:plc:abc123","handle":"brand.bsky.social","pds":"https://bsky.social","accessJwt":"opaque-access-0102"}`,
			line:     `{"message":"publish","did":"did:plc:abc123","handle":"brand.bsky.social","url":"https://bsky.social/xrpc/com.atproto.repo.createRecord"}`,
			keep:     []string{"did:plc:abc123", "brand.bsky.social", "https://bsky.social/xrpc/com.atproto.repo.createRecord"},
		},
		{
			name:     "client secret of a remembered OAuth client",
			remember: `{"clientId":"client-id-0103","clientSecret":"client-secret-0104"}`,
			line:     "exchange with client-id-0103 and client-secret-0104 refused",
			secrets:  []string{"client-id-0103", "client-secret-0104"},
			keep:     []string{"exchange with", "refused"},
		},
		{
			name:     "nested token set",
			remember: `{"token":{"access_token":"nested-access-0105","expires_in":7200,"extra":["listed-secret-0106","short"]},"ok":true}`,
			line:     "bare nested-access-0105 then listed-secret-0106 and a short word",
			secrets:  []string{"nested-access-0105", "listed-secret-0106"},
			keep:     []string{"a short word"},
		},
		{
			name:     "leaf with characters JSON escapes",
			remember: `{"accessJwt":"quo\"ted\\token-0107"}`,
			line:     zerologLine(errors.New(`refused quo"ted\token-0107`)),
			secrets:  []string{`quo\"ted\\token-0107`, "token-0107"},
		},
		{
			name:     "a plain secret is not parsed",
			remember: `not-json-secret-0108`,
			line:     "saw not-json-secret-0108",
			secrets:  []string{"not-json-secret-0108"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			r := NewRedactor(&buf)
			r.Remember(tt.remember)
			got := redact(t, r, &buf, tt.line)
			for _, s := range tt.secrets {
				if strings.Contains(got, s) {
					t.Errorf("after Remember(%s), Write(%s)\n got %s\nwhich still holds %q", tt.remember, tt.line, got, s)
				}
			}
			for _, k := range tt.keep {
				if !strings.Contains(got, k) {
					t.Errorf("after Remember(%s), Write(%s)\n got %s\nwant it to keep %q", tt.remember, tt.line, got, k)
				}
			}
		})
	}
}
