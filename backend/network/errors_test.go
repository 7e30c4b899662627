package network

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"ruche/backend/fault"
	"ruche/backend/post"
)

var now = time.Date(2027, 10, 31, 1, 30, 0, 0, time.UTC)

func TestClassify(t *testing.T) {
	boom := errors.New("boom")
	already := NewError(Mastodon, ErrRefused, 422, nil)
	inURL := func(err error) error {
		return &url.Error{Op: "Post", URL: "https://x.example/posts?access_token=secret", Err: err}
	}
	tests := []struct {
		name string
		err  error
		want error // a sentinel, or the error itself when unchanged
	}{
		{"nil", nil, nil},
		{"deadline", inURL(context.DeadlineExceeded), ErrTimeout},
		{"i/o timeout", &net.OpError{Op: "read", Net: "tcp", Err: os.ErrDeadlineExceeded}, ErrTimeout},
		{"reset", inURL(&net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}), ErrConnection},
		{"closed without answer", inURL(io.EOF), ErrConnection},
		{"broken pipe", fmt.Errorf("write: %w", syscall.EPIPE), ErrConnection},
		{"refused", inURL(&net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}), ErrUnreachable},
		{"unknown host", inURL(&net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "x.example"}}), ErrUnreachable},
		{"cancelled by us", inURL(context.Canceled), nil},
		{"not a network's", boom, boom},
		{"already classified", already, already},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Classify(Mastodon, tt.err)
			var ne *Error
			switch {
			case tt.name == "cancelled by us":
				if got != tt.err {
					t.Errorf("Classify() = %v, want it unchanged", got)
				}
			case tt.want == nil || tt.want == boom || tt.want == already:
				if got != tt.want {
					t.Errorf("Classify() = %v, want %v unchanged", got, tt.want)
				}
			case !errors.Is(got, tt.want) || !errors.As(got, &ne) || ne.Network != Mastodon || !errors.Is(got, errors.Unwrap(tt.err)):
				t.Errorf("Classify() = %v, want %v from mastodon wrapping the cause", got, tt.want)
			case !strings.HasPrefix(got.Error(), "mastodon: ") || strings.Contains(got.Error(), "secret"):
				t.Errorf("Classify().Error() = %q, want it prefixed with the network, without the query", got.Error())
			}
		})
	}
}

func response(status int, retryAfter string) *http.Response {
	h := http.Header{}
	if retryAfter != "" {
		h.Set("Retry-After", retryAfter)
	}
	return &http.Response{StatusCode: status, Status: fmt.Sprintf("%d %s", status, http.StatusText(status)), Header: h,
		Request: httptest.NewRequest(http.MethodPost, "https://x.example/posts?token=secret", nil)}
}

func TestCheckResponse(t *testing.T) {
	tests := []struct {
		status     int
		retryAfter string
		want       *fault.Error
		kind       fault.Kind
		wait       time.Duration
	}{
		{200, "", nil, 0, 0},
		{201, "", nil, 0, 0},
		{204, "", nil, 0, 0},
		{408, "", ErrServer, fault.Transient, 0},
		{500, "", ErrServer, fault.Transient, 0},
		{502, "", ErrServer, fault.Transient, 0},
		{503, "30", ErrServer, fault.Transient, 30 * time.Second},
		{429, "", ErrRateLimited, fault.RateLimited, 0},
		{429, "120", ErrRateLimited, fault.RateLimited, 2 * time.Minute},
		{429, now.Add(90 * time.Second).Format(http.TimeFormat), ErrRateLimited, fault.RateLimited, 90 * time.Second},
		{401, "", ErrAuthExpired, fault.AuthExpired, 0},
		{403, "", ErrAuthExpired, fault.AuthExpired, 0},
		{400, "", ErrRefused, fault.Invalid, 0},
		{404, "", ErrRefused, fault.Invalid, 0},
		{422, "", ErrRefused, fault.Invalid, 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.status, tt.retryAfter), func(t *testing.T) {
			err := CheckResponse(X, response(tt.status, tt.retryAfter), now)
			if tt.want == nil {
				if err != nil {
					t.Errorf("CheckResponse(%d) = %v, want nil", tt.status, err)
				}
				return
			}
			var ne *Error
			if !errors.Is(err, tt.want) || !errors.As(err, &ne) {
				t.Fatalf("CheckResponse(%d) = %v, want %v", tt.status, err, tt.want)
			}
			if fault.KindOf(err) != tt.kind || ne.Status != tt.status || ne.RetryAfter != tt.wait {
				t.Errorf("CheckResponse(%d) = kind %s, status %d, retry after %v; want %s, %d, %v",
					tt.status, fault.KindOf(err), ne.Status, ne.RetryAfter, tt.kind, tt.status, tt.wait)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("CheckResponse().Error() = %q shows the query's secret", err.Error())
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		value string
		want  time.Duration
	}{
		{"", 0},
		{"7", 7 * time.Second},
		{" 60 ", time.Minute},
		{"0", 0},
		{"-5", 0},
		{"soon", 0},
		{"99999999999", 0},
		{now.Add(time.Hour).Format(http.TimeFormat), time.Hour},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"Sunday, 31-Oct-27 02:00:00 GMT", 30 * time.Minute}, // RFC 850, still allowed
	}
	for _, tt := range tests {
		if got := RetryAfter(tt.value, now); got != tt.want {
			t.Errorf("RetryAfter(%q) = %v, want %v", tt.value, got, tt.want)
		}
	}
}

func TestOutcome(t *testing.T) {
	tests := []struct {
		err  error
		want post.Outcome
	}{
		{nil, post.OutcomePublished},
		{NewError(X, ErrTimeout, 0, nil), post.OutcomeUnknown},
		{NewError(X, ErrConnection, 0, nil), post.OutcomeUnknown},
		{NewError(X, ErrUnreachable, 0, nil), post.OutcomeTransient},
		{NewError(X, ErrServer, 500, nil), post.OutcomeTransient},
		{NewError(X, ErrRateLimited, 429, nil), post.OutcomeRateLimited},
		{NewError(X, ErrAuthExpired, 401, nil), post.OutcomeAuth},
		{fmt.Errorf("publish: %w", NewError(X, ErrRefused, 422, nil)), post.OutcomeInvalid},
		{errors.New("decode: unexpected end"), post.OutcomeUnknown},
	}
	for _, tt := range tests {
		if got := Outcome(tt.err); got != tt.want {
			t.Errorf("Outcome(%v) = %s, want %s", tt.err, got, tt.want)
		}
	}
}

func TestAccountHidesItsToken(t *testing.T) {
	a := Account{ID: "a1", Network: Mastodon, Handle: "@fournil@piaille.fr", Token: "s3cr3t"}
	for _, s := range []string{fmt.Sprint(a), fmt.Sprintf("%v %+v %#v %s", a, a, a, a), fmt.Sprint(&a)} {
		if strings.Contains(s, "s3cr3t") {
			t.Errorf("printing an account shows its token: %s", s)
		}
	}
}
