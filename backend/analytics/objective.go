package analytics

import (
	"context"
	"math"
	"slices"
	"strings"
	"time"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
	"ruche/backend/fault"
	"ruche/backend/locale"
	"ruche/backend/network"
)

// The errors about objectives.
var (
	ErrObjectiveKind     = fault.New(fault.Invalid, "analytics.objective_kind")
	ErrObjectiveTarget   = fault.New(fault.Invalid, "analytics.objective_target")
	ErrObjectiveDates    = fault.New(fault.Invalid, "analytics.objective_dates")
	ErrObjectiveNetwork  = fault.New(fault.Invalid, "analytics.objective_network")
	ErrObjectiveNotFound = fault.New(fault.NotFound, "analytics.objective_not_found")
)

// networks are the networks an objective or a manual figure may name.
var networks = []string{network.Bluesky, network.Mastodon, network.X, network.Threads, network.LinkedIn, network.Instagram, network.Testnet}

// ObjectiveInput is what a user edits of an objective.
type ObjectiveInput struct {
	Kind     metric.ObjectiveKind `json:"kind"`
	Network  string               `json:"network,omitempty"`
	Target   float64              `json:"target"` // followers, %, publications a week, or minutes
	Start    calendar.Day         `json:"start"`
	Deadline calendar.Day         `json:"deadline"`
	Note     string               `json:"note,omitempty"`
}

// Validate returns the first problem of in.
func (in ObjectiveInput) Validate() error {
	switch {
	case !in.Kind.Valid():
		return ErrObjectiveKind.With(map[string]any{"kind": string(in.Kind)}, nil)
	case in.Target <= 0 || math.IsNaN(in.Target) || math.IsInf(in.Target, 0):
		return ErrObjectiveTarget.With(nil, nil)
	case !in.Start.Valid() || !in.Deadline.Valid() || in.Deadline.Before(in.Start):
		return ErrObjectiveDates.With(nil, nil)
	case in.Network != "" && !slices.Contains(networks, in.Network):
		return ErrObjectiveNetwork.With(map[string]any{"network": in.Network}, nil)
	}
	return nil
}

// SaveObjective creates (id "") or replaces objective id of workspace
// wsID.
func (s *Service) SaveObjective(ctx context.Context, wsID, id string, in ObjectiveInput) (metric.Objective, error) {
	in.Network = strings.ToLower(strings.TrimSpace(in.Network))
	in.Note = strings.TrimSpace(in.Note)
	if err := in.Validate(); err != nil {
		return metric.Objective{}, err
	}
	now := s.now().UTC()
	o := metric.Objective{ID: id, WorkspaceID: wsID, Kind: in.Kind, Network: in.Network, Target: in.Target,
		Start: in.Start, Deadline: in.Deadline, Note: in.Note, CreatedAt: now}
	if id == "" {
		o.ID = s.newID(now)
	} else {
		all, err := s.store.Objectives(ctx, wsID)
		if err != nil {
			return metric.Objective{}, err
		}
		i := slices.IndexFunc(all, func(x metric.Objective) bool { return x.ID == id })
		if i < 0 {
			return metric.Objective{}, ErrObjectiveNotFound.With(nil, nil)
		}
		o.CreatedAt = all[i].CreatedAt
	}
	if err := s.store.PutObjective(ctx, o); err != nil {
		return metric.Objective{}, err
	}
	return o, nil
}

// DeleteObjective removes objective id of workspace wsID.
func (s *Service) DeleteObjective(ctx context.Context, wsID, id string) error {
	if err := s.store.DeleteObjective(ctx, wsID, id); err != nil {
		if fault.KindOf(err) == fault.NotFound {
			return ErrObjectiveNotFound.With(nil, err)
		}
		return err
	}
	return nil
}

// Objectives returns the objectives of workspace wsID, oldest first.
func (s *Service) Objectives(ctx context.Context, wsID string) ([]metric.Objective, error) {
	return s.store.Objectives(ctx, wsID)
}

// ProgressStatus says where an objective stands.
type ProgressStatus string

// The statuses of an objective.
const (
	Achieved    ProgressStatus = "achieved"     // the target is reached (for a rate: at the deadline)
	OnTrack     ProgressStatus = "on_track"     // going the right way
	Behind      ProgressStatus = "behind"       // not at the pace the target needs
	Missed      ProgressStatus = "missed"       // the deadline passed without the target
	NotStarted  ProgressStatus = "not_started"  // its first day has not come
	NotMeasured ProgressStatus = "not_measured" // no figure measures it yet
)

// Progress is an objective and how far it is.
type Progress struct {
	Objective metric.Objective `json:"objective"`
	Label     string           `json:"label"` // the objective in words, e.g. "+500 followers (Bluesky) by June 30, 2027"
	Current   float64          `json:"current"`
	Known     bool             `json:"known"`
	// Percent = Current ÷ Target × 100; for a response time, where lower
	// is better, Target ÷ Current × 100.
	Percent float64 `json:"percent"`
	// Elapsed = days from Start to today (both counted) ÷ days from Start
	// to Deadline × 100, at most 100.
	Elapsed float64        `json:"elapsed"`
	Status  ProgressStatus `json:"status"`
}

