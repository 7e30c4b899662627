package mastodontest

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"ruche/backend/network"
)

type stat struct {
	id, userID, text, content  string
	visibility, spoiler, lang  string
	inReplyTo, inReplyToUser   string
	quoteOf, key               string
	media                      []string
	created                    time.Time
	favs, reblogs, replies, qs int
	deleted                    bool
	app                        string
}

type sched struct {
	id, userID string
	at         time.Time
	params     ScheduledParams
	key        string
}

// MinScheduleAhead is how far ahead a scheduled status must be.
const MinScheduleAhead = 5 * time.Minute

// IdempotencyTTL is how long an Idempotency-Key is remembered.
const IdempotencyTTL = time.Hour

func (s *Server) instanceV2(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	l, noV2 := s.limits, s.noV2
	s.mu.Unlock()
	if noV2 {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte("<!doctype html><title>The page you are looking for isn't here.</title>"))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"domain": l.Domain, "title": l.Title, "version": l.Version, "source_url": "https://github.com/mastodon/mastodon",
		"description": "An instance for tests", "usage": map[string]any{"users": map[string]any{"active_month": 1}},
		"languages": []string{"fr", "en"},
		"configuration": map[string]any{
			"urls":     map[string]any{"streaming": "wss://" + l.Domain},
			"accounts": map[string]any{"max_featured_tags": 10, "max_pinned_statuses": 5},
			"statuses": map[string]any{"max_characters": l.MaxCharacters, "max_media_attachments": l.MaxMediaAttachments,
				"characters_reserved_per_url": l.CharactersReservedPerURL},
			"media_attachments": map[string]any{"supported_mime_types": l.SupportedMIMETypes, "image_size_limit": l.ImageSizeLimit,
				"image_matrix_limit": 33177600, "video_size_limit": l.VideoSizeLimit, "video_frame_rate_limit": 120, "video_matrix_limit": 8294400},
			"polls":       map[string]any{"max_options": 4, "max_characters_per_option": 50, "min_expiration": 300, "max_expiration": 2629746},
			"translation": map[string]any{"enabled": false},
		},
		"registrations": map[string]any{"enabled": false, "approval_required": false, "message": nil},
		"contact":       map[string]any{"email": "admin@" + l.Domain, "account": nil},
		"rules":         []any{},
	})
}

func (s *Server) instanceV1(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	l := s.limits
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"uri": l.Domain, "title": l.Title, "short_description": "", "description": "", "email": "admin@" + l.Domain,
		"version": l.Version, "urls": map[string]any{"streaming_api": "wss://" + l.Domain},
		"stats": map[string]any{"user_count": 1, "status_count": 0, "domain_count": 0}, "languages": []string{"fr", "en"},
		"registrations": false, "approval_required": false, "invites_enabled": false,
		"configuration": map[string]any{
			"statuses": map[string]any{"max_characters": l.MaxCharacters, "max_media_attachments": l.MaxMediaAttachments,
				"characters_reserved_per_url": l.CharactersReservedPerURL},
			"media_attachments": map[string]any{"supported_mime_types": l.SupportedMIMETypes, "image_size_limit": l.ImageSizeLimit,
				"video_size_limit": l.VideoSizeLimit},
		},
		"contact_account": nil, "rules": []any{},
	})
}

func (s *Server) verifyCredentials(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.authLocked(w, r, "read:accounts")
	if u == nil {
		return
	}
	writeJSON(w, http.StatusOK, CredentialAccount{Account: s.accountLocked(u),
		Source: Source{Privacy: "public", Fields: []any{}, Note: ""}})
}

// accountLocked renders a user with its current counters; s.mu is held.
func (s *Server) accountLocked(u *user) Account {
	a := u.acc
	a.StatusesCount = 0
	var last time.Time
	for _, st := range s.statuses {
		if st.userID == u.acc.ID && !st.deleted {
			a.StatusesCount++
			if st.created.After(last) {
				last = st.created
			}
		}
	}
	if !last.IsZero() {
		d := last.UTC().Format("2006-01-02")
		a.LastStatusAt = &d
	}
	return a
}

