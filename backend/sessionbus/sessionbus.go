// Package sessionbus tells whether a D-Bus session bus is there to be used,
// without starting one. Asking godbus (and so go-keyring) for the session bus
// when there is none makes it run dbus-launch, whose daemon outlives the
// process: every command run on a headless server would leave one behind.
// Ruche says "no keychain here" instead.
package sessionbus

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// Reachable reports whether a session bus is announced: on Linux and BSD by
// DBUS_SESSION_BUS_ADDRESS or the user's bus socket in the runtime folder;
// elsewhere (macOS, Windows) the question does not arise and it is true.
func Reachable(getenv func(string) string) bool {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		return true
	}
	if a := getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" && a != "autolaunch:" {
		return true
	}
	dirs := []string{getenv("XDG_RUNTIME_DIR"), fmt.Sprintf("/run/user/%d", os.Getuid())}
	for _, d := range dirs {
		if d == "" {
			continue
		}
		for _, name := range []string{"bus", "dbus-session"} {
			if _, err := os.Stat(filepath.Join(d, name)); err == nil {
				return true
			}
		}
	}
	return false
}
