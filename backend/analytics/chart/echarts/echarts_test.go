package echarts

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/analytics/chart"
	"ruche/backend/calendar"
)

func known(v float64, label string) chart.Point {
	return chart.Point{Value: v, Known: true, Label: label}
}

var palette = []string{"#f5a623", "#5470c6", "#91cc75"}

// examples holds one chart of each kind, with every field the dashboard
// uses.
var examples = map[string]chart.Chart{
	"line": {Kind: chart.Line, Title: "Évolution des abonnés", Colors: palette, Legend: true,
		Categories: []string{"1 nov.", "2 nov.", "3 nov."}, Axis: chart.Axis{Name: "Abonnés"},
		Series: []chart.Series{
			{Name: "Bluesky · fournil", Color: "#f5a623", Points: []chart.Point{known(1055, ""), known(1060, ""), known(1065, "")}},
			{Name: "Mastodon · @fournil", Color: "#5470c6", Points: []chart.Point{{}, known(0, ""), known(2, "")}},
		}},
	"bar": {Kind: chart.Bar, Title: "Taux d’engagement par réseau", Colors: palette,
		Categories: []string{"Bluesky", "LinkedIn", "Mastodon"}, Axis: chart.Axis{Name: "%"},
		Series: []chart.Series{{Name: "Taux d’engagement", Color: "#f5a623", Labelled: true, Unit: "\u202f%",
			Points: []chart.Point{known(2.2, "2,2\u202f%"), known(5.56, "5,6\u202f%"), {}}}}},
	"wrapped bars": {Kind: chart.Bar, Title: "Objectives", Colors: palette, Categories: []string{"+300 followers (Bluesky)", "4% engagement"},
		Wrap: true, Axis: chart.Axis{Max: 100, Ticks: 5, Unit: "%"}, BarWidth: 0.4,
		Series: []chart.Series{{Name: "Objectives", Color: "#5470c6", Labelled: true, Unit: "%", Points: []chart.Point{
			{Value: 51.7, Known: true, Label: "51.7%\nbehind", Color: "#fac858"},
			{Value: 100, Known: true, Label: "112.0%\nachieved", Color: "#3ba272"}}}}},
	"donut": {Kind: chart.Donut, Title: "Interactions by type", Colors: palette, Legend: true, Categories: []string{"Likes", "Reposts"},
		Series: []chart.Series{{Name: "Interactions", Labelled: true, Points: []chart.Point{known(79, "Likes\n79 (84.0%)"), known(15, "Reposts\n15 (16.0%)")}}}},
	"heat": {Kind: chart.Heat, Title: "Best time to post", Colors: palette, Categories: []string{"12 am", "1 am", "2 am"},
		Rows: []string{"Mon", "Tue"}, Scale: chart.Scale{Max: 5.66, From: "#f4f6fb", To: "#f5a623"},
		Series: []chart.Series{{Name: "Engagement rate", Cells: []chart.Cell{{Col: 2, Row: 0, Value: 5.66, Count: 1, Label: "1"}, {Col: 0, Row: 1, Value: 0.42, Count: 12, Label: "12"}}}}},
	"calendar": {Kind: chart.Calendar, Title: "Publishing regularity", Colors: palette,
		Rows:   []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
		Months: []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		Scale:  chart.Scale{Max: 2, From: "#ebedf0", To: "#f5a623"},
		Series: []chart.Series{{Name: "Publications", Days: []chart.Day{
			{Day: calendar.Day{Year: 2026, Month: 11, Day: 1}, Value: 0}, {Day: calendar.Day{Year: 2026, Month: 11, Day: 2}, Value: 2}}}}},
}

// Read(Option(c)) is c: the report reads back the chart the window draws.
func TestReadBack(t *testing.T) {
	for name, c := range examples {
		t.Run(name, func(t *testing.T) {
			o, err := Option(c)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Read(o)
			if err != nil {
				t.Fatalf("Read(%s) = %v", o, err)
			}
			if diff := cmp.Diff(c, got); diff != "" {
				t.Errorf("Read(Option(c)) (-want +got):\n%s", diff)
			}
			again, err := Option(got)
			if err != nil || string(again) != string(o) {
				t.Errorf("Option(Read(o)) = %s, %v; want %s", again, err, o)
			}
		})
	}
}

