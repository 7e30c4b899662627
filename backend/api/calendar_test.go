package api

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"

	"ruche/backend/account"
	"ruche/backend/boot"
	"ruche/backend/post"
	"ruche/backend/secrets"
)

// world is a facade over a real data folder, with a workspace in
// Europe/Paris and three accounts. Its clock reads now: Monday 2026-11-23
// 10:00 UTC (11:00 in Paris) unless a test moves it.
type world struct {
	s                        *Settings
	cal                      *Calendar
	comp                     *Composer
	d                        *fakeDialogs
	app                      *boot.App
	now                      *time.Time
	ws                       Workspace
	bluesky, mastodon, linkd string // account IDs
}

func newWorld(t *testing.T) world {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	base := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	now := &base
	app, err := boot.Open(context.Background(), boot.Config{DataDir: dir, Vault: secrets.NewMemory(), Version: "test",
		System: system, Now: func() time.Time { return *now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	d := &fakeDialogs{}
	s := NewSettings(Deps{App: app, DataDir: dir, Dialogs: d, System: system, Version: "test", Log: zerolog.Nop()})
	w := world{s: s, cal: NewCalendar(s), comp: NewComposer(s), d: d, app: app, now: now}
	*now = base.Add(time.Millisecond) // after the first workspace
	w.ws = must(s.CreateWorkspace(WorkspaceInput{Name: "Le Fournil", TimeZone: "Europe/Paris", Language: "fr"}))
	add := func(network, handle, server string) string {
		*now = now.Add(time.Millisecond) // identifiers, and so lists, in this order
		a, err := app.Accounts.Add(context.Background(), w.ws.ID, account.Input{Network: network, Handle: handle, Server: server})
		noErr(t, err)
		return a.ID
	}
	w.bluesky = add("bluesky", "fournil.bsky.social", "")
	w.mastodon = add("mastodon", "@fournil@piaille.fr", "https://piaille.fr")
	w.linkd = add("linkedin", "Le Fournil de Léa", "")
	*now = base
	return w
}

// text returns a post input with the same text for each account.
func text(s string, accounts ...string) PostInput {
	in := PostInput{Pillar: "Coulisses"}
	for _, a := range accounts {
		in.Variants = append(in.Variants, Variant{AccountID: a, Text: s})
	}
	return in
}

// allPosts returns every post of workspace wsID in the store.
func (w world) allPosts(t *testing.T) []post.Post {
	t.Helper()
	ctx := context.Background()
	dated := must(w.app.Posts.List(ctx, w.ws.ID, post.MinTime, post.MaxTime))
	return append(dated, must(w.app.Posts.Drafts(ctx, w.ws.ID))...)
}

func day(v CalendarView, date string) (Day, bool) {
	for _, d := range v.Days {
		if d.Date == date {
			return d, true
		}
	}
	return Day{}, false
}

func TestRangeBucketsAPostAlikeInEveryView(t *testing.T) {
	w := newWorld(t)
	// 2027-03-28: clocks spring forward in Paris at 02:00.
	gap := must(w.comp.Create(text("Fournée de nuit", w.bluesky), "2027-03-28", "02:30"))
	late := must(w.comp.Create(text("Dernière fournée", w.bluesky, w.mastodon), "2027-03-28", "23:30"))
	next := must(w.comp.Create(text("Minuit passé", w.bluesky), "2027-03-29", "00:30")) // still the 28th in UTC

	week := must(w.cal.Range("2027-03-22", "2027-03-29"))
	month := must(w.cal.Range("2027-03-01", "2027-04-05"))
	if len(week.Days) != 7 || len(month.Days) != 35 || week.Zone != "Europe/Paris" || week.Paused != nil {
		t.Fatalf("week: %d days in %s, month: %d days; want 7 and 35 in Europe/Paris", len(week.Days), week.Zone, len(month.Days))
	}
	inWeek, _ := day(week, "2027-03-28")
	inMonth, _ := day(month, "2027-03-28")
	if diff := cmp.Diff(inWeek, inMonth); diff != "" {
		t.Errorf("2027-03-28 differs between the week and the month (-week +month):\n%s", diff)
	}
	var got []string
	for _, p := range inWeek.Posts {
		got = append(got, p.ID+" "+p.LocalTime+" "+p.ScheduledAt)
	}
	want := []string{gap.ID + " 03:00 2027-03-28T01:00:00Z", late.ID + " 23:30 2027-03-28T21:30:00Z"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("posts of 2027-03-28 (-want +got):\n%s", diff)
	}
	if p := inWeek.Posts[1]; p.Title != "Dernière fournée" || p.Status != "scheduled" || p.Pillar != "Coulisses" ||
		!cmp.Equal(p.Networks, []string{"bluesky", "mastodon"}) || p.Revision == 0 || p.Zone != "Europe/Paris" {
		t.Errorf("calendar post = %+v", p)
	}
	if d, ok := day(month, "2027-03-29"); !ok || len(d.Posts) != 1 || d.Posts[0].ID != next.ID {
		t.Errorf("month's 2027-03-29 = %+v, want %s", d, next.ID)
	}
	if _, ok := day(week, "2027-03-29"); ok {
		t.Errorf("the week [22, 29) shows the 29th")
	}
	if _, err := w.cal.Range("2027-03-29", "2027-03-22"); FormatError(w.s, err).Code != "calendar.range_invalid" {
		t.Errorf("Range(backwards) = %v, want calendar.range_invalid", err)
	}
}

func TestMovePostPersistsAndRefusesThePast(t *testing.T) {
	w := newWorld(t)
	must(w.s.SetLanguage("fr"))
	ctx := context.Background()
	draft := must(w.comp.Create(text("Pain au levain", w.bluesky), "", ""))
	if draft.Status != "draft" || draft.ScheduledAt != "" || len(must(w.cal.Drafts())) != 1 {
		t.Fatalf("Create(no time) = %+v, want a draft among the drafts", draft)
	}

	moved := must(w.cal.MovePost(draft.ID, "2027-03-28", "02:30"))
	if moved.Status != "scheduled" || moved.ScheduledAt != "2027-03-28T01:00:00Z" || moved.LocalDate != "2027-03-28" || moved.LocalTime != "03:00" {
		t.Errorf("MovePost(02:30 on spring-forward day) = %s %s %s %s, want scheduled at 03:00 (01:00Z)",
			moved.Status, moved.ScheduledAt, moved.LocalDate, moved.LocalTime)
	}
	stored := must(w.app.Store.Post(ctx, draft.ID))
	if want := time.Date(2027, 3, 28, 1, 0, 0, 0, time.UTC); !stored.ScheduledAt.Equal(want) || stored.Status != post.Scheduled {
		t.Errorf("stored post: %s at %v, want scheduled at %v", stored.Status, stored.ScheduledAt, want)
	}
	if n := len(must(w.cal.Drafts())); n != 0 {
		t.Errorf("Drafts() after the move = %d, want 0", n)
	}

	_, err := w.cal.MovePost(draft.ID, "2026-11-22", "09:00")
	p := FormatError(w.s, err)
	if p.Code != "post.time_past" || p.Message != "Cette heure est déjà passée : choisissez-en une plus tardive." {
		t.Errorf("MovePost(past) = %+v, want the French post.time_past", p)
	}
	if again := must(w.app.Store.Post(ctx, draft.ID)); !again.ScheduledAt.Equal(stored.ScheduledAt) || again.Revision != stored.Revision {
		t.Errorf("a refused move changed the post: %v rev %d", again.ScheduledAt, again.Revision)
	}

	for _, tt := range []struct{ id, date, time, code string }{
		{"nope", "2027-01-01", "09:00", "post.not_found"},
		{draft.ID, "2027-02-30", "09:00", "calendar.date_invalid"},
		{draft.ID, "2027-01-01", "25:00", "calendar.time_invalid"},
		{draft.ID, "2027-01-01", "", "post.time_required"},
	} {
		if _, err := w.cal.MovePost(tt.id, tt.date, tt.time); FormatError(w.s, err).Code != tt.code {
			t.Errorf("MovePost(%s, %q, %q) = %v, want %s", tt.id, tt.date, tt.time, err, tt.code)
		}
	}

	// Another workspace does not see the post.
	for _, other := range must(w.s.ListWorkspaces()) {
		if other.ID != w.ws.ID {
			must(w.s.SwitchWorkspace(other.ID))
		}
	}
	if _, err := w.cal.MovePost(draft.ID, "2027-04-01", "09:00"); FormatError(w.s, err).Code != "post.not_found" {
		t.Errorf("MovePost(post of another workspace) = %v, want post.not_found", err)
	}
	must(w.s.SwitchWorkspace(w.ws.ID))
	if p := must(w.cal.UnschedulePost(draft.ID)); p.Status != "draft" || p.ScheduledAt != "" {
		t.Errorf("UnschedulePost() = %+v, want a draft without time", p)
	}
}

func TestCrisisSwitchHoldsWhatIsScheduled(t *testing.T) {
	w := newWorld(t)
	before := must(w.comp.Create(text("Déjà prévu", w.bluesky), "2027-01-10", "09:00"))
	draft := must(w.comp.Create(text("Prévu pendant la crise", w.bluesky), "", ""))
	if p := must(w.cal.PauseState()); p != nil {
		t.Fatalf("PauseState() = %+v before any pause", p)
	}
	if _, err := w.cal.Pause("Bad buzz", "yesterday", false); FormatError(w.s, err).Code != "api.instant_invalid" {
		t.Errorf("Pause(until yesterday) = %v, want api.instant_invalid", err)
	}
	pause := must(w.cal.Pause("Bad buzz", "2026-11-24T09:00:00Z", false))
	if pause.Reason != "Bad buzz" || pause.Until != "2026-11-24T09:00:00Z" || pause.Since != "2026-11-23T10:00:00Z" || pause.AllSpaces {
		t.Errorf("Pause() = %+v", pause)
	}
	if p := must(w.comp.Get(before.ID)); p.Status != "paused" {
		t.Errorf("a scheduled post during the pause is %s, want paused", p.Status)
	}
	if p := must(w.cal.MovePost(draft.ID, "2027-01-11", "09:00")); p.Status != "paused" {
		t.Errorf("MovePost() during the pause = %s, want paused", p.Status)
	}
	if v := must(w.cal.Range("2027-01-11", "2027-01-12")); v.Paused == nil || v.Paused.Reason != "Bad buzz" || v.Days[0].Posts[0].Status != "paused" {
		t.Errorf("Range() during the pause = %+v", v)
	}
	*w.now = w.now.Add(time.Hour)
	noErr(t, w.cal.Resume())
	for _, id := range []string{before.ID, draft.ID} {
		if p := must(w.comp.Get(id)); p.Status != "scheduled" {
			t.Errorf("post %s after Resume() = %s, want scheduled", id, p.Status)
		}
	}
	log := must(w.cal.PauseLog())
	if len(log) != 2 || log[0].Action != "resume" || log[0].Posts != 2 || log[1].Action != "pause" || log[1].Workspace != "Le Fournil" || log[1].Posts != 1 {
		t.Errorf("PauseLog() = %+v, want the resume of two posts after the pause of one", log)
	}
	if err := w.cal.Resume(); FormatError(w.s, err).Code != "crisis.not_paused" {
		t.Errorf("Resume() twice = %v, want crisis.not_paused", err)
	}
}

func TestQueue(t *testing.T) {
	w := newWorld(t)
	if got := must(w.cal.QueueSlots()); len(got) != 0 {
		t.Errorf("QueueSlots() = %v, want none at first", got)
	}
	d := must(w.comp.Create(text("Pour la file", w.bluesky), "", ""))
	if _, err := w.cal.AddToQueue(d.ID); FormatError(w.s, err).Code != "calendar.queue_empty" {
		t.Errorf("AddToQueue(no slots) = %v, want calendar.queue_empty", err)
	}
	for _, bad := range [][]Slot{{{2, "09:30"}, {2, "9:30"}}, {{7, "09:30"}}, {{1, "midi"}}} {
		if _, err := w.cal.SetQueueSlots(bad); FormatError(w.s, err).Code == "internal" || err == nil {
			t.Errorf("SetQueueSlots(%v) = %v, want a slot error", bad, err)
		}
	}
	slots := must(w.cal.SetQueueSlots([]Slot{{4, "18:00"}, {2, "9:30"}}))
	if want := []Slot{{2, "09:30"}, {4, "18:00"}}; !cmp.Equal(slots, want) || !cmp.Equal(must(w.cal.QueueSlots()), want) {
		t.Errorf("SetQueueSlots() = %v, want %v", slots, want)
	}
	// Monday 11:00 in Paris: Tuesday 09:30, Thursday 18:00, next Tuesday.
	var got []string
	for range 3 {
		p := must(w.comp.Create(text("En file", w.bluesky), "", ""))
		q := must(w.cal.AddToQueue(p.ID))
		got = append(got, q.LocalDate+" "+q.LocalTime+" "+q.Status)
	}
	want := []string{"2026-11-24 09:30 scheduled", "2026-11-26 18:00 scheduled", "2026-12-01 09:30 scheduled"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AddToQueue() slots (-want +got):\n%s", diff)
	}
}

func TestResolveMissed(t *testing.T) {
	tests := []struct {
		action, date, time string
		wantStatus, wantAt string
		wantCode           string
	}{
		{"publish_now", "", "", "scheduled", "2026-11-23T10:00:00Z", ""},
		{"reschedule", "2026-12-01", "10:00", "scheduled", "2026-12-01T09:00:00Z", ""},
		{"skip", "", "", "draft", "", ""},
		{"reschedule", "2026-11-01", "10:00", "missed", "", "post.time_past"},
		{"later", "", "", "missed", "", "plan.missed_action_invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.action+" "+tt.date, func(t *testing.T) {
			w := newWorld(t)
			ctx := context.Background()
			p := must(w.app.Posts.Create(ctx, w.ws.ID, post.Input{Variants: []post.Variant{{AccountID: w.bluesky, Network: "bluesky", Text: "Manqué"}}}))
			p.Status, p.ScheduledAt = post.Missed, time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
			p = must(w.app.Store.PutPost(ctx, p))
			got, err := w.cal.ResolveMissed(p.ID, tt.action, tt.date, tt.time)
			if code := FormatError(w.s, err).Code; err != nil && code != tt.wantCode || err == nil && tt.wantCode != "" {
				t.Fatalf("ResolveMissed() = %v, want %q", err, tt.wantCode)
			}
			stored := must(w.app.Store.Post(ctx, p.ID))
			if string(stored.Status) != tt.wantStatus || (err == nil && got.ScheduledAt != tt.wantAt) {
				t.Errorf("ResolveMissed() = %s at %q (stored %s), want %s at %q", got.Status, got.ScheduledAt, stored.Status, tt.wantStatus, tt.wantAt)
			}
		})
	}
	w := newWorld(t)
	d := must(w.comp.Create(text("Brouillon", w.bluesky), "", ""))
	if _, err := w.cal.ResolveMissed(d.ID, "skip", "", ""); FormatError(w.s, err).Code != "plan.not_missed" {
		t.Errorf("ResolveMissed(a draft) = %v, want plan.not_missed", err)
	}
}

func TestImportPreviewSavesNothingAndConfirmSavesTheValidRows(t *testing.T) {
	w := newWorld(t)
	must(w.s.SetLanguage("fr"))
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "photo.png"), pngFile(t, 64, 48), 0o600)
	csv := strings.Join([]string{
		"datetime,text,link,media,accounts",
		"2027-03-28 09:30,Pain du jour,,,fournil.bsky.social",
		"28/03/2027 10:00,Deux réseaux,https://fournil.example,photo.png,fournil.bsky.social|@fournil@piaille.fr",
		"demain,Date illisible,,,fournil.bsky.social",
		"2027-03-28 11:00,Compte inconnu,,,nobody",
		"2027-03-28 12:00,Photo absente,,absente.png,fournil.bsky.social",
		"2027-03-28 13:00," + strings.Repeat("é", 301) + ",,,fournil.bsky.social",
		"2027-03-28 14:00,Sans compte,,,",
		"2020-01-01 09:00,Passé,,,fournil.bsky.social",
	}, "\n") + "\n"
	path := filepath.Join(dir, "posts.csv")
	noErr(t, os.WriteFile(path, []byte(csv), 0o600))

	w.d.open = ""
	if p := must(w.cal.PreviewImport()); !p.Cancelled {
		t.Errorf("PreviewImport(cancelled) = %+v", p)
	}
	w.d.open = path
	preview := must(w.cal.PreviewImport())
	if preview.Valid != 2 || preview.Invalid != 6 || preview.Token == "" || preview.Path != path || len(preview.Rows) != 8 {
		t.Fatalf("PreviewImport() = %d valid, %d invalid, token %q, %d rows", preview.Valid, preview.Invalid, preview.Token, len(preview.Rows))
	}
	codes := map[int]string{}
	for _, r := range preview.Rows {
		var cs []string
		for _, p := range r.Problems {
			cs = append(cs, p.Code)
			if p.Message == "" || strings.Contains(p.Message, "{") {
				t.Errorf("line %d: message %q", r.Line, p.Message)
			}
		}
		codes[r.Line] = strings.Join(cs, " ")
	}
	want := map[int]string{2: "", 3: "", 4: "calendar.csv_date_invalid", 5: "calendar.csv_account_unknown",
		6: "calendar.csv_media_missing", 7: "network.text_too_long", 8: "plan.import_account_missing", 9: "calendar.csv_date_past"}
	if diff := cmp.Diff(want, codes); diff != "" {
		t.Errorf("problems by line (-want +got):\n%s", diff)
	}
	if msg := preview.Rows[3].Problems[0].Message; msg != "Ligne 5 : aucun compte connecté ne s’appelle « nobody »." {
		t.Errorf("line 5 message = %q", msg)
	}
	if n := len(w.allPosts(t)); n != 0 {
		t.Fatalf("the preview saved %d posts, want none", n)
	}

	if n := must(w.cal.ConfirmImport(preview.Token)); n != 2 {
		t.Errorf("ConfirmImport() = %d, want the 2 valid rows", n)
	}
	saved := w.allPosts(t)
	if len(saved) != 2 {
		t.Fatalf("after ConfirmImport: %d posts, want 2", len(saved))
	}
	two := saved[1]
	if two.Status != post.Scheduled || !two.ScheduledAt.Equal(time.Date(2027, 3, 28, 8, 0, 0, 0, time.UTC)) || len(two.Variants) != 2 ||
		two.Variants[1].Network != "mastodon" || two.Variants[0].Link != "https://fournil.example" ||
		len(two.Variants[0].Media) != 1 || two.Variants[0].Media[0].MIME != "image/png" || two.Variants[0].Media[0].Width != 64 {
		t.Errorf("imported row 3 = %+v", two)
	}
	if _, err := w.cal.ConfirmImport(preview.Token); FormatError(w.s, err).Code != "api.import_expired" {
		t.Errorf("ConfirmImport() twice = %v, want api.import_expired", err)
	}
}

