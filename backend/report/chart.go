package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-analyze/charts"

	"ruche/backend/locale"
)

// The size, in pixels, charts are drawn at: printed 174 mm wide, about
// 146 dots per inch.
const (
	chartPxW = 1000
	chartPxH = 520
)

// chartState is what preparing a chart found.
type chartState int

const (
	chartReady   chartState = iota // drawable: render it
	chartEmpty                     // no data point: say so
	chartInvalid                   // unreadable or unsupported options: say so
)

// chartPlan is a chart ready to render: either ECharts options for
// go-analyze/charts or a heat map, which that library draws only from Go.
type chartPlan struct {
	option string
	text   chartText // the words of an option's image, in the report's language
	heat   *charts.HeatMapOption
	bars   *charts.BarChartOption // horizontal bars: the only way to start their value axis at 0
}

var errUnsupported = errors.New("unsupported chart")

// prepareChart reads the ECharts option JSON the window draws and adapts it
// for paper: the size, a white background, no title (the section has it), a
// value axis that starts at 0, axis and legend entries as text, ECharts'
// pie radius (a share of the half side) in the library's terms (a share of
// the side), [x, y] points as a category axis. Heat maps, cartesian or
// calendar, become the library's heat map. A chart whose series hold no
// value is empty.
func prepareChart(option string, lang locale.Lang) (chartPlan, chartState, error) {
	var o map[string]any
	if err := json.Unmarshal([]byte(option), &o); err != nil {
		return chartPlan{}, chartInvalid, err
	}
	if o == nil {
		return chartPlan{}, chartInvalid, errors.New("chart options are not an object")
	}
	series := list(o["series"])
	if len(series) == 0 {
		return chartPlan{}, chartEmpty, nil
	}
	points, cartesian := 0, false
	for i, raw := range series {
		s, ok := raw.(map[string]any)
		if !ok {
			return chartPlan{}, chartInvalid, fmt.Errorf("series %d is not an object", i)
		}
		typ, _ := s["type"].(string)
		switch typ {
		case "heatmap":
			if len(series) != 1 {
				return chartPlan{}, chartInvalid, fmt.Errorf("%w: heat map mixed with other series", errUnsupported)
			}
			heat, n, err := heatMap(o, s, lang)
			if err != nil || n == 0 {
				return chartPlan{}, stateOf(n, err), err
			}
			return chartPlan{heat: heat}, chartReady, nil
		case "", "line", "bar", "scatter":
			cartesian = true
		case "pie":
			fixRadius(s)
		case "radar", "funnel":
		default:
			return chartPlan{}, chartInvalid, fmt.Errorf("%w: series type %q", errUnsupported, typ)
		}
		n := countValues(list(s["data"]))
		if n == 1 && (typ == "" || typ == "line") {
			// a lone point of a line is a dot: make it visible
			s["symbol"], s["symbolSize"] = "circle", 12.0
		}
		points += n
	}
	if points == 0 {
		return chartPlan{}, chartEmpty, nil
	}
	if cartesian && horizontal(o) {
		bars, err := horizontalBars(o, series, lang)
		if err != nil {
			return chartPlan{}, chartInvalid, err
		}
		return chartPlan{bars: bars}, chartReady, nil
	}
	if cartesian {
		splitColours(o)
		pairsToCategories(o, series)
		o["yAxis"] = valueAxesFromZero(list(o["yAxis"]))
		for _, ax := range list(o["xAxis"]) {
			if m, ok := ax.(map[string]any); ok {
				m["data"] = texts(list(m["data"]))
			}
		}
	}
	if legend, ok := o["legend"].(map[string]any); ok {
		legend["data"] = texts(list(legend["data"]))
	}
	o["width"], o["height"] = chartPxW, chartPxH
	o["backgroundColor"] = "#ffffff"
	o["title"] = map[string]any{"show": false}
	b, err := json.Marshal(o)
	if err != nil {
		return chartPlan{}, chartInvalid, err
	}
	return chartPlan{option: string(b), text: textOf(o, lang)}, chartReady, nil
}

func stateOf(points int, err error) chartState {
	if err != nil {
		return chartInvalid
	}
	if points == 0 {
		return chartEmpty
	}
	return chartReady
}

