// Package mastodon publishes to and reads from Mastodon instances through
// their REST API (docs.joinmastodon.org): app registration and OAuth,
// the instance's limits, statuses with media and threads (exactly once,
// with the Idempotency-Key header), native scheduling, notifications and
// counters.
//
// One Client serves every instance and account: keep one for the app's
// lifetime, as it caches each instance's limits, remembers each account's
// rate limit and journals the publications it sends.
package mastodon

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"ruche/backend/fault"
	"ruche/backend/network"
)

// Defaults of the client.
const (
	DefaultTimeout         = 30 * time.Second
	DefaultUploadTimeout   = 5 * time.Minute
	DefaultUserAgent       = "Ruche"
	DefaultCapabilitiesTTL = time.Hour
	DefaultMaxRateWait     = 10 * time.Second
	DefaultMediaPolls      = 60
)

// Config sets up a Client.
type Config struct {
	Timeout       time.Duration // per request; 0 means DefaultTimeout
	UploadTimeout time.Duration // per media upload; 0 means DefaultUploadTimeout
	UserAgent     string        // "" means DefaultUserAgent
	Website       string        // the app's website, given at registration; "" for none
	// Now reads the clock (rate limits, Retry-After, caches, scheduling);
	// nil means time.Now.
	Now func() time.Time
	// Sleep waits d or until ctx ends (media polling, rate limits); nil
	// means a timer.
	Sleep func(ctx context.Context, d time.Duration) error
	// CapabilitiesTTL is how long an instance's limits are kept; 0 means
	// DefaultCapabilitiesTTL.
	CapabilitiesTTL time.Duration
	// MaxRateWait is the longest the client waits for a rate limit to
	// reset before refusing with network.ErrRateLimited and its
	// RetryAfter; 0 means DefaultMaxRateWait, < 0 never waits.
	MaxRateWait time.Duration
	// MediaPolls bounds how many times a media still processing is asked
	// about (backoff from 500 ms to 5 s); 0 means DefaultMediaPolls.
	MediaPolls int
}

// Client speaks to Mastodon instances. It is safe for concurrent use.
type Client struct {
	http *http.Client
	cfg  Config

	instances singleflight.Group
	cacheMu   sync.Mutex
	cache     map[string]cachedInstance // by server URL

	rateMu sync.Mutex
	rates  map[string]rateState // by server and token

	journal journal
	selfMu  sync.Mutex
	selves  map[string]string // server and token -> the account's id
}

var (
	_ network.Publisher = (*Client)(nil)
	_ network.Reader    = (*Client)(nil)
)