// option is what the tests read of an ECharts option.
type option struct {
	Color  []string `json:"color"`
	Legend struct {
		Show bool     `json:"show"`
		Data []string `json:"data"`
	} `json:"legend"`
	XAxis []struct {
		Type      string   `json:"type"`
		Data      []string `json:"data"`
		AxisLabel *struct {
			Interval int    `json:"interval"`
			Width    int    `json:"width"`
			Overflow string `json:"overflow"`
		} `json:"axisLabel"`
	} `json:"xAxis"`
	YAxis []struct {
		Type        string   `json:"type"`
		Name        string   `json:"name"`
		Min         *float64 `json:"min"`
		Max         *float64 `json:"max"`
		SplitNumber int      `json:"splitNumber"`
		Inverse     bool     `json:"inverse"`
		Data        []string `json:"data"`
		AxisLabel   *struct {
			Formatter string `json:"formatter"`
		} `json:"axisLabel"`
	} `json:"yAxis"`
	Series []struct {
		Name             string   `json:"name"`
		Type             string   `json:"type"`
		CoordinateSystem string   `json:"coordinateSystem"`
		Radius           []string `json:"radius"`
		BarWidth         string   `json:"barWidth"`
		Symbol           string   `json:"symbol"`
		ItemStyle        struct {
			Color string `json:"color"`
		} `json:"itemStyle"`
		Label struct {
			Show      bool   `json:"show"`
			Formatter string `json:"formatter"`
		} `json:"label"`
		Data []json.RawMessage `json:"data"`
	} `json:"series"`
	VisualMap []struct {
		Min       *float64 `json:"min"`
		Max       float64  `json:"max"`
		Dimension *int     `json:"dimension"`
		InRange   struct {
			Color []string `json:"color"`
		} `json:"inRange"`
	} `json:"visualMap"`
	Calendar []struct {
		Range    []string `json:"range"`
		DayLabel struct {
			FirstDay int      `json:"firstDay"`
			NameMap  []string `json:"nameMap"`
		} `json:"dayLabel"`
		MonthLabel struct {
			NameMap []string `json:"nameMap"`
		} `json:"monthLabel"`
	} `json:"calendar"`
}

func decode(t *testing.T, c chart.Chart) (option, string) {
	t.Helper()
	b, err := Option(c)
	if err != nil {
		t.Fatal(err)
	}
	var o option
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	return o, string(b)
}

// What each kind asks of ECharts.
func TestOption(t *testing.T) {
	for name, c := range examples {
		o, text := decode(t, c)
		for _, bad := range []string{"function", "=>", "http://", "https://"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: the option holds %q", name, bad)
			}
		}
		for _, ax := range o.YAxis {
			if ax.Type == "value" && (ax.Min == nil || *ax.Min != 0) {
				t.Errorf("%s: a value axis without min 0", name)
			}
		}
		if len(o.Series) != len(c.Series) || o.Series[0].Name != c.Series[0].Name {
			t.Errorf("%s: series %+v", name, o.Series)
		}
		if diff := cmp.Diff(c.Colors, o.Color); diff != "" {
			t.Errorf("%s: palette (-want +got):\n%s", name, diff)
		}
	}

	o, _ := decode(t, examples["line"])
	if s := o.Series[1]; s.Type != "line" || s.Symbol != "none" || s.ItemStyle.Color != "#5470c6" || string(s.Data[0]) != `"-"` || string(s.Data[2]) != "2" {
		t.Errorf("line series = %+v, want a line without symbols, its colour, no first point", s)
	}
	if !o.Legend.Show || !cmp.Equal(o.Legend.Data, []string{"Bluesky · fournil", "Mastodon · @fournil"}) || o.YAxis[0].Name != "Abonnés" {
		t.Errorf("line legend %+v, axis %+v", o.Legend, o.YAxis)
	}

	o, _ = decode(t, examples["bar"])
	if s := o.Series[0]; !s.Label.Show || s.Label.Formatter != "{c}\u202f%" || string(s.Data[2]) != `{"value":"-"}` ||
		!strings.Contains(string(s.Data[0]), `"formatter":"2,2`+"\u202f"+`%"`) {
		t.Errorf("bar series = %+v, want labels of their own, {c} %%, no third bar", s)
	}

	o, _ = decode(t, examples["wrapped bars"])
	if ax := o.XAxis[0].AxisLabel; ax == nil || ax.Interval != 0 || ax.Width != 150 || ax.Overflow != "break" {
		t.Errorf("wrapped categories: axis label %+v", ax)
	}
	if ax := o.YAxis[0]; ax.Max == nil || *ax.Max != 100 || ax.SplitNumber != 5 || ax.AxisLabel == nil || ax.AxisLabel.Formatter != "{value}%" {
		t.Errorf("value axis %+v, want 0 to 100 in 5, written {value}%%", ax)
	}
	if s := o.Series[0]; s.BarWidth != "40%" || !strings.Contains(string(s.Data[1]), `"itemStyle":{"color":"#3ba272"}`) {
		t.Errorf("bars = %+v, want 40%% wide, each its colour", s)
	}

	o, _ = decode(t, examples["donut"])
	if s := o.Series[0]; s.Type != "pie" || !cmp.Equal(s.Radius, []string{"40%", "65%"}) || s.Label.Formatter != "{b}: {c}" ||
		!strings.Contains(string(s.Data[0]), `"name":"Likes"`) {
		t.Errorf("donut = %+v", s)
	}

	o, _ = decode(t, examples["heat"])
	if vm := o.VisualMap[0]; vm.Min == nil || *vm.Min != 0 || vm.Max != 5.66 || vm.Dimension == nil || *vm.Dimension != 2 ||
		!cmp.Equal(vm.InRange.Color, []string{"#f4f6fb", "#f5a623"}) {
		t.Errorf("heat visual map %+v", vm)
	}
	if y := o.YAxis[0]; !y.Inverse || !cmp.Equal(y.Data, []string{"Mon", "Tue"}) || string(o.Series[0].Data[1]) != `{"value":[0,1,0.42,12],"label":{"show":true,"formatter":"12"}}` {
		t.Errorf("heat rows %+v, cells %s", y, o.Series[0].Data)
	}

	o, _ = decode(t, examples["calendar"])
	if cal := o.Calendar[0]; !cmp.Equal(cal.Range, []string{"2026-11-01", "2026-11-02"}) || cal.DayLabel.FirstDay != 1 ||
		cal.DayLabel.NameMap[0] != "Sun" || cal.DayLabel.NameMap[1] != "Mon" || cal.MonthLabel.NameMap[10] != "Nov" {
		t.Errorf("calendar %+v", cal)
	}
	if s := o.Series[0]; s.CoordinateSystem != "calendar" || string(s.Data[1]) != `{"value":["2026-11-02",2]}` {
		t.Errorf("calendar series %+v %s", s, s.Data)
	}

	if _, err := Option(chart.Chart{Kind: "gauge"}); err == nil {
		t.Error("Option(gauge) = nil error, want one")
	}
}

