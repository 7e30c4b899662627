package report

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/go-analyze/charts"

	"ruche/backend/analytics/chart"
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
	chartInvalid                   // unreadable or unsupported chart: say so
)

// chartPlan is a chart ready to render with go-analyze/charts: the
// options of a line, bar or donut chart, or a heat map, which the library
// draws with a painter of its own.
type chartPlan struct {
	opt  *charts.ChartOption
	heat *charts.HeatMapOption
}

var errUnsupported = errors.New("unsupported chart")

// planChart plans the image of c on paper: its size, a white background,
// no title (the section has it), the value axis from 0, the numbers in
// the report's language, the labels the window shows. Heat maps, on a
// grid or a calendar, become the library's heat map. A chart holding no
// value is empty.
func planChart(c chart.Chart, lang locale.Lang) (chartPlan, chartState, error) {
	switch c.Kind {
	case chart.Line, chart.Bar:
		if knownPoints(c.Series) == 0 {
			return chartPlan{}, chartEmpty, nil
		}
		return chartPlan{opt: cartesian(c, lang)}, chartReady, nil
	case chart.Donut:
		if knownPoints(c.Series) == 0 {
			return chartPlan{}, chartEmpty, nil
		}
		return chartPlan{opt: donut(c, lang)}, chartReady, nil
	case chart.Heat:
		heat, n := heatMap(c)
		if n == 0 {
			return chartPlan{}, chartEmpty, nil
		}
		return chartPlan{heat: heat}, chartReady, nil
	case chart.Calendar:
		heat, n, err := calendarHeatMap(c)
		if err != nil {
			return chartPlan{}, chartInvalid, err
		}
		if n == 0 {
			return chartPlan{}, chartEmpty, nil
		}
		return chartPlan{heat: heat}, chartReady, nil
	}
	return chartPlan{}, chartInvalid, fmt.Errorf("%w: kind %q", errUnsupported, c.Kind)
}

// knownPoints counts the points holding a value.
func knownPoints(series []chart.Series) int {
	n := 0
	for _, s := range series {
		n += countKnown(s)
	}
	return n
}

// countKnown counts the points of s holding a value.
func countKnown(s chart.Series) int {
	n := 0
	for _, p := range s.Points {
		if p.Known {
			n++
		}
	}
	return n
}

// renderChart draws a prepared chart as a PNG. The library is given data
// from elsewhere: a panic in it fails this chart, not the report.
func renderChart(p chartPlan) (png []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("chart library: %v", r)
		}
	}()
	if p.heat == nil {
		if p.opt == nil {
			return nil, errors.New("no chart to draw")
		}
		painter, err := charts.Render(*p.opt)
		if err != nil {
			return nil, err
		}
		return painter.Bytes()
	}
	painter := charts.NewPainter(charts.PainterOptions{OutputFormat: charts.ChartOutputPNG, Width: chartPxW, Height: chartPxH})
	white := charts.ColorWhite
	painter.FilledRect(0, 0, chartPxW, chartPxH, white, white, 0)
	if err := painter.HeatMapChart(*p.heat); err != nil {
		return nil, err
	}
	return painter.Bytes()
}

// paper is the library's theme on a white page.
func paper() charts.ColorPalette {
	return charts.GetTheme("").WithBackgroundColor(charts.ParseColor("#ffffff"))
}

// libraryValue is a point's value for the library, its null when none.
func libraryValue(p chart.Point) float64 {
	if !p.Known {
		return charts.GetNullValue()
	}
	return p.Value
}

