package backend

import (
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"testing"
)

type pkg struct {
	ImportPath string
	Deps       []string
}

// listPackages returns every package under backend/ with all its
// dependencies, as the Go tool sees them.
func listPackages(t *testing.T) []pkg {
	t.Helper()
	out, err := exec.Command("go", "list", "-json=ImportPath,Deps", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 5 {
		t.Fatalf("go list found %d packages under backend/, want them all", len(pkgs))
	}
	return pkgs
}

func TestBackendNeverImportsWails(t *testing.T) {
	for _, p := range listPackages(t) {
		for _, d := range p.Deps {
			if strings.HasPrefix(d, "github.com/wailsapp/") {
				t.Errorf("%s depends on %s: only main.go and app.go may import Wails", p.ImportPath, d)
			}
		}
	}
}

// TestDependenciesPointOneWay keeps the vocabulary and the domains free of the
// layers above them.
func TestDependenciesPointOneWay(t *testing.T) {
	lower := map[string][]string{
		"ruche/backend/fault":     {"ruche/backend/"},
		"ruche/backend/locale":    {"ruche/backend/"},
		"ruche/backend/ident":     {"ruche/backend/"},
		"ruche/backend/workspace": {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/secrets"},
		"ruche/backend/settings":  {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/secrets"},
		"ruche/backend/post":      {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/secrets", "ruche/backend/network", "ruche/backend/scheduler"},
		"ruche/backend/network":   {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/secrets", "ruche/backend/scheduler"},
		"ruche/backend/calendar":  {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/post", "ruche/backend/scheduler"},
		"ruche/backend/scheduler": {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli"},
		"ruche/backend/account":   {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/secrets", "ruche/backend/scheduler", "ruche/backend/plan"},
		"ruche/backend/media":     {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/secrets", "ruche/backend/network", "ruche/backend/plan"},
		"ruche/backend/plan":      {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/secrets", "ruche/backend/scheduler"},
		"ruche/backend/store":     {"ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/secrets"},
		// The networks are the clients; the keychain entries are credentials'.
		"ruche/backend/network/directory": {"ruche/backend/credentials", "ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/scheduler"},
		"ruche/backend/proof":             {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/scheduler"},
		"ruche/backend/collect":           {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/scheduler"},
		"ruche/backend/importing":         {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/calendar", "ruche/backend/analytics", "ruche/backend/post"},
		"ruche/backend/jobs":              {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli", "ruche/backend/scheduler", "ruche/backend/network"},
		"ruche/backend/secrets":           {"ruche/backend/store", "ruche/backend/api", "ruche/backend/boot", "ruche/backend/cli"},
	}
	for _, p := range listPackages(t) {
		for _, d := range p.Deps {
			for _, b := range lower[p.ImportPath] {
				if strings.HasPrefix(d, b) {
					t.Errorf("%s imports %s", p.ImportPath, d)
				}
			}
		}
	}
}

// TestModulesCarryTheirSecurityFixes keeps the modules whose older
// versions have known flaws at or past the fixed version (x/net's HTML
// tokenizer reads hostile link-card pages).
func TestModulesCarryTheirSecurityFixes(t *testing.T) {
	tests := []struct{ module, min string }{
		{"golang.org/x/net", "v0.38.0"},
	}
	for _, tt := range tests {
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", tt.module).Output()
		if err != nil {
			t.Fatalf("go list -m %s: %v", tt.module, err)
		}
		if got := strings.TrimSpace(string(out)); semverLess(got, tt.min) {
			t.Errorf("%s is at %s, want %s or later", tt.module, got, tt.min)
		}
	}
}

// semverLess compares two vMAJOR.MINOR.PATCH versions.
func semverLess(a, b string) bool {
	pa, pb := strings.Split(strings.TrimPrefix(a, "v"), "."), strings.Split(strings.TrimPrefix(b, "v"), ".")
	for i := 0; i < 3 && i < len(pa) && i < len(pb); i++ {
		var x, y int
		fmt.Sscan(strings.SplitN(pa[i], "-", 2)[0], &x)
		fmt.Sscan(strings.SplitN(pb[i], "-", 2)[0], &y)
		if x != y {
			return x < y
		}
	}
	return false
}
