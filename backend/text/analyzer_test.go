package text

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/fault"
)

func TestBeforeLoadEverythingButSpellingWorks(t *testing.T) {
	a := newAnalyzer(t)
	r := a.Check("Génial, encore un retard de livraison. Merci pour rien 🙄", Options{})
	if r.SpellingReady || len(r.Spelling) != 0 {
		t.Errorf("before Load: spelling ready %v, %v; want not ready, nothing", r.SpellingReady, r.Spelling)
	}
	if r.Language != French || r.Sentiment.Label != Negative || r.Intents[0].Intent != Complaint {
		t.Errorf("before Load: %+v; want French, negative, a complaint", r.Classification)
	}
	if _, err := a.Spelling("acceuil", French, nil); !errors.Is(err, ErrNotReady) || fault.KindOf(err) != fault.Unavailable {
		t.Errorf("Spelling before Load = %v, want ErrNotReady", err)
	}
	select {
	case <-a.Ready():
		t.Fatal("Ready closed before Load")
	default:
	}
}

func TestLoadStopsWhenCancelledAndCanStartAgain(t *testing.T) {
	a := newAnalyzer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.Load(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Load(cancelled) = %v, want context.Canceled", err)
	}
	if err := a.Load(context.Background()); err != nil {
		t.Fatalf("Load after a cancelled one = %v", err)
	}
	select {
	case <-a.Ready():
	case <-time.After(time.Second):
		t.Fatal("Ready not closed after Load")
	}
	st := a.Stats()
	t.Logf("dictionaries loaded in %v (fr %v, en %v); forms fr %d, en %d; word sets fr %.1f MB, en %.1f MB; heap +%.1f MB",
		st.Duration.Round(time.Millisecond), st.Each[French].Round(time.Millisecond), st.Each[English].Round(time.Millisecond),
		st.Forms[French], st.Forms[English], float64(st.Bytes[French])/1e6, float64(st.Bytes[English])/1e6, float64(st.Heap)/1e6)
	if st.Forms[French] < 300000 || st.Forms[English] < 100000 {
		t.Errorf("forms = %v, want the whole dictionaries", st.Forms)
	}
	if err := a.Load(context.Background()); err != nil {
		t.Errorf("a second Load = %v, want nil", err)
	}
}

func TestLoadReportsAMissingDictionary(t *testing.T) {
	a, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	a.src = emptyFS{}
	if err := a.Load(context.Background()); !errors.Is(err, ErrDictionary) {
		t.Errorf("Load without dictionaries = %v, want ErrDictionary", err)
	}
}