// cartesian is the library's options for the lines or bars of c.
func cartesian(c chart.Chart, lang locale.Lang) *charts.ChartOption {
	typ := charts.ChartTypeLine
	series := c.Series
	stacked := false
	if c.Kind == chart.Bar {
		typ = charts.ChartTypeBar
		if !c.Legend {
			series, stacked = splitColours(series)
		}
	}
	theme := paper()
	list := make(charts.GenericSeriesList, len(series))
	colours := make([]charts.Color, len(series))
	styled := false
	names := make([]string, len(series))
	for i, s := range series {
		values := make([]float64, len(s.Points))
		for j, p := range s.Points {
			values[j] = libraryValue(p)
		}
		list[i] = charts.GenericSeries{Type: typ, Name: s.Name, Values: values,
			Label: charts.SeriesLabel{Show: charts.Ptr(typ == charts.ChartTypeBar && s.Labelled)}}
		colours[i] = theme.GetSeriesColor(i)
		if col := charts.ParseColor(s.Color); !col.IsZero() {
			colours[i], styled = col, true
		}
		names[i] = s.Name
	}
	if styled {
		theme = theme.WithSeriesColors(colours)
	}
	legend := charts.LegendOption{Show: charts.Ptr(c.Legend), SeriesNames: []string{}, Vertical: charts.Ptr(false)}
	if c.Kind == chart.Line {
		legend.SeriesNames = names
	}
	if c.Legend {
		legend.Offset.Top = "bottom"
	}
	axis := charts.YAxisOption{Min: charts.Ptr(0.0), Theme: theme, Title: c.Axis.Name, LabelCount: c.Axis.Ticks, SplitLineShow: charts.Ptr(true)}
	if c.Axis.Max > 0 {
		axis.Max = charts.Ptr(c.Axis.Max)
	}
	opt := &charts.ChartOption{OutputFormat: charts.ChartOutputPNG, Width: chartPxW, Height: chartPxH, Theme: theme,
		Title: charts.TitleOption{Show: charts.Ptr(false)}, Legend: legend, SeriesList: list, BarSize: c.BarWidth,
		XAxis: charts.XAxisOption{Theme: theme, BoundaryGap: charts.Ptr(true), Labels: c.Categories},
		YAxis: []charts.YAxisOption{axis}}
	if stacked {
		opt.StackSeries = charts.Ptr(true)
	}
	if c.Kind == chart.Line {
		// The window draws lines without symbols; a lone point of a line
		// is a dot: made visible.
		opt.Symbol.Shape = charts.SymbolNone
		for i, s := range c.Series {
			if countKnown(s) == 1 {
				if i == 0 {
					opt.Symbol.Shape = charts.SymbolCircle
				}
				opt.Symbol.Size = 12
				break
			}
		}
	}
	textOf(c, series, lang).apply(opt)
	spaceCategories(&opt.XAxis)
	if labelled(opt.SeriesList) {
		opt.Padding = charts.NewBox(20, 50, 20, 20) // left, top, right, bottom: room for two lines of label above a full bar
	}
	return opt
}

// donutHole and donutRadius are the window's ring, 40 % and 65 % of half
// the smaller side, as the library measures it, in shares of the side.
const (
	donutHole   = "20%"
	donutRadius = "32.5%"
)

// donut is the library's options for the ring of c: a series per slice,
// every slice labelled. Its slices take the library's colours.
func donut(c chart.Chart, lang locale.Lang) *charts.ChartOption {
	var list charts.GenericSeriesList
	for _, s := range c.Series {
		for i, p := range s.Points {
			list = append(list, charts.GenericSeries{Type: charts.ChartTypeDoughnut, Name: category(c, i), Radius: donutRadius,
				Values: []float64{libraryValue(p)}, Label: charts.SeriesLabel{Show: charts.Ptr(true)}})
		}
	}
	legend := charts.LegendOption{Show: charts.Ptr(c.Legend), SeriesNames: []string{}, Vertical: charts.Ptr(false)}
	if c.Legend {
		legend.Offset.Top = "bottom"
	}
	opt := &charts.ChartOption{OutputFormat: charts.ChartOutputPNG, Width: chartPxW, Height: chartPxH, Theme: paper(),
		Title: charts.TitleOption{Show: charts.Ptr(false)}, Legend: legend, SeriesList: list, YAxis: []charts.YAxisOption{},
		Radius: donutRadius, RadiusCenter: donutHole}
	textOf(c, c.Series, lang).apply(opt)
	return opt
}

