package post

import (
	"slices"
	"strings"
	"time"

	"github.com/rivo/uniseg"
)

// TitleLen is the length of an entry's title, in graphemes.
const TitleLen = 80

// Entry is what the calendar shows of a post: enough to place it, colour it
// and drag it, without its texts and media.
type Entry struct {
	ID          string    `json:"id"`
	ScheduledAt time.Time `json:"scheduledAt"`
	Status      Status    `json:"status"`
	Pillar      string    `json:"pillar,omitempty"`
	Campaigns   []string  `json:"campaigns,omitempty"`
	Networks    []string  `json:"networks,omitempty"` // of the variants, in order, each once
	Title       string    `json:"title,omitempty"`
	Revision    int       `json:"revision"`
	Held        []string  `json:"held,omitempty"` // networks holding the post to publish it themselves
}

// Entry returns the calendar entry of p.
func (p Post) Entry() Entry {
	e := Entry{ID: p.ID, ScheduledAt: p.ScheduledAt, Status: p.Status, Pillar: p.Pillar, Campaigns: p.Campaigns,
		Title: Title(p), Revision: p.Revision, Held: p.HeldBy()}
	for _, v := range p.Variants {
		if !slices.Contains(e.Networks, v.Network) {
			e.Networks = append(e.Networks, v.Network)
		}
	}
	return e
}

// Title returns the first line of the first variant with a text, cut to
// TitleLen graphemes with an ellipsis; the author's note when no variant has
// a text.
func Title(p Post) string {
	text := ""
	for _, v := range p.Variants {
		if strings.TrimSpace(v.Text) != "" {
			text = v.Text
			break
		}
	}
	if text == "" {
		text = p.AuthorNote
	}
	text = strings.TrimSpace(text)
	if i := strings.IndexAny(text, "\r\n"); i >= 0 {
		text = strings.TrimSpace(text[:i])
	}
	cut, n := 0, 0
	for g := uniseg.NewGraphemes(text); g.Next(); {
		if n++; n == TitleLen-1 {
			_, cut = g.Positions()
		}
		if n > TitleLen {
			return strings.TrimSpace(text[:cut]) + "…"
		}
	}
	return text
}
