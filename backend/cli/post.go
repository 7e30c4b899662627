package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"ruche/backend/boot"
	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/plan"
	"ruche/backend/post"
	"ruche/backend/workspace"
)

// listDays is how many days "post list" shows by default.
const listDays = 30

// postJSON is a post as scripts read it; times are also given in the
// workspace's zone.
type postJSON struct {
	ID          string          `json:"id"`
	Status      string          `json:"status"`
	ScheduledAt string          `json:"scheduledAt,omitempty"` // RFC 3339 UTC
	LocalDate   string          `json:"localDate,omitempty"`
	LocalTime   string          `json:"localTime,omitempty"`
	Zone        string          `json:"zone"`
	Title       string          `json:"title"`
	AuthorNote  string          `json:"authorNote,omitempty"`
	Pillar      string          `json:"pillar,omitempty"`
	Campaigns   []string        `json:"campaigns,omitempty"`
	Networks    []string        `json:"networks,omitempty"`
	Revision    int             `json:"revision"`
	Variants    []post.Variant  `json:"variants,omitempty"`
	Deliveries  []post.Delivery `json:"deliveries,omitempty"`
}

func entryJSON(e post.Entry, w workspace.Workspace, loc *time.Location) postJSON {
	j := postJSON{ID: e.ID, Status: string(e.Status), Zone: w.TimeZone, Title: e.Title, Pillar: e.Pillar,
		Campaigns: e.Campaigns, Networks: e.Networks, Revision: e.Revision}
	if !e.ScheduledAt.IsZero() {
		l := plan.LocalOf(e.ScheduledAt, loc)
		j.ScheduledAt = e.ScheduledAt.UTC().Format(time.RFC3339)
		j.LocalDate, j.LocalTime = l.Day.String(), l.Clock.String()
	}
	return j
}

func fullJSON(p post.Post, w workspace.Workspace, loc *time.Location) postJSON {
	j := entryJSON(p.Entry(), w, loc)
	j.AuthorNote, j.Variants, j.Deliveries = p.AuthorNote, p.Variants, p.Deliveries
	return j
}

// when returns the local date and time of j, or "—" when it has none.
func (j postJSON) when() string {
	if j.LocalDate == "" {
		return "—"
	}
	return j.LocalDate + " " + j.LocalTime
}

// parseWhen reads "YYYY-MM-DD HH:MM", a day and time in the workspace's zone.
func parseWhen(s string) (plan.Local, error) {
	date, clock, _ := strings.Cut(strings.TrimSpace(s), " ")
	l, err := plan.ParseLocal(date, clock)
	if err == nil && l.IsZero() {
		err = post.ErrTimeRequired.With(nil, nil)
	}
	return l, err
}

// post runs "ruche post add|list|show|move|delete" on the current workspace.
func (r *runner) post(ctx context.Context, args []string) error {
	if len(args) < 1 {
		return usage("ruche post add|list|show|move|delete")
	}
	var fn func(context.Context, *boot.App, workspace.Workspace, []string) error
	switch args[0] {
	case "add", "new":
		fn = r.postAdd
	case "list", "ls":
		fn = r.postList
	case "show":
		fn = r.postShow
	case "move", "mv":
		fn = r.postMove
	case "delete", "remove", "rm":
		fn = r.postDelete
	default:
		return ErrUnknown.With(map[string]any{"name": "post " + args[0]}, nil)
	}
	return r.inWorkspace(ctx, func(ctx context.Context, a *boot.App, w workspace.Workspace) error { return fn(ctx, a, w, args[1:]) })
}

// inWorkspace runs fn with the current workspace.
func (r *runner) inWorkspace(ctx context.Context, fn func(context.Context, *boot.App, workspace.Workspace) error) error {
	return r.withApp(ctx, func(ctx context.Context, a *boot.App) error {
		w, err := a.Workspaces.Current(ctx)
		if err != nil {
			return err
		}
		return fn(ctx, a, w)
	})
}

func (r *runner) postAdd(ctx context.Context, a *boot.App, w workspace.Workspace, args []string) error {
	o, err := parseOptions(args, []string{"--account", "--at", "--pillar", "--campaign", "--note"}, nil)
	if err != nil {
		return err
	}
	text := strings.Join(o.args, " ")
	if strings.TrimSpace(text) == "" || len(o.values["--account"]) == 0 {
		return usage(`ruche post add TEXT --account ID|HANDLE [--account …] [--at "YYYY-MM-DD HH:MM"] [--pillar P] [--campaign C]`)
	}
	var at plan.Local
	if s := o.value("--at"); s != "" {
		if at, err = parseWhen(s); err != nil {
			return err
		}
	}
	in := post.Input{AuthorNote: o.value("--note"), Pillar: o.value("--pillar"), Campaigns: o.values["--campaign"]}
	for _, ref := range o.values["--account"] {
		acc, err := a.Accounts.Find(ctx, w.ID, ref)
		if err != nil {
			return err
		}
		in.Variants = append(in.Variants, post.Variant{AccountID: acc.ID, Network: acc.Network, Text: text})
	}
	p, err := a.Plan.Create(ctx, w, in, at)
	if err != nil {
		return err
	}
	return r.printPost(p, w, "cli.post_draft", "cli.post_scheduled")
}

