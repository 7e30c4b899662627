//go:build linux || freebsd

package notify

import (
	"fmt"
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
	var id uint32
	actions := []string{"default", n.Title}
	hints := map[string]dbus.Variant{"urgency": dbus.MakeVariant(byte(2))}
	call := conn.Object(fdoName, fdoPath).Call(fdoIface+".Notify", 0, d.app, uint32(0), "", n.Title, n.Body, actions, hints, int32(-1))
	if err := call.Store(&id); err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	d.mu.Lock()
	d.posts[id] = n.PostID
	d.mu.Unlock()
	return nil
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
