package report

import (
	"math"

	"github.com/go-analyze/charts"

	"ruche/backend/analytics/chart"
	"ruche/backend/locale"
)

// The words on a chart image are the report's language: go-analyze/charts
// writes its numbers the English way ("2.25k", "1,510", "2.31"). The
// window shows each point's own label when the chart gives one ("2,3 %",
// "J’aime\n1 510 (74,9 %)"), so paper shows that same text; other labels
// and the value axis are written in the report's language by the code
// below.

// chartText is what a chart image writes.
type chartText struct {
	lang locale.Lang
	// labels holds, per series as the library lists them (one per donut
	// slice), the label of each point.
	labels [][]pointLabel
	// unit is written after each graduation of the value axis.
	unit string
}

// labelColour is the grey of the labels written next to a point.
var labelColour = charts.ParseColor("#464646")

// pointLabel is the value of a point and the text of its label.
type pointLabel struct {
	value float64
	text  string
}

// textOf returns the texts of chart c drawn as series, the library's
// series of its lines or bars (a donut's slices are c's points).
func textOf(c chart.Chart, series []chart.Series, lang locale.Lang) chartText {
	ct := chartText{lang: lang, unit: c.Axis.Unit}
	for _, s := range series {
		if c.Kind == chart.Donut { // the library makes each slice a series
			for i, p := range s.Points {
				ct.labels = append(ct.labels, []pointLabel{ct.pointLabel(p, category(c, i)+": ", s.Unit)})
			}
			continue
		}
		points := make([]pointLabel, len(s.Points))
		for i, p := range s.Points {
			points[i] = ct.pointLabel(p, "", s.Unit)
		}
		ct.labels = append(ct.labels, points)
	}
	return ct
}

// pointLabel is the label of point p: its own text, as the window shows
// it, else its value in the report's language between prefix and unit.
func (ct chartText) pointLabel(p chart.Point, prefix, unit string) pointLabel {
	if !p.Known {
		return pointLabel{value: math.NaN()}
	}
	if p.Label != "" {
		return pointLabel{value: p.Value, text: p.Label}
	}
	return pointLabel{value: p.Value, text: prefix + ct.value(p.Value) + unit}
}

// value writes a number of a label with at most two decimals, none when
// they would be zeros: French "2,31", "1 510", English "2.31", "1,510".
func (ct chartText) value(v float64) string {
	s := number(ct.lang, v, 2)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return s
	}
	switch frac := s[len(s)-2:]; { // the separator is the third last byte
	case frac == "00":
		return s[:len(s)-3]
	case frac[1] == '0':
		return s[:len(s)-1]
	}
	return s
}

// axisValue writes an axis graduation: whole numbers grouped by thousands
// ("2 250"), millions shortened ("1,5 M", "1.5M").
func (ct chartText) axisValue(v float64) string {
	if math.Abs(v) >= 1e6 {
		m := ct.value(math.Round(v/1e5) / 10)
		if ct.lang == locale.French {
			return m + nbsp + "M"
		}
		return m + "M"
	}
	return ct.value(v)
}

// formatter returns the value formatter of an axis whose graduations are
// followed by unit.
func (ct chartText) formatter(unit string) charts.ValueFormatter {
	return func(v float64) string { return ct.axisValue(v) + unit }
}

// apply sets the texts on the library's options.
func (ct chartText) apply(opt *charts.ChartOption) {
	for i := range opt.YAxis {
		opt.YAxis[i].ValueFormatter = ct.formatter(ct.unit)
	}
	opt.XAxis.ValueFormatter = ct.formatter("")
	opt.ValueFormatter = ct.formatter("")
	for i := range opt.SeriesList {
		if i < len(ct.labels) {
			opt.SeriesList[i].Label.LabelFormatter = ct.labeller(ct.labels[i])
		}
		if opt.SeriesList[i].Label.FontStyle.FontColor.IsZero() {
			// the library lightens the labels of stacked bars, which sit above them here
			opt.SeriesList[i].Label.FontStyle.FontColor = labelColour
		}
	}
}

// labeller returns the label formatter of a series whose points are
// points. The library hands a formatter the series' index rather than the
// point's, so a point is found by its value: the first, from the one after
// the last found, holding that value (the library labels points in order
// and skips those without a value).
func (ct chartText) labeller(points []pointLabel) charts.SeriesLabelFormatter {
	next := 0
	return func(_ int, _ string, v float64) (string, *charts.LabelStyle) {
		for k := range points {
			i := (next + k) % len(points)
			if points[i].value == v {
				next = i + 1
				return points[i].text, nil
			}
		}
		return ct.value(v), nil
	}
}