// printPost prints p with the message draft when it has no time, else
// dated, given the post's id, local date, time and zone.
func (r *runner) printPost(p post.Post, w workspace.Workspace, draft, dated string) error {
	loc, err := plan.Zone(w)
	if err != nil {
		return err
	}
	j := fullJSON(p, w, loc)
	code := dated
	if j.LocalDate == "" {
		code = draft
	}
	return r.print(j, locale.Message(r.lang, code, map[string]any{"id": p.ID, "date": j.LocalDate, "time": j.LocalTime,
		"zone": w.TimeZone, "status": r.status(j.Status)}))
}

// status names a post status in the user's language.
func (r *runner) status(s string) string {
	if code := "status." + s; locale.Has(code) {
		return locale.Message(r.lang, code, nil)
	}
	return s
}

func (r *runner) postList(ctx context.Context, a *boot.App, w workspace.Workspace, args []string) error {
	o, err := parseOptions(args, []string{"--from", "--to"}, nil)
	if err != nil {
		return err
	}
	if len(o.args) > 0 {
		return usage("ruche post list [--from YYYY-MM-DD] [--to YYYY-MM-DD]")
	}
	loc, err := plan.Zone(w)
	if err != nil {
		return err
	}
	from := calendar.DayOf(a.Now(), loc)
	if s := o.value("--from"); s != "" {
		if from, err = calendar.ParseDay(s); err != nil {
			return err
		}
	}
	to := from.AddDays(listDays)
	if s := o.value("--to"); s != "" {
		if to, err = calendar.ParseDay(s); err != nil {
			return err
		}
	}
	_, days, err := a.Plan.Range(ctx, w, from, to)
	if err != nil {
		return err
	}
	out := []postJSON{}
	for _, d := range days {
		for _, e := range d.Items {
			out = append(out, entryJSON(e, w, loc))
		}
	}
	if r.inv.JSON {
		return r.print(out, "")
	}
	if len(out) == 0 {
		return r.print(nil, locale.Message(r.lang, "cli.no_posts", map[string]any{"from": from, "to": to.AddDays(-1)}))
	}
	tw := tabwriter.NewWriter(r.Stdout, 0, 4, 2, ' ', 0)
	for _, d := range days {
		for _, e := range d.Items {
			j := entryJSON(e, w, loc)
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", j.when(), r.status(j.Status), strings.Join(j.Networks, ","), j.Title, j.ID)
		}
	}
	fmt.Fprintf(tw, "(%s)\n", w.TimeZone)
	return tw.Flush()
}

func (r *runner) postShow(ctx context.Context, a *boot.App, w workspace.Workspace, args []string) error {
	if len(args) != 1 {
		return usage("ruche post show ID")
	}
	p, err := a.Plan.Post(ctx, w, args[0])
	if err != nil {
		return err
	}
	loc, err := plan.Zone(w)
	if err != nil {
		return err
	}
	j := fullJSON(p, w, loc)
	if r.inv.JSON {
		return r.print(j, "")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s  %s (%s)\n", j.ID, r.status(j.Status), j.when(), j.Zone)
	if j.Pillar != "" || len(j.Campaigns) > 0 {
		fmt.Fprintf(&b, "%s  %s\n", j.Pillar, strings.Join(j.Campaigns, ", "))
	}
	if j.AuthorNote != "" {
		fmt.Fprintf(&b, "# %s\n", j.AuthorNote)
	}
	for _, v := range p.Variants {
		fmt.Fprintf(&b, "\n[%s %s]\n%s\n", v.Network, v.AccountID, v.Text)
		if d := p.Delivery(v.AccountID); d != nil && d.State != post.DeliveryPending {
			fmt.Fprintf(&b, "→ %s %s\n", d.State, d.URL)
		}
	}
	return r.print(nil, strings.TrimRight(b.String(), "\n"))
}

func (r *runner) postMove(ctx context.Context, a *boot.App, w workspace.Workspace, args []string) error {
	if len(args) < 2 {
		return usage(`ruche post move ID "YYYY-MM-DD HH:MM"`)
	}
	at, err := parseWhen(strings.Join(args[1:], " "))
	if err != nil {
		return err
	}
	p, err := a.Plan.Place(ctx, w, args[0], at)
	if err != nil {
		return err
	}
	return r.printPost(p, w, "cli.post_draft", "cli.post_moved")
}

func (r *runner) postDelete(ctx context.Context, a *boot.App, w workspace.Workspace, args []string) error {
	if len(args) != 1 {
		return usage("ruche post delete ID")
	}
	if err := a.Plan.Delete(ctx, w, args[0]); err != nil {
		return err
	}
	return r.print(map[string]string{"deleted": args[0]}, locale.Message(r.lang, "cli.post_deleted", map[string]any{"id": args[0]}))
}

// queue runs "ruche queue add ID" on the current workspace.
func (r *runner) queue(ctx context.Context, args []string) error {
	if len(args) != 2 || args[0] != "add" {
		return usage("ruche queue add ID")
	}
	return r.inWorkspace(ctx, func(ctx context.Context, a *boot.App, w workspace.Workspace) error {
		p, err := a.Plan.AddToQueue(ctx, w, args[1])
		if err != nil {
			return err
		}
		return r.printPost(p, w, "cli.post_draft", "cli.post_queued")
	})
}
