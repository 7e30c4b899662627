package analytics

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
)

// Conversations are what people did towards a workspace's accounts and the
// answers the accounts wrote, with each account's network: the community
// KPIs are computed from them. Activities may come in any order; in the
// store's order (by UTC day) and indexed, a period reads only its days.
type Conversations struct {
	Activities []metric.Activity
	Answers    []metric.Answer
	NetworkOf  map[string]string // account id → network
	idx        *convIndex
}

// convIndex is what indexed computes once for the periods a dashboard
// reads: whether the activities come day after day, and how long each
// waited for its first answer.
type convIndex struct {
	byDay bool
	// wait holds, for each activity, the minutes until the first answer
	// to it (0 when a clock put the answer first), notAwaiting for what
	// awaits no answer and unanswered for what got none.
	wait []float64
	// person holds, for each activity, who did it: an index in people,
	// the distinct network and actor pairs.
	person []int32
	people []personKey
}

// personKey is a person on a network: the same person followed by two
// accounts of one network is one; on two networks, two.
type personKey struct{ network, actor string }

const (
	notAwaiting = -2.0
	unanswered  = -1.0
)

// indexed returns c with its index built: the dashboard asks several
// periods of the same conversations.
func (c Conversations) indexed() Conversations {
	c.idx = c.index()
	return c
}

func (c Conversations) index() *convIndex {
	if c.idx != nil {
		return c.idx
	}
	first := make(map[[2]string]time.Time, len(c.Answers))
	for _, a := range c.Answers {
		k := [2]string{a.AccountID, a.ParentID}
		if t, ok := first[k]; !ok || a.At.Before(t) {
			first[k] = a.At
		}
	}
	idx := &convIndex{byDay: true, wait: make([]float64, len(c.Activities)), person: make([]int32, len(c.Activities))}
	people := map[personKey]int32{}
	// activities come account after account: the network of the last one
	// read serves the next
	lastAccount, lastNetwork := "", ""
	for i := range c.Activities {
		a := &c.Activities[i]
		if i > 0 && utcDay(a.At) < utcDay(c.Activities[i-1].At) {
			idx.byDay = false
		}
		if i == 0 || a.AccountID != lastAccount {
			lastAccount, lastNetwork = a.AccountID, c.NetworkOf[a.AccountID]
		}
		k := personKey{lastNetwork, a.ActorID}
		p, ok := people[k]
		if !ok {
			p = int32(len(idx.people))
			people[k] = p
			idx.people = append(idx.people, k)
		}
		idx.person[i] = p
		switch at, ok := first[[2]string{a.AccountID, a.ItemID}]; {
		case !a.Kind.AwaitsAnswer() || a.ItemID == "":
			idx.wait[i] = notAwaiting
		case !ok:
			idx.wait[i] = unanswered
		default:
			idx.wait[i] = max(at.Sub(a.At).Minutes(), 0)
		}
	}
	return idx
}

// only returns the conversations of the activities keep keeps, indexed
// when c is, c unchanged.
func (c Conversations) only(keep func(*metric.Activity) bool) Conversations {
	out := Conversations{Answers: c.Answers, NetworkOf: c.NetworkOf}
	var idx *convIndex
	if c.idx != nil {
		idx = &convIndex{byDay: c.idx.byDay, people: c.idx.people}
	}
	for i := range c.Activities {
		if keep(&c.Activities[i]) {
			out.Activities = append(out.Activities, c.Activities[i])
			if idx != nil {
				idx.wait, idx.person = append(idx.wait, c.idx.wait[i]), append(idx.person, c.idx.person[i])
			}
		}
	}
	out.idx = idx
	return out
}

// utcDay numbers the UTC day of t.
func utcDay(t time.Time) int64 {
	s := t.Unix()
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return d
}

