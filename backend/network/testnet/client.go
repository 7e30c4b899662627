package testnet

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"ruche/backend/network"
	"ruche/backend/post"
)

// Defaults of the client.
const (
	DefaultTimeout   = 10 * time.Second
	DefaultUserAgent = "Ruche (testnet)"
)

// Config sets up a Client.
type Config struct {
	BaseURL   string           // e.g. an httptest.Server's URL
	Timeout   time.Duration    // per request; 0 means DefaultTimeout
	UserAgent string           // "" means DefaultUserAgent
	Now       func() time.Time // reads Retry-After dates; nil means time.Now
}

// Client publishes to a test network over HTTP. It implements
// network.Publisher.
type Client struct {
	http *http.Client
	cfg  Config
}

var _ network.Publisher = (*Client)(nil)

// NewClient returns a client of the test network at cfg.BaseURL, over
// httpClient (nil means a new one).
func NewClient(httpClient *http.Client, cfg Config) *Client {
	if httpClient == nil {
		httpClient = &http.Client{}
	}
	cfg.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/")
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Client{http: httpClient, cfg: cfg}
}

// Capabilities returns what the test network accepts.
func (c *Client) Capabilities() network.Capabilities {
	caps, _ := network.Defaults(network.Testnet)
	return caps
}

// Publish sends v for account with idempotencyKey; the same key again
// returns the same post.
func (c *Client) Publish(ctx context.Context, account network.Account, v post.Variant, idempotencyKey string) (network.Result, error) {
	in := createRequest{Account: account.Handle, Text: v.Text, Thread: v.Thread, FirstComment: v.FirstComment, Link: v.Link}
	for _, m := range v.Media {
		in.Media = append(in.Media, Media{Name: filepath.Base(m.Path), Alt: m.Alt, MIME: m.MIME, Size: m.Size})
	}
	body, err := json.Marshal(in)
	if err != nil {
		return network.Result{}, fmt.Errorf("testnet: publish: %w", err)
	}
	var p Post
	header := http.Header{"Idempotency-Key": {idempotencyKey}, "Content-Type": {"application/json"}}
	if _, err := c.do(ctx, "publish", http.MethodPost, "/posts", header, account, body, &p); err != nil {
		return network.Result{}, err
	}
	return network.Result{RemoteID: p.ID, URL: p.URL}, nil
}

// Lookup returns the post published with sent's key, if there is one: the
// test network keeps its keys for good.
func (c *Client) Lookup(ctx context.Context, account network.Account, sent network.Sent) (network.Result, bool, error) {
	var p Post
	status, err := c.do(ctx, "lookup", http.MethodGet, "/posts?key="+url.QueryEscape(sent.Key), nil, account, nil, &p)
	if status == http.StatusNotFound {
		return network.Result{}, false, nil
	}
	if err != nil {
		return network.Result{}, false, err
	}
	return network.Result{RemoteID: p.ID, URL: p.URL}, true, nil
}

// Delete removes post remoteID; a post already gone is not an error.
func (c *Client) Delete(ctx context.Context, account network.Account, remoteID string) error {
	status, err := c.do(ctx, "delete", http.MethodDelete, "/posts/"+url.PathEscape(remoteID), nil, account, nil, nil)
	if status == http.StatusNotFound {
		return nil
	}
	return err
}

// do sends one request within the client's timeout and decodes a
// successful JSON answer into out (unless nil). It returns the HTTP status,
// 0 when no answer came, and a *network.Error for any failure of the
// network.
func (c *Client) do(ctx context.Context, op, method, path string, header http.Header, account network.Account, body []byte, out any) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, c.cfg.BaseURL+path, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("testnet: %s: %w", op, err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Authorization", "Bearer "+account.Token)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, c.fail(op, network.Classify(network.Testnet, err))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return resp.StatusCode, c.fail(op, network.Classify(network.Testnet, err))
	}
	if err := network.CheckResponse(network.Testnet, resp, c.cfg.Now()); err != nil {
		var e errorBody
		if json.Unmarshal(data, &e) == nil && e.Error != "" {
			var ne *network.Error
			if errors.As(err, &ne) {
				ne.Fault.Err = fmt.Errorf("%w (%s)", ne.Fault.Err, e.Error)
			}
		}
		return resp.StatusCode, err
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return resp.StatusCode, fmt.Errorf("testnet: %s: decode the answer: %w", op, err)
		}
	}
	return resp.StatusCode, nil
}

// fail prefixes an error that is not a network's with the network's name;
// a *network.Error says it already.
func (c *Client) fail(op string, err error) error {
	var ne *network.Error
	if errors.As(err, &ne) {
		return err
	}
	return fmt.Errorf("testnet: %s: %w", op, err)
}
