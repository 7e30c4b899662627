package mastodontest

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"
)

type media struct {
	id, userID, name, mime, desc string
	size                         int64
	pending                      int // GET answers 206 this many more times
	failed                       bool
	attached                     string // the status or scheduled status it belongs to
}

// Media is an uploaded file, as the server received it.
type Media struct {
	ID          string
	Name        string
	MIME        string
	Size        int64
	Description string
	Attached    string // the status or scheduled status it belongs to
}

// SetMediaProcessing makes uploads answer 202 (url null) and then
// GET /api/v1/media/:id answer 206 polls times before 200; 0 (the
// default) processes uploads at once (200).
func (s *Server) SetMediaProcessing(polls int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mediaPolls = polls
}

// FailMediaProcessing makes the processing of the next uploads fail: GET
// /api/v1/media/:id answers 422.
func (s *Server) FailMediaProcessing(fail bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mediaFail = fail
}

// Media returns the files uploaded, oldest first.
func (s *Server) Media() []Media {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Media
	for _, m := range s.media {
		out = append(out, Media{ID: m.id, Name: m.name, MIME: m.mime, Size: m.size, Description: m.desc, Attached: m.attached})
	}
	slices.SortFunc(out, func(a, b Media) int { return compareIDs(a.ID, b.ID) })
	return out
}

// maxDescription is the longest alt text Mastodon takes.
const maxDescription = 1500

func (s *Server) uploadMedia(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	u := s.authLocked(w, r, "write:media")
	s.mu.Unlock()
	if u == nil {
		return
	}
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		writeError(w, http.StatusUnprocessableEntity, "Validation failed: File can't be blank")
		return
	}
	f, fh, err := r.FormFile("file")
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, "Validation failed: File can't be blank")
		return
	}
	defer f.Close()
	size, _ := io.Copy(io.Discard, f)
	mime := fh.Header.Get("Content-Type")
	desc := r.FormValue("description")

	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.limits
	limit := l.ImageSizeLimit
	if strings.HasPrefix(mime, "video/") {
		limit = l.VideoSizeLimit
	}
	switch {
	case !slices.Contains(l.SupportedMIMETypes, mime):
		writeError(w, http.StatusUnprocessableEntity, "Validation failed: File content type is invalid, File is invalid")
		return
	case size > limit:
		writeError(w, http.StatusUnprocessableEntity, fmt.Sprintf("Validation failed: File file size must be less than %d MB", limit>>20))
		return
	case utf8.RuneCountInString(desc) > maxDescription:
		writeError(w, http.StatusUnprocessableEntity, fmt.Sprintf("Validation failed: Description is too long (maximum is %d characters)", maxDescription))
		return
	}
	m := &media{id: s.nextID(), userID: u.acc.ID, name: fh.Filename, mime: mime, desc: desc, size: size, pending: s.mediaPolls, failed: s.mediaFail}
	s.media[m.id] = m
	status := http.StatusOK
	if m.pending > 0 || m.failed {
		status = http.StatusAccepted
	}
	writeJSON(w, status, s.attachmentLocked(m))
}

// attachmentLocked renders a media; its url is null while it is
// processed; s.mu is held.
func (s *Server) attachmentLocked(m *media) MediaAttachment {
	kind := "unknown"
	switch {
	case strings.HasPrefix(m.mime, "image/gif"):
		kind = "gifv"
	case strings.HasPrefix(m.mime, "image/"):
		kind = "image"
	case strings.HasPrefix(m.mime, "video/"):
		kind = "video"
	case strings.HasPrefix(m.mime, "audio/"):
		kind = "audio"
	}
	base := "https://files." + s.domain() + "/media_attachments/" + m.id
	preview := base + "/small.jpg"
	text := "https://" + s.domain() + "/media/" + m.id
	out := MediaAttachment{ID: m.id, Type: kind, PreviewURL: &preview, TextURL: &text, Meta: map[string]any{}}
	if m.pending == 0 && !m.failed {
		original := base + "/original"
		out.URL = &original
	}
	if m.desc != "" {
		d := m.desc
		out.Description = &d
	}
	return out
}

func (s *Server) getMedia(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.authLocked(w, r, "write:media")
	if u == nil {
		return
	}
	m := s.media[r.PathValue("id")]
	switch {
	case m == nil || m.userID != u.acc.ID:
		writeError(w, http.StatusNotFound, "Record not found")
	case m.failed:
		writeError(w, http.StatusUnprocessableEntity, "Validation failed: File content type is invalid, File is invalid")
	case m.pending > 0:
		m.pending--
		w.WriteHeader(http.StatusPartialContent)
	default:
		writeJSON(w, http.StatusOK, s.attachmentLocked(m))
	}
}
