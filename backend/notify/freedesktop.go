//go:build linux || freebsd

package notify

import (
	"fmt"
	"html"
	"slices"
	"sync"

	"github.com/godbus/dbus/v5"

	"ruche/backend/sessionbus"
)

// The freedesktop.org notification service, which every Linux desktop runs.
const (
	fdoName  = "org.freedesktop.Notifications"
	fdoPath  = "/org/freedesktop/Notifications"
	fdoIface = "org.freedesktop.Notifications"
)

// Desktop sends notifications over the D-Bus session bus and calls open
// with a notification's post when the user clicks it.
type Desktop struct {
	app    string
	open   func(postID string)
	getenv func(string) string

	mu    sync.Mutex
	conn  *dbus.Conn
	posts map[uint32]string // notification id → post id
	done  chan struct{}
}

// New returns the desktop notifier of app; the bus is reached on first use,
// if getenv (os.Getenv) announces one: none is ever started.
func New(app string, open func(postID string), getenv func(string) string) *Desktop {
	return &Desktop{app: app, open: open, getenv: getenv, posts: map[uint32]string{}}
}

// Send shows n.
func (d *Desktop) Send(n Notice) error {
	conn, err := d.connect()
	if err != nil {
		return err
	}
	obj := conn.Object(fdoName, fdoPath)
	// Asked at every notification: the daemon may have been replaced since.
	var caps []string
	err = obj.Call(fdoIface+".GetCapabilities", 0).Store(&caps)
	var id uint32
	actions := []string{"default", n.Title}
	hints := map[string]dbus.Variant{"urgency": dbus.MakeVariant(byte(2))}
	// The summary is plain text by the specification; the body may be read
	// as markup, and holds text Ruche does not control (a post's title, a
	// server's reason).
	call := obj.Call(fdoIface+".Notify", 0, d.app, uint32(0), "", n.Title, body(n.Body, readsMarkup(caps, err)), actions, hints, int32(-1))
	if err := call.Store(&id); err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	d.mu.Lock()
	d.posts[id] = n.PostID
	d.mu.Unlock()
	return nil
}

// readsMarkup tells whether a daemon announcing caps (err if it did not
// answer) reads the body as markup. One that does not answer is taken to
// read it: escaped text in a plain body is only untidy, markup read from a
// post is a link or an image Ruche never meant to show.
func readsMarkup(caps []string, err error) bool {
	return err != nil || slices.Contains(caps, "body-markup")
}

// body returns text as the body of a notification: for a daemon reading
// markup (the specification's subset of HTML: <b>, <i>, <u>, <a href>,
// <img>, entities), with &, <, >, " and ' escaped, so that it shows as the
// very text and never becomes markup; as it is for one showing plain text,
// which would print the escapes.
func body(text string, markup bool) string {
	if !markup {
		return text
	}
	return html.EscapeString(text)
}

func (d *Desktop) connect() (*dbus.Conn, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.conn != nil {
		return d.conn, nil
	}
	if !sessionbus.Reachable(d.getenv) {
		return nil, fmt.Errorf("%w: no D-Bus session bus", ErrUnsupported)
	}
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	if err := conn.AddMatchSignal(dbus.WithMatchInterface(fdoIface), dbus.WithMatchObjectPath(fdoPath)); err != nil {
		conn.Close()
		return nil, fmt.Errorf("notify: %w", err)
	}
	signals := make(chan *dbus.Signal, 16)
	conn.Signal(signals)
	d.conn, d.done = conn, make(chan struct{})
	go d.listen(signals, d.done)
	return conn, nil
}

// listen turns clicks into open calls until Close.
func (d *Desktop) listen(signals <-chan *dbus.Signal, done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		case s, ok := <-signals:
			if !ok {
				return
			}
			if len(s.Body) < 1 {
				continue
			}
			id, _ := s.Body[0].(uint32)
			d.mu.Lock()
			post, known := d.posts[id]
			if s.Name == fdoIface+".NotificationClosed" {
				delete(d.posts, id)
			}
			d.mu.Unlock()
			if known && s.Name == fdoIface+".ActionInvoked" {
				d.open(post)
			}
		}
	}
}

// Close stops listening and leaves the bus.
func (d *Desktop) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.conn == nil {
		return nil
	}
	close(d.done)
	err := d.conn.Close()
	d.conn = nil
	return err
}