// NewClient returns a client over httpClient (nil means a new one).
func NewClient(httpClient *http.Client, cfg Config) *Client {
	if httpClient == nil {
		httpClient = &http.Client{}
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.UploadTimeout <= 0 {
		cfg.UploadTimeout = DefaultUploadTimeout
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleep
	}
	if cfg.CapabilitiesTTL <= 0 {
		cfg.CapabilitiesTTL = DefaultCapabilitiesTTL
	}
	if cfg.MaxRateWait == 0 {
		cfg.MaxRateWait = DefaultMaxRateWait
	}
	if cfg.MediaPolls <= 0 {
		cfg.MediaPolls = DefaultMediaPolls
	}
	return &Client{http: httpClient, cfg: cfg, cache: map[string]cachedInstance{}, rates: map[string]rateState{},
		journal: journal{entries: map[string]*attempt{}}, selves: map[string]string{}}
}

// Capabilities returns what Mastodon accepts by default; CapabilitiesFor
// returns an instance's own limits.
func (c *Client) Capabilities() network.Capabilities {
	caps, _ := network.Defaults(network.Mastodon)
	return caps
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// request is one call to an instance.
type request struct {
	op      string // what the caller does, for errors: "publish", "instance"...
	method  string
	server  string // the normalised base URL
	path    string // with its query
	token   string // "" for a public call
	header  http.Header
	body    io.Reader
	length  int64 // of body, -1 when unknown
	upload  bool  // a media upload: UploadTimeout
	noLimit bool  // do not wait for nor refuse on the account's rate limit
}

// reply is an instance's answer.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// maxBody bounds what is read of an answer.
const maxBody = 4 << 20

// send makes one request within the timeout, honouring the account's rate
// limit, and returns the answer. Every answer of 400 or more is returned
// with a *network.Error (see failure); a transport failure is classified.
func (c *Client) send(ctx context.Context, r request) (reply, error) {
	if !r.noLimit {
		if err := c.waitRate(ctx, r.server, r.token); err != nil {
			return reply{}, err
		}
	}
	timeout := c.cfg.Timeout
	if r.upload {
		timeout = c.cfg.UploadTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, r.method, r.server+r.path, r.body)
	if err != nil {
		return reply{}, fmt.Errorf("mastodon: %s: %w", r.op, err)
	}
	if r.body != nil && r.length >= 0 {
		req.ContentLength = r.length
	}
	for k, v := range r.header {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "application/json")
	if r.token != "" {
		req.Header.Set("Authorization", "Bearer "+r.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return reply{}, fail(r.op, network.Classify(network.Mastodon, err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return reply{status: resp.StatusCode}, fail(r.op, network.Classify(network.Mastodon, err))
	}
	c.noteRate(r.server, r.token, resp)
	rep := reply{status: resp.StatusCode, header: resp.Header, body: body}
	if resp.StatusCode >= 400 {
		return rep, c.failure(resp, body)
	}
	return rep, nil
}

// call sends r and decodes a successful JSON answer into out (unless nil).
func (c *Client) call(ctx context.Context, r request, out any) (reply, error) {
	rep, err := c.send(ctx, r)
	if err != nil {
		return rep, err
	}
	if out != nil {
		if err := json.Unmarshal(rep.body, out); err != nil {
			return rep, badAnswer(r.op, err)
		}
	}
	return rep, nil
}

// fail prefixes an error that is not a network's with the network's name;
// a *network.Error says it already, a cancelled ctx is the caller's.
func fail(op string, err error) error {
	var ne *network.Error
	if errors.As(err, &ne) || errors.Is(err, context.Canceled) {
		return err
	}
	return fmt.Errorf("mastodon: %s: %w", op, err)
}

// badAnswer is an answer that is not what the API documents.
func badAnswer(op string, err error) error {
	return network.NewError(network.Mastodon, ErrBadAnswer, 0, fmt.Errorf("%s: %w", op, err))
}

// errorBody is Mastodon's error entity, and OAuth's.
type errorBody struct {
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

// failure turns an answer of 400 or more into a *network.Error: the kind
// from network.CheckResponse, refined by what Mastodon said.
func (c *Client) failure(resp *http.Response, body []byte) error {
	err := network.CheckResponse(network.Mastodon, resp, c.cfg.Now())
	var ne *network.Error
	if !errors.As(err, &ne) {
		return err
	}
	var eb errorBody
	_ = json.Unmarshal(body, &eb) // an HTML error page says nothing more
	reason := strings.TrimSpace(eb.Error)
	if eb.Description != "" {
		reason = strings.TrimSpace(reason + ": " + eb.Description)
	}
	if len(reason) > 300 {
		reason = reason[:300]
	}
	cause := ne.Fault.Err
	if reason != "" {
		cause = fmt.Errorf("%w (%s)", cause, reason)
	}
	var refined *network.Error
	switch s := resp.StatusCode; {
	case s == http.StatusForbidden && strings.Contains(reason, "outside the authorized scopes"):
		refined = network.NewError(network.Mastodon, ErrScope, s, cause)
	case s == http.StatusForbidden && strings.HasPrefix(reason, "Your login"):
		refined = netErr(ErrAccountDisabled, s, cause, map[string]any{"reason": reason})
	case s == http.StatusUnprocessableEntity && strings.Contains(reason, "must be in the future"):
		refined = netErr(ErrTooSoon, s, cause, map[string]any{"minutes": int(MinScheduleAhead / time.Minute)})
	case s == http.StatusUnprocessableEntity && strings.Contains(reason, "not finished processing"):
		refined = netErr(ErrMediaProcessing, s, cause, nil)
	case s == http.StatusUnprocessableEntity && strings.Contains(reason, "Scheduled at"):
		refined = netErr(ErrScheduleLimit, s, cause, map[string]any{"reason": reason})
	case s == http.StatusUnprocessableEntity:
		if reason == "" {
			reason = resp.Status
		}
		refined = netErr(ErrRefused, s, cause, map[string]any{"reason": reason})
	case s == http.StatusTooManyRequests:
		ne.RetryAfter = max(ne.RetryAfter, c.resetIn(resp.Header))
		ne.Fault.Err = cause
		return ne
	default:
		ne.Fault.Err = cause
		return ne
	}
	refined.RetryAfter = ne.RetryAfter
	return refined
}

// netErr returns the failure sentinel of Mastodon with the HTTP status (0
// if none), the cause and the message values args.
func netErr(sentinel *fault.Error, status int, cause error, args map[string]any) *network.Error {
	e := network.NewError(network.Mastodon, sentinel, status, cause)
	for k, v := range args {
		e.Fault.Args[k] = v
	}
	return e
}

// statusOf returns the HTTP status of a network failure, 0 if none.
func statusOf(err error) int {
	var ne *network.Error
	if errors.As(err, &ne) {
		return ne.Status
	}
	return 0
}

// scope names a server and token in the client's maps without keeping the
// token itself.
func scope(server, token string) string {
	sum := sha256.Sum256([]byte(server + "\x00" + token))
	return hex.EncodeToString(sum[:16])
}

// formBody encodes values as a form.
func formBody(values url.Values) (io.Reader, int64, http.Header) {
	b := []byte(values.Encode())
	return bytes.NewReader(b), int64(len(b)), http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
}
