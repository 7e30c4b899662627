package api

import (
	"ruche/backend/calendar"
	"ruche/backend/plan"
)

// previewLimit is how many occurrences the composer lists.
const previewLimit = 60

// PreviewRecurrence lists the dates a recurrence gives in the workspace's
// zone (the first 60), so that the user sees them before saving.
func (c *Composer) PreviewRecurrence(r Recurrence) ([]Occurrence, error) {
	sc, err := c.s.current()
	if err != nil {
		return nil, err
	}
	rule, err := ruleOf(r)
	if err != nil {
		return nil, err
	}
	at, err := sc.plan.PreviewRecurrence(sc.ws, rule, previewLimit)
	if err != nil {
		return nil, err
	}
	loc, err := plan.Zone(sc.ws)
	if err != nil {
		return nil, err
	}
	out := make([]Occurrence, len(at))
	for i, t := range at {
		l := plan.LocalOf(t, loc)
		out[i] = Occurrence{At: rfc3339(t), LocalDate: l.Day.String(), LocalTime: l.Clock.String()}
	}
	return out, nil
}

// CreateRecurring saves one scheduled post per date of the recurrence, all
// or none.
func (c *Composer) CreateRecurring(in PostInput, r Recurrence) ([]Post, error) {
	sc, err := c.s.current()
	if err != nil {
		return nil, err
	}
	rule, err := ruleOf(r)
	if err != nil {
		return nil, err
	}
	ps, err := sc.plan.CreateRecurring(sc.ctx, sc.ws, input(in), rule)
	if err != nil {
		return nil, err
	}
	return sc.postsDTO(ps), nil
}

func ruleOf(r Recurrence) (calendar.Rule, error) {
	l, err := plan.ParseLocal(r.Start, r.Time)
	if err != nil {
		return calendar.Rule{}, err
	}
	rule := calendar.Rule{Start: l.Day, Time: l.Clock, Every: r.Every, Unit: calendar.Unit(r.Unit), Count: r.Count}
	if r.Until != "" {
		if rule.Until, err = calendar.ParseDay(r.Until); err != nil {
			return calendar.Rule{}, err
		}
	}
	return rule, rule.Validate()
}
