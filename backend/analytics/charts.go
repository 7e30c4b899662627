package analytics

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/network"
)

// The charts are go-echarts options, validated, serialised as the plain
// JSON of an ECharts 5 option: no JavaScript function anywhere, no remote
// asset. The window gives it to echarts@5.6's setOption; the report draws
// the same JSON with go-analyze/charts' RenderEChartsToPNG, which reads a
// subset of ECharts: line, bar (vertical, or horizontal with a category
// y axis), pie with a radius, titles, legends, axis names, min and max of
// value axes, label templates ({b}, {c}, {d}), series colours. The charts
// keep to it, except the two heatmaps (best time, regularity), which it
// cannot draw: Chart.Printable says so, and Report carries their grids for
// the report to draw as tables.
//
// Every value axis starts at 0, set explicitly. Texts are in the chart's
// language; numbers and dates Ruche writes (category labels, data labels)
// follow its formats (FormatNumber, FormatDay). Value-axis ticks are
// written by ECharts itself: the window may give them a formatter of its
// own (Intl.NumberFormat) before drawing.

// ChartKind names a chart of the dashboard.
type ChartKind string

// The charts.
const (
	ChartFollowers    ChartKind = "followers"             // followers over time, one line per account
	ChartEngagement   ChartKind = "engagement_by_network" // engagement rate per network, bars
	ChartInteractions ChartKind = "interactions_by_type"  // likes, reposts, replies, quotes: a donut
	ChartBestTime     ChartKind = "best_time"             // weekday × hour heatmap
	ChartObjectives   ChartKind = "objectives"            // progress of each objective, horizontal bars
	ChartRegularity   ChartKind = "regularity"            // publications per day, calendar heatmap
)

// ChartKinds lists the charts in the order the dashboard shows them.
var ChartKinds = []ChartKind{ChartFollowers, ChartEngagement, ChartInteractions, ChartBestTime, ChartObjectives, ChartRegularity}

// Chart is one chart of the dashboard or report.
type Chart struct {
	Kind  ChartKind `json:"kind"`
	Title string    `json:"title"` // translated, also inside Option
	// Option is the ECharts 5 option, JSON.
	Option json.RawMessage `json:"option"`
	// Freshness is the oldest refresh time of the data behind the chart:
	// among the accounts and publications it shows, the one whose latest
	// reading is the oldest (publications read for the last time, 30 days
	// after they went out, do not count: they are complete). Zero when
	// nothing behind the chart was ever read.
	Freshness time.Time `json:"freshness,omitzero"`
	// Empty is set when the chart has no data to show: the window says so
	// (message analytics.no_data) rather than draw empty axes.
	Empty bool `json:"empty"`
	// Printable reports whether go-analyze/charts can draw Option.
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

// encodeOption validates a go-echarts chart and returns its option as
// JSON; edit, when set, changes the option's map first (what go-echarts
// cannot express).
func encodeOption(c interface {
	Validate()
	JSON() map[string]interface{}
}, edit func(map[string]any)) (json.RawMessage, error) {
	c.Validate()
	obj := c.JSON()
	// go-echarts writes empty components the window does not need.
	for _, k := range []string{"toolbox"} {
		delete(obj, k)
	}
	if edit != nil {
		edit(obj)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(obj); err != nil {
		return nil, fmt.Errorf("chart option: %w", err)
	}
	return json.RawMessage(bytes.TrimSpace(buf.Bytes())), nil
}

// percentTemplate returns an ECharts label template of a percentage:
// "{c} %" in French, "{c}%" in English.
func percentTemplate(lang locale.Lang, placeholder string) string {
	if lang == locale.French {
		return placeholder + nnbsp + "%"
	}
	return placeholder + "%"
}

func title(lang locale.Lang, kind ChartKind) string {
	return message(lang, "analytics.chart."+string(kind), nil)
}

func titleOpts(text string) charts.GlobalOpts {
	return charts.WithTitleOpts(opts.Title{Title: text, Left: "center"})
}

// round keeps d decimals, for data the charts show.
func round(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

// FollowersOption is the line chart of followers over the days of w: one
// line per series, each day's value the followers of the series' last
// reading before the day ended, "-" (no point) before its first reading.
func FollowersOption(lang locale.Lang, w calendar.Window, series []Series, colors []string) (json.RawMessage, error) {
	days := w.Days()
	labels := make([]string, len(days))
	for i, d := range days {
		labels[i] = FormatDay(lang, d)
	}
	ends := dayEnds(w)
	l := charts.NewLine()
	names := make([]string, len(series))
	for i, s := range series {
		names[i] = s.Label
	}
	l.SetGlobalOptions(titleOpts(title(lang, ChartFollowers)),
		charts.WithColorsOpts(colors),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(series) > 0), Type: "scroll", Top: "bottom", Data: names}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, Name: message(lang, "analytics.axis.followers", nil)}))
	l.SetXAxis(labels)
	for k, s := range series {
		// Plain numbers, "-" for no point: a year of 20 accounts is 7,300.
		data := make([]any, len(days))
		j := 0
		var last *Point
		for i, end := range ends {
			for j < len(s.Points) && s.Points[j].At.Before(end) {
				last = &s.Points[j]
				j++
			}
			if last == nil {
				data[i] = "-"
			} else {
				data[i] = last.Followers
			}
		}
		l.AddSeries(s.Label, nil, charts.WithLineChartOpts(opts.LineChart{Symbol: "none", ShowSymbol: opts.Bool(false)}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colors[k%len(colors)]}))
		l.MultiSeries[len(l.MultiSeries)-1].Data = data
	}
	return encodeOption(l, nil)
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

