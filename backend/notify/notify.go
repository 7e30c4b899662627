// Package notify shows desktop notifications about posts, such as a post
// that failed for good; clicking one opens the post in Ruche.
package notify

import "errors"

// Notice is one notification.
type Notice struct {
	Title  string
	Body   string
	PostID string // opened when the notification is clicked
}

// ErrUnsupported: this desktop cannot show notifications; the window's
// in-app message remains.
var ErrUnsupported = errors.New("notify: no desktop notifications here")
