package importing

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
)

// MaxPreviews is how many previews wait for their confirmation at once; a
// newer one makes the oldest forgotten.
const MaxPreviews = 4

// Previews holds the rows of the previews waiting for the user's
// confirmation, in memory only. An import previews a file (reads it, finds
// each row's problems, saves nothing) and keeps the rows under a token; the
// confirmation takes them back with the token and imports exactly the rows
// previewed, never the file read again. A token confirms once.
//
// The zero value is ready; it is safe for concurrent use.
type Previews[R any] struct {
	mu      sync.Mutex
	waiting []preview[R] // oldest first
}

type preview[R any] struct {
	token, scope string
	rows         []R
}

// Keep holds rows previewed for scope (the workspace they are for) and
// returns the token that confirms them.
func (p *Previews[R]) Keep(scope string, rows []R) string {
	token := newToken()
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.waiting) >= MaxPreviews {
		p.waiting = p.waiting[len(p.waiting)-MaxPreviews+1:]
	}
	p.waiting = append(p.waiting, preview[R]{token: token, scope: scope, rows: rows})
	return token
}

// Take removes the preview of token and returns its scope and rows; ok is
// false when no preview has that token: confirmed already, forgotten for
// newer ones, or never made.
func (p *Previews[R]) Take(token string) (scope string, rows []R, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, w := range p.waiting {
		if w.token == token && token != "" {
			p.waiting = append(p.waiting[:i:i], p.waiting[i+1:]...)
			return w.scope, w.rows, true
		}
	}
	return "", nil, false
}

func newToken() string {
	b := make([]byte, 16)
	rand.Read(b) // never fails: crypto/rand panics rather than return an error
	return hex.EncodeToString(b)
}

// Count returns how many rows have no problem and how many have some.
func Count[R interface{ OK() bool }](rows []R) (valid, invalid int) {
	for _, r := range rows {
		if r.OK() {
			valid++
		} else {
			invalid++
		}
	}
	return valid, invalid
}
