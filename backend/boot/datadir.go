package boot

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// DefaultDataDir returns the platform's folder for Ruche's data:
//
//	Windows  %AppData%\Ruche
//	macOS    ~/Library/Application Support/Ruche
//	Linux    $XDG_DATA_HOME/ruche, else ~/.local/share/ruche
func DefaultDataDir(getenv func(string) string) (string, error) {
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" {
		if x := getenv("XDG_DATA_HOME"); filepath.IsAbs(x) {
			return filepath.Join(x, "ruche"), nil
		}
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, ".local", "share", "ruche"), nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "Ruche"), nil
}

// Paths are the places inside a data folder.
type Paths struct {
	Data    string // the data folder
	Store   string // Badger
	Logs    string
	Backups string
}

// PathsOf lays out the data folder dir.
func PathsOf(dir string) Paths {
	return Paths{Data: dir, Store: filepath.Join(dir, "store"), Logs: filepath.Join(dir, "logs"),
		Backups: filepath.Join(dir, "backups")}
}

// ownEntries are the names Ruche keeps in its data folder; anything else in a
// folder without a store means it belongs to someone else.
var ownEntries = map[string]bool{"store": true, "logs": true, "backups": true, "ruche.lock": true}

// foreign reports whether dir holds files that are not Ruche's and no store.
func foreign(p Paths) bool {
	entries, err := os.ReadDir(p.Data)
	if err != nil {
		return false
	}
	for _, e := range entries {
		name := e.Name()
		if !ownEntries[name] && !strings.HasPrefix(name, ".") && name != "desktop.ini" {
			return true
		}
	}
	return false
}