// renderChart draws a prepared chart as a PNG. The library is given data
// from elsewhere: a panic in it fails this chart, not the report.
func renderChart(p chartPlan) (png []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("chart library: %v", r)
		}
	}()
	if p.heat == nil && p.bars == nil {
		opt, err := libraryOption(p)
		if err != nil {
			return nil, err
		}
		painter, err := charts.Render(opt)
		if err != nil {
			return nil, err
		}
		return painter.Bytes()
	}
	painter := charts.NewPainter(charts.PainterOptions{OutputFormat: charts.ChartOutputPNG, Width: chartPxW, Height: chartPxH})
	white := charts.ColorWhite
	painter.FilledRect(0, 0, chartPxW, chartPxH, white, white, 0)
	if p.heat != nil {
		err = painter.HeatMapChart(*p.heat)
	} else {
		err = painter.BarChart(*p.bars)
	}
	if err != nil {
		return nil, err
	}
	return painter.Bytes()
}

// labelled reports whether a bar series writes labels.
func labelled(series charts.GenericSeriesList) bool {
	for _, s := range series {
		if s.Type == charts.ChartTypeBar && s.Label.Show != nil && *s.Label.Show {
			return true
		}
	}
	return false
}

// splitColours gives each colour of a lone bar series whose bars have
// colours of their own (an objective's status) a series of its own,
// stacked on one another, since the library colours whole series only. It
// does so only without a legend, which would list the colours.
func splitColours(o map[string]any) {
	series := list(o["series"])
	if len(series) != 1 {
		return
	}
	if l, ok := o["legend"].(map[string]any); !ok || l["show"] != false {
		return
	}
	s, _ := series[0].(map[string]any)
	if typ, _ := s["type"].(string); typ != "bar" {
		return
	}
	colourOf := func(v any) string {
		m, _ := v.(map[string]any)
		style, _ := m["itemStyle"].(map[string]any)
		c, _ := style["color"].(string)
		return c
	}
	fallback := colourOf(s) // "" is the theme's
	data := list(s["data"])
	colours := make([]string, len(data)) // each bar's
	var distinct []string
	for i, item := range data {
		if colours[i] = colourOf(item); colours[i] == "" {
			colours[i] = fallback
		}
		if !slices.Contains(distinct, colours[i]) {
			distinct = append(distinct, colours[i])
		}
	}
	if len(distinct) < 2 {
		return
	}
	split := make([]any, 0, len(distinct))
	for _, c := range distinct {
		part := maps.Clone(s)
		items := make([]any, len(data))
		for i, item := range data {
			items[i] = "-"
			if colours[i] == c {
				items[i] = item
			}
		}
		part["data"], part["stack"] = items, "colours"
		if c == "" {
			delete(part, "itemStyle")
		} else {
			part["itemStyle"] = map[string]any{"color": c}
		}
		split = append(split, part)
	}
	o["series"] = split
}

// maxCategoryLabels is the most labels written under a category axis: a
// day's "30 nov." every 80 pixels or more.
const maxCategoryLabels = 12

// spaceCategories writes one label every few categories on a long category
// axis (a month of days: every third day), evenly, from the first. The
// library always writes the last category's label as well; unless it
// falls on the step, it is left blank so that it does not run into the
// one before. The library places label i at
// round(i × step) where step is the categories over the label count, one
// more position on each side when labels sit between ticks (its default).
func spaceCategories(axis *charts.XAxisOption) {
	n := len(axis.Labels)
	if n <= 2*maxCategoryLabels || axis.LabelCount != 0 {
		return
	}
	every := (n + maxCategoryLabels - 1) / maxCategoryLabels
	count := max(2, int(math.Round(float64(n)/float64(every))))
	step := float64(n) / float64(count)
	if axis.BoundaryGap != nil && !*axis.BoundaryGap {
		step = float64(n-1) / float64(count-1)
	}
	if lastTick := int(math.Floor(float64(n-1)/step)*step + 0.5); lastTick != n-1 {
		axis.Labels = slices.Clone(axis.Labels)
		axis.Labels[n-1] = ""
	}
	axis.LabelCount = count
}

// labelEvery returns labels with only every k-th one from the first kept,
// the others blank.
func labelEvery(labels []string, k int) []string {
	out := make([]string, len(labels))
	for i := 0; i < len(labels); i += k {
		out[i] = labels[i]
	}
	return out
}

