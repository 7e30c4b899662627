package report

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/go-analyze/charts"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"ruche/backend/analytics/chart"
	"ruche/backend/analytics/chart/echarts"
	"ruche/backend/calendar"
	"ruche/backend/locale"
)

// One chart.Chart drawn both ways, for the window (echarts.Option) and for
// paper (planChart): the same series, the same values, the same labels.

// mark is a point as a renderer draws it: its category (a slice's name),
// its series, its value and its label.
type mark struct {
	Category, Series string
	Value            float64
	Label            string
}

// windowItem is an ECharts data item.
type windowItem struct {
	Value json.RawMessage `json:"value"`
	Name  string          `json:"name"`
	Label struct {
		Formatter string `json:"formatter"`
	} `json:"label"`
}

func (it *windowItem) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '{' {
		type plain windowItem
		return json.Unmarshal(b, (*plain)(it))
	}
	it.Value = b
	return nil
}

type windowOption struct {
	Legend struct {
		Show bool `json:"show"`
	} `json:"legend"`
	XAxis []struct {
		Data []string `json:"data"`
	} `json:"xAxis"`
	YAxis []struct {
		Name string   `json:"name"`
		Data []string `json:"data"`
	} `json:"yAxis"`
	Series []struct {
		Name  string `json:"name"`
		Label struct {
			Show      bool   `json:"show"`
			Formatter string `json:"formatter"`
		} `json:"label"`
		Data []windowItem `json:"data"`
	} `json:"series"`
	Calendar []struct {
		DayLabel struct {
			NameMap []string `json:"nameMap"`
		} `json:"dayLabel"`
		MonthLabel struct {
			NameMap []string `json:"nameMap"`
		} `json:"monthLabel"`
	} `json:"calendar"`
}

func window(t *testing.T, c chart.Chart) windowOption {
	t.Helper()
	b, err := echarts.Option(c)
	if err != nil {
		t.Fatal(err)
	}
	var o windowOption
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatalf("%v in %s", err, b)
	}
	return o
}

// windowMarks are the points the window draws with their labels: a
// point's own, else the series' template ({b} the category, {c} the
// value) with the value written as paper writes numbers.
func windowMarks(t *testing.T, o windowOption, ct chartText) []mark {
	var marks []mark
	for _, s := range o.Series {
		for i, it := range s.Data {
			var v float64
			if json.Unmarshal(it.Value, &v) != nil {
				continue // "-": no point
			}
			m := mark{Category: it.Name, Series: s.Name, Value: v, Label: it.Label.Formatter}
			if m.Category == "" && len(o.XAxis) > 0 && i < len(o.XAxis[0].Data) {
				m.Category = o.XAxis[0].Data[i]
			}
			if m.Label == "" && s.Label.Show {
				m.Label = strings.NewReplacer("{b}", m.Category, "{c}", ct.value(v)).Replace(s.Label.Formatter)
			}
			marks = append(marks, m)
		}
	}
	return marks
}

// paperMarks are the points the library is given, with the labels its
// formatters write; a donut's slices are series of their own.
func paperMarks(opt *charts.ChartOption, c chart.Chart) []mark {
	var marks []mark
	for i, s := range opt.SeriesList {
		for j, v := range s.Values {
			if v == charts.GetNullValue() || math.IsNaN(v) {
				continue
			}
			m := mark{Category: category(c, j), Series: s.Name, Value: v}
			if c.Kind == chart.Donut {
				m.Category, m.Series = s.Name, c.Series[0].Name
			}
			if s.Label.Show != nil && *s.Label.Show {
				m.Label, _ = s.Label.LabelFormatter(i, "", v)
			}
			marks = append(marks, m)
		}
	}
	return marks
}

