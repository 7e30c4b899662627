package mastodontest

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"
)

type notif struct {
	id, userID, typ, fromID, statusID string
	created                           time.Time
}

// ErrNoStatus: the activity names a status the server does not hold.
var ErrNoStatus = errors.New("mastodontest: no such status")

// Favourite makes remote account acct favourite status id, counting it
// and notifying its author.
func (s *Server) Favourite(acct, id string) error {
	return s.interact(acct, id, "favourite", func(st *stat) { st.favs++ })
}

// Reblog makes remote account acct boost status id, counting it and
// notifying its author.
func (s *Server) Reblog(acct, id string) error {
	return s.interact(acct, id, "reblog", func(st *stat) { st.reblogs++ })
}

func (s *Server) interact(acct, id, typ string, count func(*stat)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.statuses[id]
	if st == nil || st.deleted {
		return ErrNoStatus
	}
	from := s.remoteLocked(acct, "")
	count(st)
	s.notifyLocked(st.userID, typ, from.acc.ID, st.id)
	return nil
}

// Follow makes remote account acct follow local user username.
func (s *Server) Follow(acct, username string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	from := s.remoteLocked(acct, "")
	to := s.userLocked(username, s.domain(), "")
	to.acc.FollowersCount++
	s.notifyLocked(to.acc.ID, "follow", from.acc.ID, "")
}

// Mention makes remote account acct post text mentioning local user
// username, in reply to status inReplyTo ("" for none), and notifies
// them; its content is HTML, as the instance renders it. It returns the
// status.
func (s *Server) Mention(acct, username, text, inReplyTo string) (Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	from := s.remoteLocked(acct, "")
	to := s.userLocked(username, s.domain(), "")
	var parent *stat
	if inReplyTo != "" {
		if parent = s.statuses[inReplyTo]; parent == nil || parent.deleted {
			return Status{}, ErrNoStatus
		}
	}
	if !strings.Contains(text, "@"+username) {
		text = "@" + username + " " + text
	}
	st := s.publishLocked(from, text, "", "public", "", parent, nil, "", s.now())
	st.app = ""
	s.notifyLocked(to.acc.ID, "mention", from.acc.ID, st.id)
	return s.statusLocked(st), nil
}

// MentionHTML is Mention with content as the author's server sent it,
// kept as it is (to test how a client reads hostile HTML).
func (s *Server) MentionHTML(acct, username, content, inReplyTo string) (Status, error) {
	st, err := s.Mention(acct, username, "", inReplyTo)
	if err != nil {
		return st, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.statuses[st.ID].content = content
	return s.statusLocked(s.statuses[st.ID]), nil
}

// Quote makes remote account acct quote status id with text (Mastodon
// 4.5), counting it and notifying the quoted status's author.
func (s *Server) Quote(acct, id, text string) (Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	quoted := s.statuses[id]
	if quoted == nil || quoted.deleted {
		return Status{}, ErrNoStatus
	}
	from := s.remoteLocked(acct, "")
	st := s.publishLocked(from, text, "", "public", "", nil, nil, "", s.now())
	st.app, st.quoteOf = "", quoted.id
	quoted.qs++
	s.notifyLocked(quoted.userID, "quote", from.acc.ID, st.id)
	return s.statusLocked(st), nil
}

// notifyLocked adds a notification for user; s.mu is held.
func (s *Server) notifyLocked(userID, typ, fromID, statusID string) {
	if u := s.users[userID]; u == nil || !u.local {
		return
	}
	s.notifications = append(s.notifications, &notif{id: s.nextID(), userID: userID, typ: typ, fromID: fromID, statusID: statusID, created: s.now().UTC()})
}

func (s *Server) listNotifications(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.authLocked(w, r, "read:notifications")
	if u == nil {
		return
	}
	q := r.URL.Query()
	types, exclude := list(q, "types"), list(q, "exclude_types")
	byID := map[string]*notif{}
	var ids []string
	for _, n := range s.notifications {
		if n.userID != u.acc.ID || (len(types) > 0 && !slices.Contains(types, n.typ)) || slices.Contains(exclude, n.typ) {
			continue
		}
		if n.statusID != "" {
			if st := s.statuses[n.statusID]; st == nil || st.deleted {
				continue
			}
		}
		byID[n.id] = n
		ids = append(ids, n.id)
	}
	page := paginate(w, r, ids, 40, 80)
	out := make([]Notification, 0, len(page))
	for _, id := range page {
		n := byID[id]
		nn := Notification{ID: n.id, Type: n.typ, CreatedAt: n.created, Account: s.accountLocked(s.users[n.fromID])}
		if n.statusID != "" {
			st := s.statusLocked(s.statuses[n.statusID])
			nn.Status = &st
		}
		out = append(out, nn)
	}
	writeJSON(w, http.StatusOK, out)
}
