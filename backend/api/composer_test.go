package api

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ruche/backend/network"
	"ruche/backend/post"
)

func pngFile(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	noErr(t, png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))))
	return b.Bytes()
}

func TestComposerAccounts(t *testing.T) {
	w := newWorld(t)
	got := must(w.comp.Accounts())
	if len(got) != 3 {
		t.Fatalf("Accounts() = %d, want 3", len(got))
	}
	b := got[0]
	if b.Network != "bluesky" || b.NetworkName != "Bluesky" || b.Status != "connected" || b.Capabilities.TextLimit != 300 ||
		b.Capabilities.Counting != "graphemes" || b.Capabilities.ByteLimit != 3000 || !b.Capabilities.Threads {
		t.Errorf("Accounts()[0] = %+v", b)
	}
	if m := got[1]; m.Capabilities.URLLength != 23 || m.Capabilities.TextLimit != 500 {
		t.Errorf("Mastodon capabilities = %+v", m.Capabilities)
	}
}

func TestCheckCountsEachNetworkItsOwnWay(t *testing.T) {
	family := "👨‍👩‍👧‍👦" // one grapheme, 25 bytes
	tests := []struct {
		name      string
		text      string
		wantCount Count
		wantCode  string // the first finding; "" for none
	}{
		{"short", "Pain du jour 🥖", Count{Used: 14, Limit: 300, Bytes: 17, ByteLimit: 3000}, ""},
		{"accents are one grapheme, two bytes", strings.Repeat("é", 300), Count{Used: 300, Limit: 300, Bytes: 600, ByteLimit: 3000}, ""},
		{"one grapheme too many", strings.Repeat("é", 301), Count{Used: 301, Limit: 300, Bytes: 602, ByteLimit: 3000, Over: true}, "network.text_too_long"},
		{"few graphemes, too many bytes", strings.Repeat(family, 200), Count{Used: 200, Limit: 300, Bytes: 5000, ByteLimit: 3000, Over: true}, "network.text_too_many_bytes"},
		{"empty", "", Count{Limit: 300, ByteLimit: 3000}, "network.text_empty"},
	}
	w := newWorld(t)
	must(w.s.SetLanguage("fr"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := must(w.comp.Check(PostInput{Variants: []Variant{{AccountID: w.bluesky, Text: tt.text}}}))
			if got := c.Counts[w.bluesky]; got != tt.wantCount {
				t.Errorf("Check() count = %+v, want %+v", got, tt.wantCount)
			}
			code := ""
			if len(c.Findings) > 0 {
				code = c.Findings[0].Code
			}
			if code != tt.wantCode || c.CanSave != (tt.wantCode == "") {
				t.Errorf("Check() = %+v, want finding %q", c.Findings, tt.wantCode)
			}
			if len(c.Findings) > 0 && (!strings.Contains(c.Findings[0].Message, "Bluesky") && tt.wantCode != "network.text_empty" || strings.Contains(c.Findings[0].Message, "{")) {
				t.Errorf("finding message = %q, want it translated and filled", c.Findings[0].Message)
			}
		})
	}
	// Mastodon counts a link 23, whatever its length.
	link := "Notre recette : https://fournil.example/" + strings.Repeat("r", 600)
	c := must(w.comp.Check(PostInput{Variants: []Variant{{AccountID: w.mastodon, Text: link}, {AccountID: w.bluesky, Text: link}}}))
	if m, b := c.Counts[w.mastodon], c.Counts[w.bluesky]; m.Used != 39 || m.Over || !b.Over || c.CanSave {
		t.Errorf("Check(long link) = Mastodon %+v, Bluesky %+v, canSave %v", m, b, c.CanSave)
	}
	// A missing alt text is a warning: the post can still be saved.
	c = must(w.comp.Check(PostInput{Variants: []Variant{{AccountID: w.bluesky, Text: "Photo",
		Media: []Media{{Path: "/p/photo.png", MIME: "image/png", Size: 1000}}}}}))
	if len(c.Findings) != 1 || c.Findings[0].Severity != "warning" || !c.CanSave || c.Findings[0].Message != "photo.png n’a pas de description (texte alternatif) : les personnes qui utilisent un lecteur d’écran la manqueront." {
		t.Errorf("Check(no alt) = %+v", c)
	}
}

func TestSplitThreadPartsAllFit(t *testing.T) {
	w := newWorld(t)
	long := strings.Repeat("Notre levain s’appelle Gaston et il a douze ans. Il mange du seigle deux fois par jour ! ", 15)
	parts := must(w.comp.SplitThread(w.bluesky, long))
	caps, _ := network.Defaults(network.Bluesky)
	if len(parts) < 4 {
		t.Fatalf("SplitThread() = %d parts, want the text cut", len(parts))
	}
	for i, p := range parts {
		if l := network.Count(p, caps); l.Over {
			t.Errorf("part %d is over Bluesky's limit: %+v", i+1, l)
		}
	}
	if !strings.HasSuffix(parts[0], " 1/"+string(rune('0'+len(parts)))) {
		t.Errorf("part 1 = %q, want it numbered", parts[0])
	}
	if got := must(w.comp.SplitThread(w.bluesky, "Court.")); len(got) != 1 || got[0] != "Court." {
		t.Errorf("SplitThread(short) = %q", got)
	}
	if _, err := w.comp.SplitThread(w.linkd, long); FormatError(w.s, err).Code != network.ProblemThreadUnsupported {
		t.Errorf("SplitThread(LinkedIn) = %v, want %s", err, network.ProblemThreadUnsupported)
	}
	if _, err := w.comp.SplitThread("nobody", long); FormatError(w.s, err).Code != "account.unknown" {
		t.Errorf("SplitThread(unknown account) = %v, want account.unknown", err)
	}
}

