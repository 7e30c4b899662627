package secrets

import (
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"
)

// exercise runs the contract every Vault must keep.
func exercise(t *testing.T, v Vault) {
	t.Helper()
	name := "test-entry-" + strings.ReplaceAll(t.Name(), "/", "-")
	t.Cleanup(func() { v.Delete(name) })
	if _, err := v.Get(name); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get(missing) = %v, want ErrNotFound", err)
	}
	for _, secret := range []string{"first-token-ÉÀ", "second-token"} {
		if err := v.Set(name, secret); err != nil {
			t.Fatalf("Set() = %v", err)
		}
		if got, err := v.Get(name); err != nil || got != secret {
			t.Fatalf("Get() = %q, %v; want %q, nil", got, err, secret)
		}
	}
	if err := v.Set(name, strings.Repeat("x", MaxSize+1)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Set(too large) = %v, want ErrTooLarge", err)
	}
	if err := v.Delete(name); err != nil {
		t.Fatalf("Delete() = %v", err)
	}
	if err := v.Delete(name); err != nil {
		t.Errorf("Delete(already deleted) = %v, want nil", err)
	}
	if _, err := v.Get(name); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(deleted) = %v, want ErrNotFound", err)
	}
}

func TestMemory(t *testing.T) { exercise(t, NewMemory()) }

func TestMemoryUnavailable(t *testing.T) {
	v := NewMemory()
	v.Unavailable = true
	if _, err := v.Get("x"); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Get() = %v, want ErrUnavailable", err)
	}
}

func TestWatchReportsSecrets(t *testing.T) {
	var seen []string
	v := Watch(NewMemory(), func(s string) { seen = append(seen, s) })
	v.Set("a", "tok-1")
	v.Get("a")
	if len(seen) != 2 || seen[0] != "tok-1" || seen[1] != "tok-1" {
		t.Errorf("seen = %v, want [tok-1 tok-1]", seen)
	}
}

// TestKeyringReal uses the OS keychain. make test runs it inside
// dbus-run-session with an unlocked gnome-keyring-daemon (see README).
func TestKeyringReal(t *testing.T) {
	if os.Getenv("RUCHE_KEYRING_TEST") != "1" {
		t.Skip("set RUCHE_KEYRING_TEST=1 inside a D-Bus session with an unlocked keyring")
	}
	exercise(t, NewKeyring("Ruche-test", os.Getenv))
}

func TestKeyringUnreachable(t *testing.T) {
	if os.Getenv("RUCHE_KEYRING_TEST") == "1" || runtime.GOOS != "linux" {
		t.Skip("needs Linux without a keychain")
	}
	env := map[string]string{"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"}
	// The keyring library reads the process's environment itself: without
	// the same dead address there, it would autolaunch a bus daemon that
	// outlives the test.
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", env["DBUS_SESSION_BUS_ADDRESS"])
	_, err := NewKeyring("Ruche-test", func(k string) string { return env[k] }).Get("anything")
	if !errors.Is(err, ErrUnavailable) {
		t.Errorf("Get() with a dead session bus = %v, want ErrUnavailable", err)
	}
	// No bus at all: refused without starting one (dbus-launch would).
	_, err = NewKeyring("Ruche-test", func(string) string { return "" }).Get("anything")
	if !errors.Is(err, ErrUnavailable) {
		t.Errorf("Get() without a session bus = %v, want ErrUnavailable", err)
	}
}
