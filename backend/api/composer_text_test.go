package api

import (
	"context"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"github.com/rs/zerolog"

	"ruche/backend/boot"
	"ruche/backend/secrets"
)

// loadText loads the spelling dictionaries, as the window does in the
// background at start.
func loadText(t *testing.T, w world) {
	t.Helper()
	noErr(t, w.app.Text.Load(context.Background()))
}

func TestSpellingBeforeTheDictionariesLoad(t *testing.T) {
	w := newWorld(t)
	got := must(w.comp.Spelling("Merci pour l’acceuil !", w.bluesky))
	if got.Ready || got.Language != "fr" || got.Misspellings == nil || len(got.Misspellings) != 0 {
		t.Errorf("Spelling() before loading = %+v, want fr, not ready, none", got)
	}
}

func TestSpellingOffsetsInUTF16(t *testing.T) {
	w := newWorld(t)
	loadText(t, w)
	body := "🥐 Merci pour l’acceuil 🥐 !"
	got := must(w.comp.Spelling(body, w.bluesky))
	if !got.Ready || got.Language != "fr" || len(got.Misspellings) != 1 {
		t.Fatalf("Spelling(%q) = %+v, want one misspelling in fr", body, got)
	}
	m := got.Misspellings[0]
	if m.Word != "acceuil" || len(m.Suggestions) == 0 || m.Suggestions[0] != "accueil" {
		t.Errorf("misspelling = %+v, want acceuil → accueil first", m)
	}
	// The offsets index the text as JavaScript sees it: 🥐 is two units,
	// ’ one.
	units := utf16.Encode([]rune(body))
	if m.Start != 16 || m.End != 23 || string(utf16.Decode(units[m.Start:m.End])) != "acceuil" {
		t.Errorf("offsets = %d..%d, want 16..23 (acceuil)", m.Start, m.End)
	}
	// The master text, with no account, is checked too.
	if got := must(w.comp.Spelling("Merci pour l’acceuil 🥐 !", "")); len(got.Misspellings) != 1 || got.Misspellings[0].Start != 13 {
		t.Errorf("Spelling(master) = %+v, want acceuil at 13", got)
	}
	if _, err := w.comp.Spelling("x", "nobody"); err == nil {
		t.Error("Spelling(unknown account) succeeded")
	}
}

func TestAddWordIsAcceptedByTheNextCheck(t *testing.T) {
	w := newWorld(t)
	loadText(t, w)
	body := "Bienvenue au Fournil de Pétrinou, ouvert ce matin."
	before := must(w.comp.Spelling(body, w.mastodon))
	if len(before.Misspellings) != 1 || before.Misspellings[0].Word != "Pétrinou" {
		t.Fatalf("Spelling() = %+v, want Pétrinou flagged", before)
	}
	noErr(t, w.comp.AddWord("Pétrinou"))
	noErr(t, w.comp.AddWord("fournil"))
	noErr(t, w.comp.AddWord("Fournil")) // once is enough
	if after := must(w.comp.Spelling(body, w.mastodon)); len(after.Misspellings) != 0 {
		t.Errorf("Spelling() after AddWord = %+v, want none", after.Misspellings)
	}
	if got := must(w.comp.Spelling("Le Fournil", "")); len(got.Misspellings) != 0 {
		t.Errorf("Spelling(Le Fournil) = %+v, want none", got.Misspellings)
	}
	if words := must(w.app.Store.Words(context.Background(), w.ws.ID)); len(words) != 2 {
		t.Errorf("Words() = %q, want Pétrinou and fournil", words)
	}
	if err := w.comp.AddWord("deux mots"); err == nil {
		t.Error("AddWord(two words) succeeded")
	}
}