// libraryOption turns a prepared ECharts option into the library's, its
// texts in the report's language and its category labels spaced.
func libraryOption(p chartPlan) (charts.ChartOption, error) {
	var eo charts.EChartsOption
	if err := json.Unmarshal([]byte(p.option), &eo); err != nil {
		return charts.ChartOption{}, err
	}
	opt, err := eo.ToOption()
	if err != nil {
		return charts.ChartOption{}, err
	}
	p.text.apply(&opt)
	spaceCategories(&opt.XAxis)
	if labelled(opt.SeriesList) && !opt.Padding.IsDefined() {
		opt.Padding = charts.NewBox(20, 50, 20, 20) // left, top, right, bottom: room for two lines of label above a full bar
	}
	opt.OutputFormat = charts.ChartOutputPNG
	return opt, nil
}

// firstAxis returns the first axis of key ("xAxis", "yAxis"), or none.
func firstAxis(o map[string]any, key string) map[string]any {
	for _, ax := range list(o[key]) {
		if m, ok := ax.(map[string]any); ok {
			return m
		}
	}
	return map[string]any{}
}

// horizontal reports whether the categories are on the y axis.
func horizontal(o map[string]any) bool {
	x, _ := firstAxis(o, "xAxis")["type"].(string)
	y, _ := firstAxis(o, "yAxis")["type"].(string)
	return y == "category" || (x == "value" && y != "value")
}

// horizontalBars converts horizontal bars: the library reads no minimum for
// the value axis of ECharts bars laid on their side, so they are drawn from
// Go with the axis from 0 (or the option's own numeric min and max).
func horizontalBars(o map[string]any, series []any, lang locale.Lang) (*charts.BarChartOption, error) {
	xAx, yAx := firstAxis(o, "xAxis"), firstAxis(o, "yAxis")
	labels := texts(list(yAx["data"]))
	inverse, _ := yAx["inverse"].(bool) // ECharts puts the first category at the bottom unless inverse
	var values [][]float64
	var names []string
	for _, raw := range series {
		s := raw.(map[string]any)
		if typ, _ := s["type"].(string); typ != "bar" {
			return nil, fmt.Errorf("%w: %q series on a category y axis", errUnsupported, typ)
		}
		var vs []float64
		for _, item := range list(s["data"]) {
			v, ok := num(dataValue(item))
			if !ok {
				v = charts.GetNullValue()
			}
			vs = append(vs, v)
		}
		name, _ := s["name"].(string)
		values, names = append(values, vs), append(names, name)
	}
	n := len(labels)
	for _, vs := range values {
		n = max(n, len(vs))
	}
	for len(labels) < n {
		labels = append(labels, "")
	}
	for i := range values {
		for len(values[i]) < n {
			values[i] = append(values[i], charts.GetNullValue())
		}
		if inverse {
			slices.Reverse(values[i])
		}
	}
	if inverse {
		slices.Reverse(labels)
	}
	text := chartText{lang: lang}
	axis := charts.ValueAxisOption{Min: charts.Ptr(0.0), Title: label(xAx["name"]), ValueFormatter: text.formatter(axisTemplate(xAx))}
	if v, ok := xAx["min"].(float64); ok {
		axis.Min = &v
	}
	if v, ok := xAx["max"].(float64); ok {
		axis.Max = &v
		if span := v - *axis.Min; span > 0 && math.Mod(span, 5) == 0 {
			axis.LabelCount = 6 // 0, 20, … 100 rather than the library's tenths
		}
	}
	legend := charts.LegendOption{Show: charts.Ptr(false), SeriesNames: names}
	if l, ok := o["legend"].(map[string]any); ok && l["show"] != false {
		legend.Show = charts.Ptr(true)
	}
	return &charts.BarChartOption{
		Horizontal:   true,
		ValueAxis:    []charts.ValueAxisOption{axis},
		CategoryAxis: charts.CategoryAxisOption{Labels: labels, Title: label(yAx["name"])},
		SeriesList:   charts.NewSeriesListBar(values, charts.BarSeriesOption{Names: names}),
		Legend:       legend,
		Padding:      charts.NewBoxEqual(20),
	}, nil
}

// list returns v as a list: ECharts accepts one object where it takes many.
func list(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	default:
		return []any{v}
	}
}

// dataValue returns the value of an ECharts data item: a number, a string
// holding one, an array or an object with a "value".
func dataValue(item any) any {
	if m, ok := item.(map[string]any); ok {
		return m["value"]
	}
	return item
}

// num reads an ECharts scalar as a number; "-", null and text are none.
func num(v any) (float64, bool) {
	switch v := v.(type) {
	case float64:
		return v, !math.IsNaN(v) && !math.IsInf(v, 0)
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return f, err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
	}
	return 0, false
}