func TestAddMedia(t *testing.T) {
	w := newWorld(t)
	must(w.s.SetLanguage("fr"))
	dir := t.TempDir()
	photo := filepath.Join(dir, "photo.png")
	noErr(t, os.WriteFile(photo, pngFile(t, 1200, 630), 0o600))
	got := must(w.comp.AddMedia(w.bluesky, []string{photo}))
	if len(got) != 1 || got[0].MIME != "image/png" || got[0].Width != 1200 || got[0].Height != 630 || got[0].Size == 0 || got[0].Path != photo {
		t.Errorf("AddMedia(png) = %+v", got)
	}
	tests := []struct {
		name, account, path, code, message string
	}{
		{"missing", w.bluesky, filepath.Join(dir, "partie.png"), "media.missing", "partie.png n’existe plus : il a peut-être été déplacé ou renommé."},
		{"a folder", w.bluesky, dir, "media.not_file", filepath.Base(dir) + " est un dossier, pas un fichier."},
		{"unreadable", w.bluesky, filepath.Join(photo, "x.png"), "media.unreadable", "x.png est illisible : not a directory"},
		{"unknown account", "nobody", photo, "account.unknown", "Cet espace de travail n’a pas de compte « nobody »."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := w.comp.AddMedia(tt.account, []string{photo, tt.path})
			if p := FormatError(w.s, err); p.Code != tt.code || p.Message != tt.message {
				t.Errorf("AddMedia(%s) = %+v, want %s %q", tt.name, p, tt.code, tt.message)
			}
		})
	}
	w.d.files = []string{photo, photo}
	if got := must(w.comp.ChooseMedia(w.mastodon)); len(got) != 2 {
		t.Errorf("ChooseMedia() = %+v, want 2 files", got)
	}
	w.d.files = nil
	if got := must(w.comp.ChooseMedia(w.mastodon)); got == nil || len(got) != 0 {
		t.Errorf("ChooseMedia(cancelled) = %#v, want an empty list", got)
	}
}

func TestComposerLifecycle(t *testing.T) {
	w := newWorld(t)
	must(w.s.SetLanguage("en"))
	in := text("Pain au levain", w.bluesky, w.mastodon)
	in.Campaigns = []string{"Galette des rois"}
	in.AuthorNote = "à relire"
	p := must(w.comp.Create(in, "", ""))
	got := must(w.comp.Get(p.ID))
	if got.Status != "draft" || len(got.Variants) != 2 || got.Variants[1].Network != "mastodon" || len(got.Deliveries) != 2 ||
		got.Deliveries[0].State != "pending" || got.AuthorNote != "à relire" || got.Campaigns[0] != "Galette des rois" {
		t.Errorf("Get() = %+v", got)
	}
	got = must(w.comp.SetStatus(p.ID, "in_review"))
	if got.Status != "in_review" {
		t.Errorf("SetStatus(in_review) = %s", got.Status)
	}
	for _, tt := range []struct {
		name string
		err  error
		code string
	}{
		{"status by hand", second(w.comp.SetStatus(p.ID, "scheduled")), "post.status_invalid"},
		{"stale revision", second(w.comp.Update(p.ID, p.Revision, in)), "post.conflict"},
		{"date without time", second(w.comp.Create(in, "2027-01-01", "")), "post.time_required"},
		{"time past", second(w.comp.Create(in, "2026-11-01", "09:00")), "post.time_past"},
		{"text too long to schedule", second(w.comp.Create(text(strings.Repeat("x", 301), w.bluesky), "2027-01-01", "09:00")), "network.text_too_long"},
		{"account of another workspace", second(w.comp.Create(text("x", "someone-else"), "", "")), "account.unknown"},
		{"unknown post", second(w.comp.Get("nope")), "post.not_found"},
	} {
		if code := FormatError(w.s, tt.err).Code; code != tt.code {
			t.Errorf("%s: %v, want %s", tt.name, tt.err, tt.code)
		}
	}
	if n := len(w.allPosts(t)); n != 1 {
		t.Errorf("refused creations left %d posts, want 1", n)
	}
	in.Variants = in.Variants[:1]
	got = must(w.comp.Update(p.ID, got.Revision, in))
	if len(got.Variants) != 1 || len(got.Deliveries) != 1 {
		t.Errorf("Update(one account less) = %+v", got)
	}
	noErr(t, w.comp.Delete(p.ID))
	if _, err := w.comp.Get(p.ID); FormatError(w.s, err).Code != "post.not_found" {
		t.Errorf("Get(deleted) = %v", err)
	}
}

func TestGetTranslatesAttemptReasons(t *testing.T) {
	w := newWorld(t)
	must(w.s.SetLanguage("fr"))
	ctx := context.Background()
	p := must(w.app.Posts.Create(ctx, w.ws.ID, post.Input{Variants: []post.Variant{{AccountID: w.linkd, Network: "linkedin", Text: "Croissants"}}}))
	p.Status, p.ScheduledAt = post.Failed, time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	p.Record(w.linkd, post.Attempt{At: p.ScheduledAt, Outcome: post.OutcomeAuth, Reason: network.ErrAuthExpired.Code}, "", "")
	p = must(w.app.Store.PutPost(ctx, p))
	got := must(w.comp.Get(p.ID))
	a := got.Deliveries[0].Attempts[0]
	if got.Deliveries[0].State != "failed" || a.Outcome != "auth" || a.At != "2026-11-22T08:00:00Z" ||
		a.Reason != "La connexion à LinkedIn a expiré ou a été révoquée : reconnectez le compte dans Comptes." {
		t.Errorf("Get().Deliveries = %+v", got.Deliveries)
	}
}

// second returns the error of a call that returns a value and an error.
func second[T any](_ T, err error) error { return err }