// statusLocked renders a status; s.mu is held.
func (s *Server) statusLocked(st *stat) Status {
	u := s.users[st.userID]
	link := u.acc.URL + "/" + st.id
	out := Status{ID: st.id, URI: "https://" + u.domain + "/users/" + u.acc.Username + "/statuses/" + st.id, URL: &link,
		CreatedAt: st.created.UTC(), Account: s.accountLocked(u), Content: st.content, Visibility: st.visibility,
		SpoilerText: st.spoiler, Sensitive: st.spoiler != "", MediaAttachments: []MediaAttachment{}, Mentions: mentionsOf(st.text, s.domain()),
		Tags: []any{}, Emojis: []any{}, ReblogsCount: st.reblogs, FavouritesCount: st.favs, RepliesCount: st.replies, QuotesCount: st.qs}
	if st.app != "" {
		out.Application = &Application{Name: st.app}
	}
	if st.lang != "" {
		out.Language = &st.lang
	}
	if st.inReplyTo != "" {
		out.InReplyToID, out.InReplyToAccountID = &st.inReplyTo, &st.inReplyToUser
	}
	for _, id := range st.media {
		if m := s.media[id]; m != nil {
			out.MediaAttachments = append(out.MediaAttachments, s.attachmentLocked(m))
		}
	}
	if q := s.statuses[st.quoteOf]; q != nil && !q.deleted {
		qs := s.statusLocked(q)
		out.Quote = &Quote{State: "accepted", QuotedStatus: &qs}
	}
	return out
}

func (s *Server) accountStatuses(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.authLocked(w, r, "read:statuses") == nil {
		return
	}
	id := r.PathValue("id")
	if s.users[id] == nil {
		writeError(w, http.StatusNotFound, "Record not found")
		return
	}
	q := r.URL.Query()
	var ids []string
	for _, sid := range s.order {
		st := s.statuses[sid]
		if st.userID != id || st.deleted || (q.Get("exclude_replies") == "true" && st.inReplyTo != "") {
			continue
		}
		ids = append(ids, sid)
	}
	page := paginate(w, r, ids, 20, 40)
	out := make([]Status, 0, len(page))
	for _, sid := range page {
		out = append(out, s.statusLocked(s.statuses[sid]))
	}
	writeJSON(w, http.StatusOK, out)
}

// paginate returns the page of ids (oldest first) that max_id, since_id,
// min_id and limit ask for, newest first, and writes the Link header
// (next: older, prev: newer) with the request's other parameters, as
// Mastodon does.
func paginate(w http.ResponseWriter, r *http.Request, ids []string, def, most int) []string {
	q := r.URL.Query()
	limit := def
	if n, err := strconv.Atoi(q.Get("limit")); err == nil && n > 0 {
		limit = min(n, most)
	}
	maxID, sinceID, minID := q.Get("max_id"), q.Get("since_id"), q.Get("min_id")
	var sel []string
	for _, id := range ids {
		if (maxID != "" && !less(id, maxID)) || (sinceID != "" && !less(sinceID, id)) || (minID != "" && !less(minID, id)) {
			continue
		}
		sel = append(sel, id)
	}
	slices.SortFunc(sel, compareIDs)
	var page []string
	if minID != "" && maxID == "" {
		// min_id pages forward: the results just after min_id.
		if len(sel) > limit {
			sel = sel[:limit]
		}
		page = sel
	} else if len(sel) > limit {
		page = sel[len(sel)-limit:]
	} else {
		page = sel
	}
	slices.Reverse(page)
	if len(page) > 0 {
		base := "http://" + r.Host + r.URL.Path
		if r.TLS != nil {
			base = "https://" + r.Host + r.URL.Path
		}
		keep := url.Values{}
		for k, v := range q {
			switch k {
			case "max_id", "min_id", "since_id":
			default:
				keep[k] = v
			}
		}
		next, prev := url.Values{}, url.Values{}
		for k, v := range keep {
			next[k], prev[k] = v, v
		}
		next.Set("max_id", page[len(page)-1])
		prev.Set("min_id", page[0])
		w.Header().Set("Link", fmt.Sprintf(`<%s?%s>; rel="next", <%s?%s>; rel="prev"`, base, next.Encode(), base, prev.Encode()))
	}
	return page
}

