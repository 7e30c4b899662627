package mastodon

import (
	"ruche/backend/fault"
)

// The failures particular to Mastodon; each has a message in package
// locale. They come wrapped in a *network.Error (with the HTTP status)
// when an instance answered them; check them with errors.Is.
var (
	// ErrAddress: what the user typed is not an instance address.
	ErrAddress = fault.New(fault.Invalid, "mastodon.address_invalid")
	// ErrNotMastodon: the address answers, but not as a Mastodon
	// instance (no instance API, an HTML page, unexpected JSON).
	ErrNotMastodon = fault.New(fault.Invalid, "mastodon.not_mastodon")
	// ErrBadAnswer: the instance answered something the API does not
	// document.
	ErrBadAnswer = fault.New(fault.Transient, "mastodon.bad_answer")
	// ErrRefused: the instance refused the request (422) and said why in
	// {reason}.
	ErrRefused = fault.New(fault.Invalid, "mastodon.refused")
	// ErrScope: the token lacks a scope this call needs (403): reconnect
	// to grant it.
	ErrScope = fault.New(fault.AuthExpired, "mastodon.scope_missing")
	// ErrAccountDisabled: the instance says the login is disabled,
	// unconfirmed or pending approval (403).
	ErrAccountDisabled = fault.New(fault.AuthExpired, "mastodon.account_disabled")
	// ErrTooSoon: a native schedule must be at least MinScheduleAhead
	// ahead.
	ErrTooSoon = fault.New(fault.Invalid, "mastodon.schedule_too_soon")
	// ErrScheduleLimit: the instance holds too many scheduled posts for
	// the account, or for that day.
	ErrScheduleLimit = fault.New(fault.Invalid, "mastodon.schedule_limit")
	// ErrThreadNotSchedulable: a thread cannot be scheduled on the
	// instance (each reply needs the id of the post before it).
	ErrThreadNotSchedulable = fault.New(fault.Invalid, "mastodon.thread_not_schedulable")
	// ErrMediaUnreadable: a media file could not be read from the disk.
	ErrMediaUnreadable = fault.New(fault.Invalid, "mastodon.media_unreadable")
	// ErrMediaFailed: the instance could not process a media file.
	ErrMediaFailed = fault.New(fault.Invalid, "mastodon.media_failed")
	// ErrMediaProcessing: a media file was still being processed after
	// the client stopped waiting; trying again later finishes it.
	ErrMediaProcessing = fault.New(fault.Transient, "mastodon.media_processing")
)
