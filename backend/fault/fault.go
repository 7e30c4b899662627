// Package fault gives every backend error a kind and a stable code.
//
// A kind says what the caller can do about the error (retry, fix the input,
// reconnect); a code names the exact problem and is the key of its translated
// message in package locale. Errors are checked with errors.Is and errors.As,
// never by their text.
package fault

import (
	"errors"
	"fmt"
)

// Kind is the class of an error.
type Kind int

// The kinds of error the backend returns.
const (
	Internal    Kind = iota // a bug or an unexpected failure
	NotFound                // the thing asked for does not exist
	Invalid                 // the input is wrong: fix it and try again
	Conflict                // the request clashes with the current state
	AuthExpired             // a network account must be reconnected
	RateLimited             // a network asks to slow down
	Transient               // a temporary failure: try again later
	Unavailable             // a resource the app needs is missing or busy
)

var kindNames = [...]string{"internal", "not_found", "invalid", "conflict", "auth_expired", "rate_limited", "transient", "unavailable"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Error is an error with a kind, a code for its translated message, the
// values that message needs, and the underlying cause if any.
type Error struct {
	Kind Kind
	Code string         // e.g. "workspace.name_required"
	Args map[string]any // values for the message, e.g. {"max": 80}
	Err  error          // the cause, for logs; may be nil
}

func (e *Error) Error() string {
	msg := e.Code
	if len(e.Args) > 0 {
		msg += fmt.Sprintf(" %v", e.Args)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Is reports a match when target is an *Error with the same code, so that
// sentinel errors declared with New work with errors.Is.
func (e *Error) Is(target error) bool {
	var t *Error
	if !errors.As(target, &t) {
		return false
	}
	return t.Code == e.Code
}

// New returns an error of kind k with code and no cause; use it for sentinels.
func New(k Kind, code string) *Error { return &Error{Kind: k, Code: code} }

// Wrap returns an error of kind k and code caused by err.
func Wrap(k Kind, code string, err error) *Error { return &Error{Kind: k, Code: code, Err: err} }

// With returns a copy of e carrying the message values args and the cause err.
func (e *Error) With(args map[string]any, err error) *Error {
	return &Error{Kind: e.Kind, Code: e.Code, Args: args, Err: err}
}

// Because returns a copy of e caused by err.
func (e *Error) Because(err error) *Error { return e.With(e.Args, err) }

// KindOf returns the kind of the first *Error in err's chain, Internal if none.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// As returns the first *Error in err's chain, or an Internal one wrapping err.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Kind: Internal, Code: "internal", Err: err}
}
