package api

import (
	"strings"
	"testing"
	"unicode/utf16"

	"ruche/backend/fault"
)

func TestVoiceSavedPerWorkspace(t *testing.T) {
	w := newWorld(t)
	if got := must(w.s.Voice()); len(got.Forbidden) != 0 || got.Forbidden == nil || got.Hashtags == nil || got.MaxEmoji != nil {
		t.Errorf("Voice() before any = %+v, want no rule and empty lists", got)
	}
	one := 1
	in := VoiceDTO{Forbidden: []VoiceWordDTO{{Word: " client ", Use: "ami"}, {Word: " "}}, Signature: " — Léa ",
		Hashtags: []string{"Fournil", "#pain"}, Address: "vous", MaxExclamations: &one, NoAllCaps: true, MinReadingEase: 30}
	saved := must(w.s.SaveVoice(in))
	if len(saved.Forbidden) != 1 || saved.Forbidden[0] != (VoiceWordDTO{Word: "client", Use: "ami"}) || saved.Signature != "— Léa" ||
		strings.Join(saved.Hashtags, " ") != "#Fournil #pain" || saved.MaxExclamations == nil || *saved.MaxExclamations != 1 {
		t.Errorf("SaveVoice() = %+v, want it trimmed", saved)
	}
	if got := must(w.s.Voice()); got.Signature != "— Léa" || !got.NoAllCaps || got.MinReadingEase != 30 || got.Address != "vous" {
		t.Errorf("Voice() = %+v, want the saved one", got)
	}
	// Another workspace has its own voice.
	other := must(w.s.CreateWorkspace(WorkspaceInput{Name: "Autre", TimeZone: "Europe/Paris", Language: "fr"}))
	must(w.s.SwitchWorkspace(other.ID))
	if got := must(w.s.Voice()); got.Signature != "" || len(got.Forbidden) != 0 {
		t.Errorf("another workspace's Voice() = %+v, want none", got)
	}
	minus := -1
	for _, bad := range []VoiceDTO{{MaxEmoji: &minus}, {MaxExclamations: &minus}, {MinReadingEase: -5}, {MinReadingEase: 101}, {Address: "toi"}} {
		if _, err := w.s.SaveVoice(bad); fault.KindOf(err) != fault.Invalid {
			t.Errorf("SaveVoice(%+v) = %v, want refused", bad, err)
		}
	}
}

func TestSpellingListsVoiceFindings(t *testing.T) {
	w := newWorld(t)
	loadText(t, w)
	must(w.s.SaveVoice(VoiceDTO{Forbidden: []VoiceWordDTO{{Word: "client", Use: "ami"}}, Signature: "— Léa"}))
	body := "🥐 Merci à chaque client du Fournil."
	got := must(w.comp.Spelling(body, w.bluesky))
	if got.Language != "fr" || len(got.Voice) != 2 {
		t.Fatalf("Spelling(%q).Voice = %+v, want a forbidden word and a missing signature", body, got.Voice)
	}
	units := utf16.Encode([]rune(body))
	var forbidden, signature *VoiceFinding
	for i, f := range got.Voice {
		switch f.Code {
		case "text.voice.forbidden_word":
			forbidden = &got.Voice[i]
		case "text.voice.signature_missing":
			signature = &got.Voice[i]
		}
	}
	if forbidden == nil || forbidden.Suggestion != "ami" || string(utf16.Decode(units[forbidden.Start:forbidden.End])) != "client" ||
		forbidden.Start != 18 || !strings.Contains(forbidden.Message, "client") {
		t.Errorf("forbidden finding = %+v, want client → ami at 18..24 (UTF-16)", forbidden)
	}
	if signature == nil || signature.Start != len(units) || signature.End != len(units) || !strings.Contains(signature.Message, "— Léa") {
		t.Errorf("signature finding = %+v, want an empty range at %d with the signature in its message", signature, len(units))
	}
	// Signed and without the word: nothing to report, spelling still read.
	if got := must(w.comp.Spelling("Merci pour l’acceuil. — Léa", "")); len(got.Voice) != 0 || len(got.Misspellings) != 1 {
		t.Errorf("Spelling(signed) = %+v, want no finding and acceuil", got)
	}
}

func TestCreditsNameTheDictionaries(t *testing.T) {
	w := newWorld(t)
	if got := must(w.s.Credits()); len(got) < 50 {
		t.Errorf("Credits() = %q, want the licences", got)
	}
}
