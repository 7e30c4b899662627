//go:build darwin

package locale

import (
	"os/exec"
	"strings"
)

// platformLang reads the first of the user's preferred languages.
func platformLang() string {
	out, err := exec.Command("defaults", "read", "-g", "AppleLocale").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func platformZone() string { return unixZone() }
