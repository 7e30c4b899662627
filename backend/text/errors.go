package text

import "ruche/backend/fault"

// The errors of this package.
var (
	// ErrNotReady: the dictionaries are still loading; spelling is not
	// available yet (everything else is).
	ErrNotReady = fault.New(fault.Unavailable, "text.not_ready")
	// ErrDictionary: a shipped dictionary cannot be read.
	ErrDictionary = fault.New(fault.Internal, "text.dictionary_broken")
	// ErrLexicon: a shipped lexicon cannot be read.
	ErrLexicon = fault.New(fault.Internal, "text.lexicon_broken")
	// ErrLanguage: a language other than fr, en or auto was asked for.
	ErrLanguage = fault.New(fault.Invalid, "text.language_invalid")
	// ErrTooLong: a text given to the command line is larger than it reads.
	ErrTooLong = fault.New(fault.Invalid, "text.too_long")
)
