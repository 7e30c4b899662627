package analytics

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
)

// Conversations are what people did towards a workspace's accounts and the
// answers the accounts wrote, in any order, with each account's network:
// the community KPIs are computed from them.
type Conversations struct {
	Activities []metric.Activity
	Answers    []metric.Answer
	NetworkOf  map[string]string // account id → network
}

// in calls fn with each activity of w, of network net ("" for all).
func (c Conversations) in(w calendar.Window, net string, fn func(metric.Activity)) {
	for _, a := range c.Activities {
		if a.At.Before(w.Start) || !a.At.Before(w.End) || (net != "" && c.NetworkOf[a.AccountID] != net) {
			continue
		}
		fn(a)
	}
}

// Fan is a person who interacted with the workspace's accounts over a
// period. The same person followed by two accounts of one network is one
// fan; on two networks, two (nothing says they are the same person).
type Fan struct {
	Network string `json:"network"`
	ActorID string `json:"actorId"`
	Handle  string `json:"handle"` // from the internet: text, never HTML
	Name    string `json:"name"`   // likewise
	// Interactions = Likes + Reposts + Replies + Quotes; a follow is no
	// interaction.
	Interactions int `json:"interactions"`
	Likes        int `json:"likes"`
	Reposts      int `json:"reposts"`
	Replies      int `json:"replies"` // replies and mentions
	Quotes       int `json:"quotes"`
	// Last is the time of their latest interaction.
	Last time.Time `json:"last"`
}

// MostActive returns the n fans of w (network net, "" for all) with the
// most interactions, most first; ties go to more replies, then to the
// latest interaction, then to the handle.
func (c Conversations) MostActive(w calendar.Window, net string, n int) []Fan {
	byActor := map[[2]string]*Fan{}
	c.in(w, net, func(a metric.Activity) {
		if a.Kind == metric.ActFollow {
			return
		}
		nw := c.NetworkOf[a.AccountID]
		key := [2]string{nw, a.ActorID}
		f := byActor[key]
		if f == nil {
			f = &Fan{Network: nw, ActorID: a.ActorID}
			byActor[key] = f
		}
		if !a.At.Before(f.Last) {
			f.Last, f.Handle, f.Name = a.At, a.Handle, a.Name // the latest names they go by
		}
		f.Interactions++
		switch a.Kind {
		case metric.ActLike:
			f.Likes++
		case metric.ActRepost:
			f.Reposts++
		case metric.ActReply, metric.ActMention:
			f.Replies++
		case metric.ActQuote:
			f.Quotes++
		}
	})
	fans := make([]Fan, 0, len(byActor))
	for _, f := range byActor {
		fans = append(fans, *f)
	}
	slices.SortFunc(fans, func(a, b Fan) int {
		return cmp.Or(cmp.Compare(b.Interactions, a.Interactions), cmp.Compare(b.Replies, a.Replies), b.Last.Compare(a.Last),
			strings.Compare(a.Handle, b.Handle), strings.Compare(a.ActorID, b.ActorID))
	})
	return fans[:min(n, len(fans))]
}

// Responses is how soon the accounts answered what people said to them
// over a period.
type Responses struct {
	// Received is the replies and mentions of the period: what awaits an
	// answer.
	Received int `json:"received"`
	// Answered is those the account answered: a post of its own replying
	// to them, written in Ruche or in the network's app, read so far.
	Answered int `json:"answered"`
	// AnsweredShare = Answered ÷ Received × 100, known when Received > 0.
	AnsweredShare float64 `json:"answeredShare"`
	ShareKnown    bool    `json:"shareKnown"`
	// MedianMinutes is the median first-response time of the answered, in
	// minutes: for each, the time of its first answer minus the time it
	// was received (0 when a clock put the answer first); known when
	// Answered > 0. The median, not the mean: one message answered a week
	// late does not hide a team that answers within the hour.
	MedianMinutes float64 `json:"medianMinutes"`
	MedianKnown   bool    `json:"medianKnown"`
	// WithinHour is the share of the answered answered within an hour.
	WithinHour float64 `json:"withinHour"`
}

// Responses measures the answers to the replies and mentions of w (network
// net, "" for all).
func (c Conversations) Responses(w calendar.Window, net string) Responses {
	first := make(map[[2]string]time.Time, len(c.Answers))
	for _, a := range c.Answers {
		k := [2]string{a.AccountID, a.ParentID}
		if t, ok := first[k]; !ok || a.At.Before(t) {
			first[k] = a.At
		}
	}
	var r Responses
	var waits []float64
	c.in(w, net, func(a metric.Activity) {
		if !a.Kind.AwaitsAnswer() || a.ItemID == "" {
			return
		}
		r.Received++
		at, ok := first[[2]string{a.AccountID, a.ItemID}]
		if !ok {
			return
		}
		r.Answered++
		waits = append(waits, max(at.Sub(a.At).Minutes(), 0))
	})
	if r.Received > 0 {
		r.AnsweredShare, r.ShareKnown = float64(r.Answered)/float64(r.Received)*100, true
	}
	if len(waits) > 0 {
		slices.Sort(waits)
		m := len(waits) / 2
		r.MedianMinutes = waits[m]
		if len(waits)%2 == 0 {
			r.MedianMinutes = (waits[m-1] + waits[m]) / 2
		}
		r.MedianKnown = true
		within := sort.Search(len(waits), func(i int) bool { return waits[i] > 60 })
		r.WithinHour = float64(within) / float64(len(waits)) * 100
	}
	return r
}
