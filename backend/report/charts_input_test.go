package report

import (
	"ruche/backend/locale"
	"testing"
	"time"

	"ruche/backend/analytics/chart"
	"ruche/backend/analytics/chart/echarts"
	"ruche/backend/calendar"
)

// fromJSON reads a chart written as the window's ECharts option: the
// report tests keep their charts short that way.
func fromJSON(t testing.TB, option string) chart.Chart {
	t.Helper()
	c, err := echarts.Read([]byte(option))
	if err != nil {
		t.Fatalf("echarts.Read(%s) = %v", option, err)
	}
	return c
}

// tenYears is a calendar's days over ten years: too many weeks to draw.
func tenYears() []chart.Day {
	var days []chart.Day
	start := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := start; d.Year() < 2026; d = d.AddDate(0, 0, 7) {
		days = append(days, chart.Day{Day: calendar.DayOf(d, time.UTC), Value: 1})
	}
	return days
}

// prepareChart reads the chart of an ECharts option the window draws
// (echarts.Read) and plans its image.
func prepareChart(option string, lang locale.Lang) (chartPlan, chartState, error) {
	c, err := echarts.Read([]byte(option))
	if err != nil {
		return chartPlan{}, chartInvalid, err
	}
	return planChart(c, lang)
}