// less compares ids as Mastodon's: by length, then lexically.
func less(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

func compareIDs(a, b string) int {
	switch {
	case less(a, b):
		return -1
	case less(b, a):
		return 1
	}
	return 0
}

// idemLocked returns what an Idempotency-Key made within the hour; s.mu
// is held.
func (s *Server) idemLocked(userID, key string) (idem, bool) {
	e, ok := s.idem[hashKey(userID, key)]
	if !ok || s.now().Sub(e.at) >= IdempotencyTTL {
		return idem{}, false
	}
	return e, true
}

// createStatus is PostStatusService: the Idempotency-Key first (before any
// validation), then the media, the reply, the schedule, the text.
func (s *Server) createStatus(w http.ResponseWriter, r *http.Request) {
	p, err := params(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.authLocked(w, r, "write:statuses")
	if u == nil {
		return
	}
	now := s.now()
	key := r.Header.Get("Idempotency-Key")
	scheduled := p.Get("scheduled_at") != ""
	if key != "" {
		if e, ok := s.idemLocked(u.acc.ID, key); ok {
			switch {
			case scheduled && e.scheduled && s.scheduled[e.id] != nil:
				writeJSON(w, http.StatusOK, s.scheduledLocked(s.scheduled[e.id]))
			case !scheduled && !e.scheduled && s.statuses[e.id] != nil && !s.statuses[e.id].deleted:
				writeJSON(w, http.StatusOK, s.statusLocked(s.statuses[e.id]))
			default:
				writeError(w, http.StatusNotFound, "Record not found")
			}
			return
		}
	}
	mediaIDs := list(p, "media_ids")
	if len(mediaIDs) > s.limits.MaxMediaAttachments {
		writeError(w, http.StatusUnprocessableEntity, fmt.Sprintf("Cannot attach more than %d files", s.limits.MaxMediaAttachments))
		return
	}
	for _, id := range mediaIDs {
		m := s.media[id]
		switch {
		case m == nil || m.userID != u.acc.ID || m.attached != "":
			writeError(w, http.StatusUnprocessableEntity, "Validation failed: Media with IDs "+id+" were not found or already attached to another post")
			return
		case m.pending > 0 || m.failed:
			writeError(w, http.StatusUnprocessableEntity, "Cannot attach files that have not finished processing. Try again in a moment!")
			return
		}
	}
	visibility := p.Get("visibility")
	if visibility == "" {
		visibility = "public"
	}
	if !slices.Contains([]string{"public", "unlisted", "private", "direct"}, visibility) {
		writeError(w, http.StatusUnprocessableEntity, "Validation failed: Visibility is not included in the list")
		return
	}
	var parent *stat
	if id := p.Get("in_reply_to_id"); id != "" {
		if parent = s.statuses[id]; parent == nil || parent.deleted {
			writeError(w, http.StatusNotFound, "Record not found")
			return
		}
	}
	text := p.Get("status")
	if scheduled {
		at, err := time.Parse(time.RFC3339, p.Get("scheduled_at"))
		if err != nil || at.Sub(now) < MinScheduleAhead {
			writeError(w, http.StatusUnprocessableEntity, "Validation failed: Scheduled at The scheduled date must be in the future")
			return
		}
		sc := &sched{id: s.nextID(), userID: u.acc.ID, at: at.UTC(), key: key, params: ScheduledParams{Text: text, MediaIDs: mediaIDs,
			ApplicationID: 1, WithRateLimit: true}}
		if v := p.Get("spoiler_text"); v != "" {
			sc.params.SpoilerText = &v
		}
		if v := p.Get("visibility"); v != "" {
			sc.params.Visibility = &v
		}
		if v := p.Get("language"); v != "" {
			sc.params.Language = &v
		}
		if parent != nil {
			sc.params.InReplyToID = &parent.id
		}
		if key != "" {
			sc.params.Idempotency = &key
			s.idem[hashKey(u.acc.ID, key)] = idem{id: sc.id, scheduled: true, at: now}
		}
		for _, id := range mediaIDs {
			s.media[id].attached = sc.id
		}
		s.scheduled[sc.id] = sc
		writeJSON(w, http.StatusOK, s.scheduledLocked(sc))
		return
	}
	if strings.TrimSpace(text) == "" && len(mediaIDs) == 0 {
		writeError(w, http.StatusUnprocessableEntity, "Validation failed: Text can't be blank")
		return
	}
	if n := network.Count(text, s.capsLocked()).Used; n > s.limits.MaxCharacters {
		writeError(w, http.StatusUnprocessableEntity, fmt.Sprintf("Validation failed: Text character limit of %d exceeded", s.limits.MaxCharacters))
		return
	}
	st := s.publishLocked(u, text, p.Get("spoiler_text"), visibility, p.Get("language"), parent, mediaIDs, key, now)
	s.created++
	writeJSON(w, http.StatusOK, s.statusLocked(st))
}

// capsLocked returns the instance's limits as package network counts them.
func (s *Server) capsLocked() network.Capabilities {
	caps, _ := network.Defaults(network.Mastodon)
	caps.TextLimit, caps.URLLength = s.limits.MaxCharacters, s.limits.CharactersReservedPerURL
	return caps
}

// publishLocked makes a status; s.mu is held.
func (s *Server) publishLocked(u *user, text, spoiler, visibility, lang string, parent *stat, media []string, key string, at time.Time) *stat {
	st := &stat{id: s.nextID(), userID: u.acc.ID, text: text, content: Format(text, s.domain()), visibility: visibility,
		spoiler: spoiler, lang: lang, media: media, created: at.UTC(), key: key, app: "Ruche"}
	if parent != nil {
		st.inReplyTo, st.inReplyToUser = parent.id, parent.userID
		parent.replies++
	}
	for _, id := range media {
		s.media[id].attached = st.id
	}
	s.statuses[st.id] = st
	s.order = append(s.order, st.id)
	if key != "" {
		s.createdByKey[key]++
		s.idem[hashKey(u.acc.ID, key)] = idem{id: st.id, at: at}
	}
	return st
}

func (s *Server) getStatus(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Header.Get("Authorization") != "" && s.authLocked(w, r, "read:statuses") == nil {
		return
	}
	st := s.statuses[r.PathValue("id")]
	if st == nil || st.deleted {
		writeError(w, http.StatusNotFound, "Record not found")
		return
	}
	writeJSON(w, http.StatusOK, s.statusLocked(st))
}

func (s *Server) deleteStatus(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.authLocked(w, r, "write:statuses")
	if u == nil {
		return
	}
	st := s.statuses[r.PathValue("id")]
	if st == nil || st.deleted || st.userID != u.acc.ID {
		writeError(w, http.StatusNotFound, "Record not found")
		return
	}
	out := s.statusLocked(st)
	out.Text = &st.text
	st.deleted = true
	writeJSON(w, http.StatusOK, out)
}

// Statuses returns the statuses not deleted, oldest first.
func (s *Server) Statuses() []Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Status
	for _, id := range s.order {
		if st := s.statuses[id]; !st.deleted {
			out = append(out, s.statusLocked(st))
		}
	}
	return out
}

// Status returns status id, if it exists and was not deleted.
func (s *Server) Status(id string) (Status, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.statuses[id]
	if st == nil || st.deleted {
		return Status{}, false
	}
	return s.statusLocked(st), true
}

// Post publishes text as local user username, as if they had posted it
// from another app at the server's now, and returns it.
func (s *Server) Post(username, text string) Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.userLocked(username, s.domain(), "")
	st := s.publishLocked(u, text, "", "public", "", nil, nil, "", s.now())
	st.app = "Web"
	return s.statusLocked(st)
}

