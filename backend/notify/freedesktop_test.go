//go:build linux || freebsd

package notify

import (
	"os"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// fakeServer is a notification daemon on the session bus: it records what
// it is asked to show, and announces caps.
type fakeServer struct {
	got  chan []any
	mu   sync.Mutex
	caps []string
}

func (f *fakeServer) GetCapabilities() ([]string, *dbus.Error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.caps, nil
}

func (f *fakeServer) setCaps(caps ...string) {
	f.mu.Lock()
	f.caps = caps
	f.mu.Unlock()
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
	// Hostile text in the body: escaped for a daemon that reads markup,
	// sent as it is to one that shows text.
	const hostile = `<a href="https://evil.test">x</a> <img src="file:///x"/> &amp; <b>it's</b>`
	for _, tt := range []struct {
		caps []string
		want string
	}{
		{[]string{"actions", "body", "body-markup"}, "&lt;a href=&#34;https://evil.test&#34;&gt;x&lt;/a&gt; &lt;img src=&#34;file:///x&#34;/&gt; &amp;amp; &lt;b&gt;it&#39;s&lt;/b&gt;"},
		{[]string{"actions", "body"}, hostile},
	} {
		fake.setCaps(tt.caps...)
		if err := d.Send(Notice{Title: "Ruche <b>x</b>", Body: hostile, PostID: "post-8"}); err != nil {
			t.Fatalf("Send() = %v", err)
		}
		select {
		case got := <-fake.got:
			if got[1] != "Ruche <b>x</b>" || got[2] != tt.want {
				t.Errorf("with caps %v, daemon got summary %q, body %q; want %q, %q", tt.caps, got[1], got[2], "Ruche <b>x</b>", tt.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("the daemon got nothing")
		}
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
