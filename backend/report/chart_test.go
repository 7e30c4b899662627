package report

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/go-analyze/charts"
	"github.com/google/go-cmp/cmp"

	"ruche/backend/analytics/chart"
	"ruche/backend/calendar"
	"ruche/backend/locale"
)

func TestPrepareChart(t *testing.T) {
	tests := []struct {
		name   string
		option string
		want   chartState
	}{
		{"line", `{"xAxis":{"type":"category","data":["a","b"]},"yAxis":{"type":"value"},"series":[{"type":"line","data":[1,2]}]}`, chartReady},
		{"one point", `{"xAxis":{"data":["1/11"]},"series":[{"type":"line","data":[{"value":7}]}]}`, chartReady},
		{"no series", `{"xAxis":{"data":[]}}`, chartEmpty},
		{"empty series", `{"series":[{"type":"bar","data":[]}]}`, chartEmpty},
		{"only nulls", `{"series":[{"type":"line","data":[null,"-",{"value":null}]}]}`, chartEmpty},
		{"pie without values", `{"series":[{"type":"pie","data":[]}]}`, chartEmpty},
		{"heat map without values", `{"xAxis":{"data":["0h"]},"yAxis":{"data":["lun."]},"series":[{"type":"heatmap","data":[]}]}`, chartEmpty},
		{"invalid JSON", `{"series":[`, chartInvalid},
		{"not an object", `[1,2]`, chartInvalid},
		{"null", `null`, chartInvalid},
		{"series not objects", `{"series":[1]}`, chartInvalid},
		{"unknown type", `{"series":[{"type":"sankey","data":[1]}]}`, chartInvalid},
		{"gauge", `{"series":[{"type":"gauge","data":[{"value":50}]}]}`, chartInvalid},
		{"heat map mixed", `{"series":[{"type":"heatmap","data":[[0,0,1]]},{"type":"line","data":[1]}]}`, chartInvalid},
		{"pie mixed with a line", `{"series":[{"type":"pie","data":[{"name":"a","value":1}]},{"type":"line","data":[1,2]}]}`, chartInvalid},
		{"horizontal bars", `{"xAxis":{"type":"value","max":100},"yAxis":{"type":"category","data":["a"]},"series":[{"type":"bar","data":[60]}]}`, chartInvalid},
		{"a line on a category y axis", `{"yAxis":{"type":"category","data":["a"]},"series":[{"type":"line","data":[1]}]}`, chartInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got, err := prepareChart(tt.option, locale.French)
			if got != tt.want {
				t.Errorf("state %d (%v), want %d", got, err, tt.want)
			}
			if tt.want == chartInvalid && err == nil {
				t.Error("an unreadable chart gives no reason")
			}
		})
	}
	if _, got, err := planChart(chart.Chart{Kind: "gauge", Series: []chart.Series{{Points: []chart.Point{known(1)}}}}, locale.French); got != chartInvalid || err == nil {
		t.Errorf("a chart of an unknown kind: state %d (%v), want invalid", got, err)
	}
}

func known(v float64) chart.Point { return chart.Point{Value: v, Known: true} }

func points(vs ...float64) []chart.Point {
	out := make([]chart.Point, len(vs))
	for i, v := range vs {
		out[i] = known(v)
	}
	return out
}

// planned returns the options planChart hands to the library.
func planned(t *testing.T, c chart.Chart, lang locale.Lang) *charts.ChartOption {
	t.Helper()
	p, state, err := planChart(c, lang)
	if state != chartReady || p.opt == nil {
		t.Fatalf("state %d (%v), want options for the library", state, err)
	}
	return p.opt
}