// countValues counts the data items holding a value.
func countValues(data []any) int {
	n := 0
	for _, item := range data {
		v := dataValue(item)
		if arr, ok := v.([]any); ok && len(arr) > 0 {
			v = arr[len(arr)-1]
		}
		if _, ok := num(v); ok {
			n++
		}
	}
	return n
}

// texts turns axis or legend entries into the strings the library reads:
// numbers print as numbers, objects by their "value" or "name".
func texts(items []any) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		if m, ok := it.(map[string]any); ok {
			if v, ok := m["value"]; ok {
				it = v
			} else {
				it = m["name"]
			}
		}
		out = append(out, label(it))
	}
	return out
}

func label(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		return fmt.Sprint(v)
	}
}

// valueAxesFromZero makes each value axis start at 0 unless it gives its own
// numeric minimum; ECharts' "dataMin" and the like are not numbers and give
// way to 0 as well. No axis at all gets one.
func valueAxesFromZero(axes []any) []any {
	if len(axes) == 0 {
		return []any{map[string]any{"type": "value", "min": 0.0}}
	}
	for _, ax := range axes {
		m, ok := ax.(map[string]any)
		if !ok {
			continue
		}
		if typ, _ := m["type"].(string); typ == "category" || typ == "time" {
			m["data"] = texts(list(m["data"]))
			continue
		}
		if _, ok := m["min"].(float64); !ok {
			m["min"] = 0.0
		}
		if _, ok := m["max"].(float64); !ok {
			delete(m, "max")
		}
	}
	return axes
}

// fixRadius rewrites an ECharts pie radius, a share of half the smaller
// side, as the library's share of the whole side, and makes a pie with a
// hole a doughnut.
func fixRadius(s map[string]any) {
	half := func(v any) any {
		if str, ok := v.(string); ok {
			if p, ok := strings.CutSuffix(str, "%"); ok {
				if f, err := strconv.ParseFloat(p, 64); err == nil {
					return strconv.FormatFloat(f/2, 'f', -1, 64) + "%"
				}
			}
		}
		return v
	}
	switch r := s["radius"].(type) {
	case []any:
		for i := range r {
			r[i] = half(r[i])
		}
		if len(r) == 2 {
			if inner, ok := num(strings.TrimSuffix(label(r[0]), "%")); ok && inner > 0 {
				s["type"] = "doughnut"
			}
		}
	case string:
		s["radius"] = half(r)
	}
}

// pairsToCategories turns series of [x, y] points (an ECharts time or
// value x axis) into a category axis of the x values, in the order of the
// first series, and series of y values.
func pairsToCategories(o map[string]any, series []any) {
	axes := list(o["xAxis"])
	if len(axes) > 0 {
		if m, ok := axes[0].(map[string]any); ok && len(list(m["data"])) > 0 {
			return
		}
	}
	var order []string
	index := map[string]int{}
	paired := false
	for _, raw := range series {
		s := raw.(map[string]any)
		for _, item := range list(s["data"]) {
			arr, ok := dataValue(item).([]any)
			if !ok || len(arr) < 2 {
				continue
			}
			paired = true
			x := label(arr[0])
			if _, seen := index[x]; !seen {
				index[x] = len(order)
				order = append(order, x)
			}
		}
	}
	if !paired {
		return
	}
	for _, raw := range series {
		s := raw.(map[string]any)
		ys := make([]any, len(order))
		for _, item := range list(s["data"]) {
			if arr, ok := dataValue(item).([]any); ok && len(arr) >= 2 {
				ys[index[label(arr[0])]] = arr[len(arr)-1]
			}
		}
		s["data"] = ys
	}
	ax := map[string]any{}
	if len(axes) > 0 {
		if m, ok := axes[0].(map[string]any); ok {
			ax = m
		}
	}
	data := make([]any, len(order))
	for i, x := range order {
		data[i] = x
	}
	ax["type"], ax["data"] = "category", data
	o["xAxis"] = ax
}