// EngagementOption is the bar chart of the engagement rate (by followers)
// of each network, in %, labelled in lang ("4,2 %"); a network whose rate
// is unknown has no bar.
func EngagementOption(lang locale.Lang, shares []Share, colors []string) (json.RawMessage, error) {
	b := charts.NewBar()
	labels := make([]string, len(shares))
	data := make([]opts.BarData, len(shares))
	for i, s := range shares {
		labels[i] = network.DisplayName(s.Key)
		if !s.RateKnown {
			data[i] = opts.BarData{Value: "-"}
			continue
		}
		data[i] = opts.BarData{Value: round(s.Rate, 2), Label: &opts.Label{Show: opts.Bool(true), Position: "top", Formatter: FormatPercent(lang, s.Rate)}}
	}
	b.SetGlobalOptions(titleOpts(title(lang, ChartEngagement)),
		charts.WithColorsOpts(colors),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, Name: "%"}))
	b.SetXAxis(labels)
	// The series' label is go-analyze's; the window shows each bar's own.
	b.AddSeries(message(lang, "analytics.kpi.engagement_rate", nil), data, charts.WithItemStyleOpts(opts.ItemStyle{Color: colors[0]}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Formatter: percentTemplate(lang, "{c}")}))
	return encodeOption(b, nil)
}

// InteractionsOption is the donut of interactions by type: likes, reposts,
// replies, quotes, each labelled with its count and share in lang.
func InteractionsOption(lang locale.Lang, e Engagement, colors []string) (json.RawMessage, error) {
	p := charts.NewPie()
	total := float64(e.Interactions)
	var data []opts.PieData
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
		data = append(data, opts.PieData{Name: name, Value: it.n, Label: &opts.Label{Formatter: text}})
	}
	p.SetGlobalOptions(titleOpts(title(lang, ChartInteractions)),
		charts.WithColorsOpts(colors),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "bottom"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}))
	p.AddSeries(message(lang, "analytics.kpi.interactions", nil), data,
		charts.WithPieChartOpts(opts.PieChart{Radius: []string{"40%", "65%"}}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}: {c}"}))
	return encodeOption(p, nil)
}

// heatItem is a heatmap cell with a label of its own.
type heatItem struct {
	Value []any       `json:"value"`
	Label *opts.Label `json:"label,omitempty"`
}

// BestTimeOption is the weekday × hour heatmap: each cell coloured by the
// mean engagement rate of the publications of that local hour, labelled
// with their number (the sample size); the value is [hour, weekday
// (Monday 0), rate %, publications].
func BestTimeOption(lang locale.Lang, b BestTime, colors []string) (json.RawMessage, error) {
	h := charts.NewHeatMap()
	hours := make([]string, 24)
	for i := range hours {
		hours[i] = FormatHour(lang, i)
	}
	days := make([]string, 7)
	for i := range days {
		days[i] = Weekday(lang, i)
	}
	var items []heatItem
	top := 0.0
	for d := range b.Cells {
		for hr, c := range b.Cells[d] {
			if c.N == 0 {
				continue
			}
			top = math.Max(top, c.Rate)
			items = append(items, heatItem{Value: []any{hr, d, round(c.Rate, 2), c.N},
				Label: &opts.Label{Show: opts.Bool(true), Formatter: FormatCount(lang, c.N)}})
		}
	}
	h.SetGlobalOptions(titleOpts(title(lang, ChartBestTime)),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: hours, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: days, Inverse: opts.Bool(true), SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Min: 0, Max: float32(math.Max(round(top, 2), 1)),
			Calculable: opts.Bool(true), Orient: "horizontal", Left: "center", Bottom: "0",
			InRange: &opts.VisualMapInRange{Color: []string{"#f4f6fb", colors[0]}}}))
	series := charts.SingleSeries{Name: message(lang, "analytics.kpi.engagement_rate", nil), Type: types.ChartHeatMap, Data: items}
	h.MultiSeries = append(h.MultiSeries, series)
	return encodeOption(h, func(o map[string]any) {
		// The colour follows the rate (value[2]), not the sample size that
		// comes last.
		o["visualMap"] = visualMaps(o["visualMap"], map[string]any{"dimension": 2})
	})
}

