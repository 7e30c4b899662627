//go:build !linux && !freebsd

package notify

import (
	"os/exec"
	"runtime"
	"strconv"
)

// Desktop shows notifications on macOS through Notification Center
// (osascript). A click there opens Ruche, not the post: the window's
// message has the "Open" button. Windows has none yet: ErrUnsupported.
type Desktop struct{ app string }

// New returns the desktop notifier of app; open is not called here.
func New(app string, open func(postID string), getenv func(string) string) *Desktop {
	return &Desktop{app: app}
}

// Send shows n.
func (d *Desktop) Send(n Notice) error {
	if runtime.GOOS != "darwin" {
		return ErrUnsupported
	}
	script := "display notification " + strconv.Quote(n.Body) + " with title " + strconv.Quote(d.app) + " subtitle " + strconv.Quote(n.Title)
	return exec.Command("osascript", "-e", script).Run()
}

// Close does nothing.
func (d *Desktop) Close() error { return nil }