func TestWorkspaceWords(t *testing.T) {
	a := loadedAnalyzer(t)
	text := "Le nouveau Rucheo arrive chez Bzzline, avec l'appli Rcuheo"
	got, err := a.Spelling(text, French, []string{"Rucheo", "bzzline"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Word != "Rcuheo" || len(got[0].Suggestions) == 0 || got[0].Suggestions[0] != "Rucheo" {
		t.Errorf("Spelling with workspace words = %+v; want only Rcuheo flagged, Rucheo suggested", got)
	}
}

func TestNeverFlagged(t *testing.T) {
	a := loadedAnalyzer(t)
	text := "Rendez-vous le 12/03 à 10h30 👉 https://ruche.app/promo?id=3 #SoldesDHiver @claire_d contact@ruche.fr 😍🔥 SNCF iPhone 2025 3,5€ :) a-t-il"
	got, err := a.Spelling(text, French, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("Spelling(%q) = %+v, want nothing flagged", text, got)
	}
}

func TestMisspellingOffsets(t *testing.T) {
	a := loadedAnalyzer(t)
	text := "Très bon acceuil, l’équipe est très professionel. Pourriez-vous m'envoyer l'adresse ?"
	got, _ := a.Spelling(text, French, nil)
	var words []string
	for _, m := range got {
		if text[m.Start:m.End] != m.Word {
			t.Errorf("%q at %d–%d is %q in the text", m.Word, m.Start, m.End, text[m.Start:m.End])
		}
		words = append(words, m.Word)
	}
	if diff := cmp.Diff([]string{"acceuil", "professionel"}, words); diff != "" {
		t.Errorf("misspelled words (-want +got):\n%s", diff)
	}
}

func TestSentimentAndIntents(t *testing.T) {
	a := loadedAnalyzer(t)
	tests := []struct {
		text, lang, label string
		intent            string
	}{
		{"Pas terrible du tout ce nouveau menu", French, Negative, Complaint},
		{"Pas mal du tout, je suis agréablement surprise", French, Positive, Praise},
		{"Je ne suis pas déçu, bien au contraire", French, Positive, ""},
		{"Not bad at all, I'm impressed", English, Positive, Praise},
		{"It's not good, I'm not happy with it", English, Negative, Complaint},
		{"Oh great, my parcel is lost again 🙄", English, Negative, Complaint},
		{"Super, encore une appli qui plante 🙃", French, Negative, Complaint},
		{"J'ADORE !!! 😍😍", French, Positive, Praise},
		{"Vous livrez en Belgique ? Merci d'avance", French, Neutral, Question},
		{"FOLLOW ME follow back f4f 🔥 free followers at growfast.xyz", English, Neutral, Spam},
		{"Espèce de c0nnard", French, Negative, Insult},
		{"f*ck off", English, Negative, Insult},
		{"s.a.l.o.p.e", "", Negative, Insult},                               // no word to tell the language
		{"Le retard de livraison est pénible", French, Negative, Complaint}, // "retard" is no slur in French
	}
	for _, tt := range tests {
		got := a.Classify(tt.text, Options{})
		if (tt.lang != "" && got.Language != tt.lang) || got.Sentiment.Label != tt.label {
			t.Errorf("Classify(%q) = %s, %+v; want %s, %s", tt.text, got.Language, got.Sentiment, tt.lang, tt.label)
		}
		if tt.intent != "" && !hasIntent(got.Intents, tt.intent) {
			t.Errorf("Classify(%q) intents = %+v, want %s", tt.text, got.Intents, tt.intent)
		}
		if tt.intent != Insult && hasIntent(got.Intents, Insult) {
			t.Errorf("Classify(%q) intents = %+v, want no insult", tt.text, got.Intents)
		}
		if s := got.Sentiment.Score; s < -1 || s > 1 {
			t.Errorf("Classify(%q) score %v out of [-1, 1]", tt.text, s)
		}
	}
}

func hasIntent(in []Intent, name string) bool {
	for _, x := range in {
		if x.Intent == name {
			return true
		}
	}
	return false
}

func TestLanguage(t *testing.T) {
	a := loadedAnalyzer(t)
	tests := []struct {
		text string
		opts Options
		want string
	}{
		{"Merci pour la livraison rapide", Options{}, French},
		{"Thanks for the quick delivery", Options{}, English},
		{"Super!", Options{Fallback: English}, English},
		{"👍👍", Options{Fallback: French}, French},
		{"👍👍", Options{}, Other},
		{"", Options{Fallback: English}, English},
		{"Muchas gracias por todo, el pedido llegó muy rápido", Options{}, Other},
		{"Спасибо большое", Options{}, Other},
		{"Merci pour tout, c'était top, really amazing team!", Options{}, French},
		{"Love the new shop, c'est génial, thanks so much for everything", Options{}, English},
		{"Thanks", Options{Lang: "fr"}, French},
	}
	for _, tt := range tests {
		if got := a.Classify(tt.text, tt.opts).Language; got != tt.want {
			t.Errorf("Classify(%q, %+v).Language = %s, want %s", tt.text, tt.opts, got, tt.want)
		}
	}
}

// TestBadInput: whatever the text, a valid answer and no panic.
func TestBadInput(t *testing.T) {
	a := loadedAnalyzer(t)
	big := strings.Repeat("Le colis est arrivé en retard, l'acceuil était nul 😡 https://x.fr #sav ", 1400) // ~100 KB
	tests := map[string]string{
		"empty":         "",
		"spaces":        " \n\t ",
		"100 KB":        big,
		"invalid UTF-8": "Bon\xffjour \xc3\x28 l'\xe2\x82 acceuil \xf0\x9f\x98",
		"only emoji":    "😍😍🔥👍🏽🇫🇷👨‍👩‍👧",
		"mixed":         "Merci beaucoup! Thank you so much, c'est parfait, perfect 👍 gracias",
		"controls":      "\x00\x01\u200b\u200d\ufeff",
		"long word":     strings.Repeat("a", 5000),
		"punctuation":   "!!!???...,,,;;;:::''''----",
	}
	for name, text := range tests {
		t.Run(name, func(t *testing.T) {
			r := a.Check(text, Options{Voice: &Voice{MaxEmoji: intp(1), NoAllCaps: true, Address: "vous", MinReadingEase: 50}, Words: []string{"Ruche"}})
			checkResult(t, text, r)
		})
	}
}

// checkResult checks that a result is well formed for text.
func checkResult(t *testing.T, text string, r Result) {
	t.Helper()
	switch r.Language {
	case French, English, Other:
	default:
		t.Errorf("language %q", r.Language)
	}
	if s := r.Sentiment.Score; s < -1 || s > 1 || r.Sentiment.Label != labelOf(s) {
		t.Errorf("sentiment %+v", r.Sentiment)
	}
	if len(r.Intents) == 0 {
		t.Error("no intent, want at least other")
	}
	for _, in := range r.Intents {
		if in.Confidence <= 0 || in.Confidence > 1 {
			t.Errorf("intent %+v: confidence out of (0, 1]", in)
		}
	}
	n := len(clip(text))
	for _, m := range r.Spelling {
		if m.Start < 0 || m.End > n || m.Start >= m.End || text[m.Start:m.End] != m.Word {
			t.Errorf("misspelling %+v: bad range", m)
		}
		for _, s := range m.Suggestions {
			if !utf8.ValidString(s) || s == "" {
				t.Errorf("misspelling %+v: bad suggestion %q", m, s)
			}
		}
	}
	for _, f := range r.Voice {
		if f.Start < 0 || f.End > len(text) || f.Start > f.End {
			t.Errorf("finding %+v: bad range", f)
		}
	}
	for _, h := range r.Hashtags {
		if text[h.Start:h.End] != "#"+h.Tag && text[h.Start:h.End] != "＃"+h.Tag {
			t.Errorf("hashtag %+v: bad range", h)
		}
	}
}

func TestConcurrentChecksWhileLoading(t *testing.T) {
	a := newAnalyzer(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := a.Load(ctx); err != nil {
			t.Errorf("Load: %v", err)
		}
	}()
	texts := []string{"L'acceuil était super", "I recieved it, thanks", "Bonjour ?", ""}
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				text := texts[(g+i)%len(texts)]
				checkResult(t, text, a.Check(text, Options{Words: []string{"Ruche"}}))
			}
		}()
	}
	wg.Wait()
	if r := a.Check("L'acceuil était super", Options{}); !r.SpellingReady || len(r.Spelling) != 1 {
		t.Errorf("after Load: %+v, want acceuil flagged", r.Spelling)
	}
}