// Reply makes local user username answer status inReplyTo from the web
// (an answer written outside Ruche).
func (s *Server) Reply(username, inReplyTo, text string) (Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	parent := s.statuses[inReplyTo]
	if parent == nil || parent.deleted {
		return Status{}, ErrNoStatus
	}
	u := s.userLocked(username, s.domain(), "")
	st := s.publishLocked(u, text, "", "public", "", parent, nil, "", s.now())
	st.app = "Web"
	return s.statusLocked(st), nil
}

func (s *Server) scheduledLocked(sc *sched) ScheduledStatus {
	out := ScheduledStatus{ID: sc.id, ScheduledAt: sc.at, Params: sc.params, MediaAttachments: []MediaAttachment{}}
	for _, id := range sc.params.MediaIDs {
		if m := s.media[id]; m != nil {
			out.MediaAttachments = append(out.MediaAttachments, s.attachmentLocked(m))
		}
	}
	return out
}

func (s *Server) listScheduled(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.authLocked(w, r, "read:statuses")
	if u == nil {
		return
	}
	var ids []string
	for id, sc := range s.scheduled {
		if sc.userID == u.acc.ID {
			ids = append(ids, id)
		}
	}
	page := paginate(w, r, ids, 20, 40)
	out := make([]ScheduledStatus, 0, len(page))
	for _, id := range page {
		out = append(out, s.scheduledLocked(s.scheduled[id]))
	}
	writeJSON(w, http.StatusOK, out)
}

