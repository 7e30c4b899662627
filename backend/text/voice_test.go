package text

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func intp(n int) *int { return &n }

func TestVoice(t *testing.T) {
	type finding struct {
		Rule, Text, Suggestion string
	}
	tests := []struct {
		name  string
		voice Voice
		text  string
		want  []finding
	}{
		{"nothing asked", Voice{}, "SUPER promo !!! 🎉🎉🎉 tu vas adorer", nil},
		{"forbidden words, any case and accents", Voice{Forbidden: []VoiceWord{{Word: "pas cher", Use: "abordable"}, {Word: "Deal"}}},
			"Un DEAL pas chér du tout", []finding{{RuleForbidden, "DEAL", ""}, {RuleForbidden, "pas chér", "abordable"}}},
		{"vous, not tu", Voice{Address: "vous"}, "Tu as vu ? T'inquiète, ton colis arrive. Dis-toi que c'est bientôt.",
			[]finding{{RuleFormal, "Tu", "Vous"}, {RuleFormal, "T'", "vous"}, {RuleFormal, "ton", "votre"}, {RuleFormal, "toi", "vous"}}},
		{"tu, not vous", Voice{Address: "tu"}, "Merci pour votre message, vous êtes top", []finding{{RuleInformal, "votre", "ton"}, {RuleInformal, "vous", "tu"}}},
		{"address rules are French", Voice{Address: "vous"}, "Did you see your order?", nil},
		{"exclamations and emoji", Voice{MaxExclamations: intp(1), MaxEmoji: intp(1)}, "Génial !!! Merci ! 🎉🎉",
			[]finding{{RuleExclamations, "!!", ""}, {RuleExclamations, "!", ""}, {RuleEmoji, "🎉", ""}}},
		{"capitals", Voice{NoAllCaps: true}, "Les SOLDES commencent à la SNCF", []finding{{RuleAllCaps, "SOLDES", "Soldes"}, {RuleAllCaps, "SNCF", "Sncf"}}},
		{"signature and hashtags", Voice{Signature: "— L'équipe Ruche", Hashtags: []string{"#Ruche", "ÉtéSolidaire"}},
			"Bel été à tous #etesolidaire", []finding{{RuleHashtag, "", "#Ruche"}, {RuleSignature, "", "— L'équipe Ruche"}}},
		{"signature present", Voice{Signature: "^CM"}, "Merci ! ^CM  ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.text)
			lang := French
			if tt.name == "address rules are French" {
				lang = English
			}
			var got []finding
			for _, f := range tt.voice.check(tt.text, toks, lang, readability(tt.text, toks, lang)) {
				got = append(got, finding{f.Rule, tt.text[f.Start:f.End], f.Suggestion})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("check(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestReadability(t *testing.T) {
	tests := []struct {
		text, lang string
		min, max   float64
		formula    string
	}{
		{"Le chat dort. Il fait beau.", French, 85, 100, KandelMoles},
		{"L'administration départementale considère néanmoins que l'harmonisation réglementaire constitue une préoccupation fondamentale incontournable.", French, 0, 20, KandelMoles},
		{"The cat sat on the mat. It was warm.", English, 90, 100, Flesch},
		{"Notwithstanding considerable organisational reconfiguration, the administration's unprecedented institutional accountability remains questionable.", English, 0, 15, Flesch},
	}
	for _, tt := range tests {
		r := readability(tt.text, Tokenize(tt.text), tt.lang)
		if r.Score < tt.min || r.Score > tt.max || r.Formula != tt.formula {
			t.Errorf("readability(%q) = %+v, want a %s score in [%v, %v]", tt.text, r, tt.formula, tt.min, tt.max)
		}
	}
	if r := readability("", nil, French); r.Words != 0 || r.Level != "" {
		t.Errorf("readability of nothing = %+v, want zero", r)
	}
}

func TestHashtags(t *testing.T) {
	got := Hashtags("Bel #ÉtéSolidaire à tous ! #Ruche_2025 #")
	want := []Hashtag{{Tag: "ÉtéSolidaire", Norm: "etesolidaire", Start: 4, End: 19}, {Tag: "Ruche_2025", Norm: "ruche_2025", Start: 30, End: 41}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Hashtags (-want +got):\n%s", diff)
	}
	if n := NormalizeTag("#CaféCrème"); n != "cafecreme" {
		t.Errorf("NormalizeTag(#CaféCrème) = %q, want cafecreme", n)
	}
}

func TestSuggestHashtags(t *testing.T) {
	stats := []TagStat{
		{Tag: "#Soldes", Posts: 12, Engagement: 40},
		{Tag: "soldes", Posts: 4, Engagement: 20}, // same tag written otherwise
		{Tag: "#Boulangerie", Posts: 30, Engagement: 90},
		{Tag: "#Croissant", Posts: 8, Engagement: 30},
		{Tag: "#Pain", Posts: 5, Engagement: 10},
		{Tag: "#Once", Posts: 1, Engagement: 500}, // one post says nothing
		{Tag: "#Ruche", Posts: 6, Engagement: 85},
	}
	got := SuggestHashtags("Nos croissants et le pain du jour, en soldes ce week-end ! #Ruche", stats, 4)
	want := []TagSuggestion{
		{Tag: "Croissant", Score: 0.33, Related: true},
		{Tag: "Soldes", Score: 0.39, Related: true},
		{Tag: "Pain", Score: 0.11, Related: true},
		{Tag: "Boulangerie", Score: 1, Related: false},
	}
	// Related first, best engagement first among them.
	want[0], want[1] = want[1], want[0]
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SuggestHashtags (-want +got):\n%s", diff)
	}
	if got := SuggestHashtags("Bonjour", nil, 3); len(got) != 0 {
		t.Errorf("SuggestHashtags without stats = %v, want none", got)
	}
}