// in calls fn with each activity of w, of network net ("" for all), and
// its place in c.Activities.
func (c Conversations) in(w calendar.Window, net string, fn func(int, *metric.Activity)) {
	lo, hi := 0, len(c.Activities)
	if c.idx != nil && c.idx.byDay {
		acts := c.Activities
		from, to := utcDay(w.Start), utcDay(w.End)
		lo = sort.Search(len(acts), func(i int) bool { return utcDay(acts[i].At) >= from })
		hi = lo + sort.Search(len(acts)-lo, func(i int) bool { return utcDay(acts[lo+i].At) > to })
	}
	for i := lo; i < hi; i++ {
		a := &c.Activities[i]
		if a.At.Before(w.Start) || !a.At.Before(w.End) || (net != "" && c.NetworkOf[a.AccountID] != net) {
			continue
		}
		fn(i, a)
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
	idx := c.index()
	fanOf := make([]int32, len(idx.people)) // person → 1 + their place in fans
	fans := []Fan{}
	c.in(w, net, func(i int, a *metric.Activity) {
		if a.Kind == metric.ActFollow {
			return
		}
		p := idx.person[i]
		if fanOf[p] == 0 {
			fans = append(fans, Fan{Network: idx.people[p].network, ActorID: a.ActorID})
			fanOf[p] = int32(len(fans))
		}
		f := &fans[fanOf[p]-1]
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
	return firstFans(fans, n)
}

// fanOrder puts the more active first: more interactions, then more
// replies, then the latest, then by handle and identifier.
func fanOrder(a, b Fan) int {
	return cmp.Or(cmp.Compare(b.Interactions, a.Interactions), cmp.Compare(b.Replies, a.Replies), b.Last.Compare(a.Last),
		strings.Compare(a.Handle, b.Handle), strings.Compare(a.ActorID, b.ActorID))
}

// firstFans returns the n first of fans in fanOrder, sorting only those
// when they are few of many.
func firstFans(fans []Fan, n int) []Fan {
	n = max(min(n, len(fans)), 0)
	if n*4 >= len(fans) {
		slices.SortFunc(fans, fanOrder)
		return fans[:n]
	}
	return best(fans, n, fanOrder)
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
	wait := c.index().wait
	var r Responses
	var waits []float64
	c.in(w, net, func(i int, _ *metric.Activity) {
		switch wait[i] {
		case notAwaiting:
		case unanswered:
			r.Received++
		default:
			r.Received++
			r.Answered++
			waits = append(waits, wait[i])
		}
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

// communityCache keeps the community a dashboard last read, indexed, while
// the store's is unchanged: the same dashboard asked again (another
// filter, the report after the screen) reads its tens of thousands of
// notifications from memory. Nothing it holds is ever modified.
type communityCache struct {
	mu   sync.Mutex
	key  communityKey
	conv Conversations // with the NetworkOf it was indexed with
}

// communityKey is what was read: a bound at or after the moment of reading
// is open, since nothing can be dated after it without changing the
// store's version.
type communityKey struct {
	wsID                string
	from, to, answersTo time.Time
	version             uint64
}

// read returns the activities of workspace wsID in [from, to) and the
// answers in [from, answersTo), indexed with the accounts' networks
// networkOf, from memory when neither the store's community nor the
// networks changed since they were read.
func (c *communityCache) read(ctx context.Context, st Store, wsID string, networkOf map[string]string, from, to, answersTo, now time.Time) (Conversations, error) {
	open := func(t time.Time) time.Time {
		if t.After(now) {
			return time.Time{}
		}
		return t
	}
	key := communityKey{wsID: wsID, from: from, to: open(to), answersTo: open(answersTo), version: st.CommunityVersion()}
	c.mu.Lock()
	if c.key == key && maps.Equal(c.conv.NetworkOf, networkOf) {
		conv := c.conv
		c.mu.Unlock()
		return conv, nil
	}
	c.mu.Unlock()
	acts, err := st.Activities(ctx, wsID, from, to)
	if err != nil {
		return Conversations{}, fmt.Errorf("activities: %w", err)
	}
	answers, err := st.Answers(ctx, wsID, from, answersTo)
	if err != nil {
		return Conversations{}, fmt.Errorf("answers: %w", err)
	}
	conv := Conversations{Activities: acts, Answers: answers, NetworkOf: networkOf}.indexed()
	c.mu.Lock()
	c.key, c.conv = key, conv // the version read before: a write meanwhile is read next time
	c.mu.Unlock()
	return conv, nil
}
