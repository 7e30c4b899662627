package plan

import (
	"context"
	"io"
	"strings"

	"ruche/backend/calendar"
	"ruche/backend/fault"
	"ruche/backend/post"
	"ruche/backend/workspace"
)

// ExportICS writes the posts of workspace w that have a time, whatever
// their status, as an iCalendar file for Google Calendar or Outlook.
func (s *Service) ExportICS(ctx context.Context, w workspace.Workspace, out io.Writer) error {
	ps, err := s.posts.List(ctx, w.ID, post.MinTime, post.MaxTime)
	if err != nil {
		return err
	}
	events := make([]calendar.Event, len(ps))
	for i, p := range ps {
		v := MainVariant(p)
		events[i] = calendar.Event{ID: p.ID, At: p.ScheduledAt, Text: v.Text, Link: v.Link}
		if events[i].Text == "" {
			events[i].Text = post.Title(p)
		}
	}
	return calendar.WriteICS(out, calendar.Feed{Name: w.Name, Zone: w.TimeZone, Stamp: s.now(), Events: events})
}

// ExportCSV writes the posts of workspace w that have a time, whatever
// their status, as a bulk import file that PreviewImport reads back: the
// text, link and first media of each post's main variant (MainVariant),
// and its accounts by handle.
func (s *Service) ExportCSV(ctx context.Context, w workspace.Workspace, out io.Writer) error {
	loc, err := Zone(w)
	if err != nil {
		return err
	}
	ps, err := s.posts.List(ctx, w.ID, post.MinTime, post.MaxTime)
	if err != nil {
		return err
	}
	all, err := s.accounts.List(ctx, w.ID)
	if err != nil {
		return err
	}
	handles := make(map[string]string, len(all))
	for _, a := range all {
		handles[a.ID] = a.Handle
	}
	entries := make([]calendar.Entry, len(ps))
	for i, p := range ps {
		v := MainVariant(p)
		e := calendar.Entry{At: p.ScheduledAt, Text: v.Text, Link: v.Link}
		if len(v.Media) > 0 {
			e.Media = v.Media[0].Path
		}
		for _, pv := range p.Variants {
			name := handles[pv.AccountID]
			if name == "" || strings.ContainsAny(name, ";|") {
				name = pv.AccountID // a removed account, or a handle the column cannot hold
			}
			e.Accounts = append(e.Accounts, name)
		}
		entries[i] = e
	}
	return calendar.WriteCSV(out, loc, entries)
}

// MainVariant returns the variant that stands for a post where only one can:
// the first with a text, else the first; the zero Variant when it has none.
func MainVariant(p post.Post) post.Variant {
	for _, v := range p.Variants {
		if strings.TrimSpace(v.Text) != "" {
			return v
		}
	}
	if len(p.Variants) > 0 {
		return p.Variants[0]
	}
	return post.Variant{}
}

// ErrWrite: an export could not be written where the user asked; the
// caller, which chose the place, reports it.
var ErrWrite = fault.New(fault.Unavailable, "plan.export_write_failed")
