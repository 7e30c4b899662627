package network

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"ruche/backend/fault"
	"ruche/backend/post"
)

// The failures every network shares. A network package may declare its own
// codes (e.g. "mastodon.text_too_long") with the same kinds.
var (
	// ErrTimeout: no answer in time. The post may or may not be out: ask
	// Lookup before trying again.
	ErrTimeout = fault.New(fault.Transient, "network.timeout")
	// ErrConnection: the connection broke (reset, closed) after the request
	// may have left: ask Lookup before trying again.
	ErrConnection = fault.New(fault.Transient, "network.connection")
	// ErrUnreachable: the network could not be reached (no route, refused,
	// unknown host): the request never left.
	ErrUnreachable = fault.New(fault.Transient, "network.unreachable")
	ErrServer      = fault.New(fault.Transient, "network.server_error")
	ErrRateLimited = fault.New(fault.RateLimited, "network.rate_limited")
	ErrAuthExpired = fault.New(fault.AuthExpired, "network.auth_expired")
	ErrRefused     = fault.New(fault.Invalid, "network.refused")
)

// Error is a network's failure: its kind and code (in Fault), the HTTP
// status when one came back, and how long the network asked to wait.
type Error struct {
	Network    string        // e.g. "mastodon"
	Status     int           // HTTP status; 0 when none came back
	RetryAfter time.Duration // asked by the network (429, 503); 0 when it did not say
	Fault      *fault.Error  // kind, code, message values and the cause
}

// NewError returns the failure sentinel of network, with the HTTP status
// (0 if none) and the cause.
func NewError(network string, sentinel *fault.Error, status int, cause error) *Error {
	args := map[string]any{"network": DisplayName(network)}
	if status != 0 {
		args["status"] = status
	}
	return &Error{Network: network, Status: status, Fault: sentinel.With(args, cause)}
}

func (e *Error) Error() string { return e.Network + ": " + e.Fault.Error() }

// Unwrap gives errors.Is and fault.KindOf the kind and code.
func (e *Error) Unwrap() error { return e.Fault }

// Kind returns the kind of the failure.
func (e *Error) Kind() fault.Kind { return e.Fault.Kind }

// Classify returns err as an *Error when it is a network failure: a timeout
// (ErrTimeout), a broken connection (ErrConnection) or an unreachable host
// (ErrUnreachable), with the query string of the request's URL removed. An
// *Error, a cancelled ctx (the caller stopped, the network did not fail)
// and any other error are returned as they are.
func Classify(network string, err error) error {
	var ne *Error
	switch {
	case err == nil, errors.As(err, &ne), errors.Is(err, context.Canceled):
		return err
	}
	var ue *url.Error
	if errors.As(err, &ue) && ue == err {
		// Some networks take tokens in the query string: keep it out of logs.
		err = &url.Error{Op: ue.Op, URL: withoutQuery(ue.URL), Err: ue.Err}
	}
	switch {
	case isTimeout(err):
		return NewError(network, ErrTimeout, 0, err)
	case isUnreachable(err):
		return NewError(network, ErrUnreachable, 0, err)
	case isBroken(err):
		return NewError(network, ErrConnection, 0, err)
	}
	return err
}

func isTimeout(err error) bool {
	var te interface{ Timeout() bool }
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) ||
		(errors.As(err, &te) && te.Timeout())
}

func isUnreachable(err error) bool {
	var dns *net.DNSError
	var op *net.OpError
	return errors.As(err, &dns) || (errors.As(err, &op) && op.Op == "dial") || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH)
}

func isBroken(err error) bool {
	var op *net.OpError
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, syscall.EPIPE) || errors.As(err, &op)
}

// CheckResponse returns nil for a response below 400, else the *Error its
// status means: 408 and 5xx ErrServer, 429 ErrRateLimited, 401 and 403
// ErrAuthExpired, any other ErrRefused. A Retry-After header, in seconds or
// as an HTTP date (read against now), sets RetryAfter. It does not read the
// body: the network package reads its own error format.
func CheckResponse(network string, resp *http.Response, now time.Time) error {
	s := resp.StatusCode
	var sentinel *fault.Error
	switch {
	case s < 400:
		return nil
	case s == http.StatusRequestTimeout || s >= 500:
		sentinel = ErrServer
	case s == http.StatusTooManyRequests:
		sentinel = ErrRateLimited
	case s == http.StatusUnauthorized || s == http.StatusForbidden:
		sentinel = ErrAuthExpired
	default:
		sentinel = ErrRefused
	}
	e := NewError(network, sentinel, s, fmt.Errorf("%s %s: %s", resp.Request.Method, withoutQuery(resp.Request.URL.String()), resp.Status))
	e.RetryAfter = RetryAfter(resp.Header.Get("Retry-After"), now)
	return e
}

// RetryAfter reads a Retry-After header value: a number of seconds or an
// HTTP date. It returns 0 when the value is absent, invalid or past.
func RetryAfter(value string, now time.Time) time.Duration {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(value, 10, 64); err == nil {
		if secs <= 0 || secs > int64(365*24*time.Hour/time.Second) {
			return 0
		}
		return time.Duration(secs) * time.Second
	}
	t, err := http.ParseTime(value)
	if err != nil || !t.After(now) {
		return 0
	}
	return t.Sub(now)
}

// Outcome returns the outcome of a publish attempt that ended with err:
// OutcomeUnknown when the post may be out despite the error (timeout,
// broken connection, an error that is not a network's), so that the
// scheduler asks Lookup before trying again.
func Outcome(err error) post.Outcome {
	switch {
	case err == nil:
		return post.OutcomePublished
	case errors.Is(err, ErrTimeout), errors.Is(err, ErrConnection):
		return post.OutcomeUnknown
	}
	var ne *Error
	if !errors.As(err, &ne) {
		return post.OutcomeUnknown
	}
	switch ne.Kind() {
	case fault.Transient:
		return post.OutcomeTransient
	case fault.RateLimited:
		return post.OutcomeRateLimited
	case fault.AuthExpired:
		return post.OutcomeAuth
	case fault.Invalid:
		return post.OutcomeInvalid
	}
	return post.OutcomeUnknown
}

// withoutQuery returns rawURL without its query and fragment, where
// networks may put tokens.
func withoutQuery(rawURL string) string {
	if i := strings.IndexAny(rawURL, "?#"); i >= 0 {
		return rawURL[:i]
	}
	return rawURL
}

// ErrHoldLost: the network neither holds a post it was handed nor
// published it: it was cancelled or deleted on the network's side.
var ErrHoldLost = fault.New(fault.Invalid, "network.hold_lost")

// ErrHeldGone: the network no longer holds a post (Rehold, Release): it
// published it, or it was cancelled there. Collect tells which; never take
// it for "given back", or the post would go out twice.
var ErrHeldGone = fault.New(fault.NotFound, "network.held_gone")

// ErrNeverHeld: a hand-over whose answer was never recorded (a crash) did
// not reach the network: it neither holds nor published the post.
var ErrNeverHeld = fault.New(fault.NotFound, "network.never_held")