// ObjectiveProgress measures objective o on today, from the followers
// series, the publications of the workspace by time and its conversations
// (of every network: o's network is chosen here), over its days from Start
// to the earlier of Deadline and today:
//
//	follower_growth: Current = FollowerGrowth(series of o's network).Change
//	engagement_rate: Current = EngagementOf(its publications).Rate
//	posts_per_week:  Current = PostingFrequency(its publications).PerWeek
//	response_time:   Current = conv.Responses(its replies and mentions).MedianMinutes
//
// Status: not_started before Start; not_measured without a figure; after
// the deadline achieved (Percent ≥ 100) or missed; before it, a growth is
// achieved once Percent ≥ 100 and on_track while Percent ≥ Elapsed, a
// rate is on_track while Percent ≥ 100; else behind.
func ObjectiveProgress(lang locale.Lang, o metric.Objective, series []Series, pubs []Publication, conv Conversations, loc *time.Location, today calendar.Day) Progress {
	p := Progress{Objective: o, Label: ObjectiveLabel(lang, o)}
	total := o.Start.DaysUntil(o.Deadline) + 1
	if today.Before(o.Start) {
		p.Status = NotStarted
		return p
	}
	end := o.Deadline
	if today.Before(end) {
		end = today
	}
	p.Elapsed = math.Min(float64(o.Start.DaysUntil(end)+1)/float64(total)*100, 100)
	span := Period{From: o.Start, To: end}
	w, err := calendar.NewWindow(span.From, span.To.AddDays(1), loc)
	if err != nil {
		p.Status = NotMeasured
		return p
	}
	mine := between(pubs, w)
	if o.Network != "" {
		mine = slices.DeleteFunc(slices.Clone(mine), func(p Publication) bool { return p.Network != o.Network })
	}
	switch o.Kind {
	case metric.FollowerGrowth:
		var ss []Series
		for _, s := range series {
			if o.Network == "" || s.Network == o.Network {
				ss = append(ss, s)
			}
		}
		g := FollowerGrowth(ss, w.Start, w.End)
		p.Current, p.Known = float64(g.Change), g.Known
	case metric.EngagementRate:
		e := EngagementOf(mine)
		p.Current, p.Known = e.Rate, e.RateKnown
	case metric.PostsPerWeek:
		p.Current, p.Known = PostingFrequency(mine, span, loc).PerWeek, true
	case metric.ResponseTime:
		r := conv.Responses(w, o.Network)
		p.Current, p.Known = r.MedianMinutes, r.MedianKnown
	}
	if !p.Known {
		p.Status = NotMeasured
		return p
	}
	p.Percent = p.Current / o.Target * 100
	if o.Kind == metric.ResponseTime {
		p.Percent = o.Target / max(p.Current, 1) * 100 // under a minute counts as one
	}
	rate := o.Kind != metric.FollowerGrowth
	switch {
	case today.After(o.Deadline) && p.Percent >= 100:
		p.Status = Achieved
	case today.After(o.Deadline):
		p.Status = Missed
	case !rate && p.Percent >= 100:
		p.Status = Achieved
	case !rate && p.Percent >= p.Elapsed, rate && p.Percent >= 100:
		p.Status = OnTrack
	default:
		p.Status = Behind
	}
	return p
}

// ObjectiveLabel returns objective o in words in lang.
func ObjectiveLabel(lang locale.Lang, o metric.Objective) string {
	return message(lang, "analytics.objective."+string(o.Kind), objectiveArgs(lang, o))
}

// objectiveArgs returns the values of the objectives' messages.
func objectiveArgs(lang locale.Lang, o metric.Objective) map[string]any {
	net := message(lang, "analytics.all_networks", nil)
	if o.Network != "" {
		net = network.DisplayName(o.Network)
	}
	target := FormatNumber(lang, o.Target, 0)
	switch o.Kind {
	case metric.EngagementRate:
		target = FormatPercent(lang, o.Target)
	case metric.PostsPerWeek:
		target = FormatNumber(lang, o.Target, decimalsOf(o.Target))
	case metric.ResponseTime:
		target = FormatMinutes(lang, o.Target)
	}
	return map[string]any{"target": target, "network": net, "date": FormatLongDay(lang, o.Deadline)}
}

// ObjectiveShortLabel returns objective o in a few words, without its
// deadline: "+500 followers (Bluesky)".
func ObjectiveShortLabel(lang locale.Lang, o metric.Objective) string {
	return message(lang, "analytics.objective_short."+string(o.Kind), objectiveArgs(lang, o))
}

// decimalsOf returns 0 for a whole number, 1 otherwise.
func decimalsOf(v float64) int {
	if v == math.Trunc(v) {
		return 0
	}
	return 1
}

// FormatMinutes writes a duration in minutes as its two largest units, a
// no-break space between each number and its unit: "45 min", "2 h",
// French "1 h 05" and English "1 h 05 min", French "1 j 4 h" and English
// "1 d 4 h" from a day on; "< 1 min" below half a minute. The PDF report
// writes its durations with it, so that paper and screen agree.
func FormatMinutes(lang locale.Lang, minutes float64) string {
	if math.IsNaN(minutes) || math.IsInf(minutes, 0) {
		return "–"
	}
	sign := ""
	if minutes < 0 {
		sign, minutes = "−", -minutes
	}
	m := int(math.Round(minutes))
	unit := func(n int, u string) string { return FormatCount(lang, n) + nbsp + u }
	switch h := m / 60; {
	case m == 0:
		return "<" + nbsp + unit(1, "min")
	case h == 0:
		return sign + unit(m, "min")
	case h >= 24:
		day := "d"
		if lang == locale.French {
			day = "j"
		}
		h = int(math.Round(minutes / 60))
		if h%24 == 0 {
			return sign + unit(h/24, day)
		}
		return sign + unit(h/24, day) + " " + unit(h%24, "h")
	case m%60 == 0:
		return sign + unit(h, "h")
	case lang == locale.French:
		return sign + unit(h, "h") + nbsp + twoDigits(m%60)
	default:
		return sign + unit(h, "h") + " " + twoDigits(m%60) + nbsp + "min"
	}
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + string(rune('0'+n))
	}
	return FormatCount(locale.English, n)
}
