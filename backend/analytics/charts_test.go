package analytics

import (
	"context"
	"testing"

	"ruche/backend/analytics/chart"
	"ruche/backend/analytics/chart/echarts"
	"ruche/backend/locale"
)

// Every chart of the dashboard is a chart.Chart drawn as ECharts: the
// option reads back as the chart of its kind, and that chart draws the
// same option again, byte for byte.
func TestChartsReadBack(t *testing.T) {
	kinds := map[ChartKind]chart.Kind{ChartFollowers: chart.Line, ChartEngagement: chart.Bar, ChartInteractions: chart.Donut,
		ChartBestTime: chart.Heat, ChartObjectives: chart.Bar, ChartRegularity: chart.Calendar}
	st := fixedStore(t)
	for _, p := range []Period{november, {From: day(2025, 1, 1), To: day(2025, 1, 31)}, {From: day(2026, 11, 15), To: day(2026, 11, 15)}} {
		for _, lang := range []locale.Lang{locale.French, locale.English} {
			ws := fixedWS
			ws.Language = string(lang)
			db, err := fixedService(st).Dashboard(context.Background(), ws, p, Filter{})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range db.Charts {
				got, err := echarts.Read(c.Option)
				if err != nil {
					t.Fatalf("%s %s %s: Read = %v", p.From, lang, c.Kind, err)
				}
				if got.Kind != kinds[c.Kind] || got.Title != c.Title {
					t.Errorf("%s %s: read as a %s titled %q, want a %s titled %q", lang, c.Kind, got.Kind, got.Title, kinds[c.Kind], c.Title)
				}
				again, err := echarts.Option(got)
				if err != nil || string(again) != string(c.Option) {
					t.Errorf("%s %s %s: drawn again\n%s\nwant\n%s", p.From, lang, c.Kind, again, c.Option)
				}
			}
		}
	}
}

// The objectives' bars keep their status colours and their labels; the
// value axis goes from 0 to 100.
func TestObjectivesChart(t *testing.T) {
	ps := []Progress{{Status: Behind, Percent: 51.66, Known: true}, {Status: Achieved, Percent: 130, Known: true}, {Status: NotMeasured}}
	c := ObjectivesChart(locale.French, ps)
	if c.Kind != chart.Bar || c.Axis.Max != 100 || c.Axis.Unit != "\u202f%" || len(c.Series) != 1 {
		t.Fatalf("ObjectivesChart = %+v", c)
	}
	want := []chart.Point{
		{Value: 51.7, Known: true, Label: "51,7\u202f%\n" + message(locale.French, "analytics.progress.behind", nil), Color: statusColors[Behind]},
		{Value: 100, Known: true, Label: "130,0\u202f%\n" + message(locale.French, "analytics.progress.achieved", nil), Color: statusColors[Achieved]},
		{Value: 0, Known: true, Label: message(locale.French, "analytics.progress.not_measured", nil), Color: statusColors[NotMeasured]},
	}
	for i, p := range c.Series[0].Points {
		if p != want[i] {
			t.Errorf("point %d = %+v, want %+v", i, p, want[i])
		}
	}
}
