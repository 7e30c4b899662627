package locale

import (
	"regexp"
	"sort"
	"testing"
)

var placeholder = regexp.MustCompile(`\{[a-z]+\}`)

func TestCataloguesMatch(t *testing.T) {
	en, fr := catalogues[English], catalogues[French]
	for code, text := range en {
		other, ok := fr[code]
		if !ok {
			t.Errorf("French has no message for %q", code)
			continue
		}
		if got, want := sortedPlaceholders(other), sortedPlaceholders(text); got != want {
			t.Errorf("%q: French placeholders %s, want %s as in English", code, got, want)
		}
		if text == "" || other == "" {
			t.Errorf("%q: empty message", code)
		}
	}
	for code := range fr {
		if _, ok := en[code]; !ok {
			t.Errorf("English has no message for %q", code)
		}
	}
}

func sortedPlaceholders(s string) string {
	p := placeholder.FindAllString(s, -1)
	sort.Strings(p)
	seen := ""
	for i, x := range p {
		if i == 0 || x != p[i-1] {
			seen += x
		}
	}
	return seen
}

func TestMessage(t *testing.T) {
	tests := []struct {
		lang Lang
		code string
		args map[string]any
		want string
	}{
		{French, "workspace.name_too_long", map[string]any{"max": 80}, "Le nom est trop long (80 caractères au plus)."},
		{English, "workspace.name_too_long", map[string]any{"max": 80}, "The name is too long (80 characters at most)."},
		{"de", "workspace.name_required", nil, "Give the workspace a name."},
		{French, "no.such.code", nil, "Une erreur inattendue s’est produite. Les détails sont dans le journal."},
	}
	for _, tt := range tests {
		if got := Message(tt.lang, tt.code, tt.args); got != tt.want {
			t.Errorf("Message(%s, %s) = %q, want %q", tt.lang, tt.code, got, tt.want)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want System
	}{
		{"French locale and zone", map[string]string{"LANG": "fr_FR.UTF-8", "TZ": "Europe/Paris"}, System{French, "Europe/Paris"}},
		{"LC_ALL wins over LANG", map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8", "TZ": ":America/Montreal"}, System{English, "America/Montreal"}},
		{"Canadian French", map[string]string{"LANG": "fr_CA.UTF-8", "TZ": "/usr/share/zoneinfo/America/Toronto"}, System{French, "America/Toronto"}},
		{"unsupported language", map[string]string{"LANG": "de_DE.UTF-8", "TZ": "Europe/Berlin"}, System{English, "Europe/Berlin"}},
		{"C locale, LANGUAGE list", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "es:fr:en", "TZ": "Etc/UTC"}, System{French, "UTC"}},
		{"nonsense zone", map[string]string{"LANG": "en_US.UTF-8", "TZ": "Mars/Olympus"}, System{English, ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Detect(func(k string) string { return tt.env[k] })
			if got.Lang != tt.want.Lang {
				t.Errorf("Lang = %q, want %q", got.Lang, tt.want.Lang)
			}
			if tt.want.Zone != "" && got.Zone != tt.want.Zone {
				t.Errorf("Zone = %q, want %q", got.Zone, tt.want.Zone)
			}
			if !ValidZone(got.Zone) {
				t.Errorf("Zone = %q, not a valid zone", got.Zone)
			}
		})
	}
}

func TestZones(t *testing.T) {
	names := ZoneNames()
	if !sort.StringsAreSorted(names) || len(names) < 300 {
		t.Fatalf("ZoneNames() has %d names, sorted %v; want > 300 sorted", len(names), sort.StringsAreSorted(names))
	}
	for _, z := range names {
		if !ValidZone(z) {
			t.Errorf("ZoneNames() offers %q, which does not load", z)
		}
	}
	for _, z := range []string{"Europe/Paris", "America/Toronto", "Indian/Reunion", "Pacific/Tahiti", "UTC"} {
		if !KnownZone(z) {
			t.Errorf("KnownZone(%q) = false, want true", z)
		}
	}
	for _, z := range []string{"", "Local", " Europe/Paris", "Europe/Pariss"} {
		if ValidZone(z) {
			t.Errorf("ValidZone(%q) = true, want false", z)
		}
	}
}
