// Package bluesky publishes to Bluesky and reads from it over the AT
// Protocol's XRPC: sessions opened with an app password and refreshed on
// their own (see Sessions), posts with rich-text facets, images and link
// cards, threads, and the notifications, searches and counters the inbox
// and analytics read.
//
// A post's record key is derived from the publication's idempotency key
// (see RecordKey), so that sending the same key again finds the record
// already there instead of making a second post.
package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"ruche/backend/network"
)

// Defaults of the client.
const (
	DefaultPLCURL    = "https://plc.directory"
	DefaultTimeout   = 20 * time.Second
	DefaultUserAgent = "Ruche (bluesky)"
)

// maxAnswer bounds the JSON answers read from a server.
const maxAnswer = 8 << 20

// Config sets up a Client.
type Config struct {
	PLCURL    string           // the did:plc directory; "" means DefaultPLCURL
	Timeout   time.Duration    // per request; 0 means DefaultTimeout
	UserAgent string           // "" means DefaultUserAgent
	Now       func() time.Time // nil means time.Now
	// LookupTXT reads DNS TXT records (handle resolution through
	// _atproto.HANDLE); nil means net.DefaultResolver's.
	LookupTXT func(ctx context.Context, name string) ([]string, error)
}

// Client talks to Bluesky: each account's own server (its PDS), which
// also relays the app.bsky reads to the AppView. It implements
// network.Publisher and network.Reader.
type Client struct {
	http     *http.Client
	sessions Sessions
	cfg      Config
	// refreshes runs one session refresh at a time per account: refresh
	// tokens are single-use.
	refreshes singleflight.Group

	mentionsMu sync.Mutex
	mentions   map[string]mentionAnswer // by handle: the composer's checks (UnknownMentions)
}

var (
	_ network.Publisher = (*Client)(nil)
	_ network.Reader    = (*Client)(nil)
)

// NewClient returns a Bluesky client over httpClient (nil means a new
// one) that keeps the accounts' sessions in sessions.
func NewClient(httpClient *http.Client, sessions Sessions, cfg Config) *Client {
	if httpClient == nil {
		httpClient = &http.Client{}
	}
	if cfg.PLCURL == "" {
		cfg.PLCURL = DefaultPLCURL
	}
	cfg.PLCURL = strings.TrimSuffix(cfg.PLCURL, "/")
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.LookupTXT == nil {
		cfg.LookupTXT = net.DefaultResolver.LookupTXT
	}
	return &Client{http: httpClient, sessions: sessions, cfg: cfg, mentions: map[string]mentionAnswer{}}
}

// Capabilities returns what Bluesky accepts.
func (c *Client) Capabilities() network.Capabilities {
	caps, _ := network.Defaults(network.Bluesky)
	return caps
}

// xrpc is one XRPC call.
type xrpc struct {
	nsid        string     // e.g. "com.atproto.repo.createRecord"
	query       url.Values // the parameters of a query
	post        bool       // a procedure (POST), else a query (GET)
	body        []byte     // the input of a procedure
	contentType string     // of body; "" means application/json
	out         any        // decodes a successful answer unless nil
}

// jsonCall returns a procedure call with in as its JSON input.
func jsonCall(nsid string, in, out any) (xrpc, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return xrpc{}, fmt.Errorf("bluesky: %s: %w", nsid, err)
	}
	return xrpc{nsid: nsid, post: true, body: body, out: out}, nil
}

// call sends x to the server at base with token ("" for none) within the
// client's timeout. A failed answer is a *network.Error whose cause is the
// *xrpcError the server sent; a request that got no answer is classified
// by network.Classify.
func (c *Client) call(ctx context.Context, base, token string, x xrpc) error {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	u := strings.TrimSuffix(base, "/") + "/xrpc/" + x.nsid
	if len(x.query) > 0 {
		u += "?" + x.query.Encode()
	}
	method, body := http.MethodGet, io.Reader(nil)
	if x.post {
		method, body = http.MethodPost, bytes.NewReader(x.body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return fmt.Errorf("bluesky: %s: %w", x.nsid, err)
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "application/json")
	if x.post && x.body != nil {
		ct := x.contentType
		if ct == "" {
			ct = "application/json"
		}
		req.Header.Set("Content-Type", ct)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.do(req)
	if err != nil {
		return transportError(x.nsid, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return transportError(x.nsid, err)
	}
	if resp.StatusCode >= 400 {
		return c.statusError(x.nsid, resp, data)
	}
	if x.out != nil {
		if err := json.Unmarshal(data, x.out); err != nil {
			return fmt.Errorf("bluesky: %s: decode the answer: %w", x.nsid, err)
		}
	}
	return nil
}

// do sends req, unless it or a redirect goes over plain http to another
// machine (ErrServiceInsecure): the request may carry a token or a
// password, and Go repeats a POST's body on a 307 or 308 redirect and keeps
// the Authorization header on the same host. Every request to a Bluesky
// server (its PDS, the PLC directory, a DID document) goes through here.
func (c *Client) do(req *http.Request) (*http.Response, error) {
	if cleartext(req.URL) {
		return nil, errCleartext(req.URL)
	}
	hc := *c.http
	next := hc.CheckRedirect
	hc.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		switch {
		case cleartext(r.URL):
			return errCleartext(r.URL)
		case next != nil:
			return next(r, via)
		case len(via) >= 10:
			return errors.New("stopped after 10 redirects") // http.Client's default
		}
		return nil
	}
	resp, err := hc.Do(req)
	var ne *network.Error
	if err != nil && errors.As(err, &ne) && errors.Is(ne, ErrServiceInsecure) {
		return nil, ne
	}
	return resp, err
}

// transportError classifies a request that got no (whole) answer.
func transportError(nsid string, err error) error {
	err = network.Classify(network.Bluesky, err)
	var ne *network.Error
	if errors.As(err, &ne) || errors.Is(err, context.Canceled) {
		return err
	}
	return fmt.Errorf("bluesky: %s: %w", nsid, err)
}

// statusError maps a failed answer to a *network.Error with the status
// helpers of package network, the XRPC error as its cause, and the wait
// the server asked for (Retry-After, or RateLimit-Reset in epoch seconds).
func (c *Client) statusError(nsid string, resp *http.Response, data []byte) error {
	now := c.cfg.Now()
	var ne *network.Error
	if !errors.As(network.CheckResponse(network.Bluesky, resp, now), &ne) {
		return fmt.Errorf("bluesky: %s: %s", nsid, resp.Status) // not reached: the status is 400 or more
	}
	var body struct {
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	_ = json.Unmarshal(data, &body) // a body that is not XRPC's leaves the status alone
	xe := &xrpcError{Method: nsid, Status: resp.StatusCode, Name: clip(body.Error, 100), Message: clip(body.Message, 300)}
	ne.Fault.Err = xe
	if ne.RetryAfter == 0 {
		ne.RetryAfter = rateLimitReset(resp.Header.Get("RateLimit-Reset"), now)
	}
	return ne
}

// rateLimitReset reads a RateLimit-Reset header in epoch seconds: how long
// until then, 0 when absent, invalid, past or absurd.
func rateLimitReset(value string, now time.Time) time.Duration {
	secs, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
	if err != nil {
		return 0
	}
	d := time.Unix(secs, 0).Sub(now)
	if d <= 0 || d > 24*time.Hour {
		return 0
	}
	return d
}

// clip returns s cut to at most n bytes on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