// visualMaps returns the visual maps with "min": 0 written, which
// go-echarts leaves out as an empty value, a "calculable" it wrote null
// left out, and the fields of set.
func visualMaps(vm any, set map[string]any) any {
	b, err := json.Marshal(vm)
	if err != nil {
		return vm
	}
	var ms []map[string]any
	if json.Unmarshal(b, &ms) != nil {
		return vm
	}
	for _, m := range ms {
		m["min"] = 0
		if m["calculable"] == nil {
			delete(m, "calculable")
		}
		for k, v := range set {
			m[k] = v
		}
	}
	return ms
}

// Objective progress colours, by status.
var statusColors = map[ProgressStatus]string{
	Achieved: "#3ba272", OnTrack: "#5470c6", Behind: "#fac858", Missed: "#ee6666", NotStarted: "#c0c4cc", NotMeasured: "#c0c4cc",
}

// ObjectivesOption is the bar chart of the objectives' progress, in % of
// their target from 0 to 100 (bars stop at 100, labels tell the real
// figure and the status), coloured by status. The bars stand upright:
// go-analyze/charts cannot bound the value axis of horizontal bars.
func ObjectivesOption(lang locale.Lang, ps []Progress) (json.RawMessage, error) {
	b := charts.NewBar()
	labels := make([]string, len(ps))
	data := make([]opts.BarData, len(ps))
	for i, p := range ps {
		labels[i] = ObjectiveShortLabel(lang, p.Objective)
		text := message(lang, "analytics.progress."+string(p.Status), nil)
		if p.Known {
			text = FormatPercent(lang, p.Percent) + "\n" + text
		}
		data[i] = opts.BarData{Value: round(math.Min(math.Max(p.Percent, 0), 100), 1),
			Label:     &opts.Label{Show: opts.Bool(true), Position: "top", Formatter: text},
			ItemStyle: &opts.ItemStyle{Color: statusColors[p.Status]}}
	}
	b.SetGlobalOptions(titleOpts(title(lang, ChartObjectives)),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, Max: 100, SplitNumber: 5,
			AxisLabel: &opts.AxisLabel{Formatter: types.FuncStr(percentTemplate(lang, "{value}"))}}))
	b.SetXAxis(labels)
	b.AddSeries(message(lang, "analytics.chart.objectives", nil), data,
		charts.WithBarChartOpts(opts.BarChart{BarWidth: "40%"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: statusColors[OnTrack]}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Formatter: percentTemplate(lang, "{c}")}))
	return encodeOption(b, func(o map[string]any) {
		// Long objectives wrap under their bar.
		if xs, ok := o["xAxis"].([]opts.XAxis); ok && len(xs) == 1 {
			o["xAxis"] = []any{map[string]any{"type": "category", "data": xs[0].Data,
				"axisLabel": map[string]any{"interval": 0, "width": 150, "overflow": "break"}}}
		}
	})
}

// RegularityOption is the calendar heatmap of the publications of each
// day of the period; the value is ["YYYY-MM-DD", publications].
func RegularityOption(lang locale.Lang, p Period, counts []DayCount, colors []string) (json.RawMessage, error) {
	h := charts.NewHeatMap()
	data := make([]opts.HeatMapData, len(counts))
	top := 1
	for i, c := range counts {
		data[i] = opts.HeatMapData{Value: []any{c.Day.String(), c.Count}}
		top = max(top, c.Count)
	}
	h.SetGlobalOptions(titleOpts(title(lang, ChartRegularity)),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Min: 0, Max: float32(top), Orient: "horizontal", Left: "center", Bottom: "0",
			InRange: &opts.VisualMapInRange{Color: []string{"#ebedf0", colors[0]}}}))
	h.AddCalendar(&opts.Calendar{Range: []string{p.From.String(), p.To.String()}, Top: "60", Left: "60", Right: "30", Bottom: "70", CellSize: "auto",
		DayLabel: &opts.CalendarLabel{FirstDay: 1}, YearLabel: &opts.CalendarLabel{Show: opts.Bool(false)}})
	h.AddSeries(message(lang, "analytics.kpi.publications", nil), data, charts.WithCoordinateSystem("calendar"))
	weekdays := make([]string, 7) // ECharts wants Sunday first
	for i := range weekdays {
		weekdays[i] = Weekday(lang, (i+6)%7)
	}
	months := monthsEN
	if lang == locale.French {
		months = monthsFR
	}
	return encodeOption(h, func(o map[string]any) {
		cal, err := json.Marshal(o["calendar"])
		if err != nil {
			return
		}
		var cs []map[string]any
		if json.Unmarshal(cal, &cs) != nil || len(cs) != 1 {
			return
		}
		cs[0]["dayLabel"] = map[string]any{"firstDay": 1, "nameMap": weekdays}
		cs[0]["monthLabel"] = map[string]any{"nameMap": months[:]}
		o["calendar"] = cs
		o["visualMap"] = visualMaps(o["visualMap"], nil)
	})
}