func TestOneChartTwoRenderers(t *testing.T) {
	pt := func(v float64, label, colour string) chart.Point {
		return chart.Point{Value: v, Known: true, Label: label, Color: colour}
	}
	tests := []struct {
		name string
		lang locale.Lang
		c    chart.Chart
	}{
		{"lines with a gap", locale.French, chart.Chart{Kind: chart.Line, Title: "Abonnés", Legend: true, Colors: []string{"#f5a623", "#5470c6"},
			Categories: []string{"1 nov.", "2 nov.", "3 nov."}, Axis: chart.Axis{Name: "Abonnés"},
			Series: []chart.Series{{Name: "Bluesky", Color: "#f5a623", Points: points(1055, 1060, 1065)},
				{Name: "Mastodon", Color: "#5470c6", Points: []chart.Point{{}, known(800), known(1510)}}}}},
		{"bars with labels of their own, one without", locale.French, chart.Chart{Kind: chart.Bar, Colors: []string{"#f5a623"},
			Categories: []string{"Bluesky", "LinkedIn", "Mastodon", "Threads"}, Axis: chart.Axis{Name: "%"},
			Series: []chart.Series{{Name: "Taux d’engagement", Color: "#f5a623", Labelled: true, Unit: "\u202f%",
				Points: []chart.Point{pt(2.2, "2,2\u202f%", ""), pt(5.56, "5,6\u202f%", ""), {}, known(1234.5)}}}}},
		{"bars coloured one by one", locale.English, chart.Chart{Kind: chart.Bar, Categories: []string{"+300 followers", "4% engagement", "5 posts a week"},
			Wrap: true, Axis: chart.Axis{Max: 100, Ticks: 5, Unit: "%"}, BarWidth: 0.4,
			Series: []chart.Series{{Name: "Objectives", Color: "#5470c6", Labelled: true, Unit: "%", Points: []chart.Point{
				pt(51.7, "51.7%\nbehind", "#fac858"), pt(100, "112.0%\nachieved", "#3ba272"), pt(20, "20.0%\nbehind", "#fac858")}}}}},
		{"a donut", locale.French, chart.Chart{Kind: chart.Donut, Legend: true, Categories: []string{"J’aime", "Partages", "Réponses"},
			Series: []chart.Series{{Name: "Interactions", Labelled: true, Points: []chart.Point{
				pt(79, "J’aime\n79 (71,2\u202f%)", ""), pt(15, "Partages\n15 (13,5\u202f%)", ""), known(1510)}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct := chartText{lang: tt.lang}
			opt := planned(t, tt.c, tt.lang)
			w := window(t, tt.c)
			// bars of several colours are series of their own on paper
			byPlace := cmpopts.SortSlices(func(a, b mark) bool { return a.Series+a.Category < b.Series+b.Category })
			if diff := cmp.Diff(windowMarks(t, w, ct), paperMarks(opt, tt.c), byPlace); diff != "" {
				t.Errorf("window (-) and paper (+) differ:\n%s", diff)
			}
			if opt.Legend.Show == nil || *opt.Legend.Show != w.Legend.Show {
				t.Errorf("legend on paper %v, in the window %v", opt.Legend.Show, w.Legend.Show)
			}
			if len(w.YAxis) > 0 && (len(opt.YAxis) != 1 || opt.YAxis[0].Title != w.YAxis[0].Name) {
				t.Errorf("value axis on paper %+v, in the window %+v", opt.YAxis, w.YAxis)
			}
		})
	}
}

// A heat map and a calendar put each value in the same cell both ways,
// under the same names.
func TestOneHeatMapTwoRenderers(t *testing.T) {
	hours := make([]string, 24)
	for i := range hours {
		hours[i] = analyticsHour(i)
	}
	heat := chart.Chart{Kind: chart.Heat, Categories: hours, Rows: []string{"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."},
		Scale: chart.Scale{Max: 5.66, From: "#f4f6fb", To: "#f5a623"},
		Series: []chart.Series{{Name: "Taux d’engagement", Cells: []chart.Cell{
			{Col: 9, Row: 0, Value: 5.66, Count: 1, Label: "1"}, {Col: 23, Row: 6, Value: 0.42, Count: 3, Label: "3"}}}}}
	p, state, err := planChart(heat, locale.French)
	if state != chartReady {
		t.Fatalf("state %d: %v", state, err)
	}
	w := window(t, heat)
	if diff := cmp.Diff(w.YAxis[0].Data, p.heat.YAxis.Labels); diff != "" {
		t.Errorf("rows, window (-) and paper (+):\n%s", diff)
	}
	if diff := cmp.Diff(labelEvery(w.XAxis[0].Data, 2), p.heat.XAxis.Labels); diff != "" {
		t.Errorf("columns, window (-) and paper (+), every other one:\n%s", diff)
	}
	cells := 0
	for _, it := range w.Series[0].Data {
		var v []float64
		if err := json.Unmarshal(it.Value, &v); err != nil || len(v) != 4 {
			t.Fatalf("window cell %s", it.Value)
		}
		cells++
		if got := p.heat.Values[int(v[1])][int(v[0])]; got != v[2] {
			t.Errorf("cell %v: %v on paper", v, got)
		}
	}
	if cells != 2 {
		t.Errorf("%d cells in the window, want 2", cells)
	}

	day := func(d int) calendar.Day { return calendar.Day{Year: 2026, Month: 11, Day: d} }
	cal := chart.Chart{Kind: chart.Calendar, Rows: heat.Rows,
		Months: []string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		Scale:  chart.Scale{Max: 3, From: "#ebedf0", To: "#f5a623"},
		Series: []chart.Series{{Name: "Publications", Days: []chart.Day{{Day: day(1), Value: 0}, {Day: day(2), Value: 3}, {Day: day(30), Value: 1}}}}}
	p, state, err = planChart(cal, locale.French)
	if state != chartReady {
		t.Fatalf("calendar state %d: %v", state, err)
	}
	w = window(t, cal)
	names := w.Calendar[0].DayLabel.NameMap // Sunday first
	if diff := cmp.Diff(append(names[1:], names[0]), p.heat.YAxis.Labels); diff != "" {
		t.Errorf("weekdays, window (-) and paper (+):\n%s", diff)
	}
	if p.heat.XAxis.Labels[0] != w.Calendar[0].MonthLabel.NameMap[10] {
		t.Errorf("month on paper %q, in the window %q", p.heat.XAxis.Labels[0], w.Calendar[0].MonthLabel.NameMap[10])
	}
	start := time.Date(2026, 10, 26, 0, 0, 0, 0, time.UTC) // the Monday of the first week
	for _, it := range w.Series[0].Data {
		var v [2]json.RawMessage
		var date string
		var n float64
		if json.Unmarshal(it.Value, &v) != nil || json.Unmarshal(v[0], &date) != nil || json.Unmarshal(v[1], &n) != nil {
			t.Fatalf("window day %s", it.Value)
		}
		d, _ := time.Parse("2006-01-02", date)
		days := int(d.Sub(start).Hours() / 24)
		if got := p.heat.Values[days%7][days/7]; got != n {
			t.Errorf("%s: %v on paper, %v in the window", date, got, n)
		}
	}
}

// analyticsHour is the French label of an hour, as analytics writes it.
func analyticsHour(h int) string {
	return strings.TrimSpace(number(locale.French, float64(h), 0)) + " h"
}