func TestPlanChartForPaper(t *testing.T) {
	opt := planned(t, chart.Chart{Kind: chart.Line, Title: "Abonnés", Legend: true, Categories: []string{"lun.", "mar.", "mer."},
		Axis: chart.Axis{Name: "Abonnés"}, Series: []chart.Series{{Name: "Bluesky", Points: points(3, 4, 5)}}}, locale.English)
	if opt.Width != chartPxW || opt.Height != chartPxH || opt.Theme.GetBackgroundColor() != charts.ColorWhite {
		t.Errorf("%d×%d on %v, want %d×%d on white", opt.Width, opt.Height, opt.Theme.GetBackgroundColor(), chartPxW, chartPxH)
	}
	if opt.Title.Show == nil || *opt.Title.Show || opt.Title.Text != "" {
		t.Errorf("title %+v, want none: the section has it", opt.Title)
	}
	if diff := cmp.Diff([]string{"lun.", "mar.", "mer."}, opt.XAxis.Labels); diff != "" {
		t.Errorf("categories (-want +got):\n%s", diff)
	}
	if len(opt.YAxis) != 1 || opt.YAxis[0].Min == nil || *opt.YAxis[0].Min != 0 || opt.YAxis[0].Max != nil || opt.YAxis[0].Title != "Abonnés" {
		t.Errorf("value axis %+v, want one, from 0, named", opt.YAxis)
	}
	if opt.Legend.Show == nil || !*opt.Legend.Show || !cmp.Equal(opt.Legend.SeriesNames, []string{"Bluesky"}) {
		t.Errorf("legend %+v, want Bluesky", opt.Legend)
	}
	if s := opt.SeriesList[0]; s.Type != charts.ChartTypeLine || s.Name != "Bluesky" || !cmp.Equal(s.Values, []float64{3, 4, 5}) || opt.Symbol.Shape != charts.SymbolNone {
		t.Errorf("series %+v, symbol %v: want the line of 3, 4, 5 without symbols", s, opt.Symbol)
	}

	// a top of its own is kept
	opt = planned(t, chart.Chart{Kind: chart.Bar, Axis: chart.Axis{Max: 100, Ticks: 5}, Series: []chart.Series{{Points: points(60)}}}, locale.English)
	if ax := opt.YAxis[0]; ax.Min == nil || *ax.Min != 0 || ax.Max == nil || *ax.Max != 100 || ax.LabelCount != 5 {
		t.Errorf("value axis %v to %v in %d, want 0 to 100 in 5", ax.Min, ax.Max, ax.LabelCount)
	}
	if _, err := renderChart(chartPlan{opt: opt}); err != nil {
		t.Errorf("renderChart: %v", err)
	}

	// ECharts' donut: radius on half the side; the library's on the side
	opt = planned(t, chart.Chart{Kind: chart.Donut, Legend: true, Categories: []string{"a", "b"}, Series: []chart.Series{{Points: points(1, 2)}}}, locale.English)
	if s := opt.SeriesList[0]; len(opt.SeriesList) != 2 || s.Type != charts.ChartTypeDoughnut || s.Name != "a" || opt.Radius != "32.5%" || opt.RadiusCenter != "20%" {
		t.Errorf("donut = %d series, %+v, radius %s and %s; want a doughnut of radius 20%% to 32.5%%, a series per slice", len(opt.SeriesList), s, opt.RadiusCenter, opt.Radius)
	}
}

func TestLonePointIsADot(t *testing.T) {
	tests := []struct {
		name   string
		series []chart.Series
		shape  charts.Symbol
	}{
		{"many points", []chart.Series{{Points: points(1, 2)}}, charts.Symbol{Shape: charts.SymbolNone}},
		{"one point", []chart.Series{{Points: []chart.Point{{}, known(7)}}}, charts.Symbol{Shape: charts.SymbolCircle, Size: 12}},
	}
	for _, tt := range tests {
		opt := planned(t, chart.Chart{Kind: chart.Line, Categories: []string{"a", "b"}, Series: tt.series}, locale.French)
		if opt.Symbol != tt.shape {
			t.Errorf("%s: symbol %+v, want %+v", tt.name, opt.Symbol, tt.shape)
		}
	}
}

