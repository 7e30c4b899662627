package sessionbus

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

func TestReachable(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the session bus is a Linux matter")
	}
	withBus := t.TempDir()
	os.WriteFile(filepath.Join(withBus, "bus"), nil, 0o600)
	if _, err := os.Stat("/run/user/" + strconv.Itoa(os.Getuid()) + "/bus"); err == nil {
		t.Skip("this machine has a user bus socket")
	}
	tests := []struct {
		name string
		env  map[string]string
		want bool
	}{
		{"address given", map[string]string{"DBUS_SESSION_BUS_ADDRESS": "unix:path=/tmp/x"}, true},
		{"autolaunch is not an address", map[string]string{"DBUS_SESSION_BUS_ADDRESS": "autolaunch:"}, false},
		{"socket in the runtime folder", map[string]string{"XDG_RUNTIME_DIR": withBus}, true},
		{"nothing: a headless server", map[string]string{"XDG_RUNTIME_DIR": t.TempDir()}, false},
	}
	for _, tt := range tests {
		if got := Reachable(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("%s: Reachable() = %v, want %v", tt.name, got, tt.want)
		}
	}
}