func TestExportsReadBackByTheImport(t *testing.T) {
	w := newWorld(t)
	must(w.comp.Create(text("Pain, levain; et \"guillemets\"", w.bluesky, w.mastodon), "2027-03-28", "09:30"))
	must(w.comp.Create(text("Brioche", w.linkd), "2027-03-29", "10:00"))
	must(w.comp.Create(text("Brouillon sans date", w.bluesky), "", ""))
	dir := t.TempDir()

	w.d.save = ""
	if p := must(w.cal.ExportICS()); p != "" {
		t.Errorf("ExportICS(cancelled) = %q, want \"\"", p)
	}
	w.d.save = filepath.Join(dir, "calendrier")
	ics := must(w.cal.ExportICS())
	b, err := os.ReadFile(ics)
	if ics != w.d.save+".ics" || err != nil || strings.Count(string(b), "BEGIN:VEVENT") != 2 || !strings.Contains(string(b), "DTSTART:20270328T073000Z") {
		t.Errorf("ExportICS() = %q, %v:\n%s", ics, err, b)
	}
	w.d.save = filepath.Join(dir, "posts.csv")
	csv := must(w.cal.ExportCSV())
	w.d.open = csv
	preview := must(w.cal.PreviewImport())
	if preview.Valid != 2 || preview.Invalid != 0 || preview.Rows[0].Text != "Pain, levain; et \"guillemets\"" ||
		!cmp.Equal(preview.Rows[0].Accounts, []string{"fournil.bsky.social", "@fournil@piaille.fr"}) || preview.Rows[0].At != "2027-03-28T07:30:00Z" {
		t.Errorf("the exported CSV read back: %+v", preview)
	}
}