// category is the name of c's i-th category, "" past the last.
func category(c chart.Chart, i int) string {
	if i < len(c.Categories) {
		return c.Categories[i]
	}
	return ""
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
// stacked on one another, since the library colours whole series only.
// The caller does so only without a legend, which would list the colours.
func splitColours(series []chart.Series) ([]chart.Series, bool) {
	if len(series) != 1 {
		return series, false
	}
	s := series[0]
	colours := make([]string, len(s.Points)) // each bar's, "" the theme's
	var distinct []string
	for i, p := range s.Points {
		if colours[i] = p.Color; colours[i] == "" {
			colours[i] = s.Color
		}
		if !slices.Contains(distinct, colours[i]) {
			distinct = append(distinct, colours[i])
		}
	}
	if len(distinct) < 2 {
		return series, false
	}
	split := make([]chart.Series, len(distinct))
	for k, c := range distinct {
		part := s
		part.Color = c
		part.Points = make([]chart.Point, len(s.Points))
		for i, p := range s.Points {
			if colours[i] == c {
				part.Points[i] = p
			}
		}
		split[k] = part
	}
	return split, true
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

// maxHeatSide is the most columns or rows a heat map is drawn with.
const maxHeatSide = 1000

// heatMap lays the cells of c out as the library's heat map, rows top
// first, and counts them.
func heatMap(c chart.Chart) (*charts.HeatMapOption, int) {
	type cell struct {
		x, y int
		v    float64
	}
	var cells []cell
	nx, ny := len(c.Categories), len(c.Rows)
	for _, s := range c.Series {
		for _, ce := range s.Cells {
			if ce.Col < 0 || ce.Row < 0 || ce.Col > maxHeatSide || ce.Row > maxHeatSide || math.IsNaN(ce.Value) || math.IsInf(ce.Value, 0) {
				continue
			}
			cells = append(cells, cell{ce.Col, ce.Row, ce.Value})
			nx, ny = max(nx, ce.Col+1), max(ny, ce.Row+1)
		}
	}
	if len(cells) == 0 {
		return nil, 0
	}
	values := nullGrid(ny, nx)
	for _, ce := range cells {
		values[ce.y][ce.x] = ce.v
	}
	xs, ys := slices.Clone(c.Categories), slices.Clone(c.Rows)
	for len(xs) < nx {
		xs = append(xs, strconv.Itoa(len(xs)))
	}
	for len(ys) < ny {
		ys = append(ys, strconv.Itoa(len(ys)))
	}
	opt := charts.NewHeatMapOptionWithData(values)
	opt.XAxis.Labels, opt.YAxis.Labels = xs[:nx], ys[:ny]
	if nx > maxCategoryLabels {
		opt.XAxis.Labels = labelEvery(opt.XAxis.Labels, 2) // 0 h, 2 h, … 22 h
	}
	opt.XAxis.LabelCount = nx // the library writes them all, blanks included, and picks none of its own
	return &opt, len(cells)
}

// calendarHeatMap lays the days of c out as weeks across and weekdays
// down, Monday first, with each month's name over the week of its first
// day shown.
func calendarHeatMap(c chart.Chart) (*charts.HeatMapOption, int, error) {
	type cell struct {
		t time.Time
		v float64
	}
	var cells []cell
	var first, last time.Time
	for _, s := range c.Series {
		for _, d := range s.Days {
			t := time.Date(d.Day.Year, d.Day.Month, d.Day.Day, 0, 0, 0, 0, time.UTC)
			cells = append(cells, cell{t, d.Value})
			if first.IsZero() || t.Before(first) {
				first = t
			}
			if t.After(last) {
				last = t
			}
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
	for _, ce := range cells {
		days := int(ce.t.Sub(start).Hours() / 24)
		values[days%7][days/7] = ce.v
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
			if int(month) <= len(c.Months) {
				cols[w] = c.Months[month-1]
			}
			break
		}
	}
	opt := charts.NewHeatMapOptionWithData(values)
	opt.XAxis.Labels, opt.YAxis.Labels = cols, c.Rows
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