func TestSpellingDetectsTheLanguage(t *testing.T) {
	w := newWorld(t)
	loadText(t, w)
	tests := []struct{ text, lang, word, first string }{
		{"Thank you all for coming to the bakery this morning, see you tomorrow!", "en", "", ""},
		{"We recieve fresh flour every morning at the bakery.", "en", "recieve", "receive"},
		{"Merci à toutes et à tous d’être venus ce matin, à demain !", "fr", "", ""},
		{"Nous sommes très professionel avec nos clients.", "fr", "professionel", "professionnel"},
		{"", "fr", "", ""}, // nothing to read: the workspace's language
	}
	for _, tt := range tests {
		got := must(w.comp.Spelling(tt.text, w.linkd))
		if got.Language != tt.lang || !got.Ready {
			t.Errorf("Spelling(%q) language = %q (ready %v), want %q", tt.text, got.Language, got.Ready, tt.lang)
		}
		switch {
		case tt.word == "" && len(got.Misspellings) != 0:
			t.Errorf("Spelling(%q) = %+v, want none", tt.text, got.Misspellings)
		case tt.word != "" && (len(got.Misspellings) != 1 || got.Misspellings[0].Word != tt.word ||
			len(got.Misspellings[0].Suggestions) == 0 || got.Misspellings[0].Suggestions[0] != tt.first):
			t.Errorf("Spelling(%q) = %+v, want %s → %s", tt.text, got.Misspellings, tt.word, tt.first)
		}
	}
}

func TestUTF16Offsets(t *testing.T) {
	s := "a🥐é’b"
	o := utf16Offsets{s: s}
	want := map[int]int{0: 0, 1: 1, 5: 3, 7: 4, 10: 5, 11: 6, 99: 6}
	for _, b := range []int{0, 1, 5, 7, 10, 11, 99, 5} {
		if got := o.at(b); got != want[b] {
			t.Errorf("at(%d) = %d, want %d", b, got, want[b])
		}
	}
}

// BenchmarkSpelling is one live check of a 500-character post with a
// misspelling, dictionaries loaded (budget: 5 ms).
func BenchmarkSpelling(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "data")
	app, err := boot.Open(context.Background(), boot.Config{DataDir: dir, Vault: secrets.NewMemory(), Version: "test", System: system})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { app.Close() })
	if err := app.Text.Load(context.Background()); err != nil {
		b.Fatal(err)
	}
	comp := NewComposer(NewSettings(Deps{App: app, DataDir: dir, Dialogs: &fakeDialogs{}, System: system, Version: "test", Log: zerolog.Nop()}))
	if err := comp.AddWord("Fournil"); err != nil {
		b.Fatal(err)
	}
	body := "Bonjour à toutes et à tous ! Ce matin au fournil, nous avons sorti nos premières brioches 🥐 " +
		"et nos pains au levain. Merci pour l’acceuil chaleureux que vous réservez à nos nouvelles recettes : " +
		"la tarte aux pommes du verger voisin, le pain aux noix et les sablés au beurre salé. " +
		"Passez nous voir avant midi, il en reste encore un peu. Bonne journée à vous et à bientôt !"
	b.ResetTimer()
	for b.Loop() {
		if got := must(comp.Spelling(body, "")); len(got.Misspellings) != 1 {
			b.Fatalf("Spelling() = %+v, want acceuil alone", got)
		}
	}
}

// Past hashtags that did well are offered, those the text speaks of first;
// one already in the text is not.
func TestSpellingSuggestsPastHashtags(t *testing.T) {
	s, _ := newFacade(t)
	must(s.CreateDemo())
	c := NewComposer(s)
	accs := must(c.Accounts())
	masto := ""
	for _, a := range accs {
		if a.Network == "mastodon" {
			masto = a.ID
		}
	}
	// The demo is in English here: its Mastodon posts end with #bakery #bread.
	got := must(c.Spelling("Our country bread is out of the oven", masto))
	if len(got.Tags) == 0 {
		t.Fatalf("Spelling().Tags = none, want the demo's past hashtags")
	}
	related := false
	for _, tag := range got.Tags {
		if tag.Tag == "bread" && tag.Related {
			related = true
		}
	}
	if !related {
		t.Errorf("Spelling().Tags = %+v, want #bread offered as related to the text", got.Tags)
	}
	again := must(c.Spelling("Our country bread #bread", masto))
	for _, tag := range again.Tags {
		if tag.Tag == "bread" {
			t.Errorf("Spelling().Tags offers #bread, already in the text: %+v", again.Tags)
		}
	}
}
