package report

import (
	"bytes"
	"encoding/json"
	"image/png"
	"testing"

	"github.com/google/go-cmp/cmp"

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
}

// prepared returns the options prepareChart hands to the library.
func prepared(t *testing.T, option string) map[string]any {
	t.Helper()
	p, state, err := prepareChart(option, locale.English)
	if state != chartReady {
		t.Fatalf("state %d: %v", state, err)
	}
	var o map[string]any
	if err := json.Unmarshal([]byte(p.option), &o); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestPrepareChartForPaper(t *testing.T) {
	o := prepared(t, `{"title":{"text":"Abonnés"},"xAxis":{"type":"category","data":[1,{"value":"mar."},"mer."]},
		"yAxis":[{"type":"value","min":"dataMin","max":"dataMax"},{"type":"value","min":5}],
		"legend":{"data":[{"name":"Bluesky"}]},"series":[{"name":"Bluesky","type":"line","data":[3,4,5]}]}`)
	want := map[string]any{
		"width": float64(chartPxW), "height": float64(chartPxH), "backgroundColor": "#ffffff",
		"title":  map[string]any{"show": false},
		"xAxis":  map[string]any{"type": "category", "data": []any{"1", "mar.", "mer."}},
		"yAxis":  []any{map[string]any{"type": "value", "min": 0.0}, map[string]any{"type": "value", "min": 5.0}},
		"legend": map[string]any{"data": []any{"Bluesky"}},
		"series": []any{map[string]any{"name": "Bluesky", "type": "line", "data": []any{3.0, 4.0, 5.0}}},
	}
	if diff := cmp.Diff(want, o); diff != "" {
		t.Errorf("prepared options (-want +got):\n%s", diff)
	}

	// no y axis at all gets one from 0; [x, y] points become categories
	o = prepared(t, `{"xAxis":{"type":"time"},"series":[{"type":"line","data":[["2026-11-01",3],["2026-11-02",5]]},{"type":"bar","data":[["2026-11-02",1]]}]}`)
	if diff := cmp.Diff([]any{map[string]any{"type": "value", "min": 0.0}}, o["yAxis"]); diff != "" {
		t.Errorf("y axis (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]any{"type": "category", "data": []any{"2026-11-01", "2026-11-02"}}, o["xAxis"]); diff != "" {
		t.Errorf("x axis (-want +got):\n%s", diff)
	}
	series := o["series"].([]any)
	if diff := cmp.Diff([]any{nil, 1.0}, series[1].(map[string]any)["data"]); diff != "" {
		t.Errorf("second series' values (-want +got):\n%s", diff)
	}

	// ECharts' donut: radius on half the side; the library's on the side
	o = prepared(t, `{"series":[{"type":"pie","radius":["40%","70%"],"data":[{"name":"a","value":1}]}]}`)
	s := o["series"].([]any)[0].(map[string]any)
	if s["type"] != "doughnut" || cmp.Diff([]any{"20%", "35%"}, s["radius"]) != "" {
		t.Errorf("donut = %v %v, want a doughnut of radius [20%% 35%%]", s["type"], s["radius"])
	}
	o = prepared(t, `{"series":[{"type":"pie","radius":"60%","data":[{"name":"a","value":1}]}]}`)
	if s := o["series"].([]any)[0].(map[string]any); s["type"] != "pie" || s["radius"] != "30%" {
		t.Errorf("pie = %v %v, want a pie of radius 30%%", s["type"], s["radius"])
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

	// a calendar: weeks across, Monday first; 2026-11-01 is a Sunday
	p, state, err = prepareChart(`{"calendar":{"range":"2026-11"},"series":[{"type":"heatmap","coordinateSystem":"calendar",
		"data":[["2026-11-01",2],["2026-11-02",4],["2026-11-30",1],["bad",3]]}]}`, locale.French)
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
	if _, err := renderChart(p); err != nil {
		t.Errorf("renderChart(calendar): %v", err)
	}
}

func TestHorizontalBarsStartAtZero(t *testing.T) {
	p, state, err := prepareChart(`{"xAxis":{"type":"value","max":100},"yAxis":{"type":"category","inverse":true,"data":["+500 abonnés","4 %"]},
		"series":[{"type":"bar","data":[{"value":60},{"value":75}]}]}`, locale.French)
	if state != chartReady || p.bars == nil {
		t.Fatalf("state %d (%v), want horizontal bars", state, err)
	}
	axis := p.bars.ValueAxis[0]
	if axis.Min == nil || *axis.Min != 0 || axis.Max == nil || *axis.Max != 100 {
		t.Errorf("value axis %v to %v, want 0 to 100", axis.Min, axis.Max)
	}
	// inverse: the first category on top, which the library draws last
	if diff := cmp.Diff([]string{"4 %", "+500 abonnés"}, p.bars.CategoryAxis.Labels); diff != "" {
		t.Errorf("categories (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]float64{75, 60}, p.bars.SeriesList[0].Values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if _, err := renderChart(p); err != nil {
		t.Errorf("renderChart: %v", err)
	}
	if _, state, _ := prepareChart(`{"yAxis":{"type":"category","data":["a"]},"series":[{"type":"line","data":[1]}]}`, locale.French); state != chartInvalid {
		t.Errorf("a line on a category y axis: state %d, want invalid", state)
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
	// the library refuses some options only when drawing
	p, state, _ := prepareChart(`{"series":[{"type":"pie","data":[{"name":"a","value":1}]},{"type":"line","data":[1,2]}]}`, locale.English)
	if state != chartReady {
		t.Fatalf("state %d", state)
	}
	if _, err := renderChart(p); err == nil {
		t.Error("renderChart of a pie mixed with a line succeeded")
	}
}