// heatMap converts an ECharts heat map series, on category axes or on a
// calendar, into the library's heat map, and counts its values.
func heatMap(o, s map[string]any, lang locale.Lang) (*charts.HeatMapOption, int, error) {
	if cs, _ := s["coordinateSystem"].(string); cs == "calendar" {
		return calendarHeatMap(s, lang)
	}
	xs, ys := texts(list(firstAxis(o, "xAxis")["data"])), texts(list(firstAxis(o, "yAxis")["data"]))
	pos := func(v any, labels []string) (int, bool) {
		if f, ok := v.(float64); ok && f >= 0 && f == math.Trunc(f) {
			return int(f), true
		}
		for i, l := range labels {
			if l == label(v) {
				return i, true
			}
		}
		return 0, false
	}
	type cell struct {
		x, y int
		v    float64
	}
	var cells []cell
	nx, ny := len(xs), len(ys)
	for _, item := range list(s["data"]) {
		arr, ok := dataValue(item).([]any)
		if !ok || len(arr) < 3 {
			continue
		}
		x, okX := pos(arr[0], xs)
		y, okY := pos(arr[1], ys)
		v, okV := num(arr[2])
		if !okX || !okY || !okV || x > 1000 || y > 1000 {
			continue
		}
		cells = append(cells, cell{x, y, v})
		nx, ny = max(nx, x+1), max(ny, y+1)
	}
	if len(cells) == 0 {
		return nil, 0, nil
	}
	// ECharts puts the first category at the bottom (at the top when the
	// axis is inverse), the library at the top.
	inverse, _ := firstAxis(o, "yAxis")["inverse"].(bool)
	row := func(y int) int {
		if inverse {
			return y
		}
		return ny - 1 - y
	}
	values := nullGrid(ny, nx)
	for _, c := range cells {
		values[row(c.y)][c.x] = c.v
	}
	for len(xs) < nx {
		xs = append(xs, strconv.Itoa(len(xs)))
	}
	for len(ys) < ny {
		ys = append(ys, strconv.Itoa(len(ys)))
	}
	rows := make([]string, ny)
	for i := range ys[:ny] {
		rows[row(i)] = ys[i]
	}
	opt := charts.NewHeatMapOptionWithData(values)
	opt.XAxis.Labels, opt.YAxis.Labels = xs[:nx], rows
	if nx > maxCategoryLabels {
		opt.XAxis.Labels = labelEvery(opt.XAxis.Labels, 2) // 0 h, 2 h, … 22 h
	}
	opt.XAxis.LabelCount = nx // the library writes them all, blanks included, and picks none of its own
	return &opt, len(cells), nil
}

var weekdaysFR = [...]string{"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."}
var weekdaysEN = [...]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

// calendarHeatMap lays an ECharts calendar heat map ([["2026-11-03", 4],
// ...]) out as weeks across and weekdays down, Monday first, with each
// month's name over the week of its first day shown.
func calendarHeatMap(s map[string]any, lang locale.Lang) (*charts.HeatMapOption, int, error) {
	type cell struct {
		t time.Time
		v float64
	}
	var cells []cell
	var first, last time.Time
	for _, item := range list(s["data"]) {
		arr, ok := dataValue(item).([]any)
		if !ok || len(arr) < 2 {
			continue
		}
		str, _ := arr[0].(string)
		t, err := time.Parse("2006-01-02", strings.TrimSpace(str))
		v, okV := num(arr[1])
		if err != nil || !okV {
			continue
		}
		cells = append(cells, cell{t, v})
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	if len(cells) == 0 {
		return nil, 0, nil
	}
	monday := func(t time.Time) time.Time { return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) }
	start := monday(first)
	weeks := int(monday(last).Sub(start).Hours()/24/7) + 1
	if weeks > 60 {
		return nil, 0, fmt.Errorf("%w: calendar of %d weeks", errUnsupported, weeks)
	}
	values := nullGrid(7, weeks)
	for _, c := range cells {
		days := int(c.t.Sub(start).Hours() / 24)
		values[days%7][days/7] = c.v
	}
	cols := make([]string, weeks)
	var month time.Month
	for w := range cols {
		for d := range 7 {
			day := start.AddDate(0, 0, 7*w+d)
			if day.Before(first) || day.After(last) || day.Month() == month {
				continue
			}
			month = day.Month()
			cols[w] = monthsShortEN[month-1]
			if lang == locale.French {
				cols[w] = monthsShortFR[month-1]
			}
			break
		}
	}
	rows := weekdaysEN[:]
	if lang == locale.French {
		rows = weekdaysFR[:]
	}
	opt := charts.NewHeatMapOptionWithData(values)
	opt.XAxis.Labels, opt.YAxis.Labels = cols, rows
	opt.XAxis.LabelCount = weeks // every month's name; the other weeks are blank
	return &opt, len(cells), nil
}

func nullGrid(rows, cols int) [][]float64 {
	g := make([][]float64, rows)
	for r := range g {
		g[r] = make([]float64, cols)
		for c := range g[r] {
			g[r][c] = charts.GetNullValue()
		}
	}
	return g
}
