package network

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"ruche/backend/fault"
	"ruche/backend/post"
)

// Severity says whether a problem blocks scheduling.
type Severity string

// The severities.
const (
	SeverityError   Severity = "error"   // the network would refuse the post: scheduling is refused
	SeverityWarning Severity = "warning" // the post goes out, but should be better
)

// Problem is one thing wrong with a variant for its network. Its code is the
// key of a translated message in package locale, filled from Args.
type Problem struct {
	Code     string         `json:"code"`
	Severity Severity       `json:"severity"`
	Field    string         `json:"field"`           // "text", "thread", "firstComment", "media" or "link"
	Index    int            `json:"index,omitempty"` // which thread part or media file, from 0
	Args     map[string]any `json:"args,omitempty"`
}

// The problem codes; each has a message in package locale.
const (
	ProblemEmpty              = "network.text_empty"
	ProblemMediaRequired      = "network.media_required"
	ProblemTooLong            = "network.text_too_long"
	ProblemTooManyBytes       = "network.text_too_many_bytes"
	ProblemThreadUnsupported  = "network.thread_unsupported"
	ProblemThreadPartEmpty    = "network.thread_part_empty"
	ProblemThreadPartTooLong  = "network.thread_part_too_long"
	ProblemCommentUnsupported = "network.first_comment_unsupported"
	ProblemCommentTooLong     = "network.first_comment_too_long"
	ProblemMediaTooMany       = "network.media_too_many"
	ProblemMediaTooLarge      = "network.media_too_large"
	ProblemMediaShrunk        = "network.media_shrunk"
	ProblemMediaType          = "network.media_type"
	ProblemAltMissing         = "network.alt_missing"
	ProblemLinkInvalid        = "network.link_invalid"
	ProblemVisibility         = "network.visibility_invalid"
)

// ProblemCodes lists every problem code, for the test that each has a
// message.
var ProblemCodes = []string{ProblemEmpty, ProblemMediaRequired, ProblemTooLong, ProblemTooManyBytes,
	ProblemThreadUnsupported, ProblemThreadPartEmpty, ProblemThreadPartTooLong, ProblemCommentUnsupported,
	ProblemCommentTooLong, ProblemMediaTooMany, ProblemMediaTooLarge, ProblemMediaShrunk, ProblemMediaType, ProblemAltMissing,
	ProblemLinkInvalid, ProblemVisibility}

// Validate returns the problems of v for the network of caps, errors first,
// nil when there is none.
func Validate(v post.Variant, caps Capabilities) []Problem {
	name := DisplayName(caps.Network)
	var ps []Problem
	add := func(code string, sev Severity, field string, index int, args map[string]any) {
		if args == nil {
			args = map[string]any{}
		}
		args["network"] = name
		ps = append(ps, Problem{Code: code, Severity: sev, Field: field, Index: index, Args: args})
	}

	switch {
	case caps.MediaRequired && len(v.Media) == 0:
		add(ProblemMediaRequired, SeverityError, "media", 0, nil)
	case strings.TrimSpace(v.Text) == "" && len(v.Media) == 0:
		add(ProblemEmpty, SeverityError, "text", 0, nil)
	}
	// A content warning counts with the text (Mastodon).
	if p, bad := lengthProblem(Count(v.ContentWarning+v.Text, caps), ProblemTooLong); bad {
		add(p.Code, SeverityError, "text", 0, p.Args)
	}
	switch v.Visibility {
	case "", "public", "unlisted", "private", "direct":
	default:
		add(ProblemVisibility, SeverityError, "visibility", 0, map[string]any{"visibility": v.Visibility})
	}

	if len(v.Thread) > 0 && !caps.Threads {
		add(ProblemThreadUnsupported, SeverityError, "thread", 0, nil)
	}
	if caps.Threads {
		for i, part := range v.Thread {
			if strings.TrimSpace(part) == "" {
				add(ProblemThreadPartEmpty, SeverityError, "thread", i, map[string]any{"part": i + 2})
				continue
			}
			if p, bad := lengthProblem(Count(part, caps), ProblemThreadPartTooLong); bad {
				p.Args["part"] = i + 2 // the main text is part 1
				add(p.Code, SeverityError, "thread", i, p.Args)
			}
		}
	}

	if v.FirstComment != "" {
		if !caps.FirstComment {
			add(ProblemCommentUnsupported, SeverityError, "firstComment", 0, nil)
		} else if p, bad := lengthProblem(Count(v.FirstComment, caps), ProblemCommentTooLong); bad {
			add(p.Code, SeverityError, "firstComment", 0, p.Args)
		}
	}

	if v.Link != "" && !isWebURL(v.Link) {
		add(ProblemLinkInvalid, SeverityError, "link", 0, nil)
	}

	if len(v.Media) > caps.MaxMedia {
		add(ProblemMediaTooMany, SeverityError, "media", 0, map[string]any{"count": len(v.Media), "max": caps.MaxMedia})
	}
	for i, m := range v.Media {
		file := filepath.Base(m.Path)
		limit, fit := caps.MaxMediaBytes, int64(0)
		if strings.HasPrefix(m.MIME, "video/") {
			limit = caps.MaxVideoBytes
		} else if caps.FitImages > limit {
			fit = caps.FitImages
		}
		switch {
		case !slices.Contains(caps.MediaTypes, m.MIME):
			add(ProblemMediaType, SeverityError, "media", i, map[string]any{"file": file, "type": m.MIME})
		case m.Size > limit && m.Size <= fit:
			add(ProblemMediaShrunk, SeverityWarning, "media", i, map[string]any{"file": file, "size": byteSize(m.Size), "max": byteSize(limit)})
		case m.Size > max(limit, fit):
			add(ProblemMediaTooLarge, SeverityError, "media", i, map[string]any{"file": file, "size": byteSize(m.Size), "max": byteSize(max(limit, fit))})
		}
		if strings.TrimSpace(m.Alt) == "" {
			add(ProblemAltMissing, SeverityWarning, "media", i, map[string]any{"file": file})
		}
	}

	slices.SortStableFunc(ps, func(a, b Problem) int {
		switch {
		case a.Severity == b.Severity:
			return 0
		case a.Severity == SeverityError:
			return -1
		}
		return 1
	})
	return ps
}