// Read follows ECharts where Option leaves a choice.
func TestReadECharts(t *testing.T) {
	pt := func(v float64) chart.Point { return chart.Point{Value: v, Known: true} }
	tests := []struct {
		name, option string
		want         chart.Chart
	}{
		{"no series", `{"xAxis":{"data":[]}}`, chart.Chart{Kind: chart.Line, Categories: []string{}}},
		{"an object for a list, values as text or objects, gaps", `{"legend":{},"xAxis":{"type":"category","data":["a","b","c","d"]},"yAxis":{"type":"value"},
			"series":{"type":"line","name":"s","data":["3",{"value":4},"-",null]}}`,
			chart.Chart{Kind: chart.Line, Legend: true, Categories: []string{"a", "b", "c", "d"},
				Series: []chart.Series{{Name: "s", Points: []chart.Point{pt(3), pt(4), {}, {}}}}}},
		{"a template is no label of its own", `{"legend":{"show":false},"series":[{"type":"bar","label":{"show":true,"formatter":"{c} %"},
			"data":[{"value":1,"label":{"formatter":"{c}"}},{"value":2,"label":{"formatter":"2 %"}}]}]}`,
			chart.Chart{Kind: chart.Bar, Series: []chart.Series{{Labelled: true, Unit: " %", Points: []chart.Point{pt(1), {Value: 2, Known: true, Label: "2 %"}}}}}},
		{"heat rows from the bottom, cells by index or name", `{"xAxis":{"data":["0h","1h"]},"yAxis":{"data":["dim.","lun."]},
			"series":[{"type":"heatmap","data":[[0,0,5],["1h","lun.",9],[1,1,"-"],[7,7]]}]}`,
			chart.Chart{Kind: chart.Heat, Categories: []string{"0h", "1h"}, Rows: []string{"lun.", "dim."},
				Series: []chart.Series{{Cells: []chart.Cell{{Col: 0, Row: 1, Value: 5}, {Col: 1, Row: 0, Value: 9}}}}}},
		{"calendar days, a bad one left out", `{"series":[{"type":"heatmap","coordinateSystem":"calendar","data":[["2026-11-01",2],["bad",3],[4]]}]}`,
			chart.Chart{Kind: chart.Calendar, Series: []chart.Series{{Days: []chart.Day{{Day: calendar.Day{Year: 2026, Month: 11, Day: 1}, Value: 2}}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read([]byte(tt.option))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Read (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadRefuses(t *testing.T) {
	for name, option := range map[string]string{
		"invalid JSON":                `{"series": [`,
		"not an object":               `[1, 2, 3]`,
		"null":                        `null`,
		"empty":                       ``,
		"series not objects":          `{"series":[1]}`,
		"unknown type":                `{"series":[{"type":"sankey","data":[1]}]}`,
		"gauge":                       `{"series":[{"type":"gauge","data":[{"value":50}]}]}`,
		"pie and line":                `{"series":[{"type":"pie","data":[{"name":"a","value":1}]},{"type":"line","data":[1,2]}]}`,
		"heat and line":               `{"series":[{"type":"heatmap","data":[[0,0,1]]},{"type":"line","data":[1]}]}`,
		"horizontal bars":             `{"xAxis":{"type":"value","max":100},"yAxis":{"type":"category","data":["a"]},"series":[{"type":"bar","data":[60]}]}`,
		"a line on a category y axis": `{"yAxis":{"type":"category","data":["a"]},"series":[{"type":"line","data":[1]}]}`,
		"a formatter function":        `{"series":[{"type":"bar","label":{"formatter":{"fn":1}},"data":[1]}]}`,
	} {
		if c, err := Read([]byte(option)); err == nil {
			t.Errorf("Read(%s) = %+v, want an error", name, c)
		}
	}
	_, err := Read([]byte(`{"series":[{"type":"sankey"}]}`))
	if !errors.Is(err, ErrUnsupported) {
		t.Errorf("Read(sankey) = %v, want ErrUnsupported", err)
	}
}
