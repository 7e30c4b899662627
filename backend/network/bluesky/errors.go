package bluesky

import (
	"errors"
	"fmt"
	"net/http"

	"ruche/backend/fault"
	"ruche/backend/network"
)

// The failures of Bluesky the user can act on. Each reaches the caller
// inside a *network.Error (Network "bluesky"), with the values its message
// needs; the shared ones (timeouts, rate limits, server errors, expired
// sessions) are package network's.
var (
	// ErrHandleUnresolved: the handle leads to no account ({handle}).
	ErrHandleUnresolved = fault.New(fault.Invalid, "bluesky.handle_unresolved")
	// ErrPDSUnresolved: the account's identity names no server ({handle}).
	ErrPDSUnresolved = fault.New(fault.Invalid, "bluesky.pds_unresolved")
	// ErrServiceUnreachable: the server the user typed does not answer ({service}).
	ErrServiceUnreachable = fault.New(fault.Transient, "bluesky.service_unreachable")
	// ErrServiceInsecure: a server address is plain http off this machine,
	// where the app password and tokens would travel in clear ({service}).
	ErrServiceInsecure = fault.New(fault.Invalid, "bluesky.service_insecure")
	// ErrPDSInsecure: the account's identity names a plain http server off
	// this machine ({handle}, {service}).
	ErrPDSInsecure = fault.New(fault.Invalid, "bluesky.pds_insecure")
	// ErrWrongPassword: the server refused the handle and app password ({handle}).
	ErrWrongPassword = fault.New(fault.Invalid, "bluesky.wrong_password")
	// ErrTwoFactor: the main password was given on an account with e-mail
	// two-factor authentication: an app password is needed ({handle}).
	ErrTwoFactor = fault.New(fault.Invalid, "bluesky.two_factor")
	// ErrAccountSuspended: the account is taken down, suspended or deactivated ({handle}).
	ErrAccountSuspended = fault.New(fault.AuthExpired, "bluesky.account_suspended")
	// ErrMentionUnknown: an @mention names no account ({handle}).
	ErrMentionUnknown = fault.New(fault.Invalid, "bluesky.mention_unknown")
	// ErrImageInvalid: an image cannot be read or decoded ({file}).
	ErrImageInvalid = fault.New(fault.Invalid, "bluesky.image_invalid")
	// ErrImageTooLarge: an image stays over the limit after recompression ({file}, {max}).
	ErrImageTooLarge = fault.New(fault.Invalid, "bluesky.image_too_large")
	// ErrVideoUnsupported: Ruche does not send videos to Bluesky yet ({file}).
	ErrVideoUnsupported = fault.New(fault.Invalid, "bluesky.video_unsupported")
)

// xrpcError is the body of a failed XRPC call, {"error": ..., "message": ...},
// kept as the cause of the *network.Error so that the package can tell an
// expired token from a missing record.
type xrpcError struct {
	Method  string // e.g. "com.atproto.repo.createRecord"
	Status  int
	Name    string // the "error" field, e.g. "ExpiredToken", "RecordNotFound"
	Message string
}

func (e *xrpcError) Error() string {
	s := fmt.Sprintf("%s: %d", e.Method, e.Status)
	if e.Name != "" {
		s += " " + e.Name
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// xrpcErr returns the XRPC error in err's chain, nil if none.
func xrpcErr(err error) *xrpcError {
	var xe *xrpcError
	if errors.As(err, &xe) {
		return xe
	}
	return nil
}

// isXRPC reports whether err is the XRPC error name (any name when empty)
// with status (any when 0).
func isXRPC(err error, status int, name string) bool {
	xe := xrpcErr(err)
	return xe != nil && (status == 0 || xe.Status == status) && (name == "" || xe.Name == name)
}

// needsNewToken reports whether a call failed because its token is no
// longer good: 401, or 400 ExpiredToken / InvalidToken.
func needsNewToken(err error) bool {
	xe := xrpcErr(err)
	if xe == nil {
		return false
	}
	return xe.Status == http.StatusUnauthorized ||
		(xe.Status == http.StatusBadRequest && (xe.Name == "ExpiredToken" || xe.Name == "InvalidToken"))
}

// fail returns sentinel as Bluesky's failure with the message values args
// (the network's name is added), the HTTP status of err if it has one, and
// err as the cause.
func fail(sentinel *fault.Error, args map[string]any, err error) *network.Error {
	all := map[string]any{"network": network.DisplayName(network.Bluesky)}
	for k, v := range args {
		all[k] = v
	}
	status := 0
	if xe := xrpcErr(err); xe != nil {
		status = xe.Status
	}
	return &network.Error{Network: network.Bluesky, Status: status, Fault: sentinel.With(all, err)}
}

// authExpired returns network.ErrAuthExpired caused by err.
func authExpired(err error) error {
	status := 0
	if xe := xrpcErr(err); xe != nil {
		status = xe.Status
	}
	return network.NewError(network.Bluesky, network.ErrAuthExpired, status, err)
}