func TestHeatMaps(t *testing.T) {
	p, state, err := prepareChart(`{"xAxis":{"data":["0h","1h","2h"]},"yAxis":{"data":["dim.","lun."]},
		"series":[{"type":"heatmap","data":[[0,0,5],["2h","lun.",9],{"value":[1,1,"-"]},[7,7]]}]}`, locale.French)
	if state != chartReady {
		t.Fatalf("state %d: %v", state, err)
	}
	null := p.heat.Values[0][1]
	want := [][]float64{{null, null, 9}, {5, null, null}} // ECharts' first row at the bottom
	if diff := cmp.Diff(want, p.heat.Values, cmp.Comparer(func(a, b float64) bool { return a == b || (a != a && b != b) })); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"lun.", "dim."}, p.heat.YAxis.Labels); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	p, _, _ = prepareChart(`{"xAxis":{"data":["0h"]},"yAxis":{"data":["lun.","mar."],"inverse":true},"series":[{"type":"heatmap","data":[[0,0,5]]}]}`, locale.French)
	if p.heat.Values[0][0] != 5 || p.heat.YAxis.Labels[0] != "lun." {
		t.Errorf("inverse heat map: %v %v, want lun. and its value on top", p.heat.YAxis.Labels, p.heat.Values)
	}
	// the model's rows are listed top first; 24 hours are labelled every other one
	hours := make([]string, 24)
	for i := range hours {
		hours[i] = string(rune('a' + i))
	}
	p, state, err = planChart(chart.Chart{Kind: chart.Heat, Categories: hours, Rows: []string{"lun.", "mar."},
		Series: []chart.Series{{Cells: []chart.Cell{{Col: 23, Row: 1, Value: 4, Count: 2, Label: "2"}, {Col: 2000, Row: 0, Value: 1}}}}}, locale.French)
	if state != chartReady || p.heat.Values[1][23] != 4 || len(p.heat.Values[0]) != 24 || p.heat.XAxis.Labels[1] != "" || p.heat.XAxis.Labels[2] != "c" || p.heat.XAxis.LabelCount != 24 {
		t.Errorf("state %d (%v), heat map %+v", state, err, p.heat)
	}

	// a calendar: weeks across, Monday first; 2026-11-01 is a Sunday
	day := func(d int) calendar.Day { return calendar.Day{Year: 2026, Month: 11, Day: d} }
	p, state, err = planChart(chart.Chart{Kind: chart.Calendar, Rows: []string{"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."},
		Months: []string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		Series: []chart.Series{{Days: []chart.Day{{Day: day(1), Value: 2}, {Day: day(2), Value: 4}, {Day: day(30), Value: 1}}}}}, locale.French)
	if state != chartReady {
		t.Fatalf("calendar state %d: %v", state, err)
	}
	if rows, cols := len(p.heat.Values), len(p.heat.Values[0]); rows != 7 || cols != 6 {
		t.Fatalf("calendar of %d×%d, want 7 days × 6 weeks", rows, cols)
	}
	if p.heat.Values[6][0] != 2 || p.heat.Values[0][1] != 4 || p.heat.Values[0][5] != 1 {
		t.Errorf("calendar values misplaced: %v", p.heat.Values)
	}
	if diff := cmp.Diff([]string{"nov.", "", "", "", "", ""}, p.heat.XAxis.Labels); diff != "" {
		t.Errorf("calendar columns (-want +got):\n%s", diff)
	}
	if p.heat.YAxis.Labels[0] != "lun." {
		t.Errorf("calendar rows %v, want Monday first", p.heat.YAxis.Labels)
	}
	if _, err := renderChart(p); err != nil {
		t.Errorf("renderChart(calendar): %v", err)
	}
	var year []chart.Day
	for i := range 500 {
		year = append(year, chart.Day{Day: day(1).AddDays(i), Value: 1})
	}
	if _, state, err := planChart(chart.Chart{Kind: chart.Calendar, Series: []chart.Series{{Days: year}}}, locale.French); state != chartInvalid || err == nil {
		t.Errorf("a calendar of 72 weeks: state %d (%v), want invalid", state, err)
	}
	if _, state, _ := planChart(chart.Chart{Kind: chart.Calendar, Series: []chart.Series{{}}}, locale.French); state != chartEmpty {
		t.Errorf("a calendar without days: state %d, want empty", state)
	}
}

func TestRenderChart(t *testing.T) {
	for name, option := range map[string]string{
		"one point line": `{"xAxis":{"data":["1/11"]},"series":[{"type":"line","data":[7]}]}`,
		"one point bar":  `{"xAxis":{"data":["1/11"]},"series":[{"type":"bar","data":[7]}]}`,
		"one slice":      `{"series":[{"type":"pie","data":[{"name":"J’aime","value":3}]}]}`,
		"heat map":       heatOption(),
		"all zero":       `{"xAxis":{"data":["a","b"]},"series":[{"type":"line","data":[0,0]}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			p, state, err := prepareChart(option, locale.English)
			if state != chartReady {
				t.Fatalf("state %d: %v", state, err)
			}
			b, err := renderChart(p)
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(b))
			if err != nil || cfg.Width != chartPxW || cfg.Height != chartPxH {
				t.Errorf("PNG %d×%d (%v), want %d×%d", cfg.Width, cfg.Height, err, chartPxW, chartPxH)
			}
		})
	}
	// the library refuses some charts only when drawing
	p, state, _ := planChart(chart.Chart{Kind: chart.Donut, Categories: []string{"a", "b"}, Series: []chart.Series{{Points: points(-1, 2)}}}, locale.English)
	if state != chartReady {
		t.Fatalf("state %d", state)
	}
	if _, err := renderChart(p); err == nil {
		t.Error("renderChart of a donut with a negative slice succeeded")
	}
	if _, err := renderChart(chartPlan{}); err == nil {
		t.Error("renderChart of nothing succeeded")
	}
}
