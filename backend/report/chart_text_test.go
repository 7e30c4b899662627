package report

import (
	"math"
	"slices"
	"testing"

	"github.com/go-analyze/charts"

	"ruche/backend/analytics/chart"
	"ruche/backend/locale"
)

// libraryOf prepares option and returns what the library is given.
func libraryOf(t *testing.T, option string, lang locale.Lang) charts.ChartOption {
	t.Helper()
	p, state, err := prepareChart(option, lang)
	if state != chartReady || p.opt == nil {
		t.Fatalf("prepareChart: state %d (%v)", state, err)
	}
	return *p.opt
}

// labelsOf calls the label formatter of series i for each value, in order.
func labelsOf(opt charts.ChartOption, i int, values ...float64) []string {
	var got []string
	f := opt.SeriesList[i].Label.LabelFormatter
	for _, v := range values {
		s, _ := f(i, "", v) // the library hands the series' index
		got = append(got, s)
	}
	return got
}

func TestChartNumbersInTheReportLanguage(t *testing.T) {
	const bars = `{"xAxis":{"type":"category","data":["Bluesky","LinkedIn","Mastodon"]},"yAxis":{"type":"value","name":"%"},
		"series":[{"type":"bar","name":"Taux","label":{"show":true,"position":"top","formatter":"{c} %"},
		"data":[{"value":2.31,"label":{"formatter":"2,3 %"}},{"value":2.9,"label":{"formatter":"2,9 %"}},2.5]}]}`
	tests := []struct {
		name   string
		option string
		lang   locale.Lang
		series int
		values []float64
		want   []string
	}{
		{"each bar's own label, as the window shows it", bars, locale.French, 0, []float64{2.31, 2.9, 2.5},
			[]string{"2,3 %", "2,9 %", "2,5 %"}},
		{"the series template with French numbers", `{"xAxis":{"data":["a","b"]},"series":[{"type":"bar","label":{"show":true,"formatter":"{c} %"},"data":[1510,2.25]}]}`,
			locale.French, 0, []float64{1510, 2.25}, []string{"1\u202f510 %", "2,25 %"}},
		{"English numbers", `{"xAxis":{"data":["a"]},"series":[{"type":"bar","label":{"show":true},"data":[1234.5]}]}`,
			locale.English, 0, []float64{1234.5}, []string{"1,234.5"}},
		{"bars of the same value keep their order", `{"xAxis":{"data":["a","b","c"]},"series":[{"type":"bar","label":{"show":true},
			"data":[{"value":5,"label":{"formatter":"5 late"}},{"value":5,"label":{"formatter":"5 on track"}},7]}]}`,
			locale.English, 0, []float64{5, 5, 7}, []string{"5 late", "5 on track", "7"}},
		{"a bar without value has no label", `{"xAxis":{"data":["a","b","c"]},"series":[{"type":"bar","label":{"show":true},"data":[3,"-",4]}]}`,
			locale.French, 0, []float64{3, 4}, []string{"3", "4"}},
		{"a donut slice's own label", `{"series":[{"type":"pie","radius":["40%","65%"],"label":{"show":true,"formatter":"{b}: {c}"},
			"data":[{"name":"J’aime","value":1510,"label":{"formatter":"J’aime\n1 510 (74,9 %)"}},{"name":"Partages","value":268}]}]}`,
			locale.French, 1, []float64{268}, []string{"Partages: 268"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := libraryOf(t, tt.option, tt.lang)
			if got := labelsOf(opt, tt.series, tt.values...); !slices.Equal(got, tt.want) {
				t.Errorf("labels = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestChartAxesInTheReportLanguage(t *testing.T) {
	tests := []struct {
		lang     locale.Lang
		template string
		v        float64
		want     string
	}{
		{locale.French, "", 2250, "2\u202f250"},
		{locale.English, "", 2250, "2,250"},
		{locale.French, "", 0.5, "0,5"},
		{locale.French, "", 1.25, "1,25"},
		{locale.French, "", 1_500_000, "1,5\u00a0M"},
		{locale.English, "", 2_000_000, "2M"},
		{locale.French, "{value}\u202f%", 75, "75\u202f%"},
		{locale.English, "{value}%", 12.5, "12.5%"},
	}
	for _, tt := range tests {
		axis := `{"type":"value"}`
		if tt.template != "" {
			axis = `{"type":"value","axisLabel":{"formatter":"` + tt.template + `"}}`
		}
		opt := libraryOf(t, `{"xAxis":{"data":["a"]},"yAxis":`+axis+`,"series":[{"type":"line","data":[1]}]}`, tt.lang)
		if got := opt.YAxis[0].ValueFormatter(tt.v); got != tt.want {
			t.Errorf("%s axis %q: %v is written %q, want %q", tt.lang, tt.template, tt.v, got, tt.want)
		}
	}
	// the unit of the model's axis
	opt := planned(t, chart.Chart{Kind: chart.Bar, Axis: chart.Axis{Unit: "\u202f%"}, Series: []chart.Series{{Points: points(1200)}}}, locale.French)
	if got, want := opt.YAxis[0].ValueFormatter(1200), "1\u202f200\u202f%"; got != want {
		t.Errorf("bar axis: %q, want %q", got, want)
	}
}

func TestSpaceCategories(t *testing.T) {
	days := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = string(rune('a' + i%26))
		}
		return out
	}
	tests := []struct {
		n         int
		ticks     bool // labels on the ticks rather than between them
		count     int
		lastBlank bool
	}{
		{24, false, 0, false}, // short: the library's own count
		{30, false, 10, true}, // every 3rd day from the 1st; the 30th would touch the 28th
		{31, false, 10, true}, // every 3rd day; the 31st would touch the 29th
		{90, false, 11, true}, // every 8th day
		{365, false, 12, true},
		{31, true, 10, false}, // on the ticks, every 3⅓ days: the 31st falls on the last
	}
	for _, tt := range tests {
		axis := charts.XAxisOption{Labels: days(tt.n), BoundaryGap: charts.Ptr(!tt.ticks)}
		spaceCategories(&axis)
		if axis.LabelCount != tt.count {
			t.Errorf("%d days: label count %d, want %d", tt.n, axis.LabelCount, tt.count)
		}
		if blank := axis.Labels[tt.n-1] == ""; blank != tt.lastBlank {
			t.Errorf("%d days: last label blank %v, want %v", tt.n, blank, tt.lastBlank)
		}
	}
}

func TestBarsKeepTheirColours(t *testing.T) {
	option := `{"legend":{"show":false},"xAxis":{"type":"category","data":["+500","4 %","2 h"]},"yAxis":{"type":"value","max":100},
		"series":[{"type":"bar","barWidth":"40%","itemStyle":{"color":"#2e7d32"},"label":{"show":true,"position":"top"},
		"data":[{"value":65,"itemStyle":{"color":"#f9a825"},"label":{"formatter":"65,0 %\nen retard"}},
		{"value":100,"label":{"formatter":"100,0 %\nen bonne voie"}},
		{"value":30,"itemStyle":{"color":"#f9a825"},"label":{"formatter":"30,0 %\nen retard"}}]}]}`
	opt := libraryOf(t, option, locale.French)
	if len(opt.SeriesList) != 2 {
		t.Fatalf("%d series, want one per colour (2)", len(opt.SeriesList))
	}
	late, onTrack := opt.SeriesList[0], opt.SeriesList[1]
	nan := func(v float64) bool { return math.IsNaN(v) || v == charts.GetNullValue() }
	if late.Values[0] != 65 || !nan(late.Values[1]) || late.Values[2] != 30 {
		t.Errorf("late bars = %v, want [65 - 30]", late.Values)
	}
	if !nan(onTrack.Values[0]) || onTrack.Values[1] != 100 || !nan(onTrack.Values[2]) {
		t.Errorf("on-track bars = %v, want [- 100 -]", onTrack.Values)
	}
	if got := labelsOf(opt, 0, 65, 30); !slices.Equal(got, []string{"65,0 %\nen retard", "30,0 %\nen retard"}) {
		t.Errorf("late labels = %q", got)
	}
	if got := labelsOf(opt, 1, 100); !slices.Equal(got, []string{"100,0 %\nen bonne voie"}) {
		t.Errorf("on-track labels = %q", got)
	}
	if opt.Padding.Top < 40 {
		t.Errorf("padding above the plot %d px, want room for two lines of label", opt.Padding.Top)
	}
	if _, err := renderChart(chartPlanOf(t, option)); err != nil {
		t.Errorf("renderChart: %v", err)
	}
	// with a legend, the colours would be listed as series: left alone
	withLegend := libraryOf(t, `{"legend":{"show":true},"xAxis":{"data":["a","b"]},"series":[{"type":"bar","data":[{"value":1,"itemStyle":{"color":"#f00"}},2]}]}`, locale.French)
	if len(withLegend.SeriesList) != 1 {
		t.Errorf("%d series with a legend, want 1", len(withLegend.SeriesList))
	}
}

func chartPlanOf(t *testing.T, option string) chartPlan {
	t.Helper()
	p, state, err := prepareChart(option, locale.French)
	if state != chartReady {
		t.Fatalf("state %d (%v)", state, err)
	}
	return p
}
