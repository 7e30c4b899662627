package analytics

import (
	"encoding/json"
	"math"
	"time"

	"ruche/backend/analytics/chart"
	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/network"
)

// Each chart of the dashboard is first a chart.Chart, the neutral
// description both renderers draw: its texts in the chart's language,
// numbers and dates Ruche writes (category labels, data labels) in its
// formats (FormatNumber, FormatDay), every value axis from 0. The window
// gets it as an ECharts 5 option (package echarts); the report receives
// the chart.Chart itself and draws it with go-analyze/charts.

// ChartKind names a chart of the dashboard.
type ChartKind string

// The charts.
const (
	ChartFollowers    ChartKind = "followers"             // followers over time, one line per account
	ChartEngagement   ChartKind = "engagement_by_network" // engagement rate per network, bars
	ChartInteractions ChartKind = "interactions_by_type"  // likes, reposts, replies, quotes: a donut
	ChartBestTime     ChartKind = "best_time"             // weekday × hour heatmap
	ChartObjectives   ChartKind = "objectives"            // progress of each objective, upright bars
	ChartRegularity   ChartKind = "regularity"            // publications per day, calendar heatmap
)

// ChartKinds lists the charts in the order the dashboard shows them.
var ChartKinds = []ChartKind{ChartFollowers, ChartEngagement, ChartInteractions, ChartBestTime, ChartObjectives, ChartRegularity}

// Chart is one chart of the dashboard or report.
type Chart struct {
	Kind  ChartKind `json:"kind"`
	Title string    `json:"title"` // translated, also inside Option
	// Option is the ECharts 5 option of the chart, JSON (echarts.Option).
	Option json.RawMessage `json:"option"`
	// Chart is the chart itself, which the report draws; the window has
	// Option.
	Chart chart.Chart `json:"-"`
	// Freshness is the oldest refresh time of the data behind the chart:
	// among the accounts and publications it shows, the one whose latest
	// reading is the oldest (publications read for the last time, 30 days
	// after they went out, do not count: they are complete). Zero when
	// nothing behind the chart was ever read.
	Freshness time.Time `json:"freshness,omitzero"`
	// Empty is set when the chart has no data to show: the window says so
	// (message analytics.no_data) rather than draw empty axes.
	Empty bool `json:"empty"`
	// Printable reports whether go-analyze/charts' RenderEChartsToPNG can
	// draw Option.
	Printable bool `json:"printable"`
}

// Palette is the colours of the series, the workspace's colour first.
func Palette(brand string) []string {
	p := []string{"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc"}
	if brand != "" {
		p = append([]string{brand}, p...)
	}
	return p
}

// percentUnit is what follows a percentage: "\u202f%" in French, "%" in
// English.
func percentUnit(lang locale.Lang) string {
	if lang == locale.French {
		return nnbsp + "%"
	}
	return "%"
}

func title(lang locale.Lang, kind ChartKind) string {
	return message(lang, "analytics.chart."+string(kind), nil)
}