// scheduledOf returns the scheduled status of the request's path for its
// user, or answers 401, 403 or 404; s.mu is held.
func (s *Server) scheduledOf(w http.ResponseWriter, r *http.Request, scope string) *sched {
	u := s.authLocked(w, r, scope)
	if u == nil {
		return nil
	}
	sc := s.scheduled[r.PathValue("id")]
	if sc == nil || sc.userID != u.acc.ID {
		writeError(w, http.StatusNotFound, "Record not found")
		return nil
	}
	return sc
}

func (s *Server) getScheduled(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sc := s.scheduledOf(w, r, "read:statuses"); sc != nil {
		writeJSON(w, http.StatusOK, s.scheduledLocked(sc))
	}
}

func (s *Server) updateScheduled(w http.ResponseWriter, r *http.Request) {
	p, err := params(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sc := s.scheduledOf(w, r, "write:statuses")
	if sc == nil {
		return
	}
	if v := p.Get("scheduled_at"); v != "" {
		at, err := time.Parse(time.RFC3339, v)
		if err != nil || at.Sub(s.now()) < MinScheduleAhead {
			writeError(w, http.StatusUnprocessableEntity, "Validation failed: Scheduled at The scheduled date must be in the future")
			return
		}
		sc.at = at.UTC()
	}
	writeJSON(w, http.StatusOK, s.scheduledLocked(sc))
}

func (s *Server) deleteScheduled(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sc := s.scheduledOf(w, r, "write:statuses")
	if sc == nil {
		return
	}
	delete(s.scheduled, sc.id)
	writeJSON(w, http.StatusOK, struct{}{})
}

// Scheduled returns the scheduled statuses held, soonest first.
func (s *Server) Scheduled() []ScheduledStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []ScheduledStatus
	for _, sc := range s.scheduled {
		out = append(out, s.scheduledLocked(sc))
	}
	slices.SortFunc(out, func(a, b ScheduledStatus) int { return a.ScheduledAt.Compare(b.ScheduledAt) })
	return out
}

// Release publishes the scheduled statuses due at now, as the instance's
// scheduler does, each created at its scheduled time plus delay (the
// instance's lag), and returns them.
func (s *Server) Release(now time.Time, delay time.Duration) []Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	var due []*sched
	for _, sc := range s.scheduled {
		if !sc.at.After(now) {
			due = append(due, sc)
		}
	}
	slices.SortFunc(due, func(a, b *sched) int { return a.at.Compare(b.at) })
	var out []Status
	for _, sc := range due {
		delete(s.scheduled, sc.id)
		u := s.users[sc.userID]
		var parent *stat
		if sc.params.InReplyToID != nil {
			parent = s.statuses[*sc.params.InReplyToID]
		}
		deref := func(p *string) string {
			if p == nil {
				return ""
			}
			return *p
		}
		visibility := deref(sc.params.Visibility)
		if visibility == "" {
			visibility = "public"
		}
		st := s.publishLocked(u, sc.params.Text, deref(sc.params.SpoilerText), visibility, deref(sc.params.Language), parent,
			sc.params.MediaIDs, "", sc.at.Add(delay))
		s.created++
		out = append(out, s.statusLocked(st))
	}
	return out
}
