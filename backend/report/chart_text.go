package report

import (
	"math"
	"strings"

	"github.com/go-analyze/charts"

	"ruche/backend/locale"
)

// The words on a chart image are the report's language: go-analyze/charts
// writes its numbers the English way ("2.25k", "1,510", "2.31") and reads
// only one label template per series. The window shows each point's own
// label when the option gives one ("2,3 %", "J’aime\n1 510 (74,9 %)"), so
// paper shows that same text; other labels and the value axes are written
// in the report's language by the code below.

// chartText is what a chart image writes, decided from the option JSON.
type chartText struct {
	lang locale.Lang
	// labels holds, per series as the library lists them (one per pie
	// slice), the label of each point.
	labels [][]pointLabel
	// axes holds the label template of each value axis ("{value} %"), ""
	// for the bare value.
	axes []string
	// xTemplate is the label template of a value x axis.
	xTemplate string
}

// labelColour is the grey of the labels written next to a point.
var labelColour = charts.ParseColor("#464646")

// pointLabel is the value of a point and the text of its label.
type pointLabel struct {
	value float64
	text  string
}

// textOf reads the label texts and axis templates of an option.
func textOf(o map[string]any, lang locale.Lang) chartText {
	ct := chartText{lang: lang}
	categories, ok := firstAxis(o, "xAxis")["data"].([]string) // prepareChart made them text
	if !ok {
		categories = texts(list(firstAxis(o, "xAxis")["data"]))
	}
	for _, raw := range list(o["series"]) {
		s, _ := raw.(map[string]any)
		tmpl := labelTemplate(s["label"])
		name, _ := s["name"].(string)
		data := list(s["data"])
		typ, _ := s["type"].(string)
		if typ == "pie" || typ == "doughnut" || typ == "radar" || typ == "funnel" { // the library makes each item a series
			var total float64
			for _, item := range data {
				if v, ok := num(dataValue(item)); ok && v > 0 {
					total += v
				}
			}
			for _, item := range data {
				m, _ := item.(map[string]any)
				itemName, _ := m["name"].(string)
				ct.labels = append(ct.labels, []pointLabel{ct.pointLabel(item, tmpl, name, itemName, total)})
			}
			continue
		}
		points := make([]pointLabel, len(data))
		for i, item := range data {
			category := ""
			if i < len(categories) {
				category = categories[i]
			}
			points[i] = ct.pointLabel(item, tmpl, name, category, 0)
		}
		ct.labels = append(ct.labels, points)
	}
	for _, ax := range list(o["yAxis"]) {
		m, _ := ax.(map[string]any)
		ct.axes = append(ct.axes, axisTemplate(m))
	}
	ct.xTemplate = axisTemplate(firstAxis(o, "xAxis"))
	return ct
}

// pointLabel is the text of one point: its own label's text when the
// option gives one, else the series template with the numbers in the
// report's language ({a} series, {b} point or category, {c} value, {d}
// share of the total in percent).
func (ct chartText) pointLabel(item any, tmpl, series, name string, total float64) pointLabel {
	v, ok := num(dataValue(item))
	if !ok {
		return pointLabel{value: math.NaN()}
	}
	return pointLabel{value: v, text: ct.labelText(item, v, tmpl, series, name, total)}
}

func (ct chartText) labelText(item any, v float64, tmpl, series, name string, total float64) string {
	if m, ok := item.(map[string]any); ok {
		if own := labelTemplate(m["label"]); own != "" && !strings.Contains(own, "{") {
			return own
		}
	}
	if tmpl == "" {
		return ct.value(v)
	}
	share := ""
	if total > 0 {
		share = ct.value(v / total * 100)
	}
	if series == "" {
		series = name
	}
	return strings.NewReplacer("{a}", series, "{b}", name, "{c}", ct.value(v), "{d}", share).Replace(tmpl)
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

// formatter returns the value formatter of an axis with template tmpl.
func (ct chartText) formatter(tmpl string) charts.ValueFormatter {
	return func(v float64) string {
		if tmpl == "" {
			return ct.axisValue(v)
		}
		return strings.ReplaceAll(tmpl, "{value}", ct.axisValue(v))
	}
}

// apply sets the texts on the library's options.
func (ct chartText) apply(opt *charts.ChartOption) {
	for i := range opt.YAxis {
		tmpl := ""
		if i < len(ct.axes) {
			tmpl = ct.axes[i]
		}
		opt.YAxis[i].ValueFormatter = ct.formatter(tmpl)
	}
	opt.XAxis.ValueFormatter = ct.formatter(ct.xTemplate)
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

// labelTemplate reads an ECharts label's formatter when it is text.
func labelTemplate(label any) string {
	m, _ := label.(map[string]any)
	s, _ := m["formatter"].(string)
	return s
}

// axisTemplate reads the label formatter of an axis when it is text.
func axisTemplate(axis map[string]any) string {
	if axis == nil {
		return ""
	}
	return labelTemplate(axis["axisLabel"])
}