// round keeps d decimals, for data the charts show.
func round(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

// FollowersChart is the line chart of followers over the days of w: one
// line per series, each day's value the followers of the series' last
// reading before the day ended, no point before its first reading.
func FollowersChart(lang locale.Lang, w calendar.Window, series []Series, colors []string) chart.Chart {
	days := w.Days()
	labels := make([]string, len(days))
	for i, d := range days {
		labels[i] = FormatDay(lang, d)
	}
	c := chart.Chart{Kind: chart.Line, Title: title(lang, ChartFollowers), Colors: colors, Legend: len(series) > 0,
		Categories: labels, Axis: chart.Axis{Name: message(lang, "analytics.axis.followers", nil)}}
	ends := dayEnds(w)
	for k, s := range series {
		points := make([]chart.Point, len(days))
		j := 0
		var last *Point
		for i, end := range ends {
			for j < len(s.Points) && s.Points[j].At.Before(end) {
				last = &s.Points[j]
				j++
			}
			if last != nil {
				points[i] = chart.Point{Value: float64(last.Followers), Known: true}
			}
		}
		c.Series = append(c.Series, chart.Series{Name: s.Label, Color: colors[k%len(colors)], Points: points})
	}
	return c
}

// dayEnds returns the instant each day of w ends, in w's zone.
func dayEnds(w calendar.Window) []time.Time {
	days := w.Days()
	ends := make([]time.Time, len(days))
	for i := range days {
		if i+1 < len(days) {
			next, _ := calendar.NewWindow(days[i+1], days[i+1].AddDays(1), w.Location())
			ends[i] = next.Start
		} else {
			ends[i] = w.End
		}
	}
	return ends
}

// EngagementChart is the bar chart of the engagement rate (by followers)
// of each network, in %, labelled in lang ("4,2 %"); a network whose rate
// is unknown has no bar.
func EngagementChart(lang locale.Lang, shares []Share, colors []string) chart.Chart {
	labels := make([]string, len(shares))
	s := chart.Series{Name: message(lang, "analytics.kpi.engagement_rate", nil), Color: colors[0],
		Points: make([]chart.Point, len(shares)), Labelled: true, Unit: percentUnit(lang)}
	for i, sh := range shares {
		labels[i] = network.DisplayName(sh.Key)
		if sh.RateKnown {
			s.Points[i] = chart.Point{Value: round(sh.Rate, 2), Known: true, Label: FormatPercent(lang, sh.Rate)}
		}
	}
	return chart.Chart{Kind: chart.Bar, Title: title(lang, ChartEngagement), Colors: colors, Categories: labels,
		Axis: chart.Axis{Name: "%"}, Series: []chart.Series{s}}
}

// InteractionsChart is the donut of interactions by type: likes, reposts,
// replies, quotes, each labelled with its count and share in lang.
func InteractionsChart(lang locale.Lang, e Engagement, colors []string) chart.Chart {
	c := chart.Chart{Kind: chart.Donut, Title: title(lang, ChartInteractions), Colors: colors, Legend: true}
	s := chart.Series{Name: message(lang, "analytics.kpi.interactions", nil), Labelled: true}
	total := float64(e.Interactions)
	for _, it := range []struct {
		code string
		n    int
	}{{"analytics.interaction.likes", e.Likes}, {"analytics.interaction.reposts", e.Reposts},
		{"analytics.interaction.replies", e.Replies}, {"analytics.interaction.quotes", e.Quotes}} {
		name := message(lang, it.code, nil)
		text := name + "\n" + FormatCount(lang, it.n)
		if total > 0 {
			text += " (" + FormatPercent(lang, float64(it.n)/total*100) + ")"
		}
		c.Categories = append(c.Categories, name)
		s.Points = append(s.Points, chart.Point{Value: float64(it.n), Known: true, Label: text})
	}
	c.Series = []chart.Series{s}
	return c
}

// BestTimeChart is the weekday × hour heatmap: each cell coloured by the
// mean engagement rate of the publications of that local hour, labelled
// with their number (the sample size).
func BestTimeChart(lang locale.Lang, b BestTime, colors []string) chart.Chart {
	hours := make([]string, 24)
	for i := range hours {
		hours[i] = FormatHour(lang, i)
	}
	days := make([]string, 7)
	for i := range days {
		days[i] = Weekday(lang, i)
	}
	s := chart.Series{Name: message(lang, "analytics.kpi.engagement_rate", nil)}
	top := 0.0
	for d := range b.Cells {
		for hr, c := range b.Cells[d] {
			if c.N == 0 {
				continue
			}
			top = math.Max(top, c.Rate)
			s.Cells = append(s.Cells, chart.Cell{Col: hr, Row: d, Value: round(c.Rate, 2), Count: c.N, Label: FormatCount(lang, c.N)})
		}
	}
	return chart.Chart{Kind: chart.Heat, Title: title(lang, ChartBestTime), Colors: Palette(""), Categories: hours, Rows: days,
		Scale: chart.Scale{Max: math.Max(round(top, 2), 1), From: "#f4f6fb", To: colors[0]}, Series: []chart.Series{s}}
}

// Objective progress colours, by status.
var statusColors = map[ProgressStatus]string{
	Achieved: "#3ba272", OnTrack: "#5470c6", Behind: "#fac858", Missed: "#ee6666", NotStarted: "#c0c4cc", NotMeasured: "#c0c4cc",
}

// ObjectivesChart is the bar chart of the objectives' progress, in % of
// their target from 0 to 100 (bars stop at 100, labels tell the real
// figure and the status), coloured by status. The bars stand upright:
// go-analyze/charts cannot bound the value axis of horizontal bars.
func ObjectivesChart(lang locale.Lang, ps []Progress) chart.Chart {
	unit := percentUnit(lang)
	labels := make([]string, len(ps))
	s := chart.Series{Name: message(lang, "analytics.chart.objectives", nil), Color: statusColors[OnTrack],
		Points: make([]chart.Point, len(ps)), Labelled: true, Unit: unit}
	for i, p := range ps {
		labels[i] = ObjectiveShortLabel(lang, p.Objective)
		text := message(lang, "analytics.progress."+string(p.Status), nil)
		if p.Known {
			text = FormatPercent(lang, p.Percent) + "\n" + text
		}
		s.Points[i] = chart.Point{Value: round(math.Min(math.Max(p.Percent, 0), 100), 1), Known: true, Label: text, Color: statusColors[p.Status]}
	}
	return chart.Chart{Kind: chart.Bar, Title: title(lang, ChartObjectives), Colors: Palette(""), Categories: labels, Wrap: true,
		Axis: chart.Axis{Max: 100, Ticks: 5, Unit: unit}, BarWidth: 0.4, Series: []chart.Series{s}}
}

// RegularityChart is the calendar heatmap of the publications of each day
// of counts, which are every day of a period, in order
// (DailyPublications).
func RegularityChart(lang locale.Lang, counts []DayCount, colors []string) chart.Chart {
	s := chart.Series{Name: message(lang, "analytics.kpi.publications", nil), Days: make([]chart.Day, len(counts))}
	top := 1
	for i, c := range counts {
		s.Days[i] = chart.Day{Day: c.Day, Value: float64(c.Count)}
		top = max(top, c.Count)
	}
	weekdays := make([]string, 7)
	for i := range weekdays {
		weekdays[i] = Weekday(lang, i)
	}
	months := make([]string, 12)
	for i := range months {
		months[i] = locale.MonthShort(lang, time.Month(i+1))
	}
	return chart.Chart{Kind: chart.Calendar, Title: title(lang, ChartRegularity), Colors: Palette(""), Rows: weekdays, Months: months,
		Scale: chart.Scale{Max: float64(top), From: "#ebedf0", To: colors[0]}, Series: []chart.Series{s}}
}