// lengthProblem returns the problem of a text of length l, if any: code
// when it has too many characters, ProblemTooManyBytes when it has too many
// bytes only.
func lengthProblem(l Length, code string) (Problem, bool) {
	switch {
	case l.Used > l.Limit:
		return Problem{Code: code, Args: map[string]any{"used": l.Used, "limit": l.Limit, "over": l.Used - l.Limit}}, true
	case l.Over:
		return Problem{Code: ProblemTooManyBytes, Args: map[string]any{"bytes": l.Bytes, "limit": l.ByteLimit}}, true
	}
	return Problem{}, false
}

// Blocking reports whether ps holds an error, which forbids scheduling.
func Blocking(ps []Problem) bool {
	return slices.ContainsFunc(ps, func(p Problem) bool { return p.Severity == SeverityError })
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

// ErrUnknown: a variant names a network Ruche does not know.
var ErrUnknown = fault.New(fault.Invalid, "network.unknown")

// Checker is the post.Checker of the networks: it refuses a post while one
// of its variants has an error-level problem, returning that problem as an
// Invalid *fault.Error with the problem's code and values, so the user reads
// what to fix.
type Checker struct {
	// Caps returns the capabilities for variant v: Defaults, refined by
	// what the account's server says (a Mastodon instance's limit).
	Caps func(ctx context.Context, v post.Variant) (Capabilities, error)
	// Remote, when set, tells what only the network knows of v (a mention
	// of a handle that leads to no account): Review asks it, Check does
	// not (scheduling never waits for a network).
	Remote func(ctx context.Context, v post.Variant) []Problem
}

// Review is what the checks say of one variant: its length against the
// network's limits and its problems, or why its network's rules are
// unknown (Err).
type Review struct {
	AccountID string
	Length    Length
	Problems  []Problem
	Err       error
}

// Blocks reports whether the variant cannot be saved as it is.
func (r Review) Blocks() bool { return r.Err != nil || Blocking(r.Problems) }

// Review checks variant v by its network's rules, remote ones included
// when remote is set: what the composer shows, and what Check refuses.
func (c Checker) Review(ctx context.Context, v post.Variant, remote bool) Review {
	r := Review{AccountID: v.AccountID}
	caps, err := c.Caps(ctx, v)
	if err != nil {
		r.Err = err
		return r
	}
	r.Length, r.Problems = Count(v.Text, caps), Validate(v, caps)
	if remote && c.Remote != nil {
		r.Problems = append(r.Problems, c.Remote(ctx, v)...)
	}
	return r
}

// Check returns the first blocking problem of p's variants, nil if none.
func (c Checker) Check(ctx context.Context, p post.Post) error {
	for _, v := range p.Variants {
		r := c.Review(ctx, v, false)
		if r.Err != nil {
			return r.Err
		}
		for _, pr := range r.Problems {
			if pr.Severity == SeverityError {
				return &fault.Error{Kind: fault.Invalid, Code: pr.Code, Args: pr.Args,
					Err: fmt.Errorf("variant for account %s, %s %d", v.AccountID, pr.Field, pr.Index)}
			}
		}
	}
	return nil
}

// DefaultCaps is a Checker.Caps that knows only the published defaults.
func DefaultCaps(_ context.Context, v post.Variant) (Capabilities, error) {
	caps, ok := Defaults(v.Network)
	if !ok {
		return Capabilities{}, ErrUnknown.With(map[string]any{"network": v.Network}, nil)
	}
	return caps, nil
}
