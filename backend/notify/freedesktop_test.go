//go:build linux || freebsd

package notify

import (
	"os"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// fakeServer is a notification daemon on the session bus: it records what
// it is asked to show.
type fakeServer struct {
	got chan []any
}

func (f *fakeServer) Notify(app string, replaces uint32, icon, summary, body string, actions []string, hints map[string]dbus.Variant, expire int32) (uint32, *dbus.Error) {
	f.got <- []any{app, summary, body, actions}
	return 42, nil
}

// TestSessionBusNotifications runs on a real D-Bus session bus (make test
// runs it in the keyring step, inside dbus-run-session).
func TestSessionBusNotifications(t *testing.T) {
	if os.Getenv("RUCHE_KEYRING_TEST") != "1" {
		t.Skip("needs a private D-Bus session: set RUCHE_KEYRING_TEST=1 inside dbus-run-session")
	}
	srv, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	fake := &fakeServer{got: make(chan []any, 1)}
	if err := srv.Export(fake, fdoPath, fdoIface); err != nil {
		t.Fatal(err)
	}
	if reply, err := srv.RequestName(fdoName, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Skipf("a notification daemon already runs here (%v, %v)", reply, err)
	}

	opened := make(chan string, 1)
	d := New("Ruche", func(id string) { opened <- id }, os.Getenv)
	defer d.Close()
	if err := d.Send(Notice{Title: "Publication échouée", Body: "Le compte doit être reconnecté.", PostID: "post-7"}); err != nil {
		t.Fatalf("Send() = %v", err)
	}
	select {
	case got := <-fake.got:
		if got[0] != "Ruche" || got[1] != "Publication échouée" || got[2] != "Le compte doit être reconnecté." {
			t.Errorf("daemon got %v", got)
		}
		if acts := got[3].([]string); len(acts) != 2 || acts[0] != "default" {
			t.Errorf("actions = %v, want a default action (click)", acts)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the daemon got nothing")
	}
	// The user clicks the notification.
	if err := srv.Emit(fdoPath, fdoIface+".ActionInvoked", uint32(42), "default"); err != nil {
		t.Fatal(err)
	}
	select {
	case id := <-opened:
		if id != "post-7" {
			t.Errorf("opened %q, want post-7", id)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a click did not open the post")
	}
}

func TestSendWithoutABus(t *testing.T) {
	// The D-Bus library reads the process's environment itself: without a
	// dead address there, it would autolaunch a bus daemon that outlives
	// the test.
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
	for _, env := range []map[string]string{{"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"}, {}} {
		d := New("Ruche", func(string) {}, func(k string) string { return env[k] })
		if err := d.Send(Notice{Title: "x"}); err == nil {
			t.Errorf("Send() with %v = nil, want an error", env)
		}
	}
}
