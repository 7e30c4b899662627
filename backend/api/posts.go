package api

import (
	"context"
	"slices"
	"time"

	"ruche/backend/account"
	"ruche/backend/boot"
	"ruche/backend/crisis"
	"ruche/backend/locale"
	"ruche/backend/network"
	"ruche/backend/plan"
	"ruche/backend/post"
	"ruche/backend/workspace"
)

// scope is what a call of the Calendar or Composer works on: the current
// workspace, its zone, the UI language and the calendar's use cases.
type scope struct {
	ctx  context.Context
	app  *boot.App
	ws   workspace.Workspace
	loc  *time.Location
	lang locale.Lang
	plan *plan.Service
}

// current returns the scope of a call: the data must be open and the
// current workspace readable, with a valid zone.
func (s *Settings) current() (scope, error) {
	app, err := s.ready()
	if err != nil {
		return scope{}, err
	}
	ctx := context.Background()
	w, err := app.Workspaces.Current(ctx)
	if err != nil {
		return scope{}, err
	}
	loc, err := plan.Zone(w)
	if err != nil {
		return scope{}, err
	}
	return scope{ctx: ctx, app: app, ws: w, loc: loc, lang: s.lang(), plan: app.Plan}, nil
}

// rfc3339 writes t as RFC 3339 UTC, "" for the zero time.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// entryDTO is the calendar's view of a post: what a month, week or day
// shows, without texts, media and deliveries.
func (sc scope) entryDTO(e post.Entry) Post {
	p := Post{ID: e.ID, WorkspaceID: sc.ws.ID, Status: string(e.Status), ScheduledAt: rfc3339(e.ScheduledAt),
		Zone: sc.ws.TimeZone, Title: e.Title, Pillar: e.Pillar, Campaigns: nonNil(e.Campaigns),
		Networks: nonNil(e.Networks), Revision: e.Revision, Variants: []Variant{}, Deliveries: []Delivery{}, HeldBy: nonNil(e.Held)}
	if !e.ScheduledAt.IsZero() {
		l := plan.LocalOf(e.ScheduledAt, sc.loc)
		p.LocalDate, p.LocalTime = l.Day.String(), l.Clock.String()
	}
	return p
}

// postDTO is the whole post, attempt reasons translated.
func (sc scope) postDTO(p post.Post) Post {
	dto := sc.entryDTO(p.Entry())
	dto.WorkspaceID, dto.AuthorNote = p.WorkspaceID, p.AuthorNote
	for _, v := range p.Variants {
		dto.Variants = append(dto.Variants, variantDTO(v))
	}
	for _, d := range p.Deliveries {
		dd := Delivery{AccountID: d.AccountID, State: string(d.State), RemoteID: d.RemoteID, URL: d.URL, Attempts: []Attempt{}}
		if d.Held != nil {
			dd.HeldUntil = rfc3339(d.Held.At)
		}
		for _, a := range d.Attempts {
			dd.Attempts = append(dd.Attempts, Attempt{At: rfc3339(a.At), Outcome: string(a.Outcome), Reason: attemptReason(sc.lang, p, d, a)})
		}
		dto.Deliveries = append(dto.Deliveries, dd)
	}
	return dto
}

// attemptReason is why attempt a of delivery d of p went as it did, in lang.
func attemptReason(lang locale.Lang, p post.Post, d post.Delivery, a post.Attempt) string {
	name := ""
	if v := p.Variant(d.AccountID); v != nil {
		name = network.DisplayName(v.Network)
	}
	return a.Message(name, func(code string, args map[string]any) string { return locale.Message(lang, code, args) })
}

// FailureReason is why post p failed, in lang: the last attempt of its last
// failed delivery ("" when none failed). The window's notice and the
// post's view say the same.
func FailureReason(lang locale.Lang, p post.Post) string {
	reason := ""
	for _, d := range p.Deliveries {
		if n := len(d.Attempts); d.State == post.DeliveryFailed && n > 0 {
			reason = attemptReason(lang, p, d, d.Attempts[n-1])
		}
	}
	return reason
}

func (sc scope) postsDTO(ps []post.Post) []Post {
	out := make([]Post, len(ps))
	for i, p := range ps {
		out[i] = sc.postDTO(p)
	}
	return out
}

func variantDTO(v post.Variant) Variant {
	out := Variant{AccountID: v.AccountID, Network: v.Network, Text: v.Text, Link: v.Link,
		FirstComment: v.FirstComment, Thread: nonNil(v.Thread), Media: []Media{},
		ContentWarning: v.ContentWarning, Visibility: v.Visibility, Language: v.Language}
	for _, m := range v.Media {
		out.Media = append(out.Media, mediaDTO(m))
	}
	return out
}

func mediaDTO(m post.Media) Media {
	return Media{Path: m.Path, Alt: m.Alt, MIME: m.MIME, Size: m.Size, Width: m.Width, Height: m.Height}
}

// input is the post the composer sends.
func input(in PostInput) post.Input {
	out := post.Input{AuthorNote: in.AuthorNote, Pillar: in.Pillar, Campaigns: slices.Clone(in.Campaigns)}
	for _, v := range in.Variants {
		out.Variants = append(out.Variants, variant(v))
	}
	return out
}

func variant(v Variant) post.Variant {
	out := post.Variant{AccountID: v.AccountID, Network: v.Network, Text: v.Text, Link: v.Link,
		FirstComment: v.FirstComment, Thread: slices.Clone(v.Thread),
		ContentWarning: v.ContentWarning, Visibility: v.Visibility, Language: v.Language}
	for _, m := range v.Media {
		out.Media = append(out.Media, post.Media{Path: m.Path, Alt: m.Alt, MIME: m.MIME, Size: m.Size, Width: m.Width, Height: m.Height})
	}
	return out
}

// accountDTO describes a with what its network accepts: a Mastodon
// instance's own limits when it answers (see directory.Caps).
func accountDTO(sc scope, a account.Account) Account {
	caps, err := sc.app.Directory.Caps(sc.ctx, post.Variant{AccountID: a.ID, Network: a.Network})
	if err != nil {
		caps, _ = network.Defaults(a.Network)
	}
	return Account{ID: a.ID, Network: a.Network, NetworkName: network.DisplayName(a.Network), Handle: a.Handle,
		DisplayName: a.DisplayName, Status: string(a.Status), Capabilities: capabilitiesDTO(caps)}
}

func capabilitiesDTO(c network.Capabilities) Capabilities {
	return Capabilities{TextLimit: c.TextLimit, Counting: string(c.Counting), ByteLimit: c.ByteLimit, URLLength: c.URLLength,
		MaxMedia: c.MaxMedia, MaxMediaBytes: c.MaxMediaBytes, MediaTypes: nonNil(slices.Clone(c.MediaTypes)),
		Threads: c.Threads, FirstComment: c.FirstComment, NativeScheduling: c.NativeScheduling}
}

func pauseDTO(p *crisis.Pause) *Pause {
	if p == nil {
		return nil
	}
	return &Pause{Reason: p.Reason, Since: rfc3339(p.Since), Until: rfc3339(p.Until), AllSpaces: p.All()}
}

// nonNil returns s, or an empty slice for nil: JSON shows [] rather than
// null, which the window need not check.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
