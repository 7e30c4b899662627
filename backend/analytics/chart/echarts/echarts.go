// Package echarts draws a chart.Chart for the window: the plain JSON of an
// ECharts 5 option, built with go-echarts and validated, which the window
// hands to echarts@5.6's setOption. No JavaScript function anywhere, no
// remote asset. Texts and labels are the chart's own; value-axis
// graduations are written by ECharts itself (the window may give them a
// formatter of its own, Intl.NumberFormat, before drawing).
package echarts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"ruche/backend/analytics/chart"
)

// Option returns the ECharts option of c, JSON.
func Option(c chart.Chart) (json.RawMessage, error) {
	switch c.Kind {
	case chart.Line:
		return line(c)
	case chart.Bar:
		return bar(c)
	case chart.Donut:
		return donut(c)
	case chart.Heat:
		return heat(c)
	case chart.Calendar:
		return calendarHeat(c)
	}
	return nil, fmt.Errorf("chart option: unknown kind %q", c.Kind)
}

// encode validates a go-echarts chart and returns its option as JSON;
// edit, when set, changes the option's map first (what go-echarts cannot
// express).
func encode(c interface {
	Validate()
	JSON() map[string]any
}, edit func(map[string]any)) (json.RawMessage, error) {
	c.Validate()
	obj := c.JSON()
	// go-echarts writes empty components the window does not need.
	delete(obj, "toolbox")
	if edit != nil {
		edit(obj)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(obj); err != nil {
		return nil, fmt.Errorf("chart option: %w", err)
	}
	return json.RawMessage(bytes.TrimSpace(buf.Bytes())), nil
}

func title(c chart.Chart) charts.GlobalOpts {
	return charts.WithTitleOpts(opts.Title{Title: c.Title, Left: "center"})
}

func colors(c chart.Chart) charts.GlobalOpts {
	if c.Colors == nil {
		return func(*charts.BaseConfiguration) {} // go-echarts' own palette
	}
	return charts.WithColorsOpts(c.Colors)
}

// valueAxis is c's value axis, from 0.
func valueAxis(c chart.Chart) opts.YAxis {
	ax := opts.YAxis{Type: "value", Min: 0, Name: c.Axis.Name, SplitNumber: c.Axis.Ticks}
	if c.Axis.Max > 0 {
		ax.Max = c.Axis.Max
	}
	if c.Axis.Unit != "" {
		ax.AxisLabel = &opts.AxisLabel{Formatter: types.FuncStr("{value}" + c.Axis.Unit)}
	}
	return ax
}

// labelTemplate is the label ECharts writes at a point of s without a
// label of its own.
func labelTemplate(s chart.Series) string { return "{c}" + s.Unit }

func line(c chart.Chart) (json.RawMessage, error) {
	l := charts.NewLine()
	names := make([]string, len(c.Series))
	for i, s := range c.Series {
		names[i] = s.Name
	}
	l.SetGlobalOptions(title(c), colors(c),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(c.Legend), Type: "scroll", Top: "bottom", Data: names}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(valueAxis(c)))
	l.SetXAxis(c.Categories)
	for _, s := range c.Series {
		// Plain numbers, "-" for no point: a year of 20 accounts is 7,300.
		data := make([]any, len(s.Points))
		for i, p := range s.Points {
			if p.Known {
				data[i] = p.Value
			} else {
				data[i] = "-"
			}
		}
		l.AddSeries(s.Name, nil, charts.WithLineChartOpts(opts.LineChart{Symbol: "none", ShowSymbol: opts.Bool(false)}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}))
		l.MultiSeries[len(l.MultiSeries)-1].Data = data
	}
	return encode(l, nil)
}

func bar(c chart.Chart) (json.RawMessage, error) {
	b := charts.NewBar()
	xAxis := opts.XAxis{Type: "category"}
	if c.Wrap {
		xAxis.AxisLabel = &opts.AxisLabel{Interval: "0"}
	}
	b.SetGlobalOptions(title(c), colors(c),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(c.Legend)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithXAxisOpts(xAxis),
		charts.WithYAxisOpts(valueAxis(c)))
	b.SetXAxis(c.Categories)
	for _, s := range c.Series {
		data := make([]opts.BarData, len(s.Points))
		for i, p := range s.Points {
			if !p.Known {
				data[i] = opts.BarData{Value: "-"}
				continue
			}
			data[i] = opts.BarData{Value: p.Value}
			if p.Label != "" {
				data[i].Label = &opts.Label{Show: opts.Bool(true), Position: "top", Formatter: p.Label}
			}
			if p.Color != "" {
				data[i].ItemStyle = &opts.ItemStyle{Color: p.Color}
			}
		}
		var seriesOpts []charts.SeriesOpts
		if c.BarWidth > 0 {
			seriesOpts = append(seriesOpts, charts.WithBarChartOpts(opts.BarChart{BarWidth: percent(c.BarWidth)}))
		}
		seriesOpts = append(seriesOpts, charts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}))
		if s.Labelled {
			seriesOpts = append(seriesOpts, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Formatter: labelTemplate(s)}))
		}
		b.AddSeries(s.Name, data, seriesOpts...)
	}
	if !c.Wrap {
		return encode(b, nil)
	}
	return encode(b, func(o map[string]any) {
		// Long categories wrap under their bar.
		if xs, ok := o["xAxis"].([]opts.XAxis); ok && len(xs) == 1 {
			o["xAxis"] = []any{map[string]any{"type": "category", "data": xs[0].Data,
				"axisLabel": map[string]any{"interval": 0, "width": 150, "overflow": "break"}}}
		}
	})
}

// percent writes a share as an ECharts percentage: 0.4 is "40%".
func percent(share float64) string {
	return strconv.FormatFloat(math.Round(share*1e4)/1e2, 'f', -1, 64) + "%"
}

func donut(c chart.Chart) (json.RawMessage, error) {
	p := charts.NewPie()
	p.SetGlobalOptions(title(c), colors(c),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(c.Legend), Top: "bottom"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}))
	for _, s := range c.Series {
		var data []opts.PieData
		for i, pt := range s.Points {
			d := opts.PieData{Value: pt.Value}
			if i < len(c.Categories) {
				d.Name = c.Categories[i]
			}
			if !pt.Known {
				d.Value = "-"
			}
			if pt.Label != "" {
				d.Label = &opts.Label{Formatter: pt.Label}
			}
			data = append(data, d)
		}
		p.AddSeries(s.Name, data,
			charts.WithPieChartOpts(opts.PieChart{Radius: []string{"40%", "65%"}}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(s.Labelled), Formatter: "{b}: " + labelTemplate(s)}))
	}
	return encode(p, nil)
}

// heatItem is a heat map cell with a label of its own.
type heatItem struct {
	Value []any       `json:"value"`
	Label *opts.Label `json:"label,omitempty"`
}

// scale is the visual map of c's cells; min 0 is written by visualMaps.
func scale(c chart.Chart, calculable bool) charts.GlobalOpts {
	vm := opts.VisualMap{Type: "continuous", Min: 0, Max: float32(c.Scale.Max), Orient: "horizontal", Left: "center", Bottom: "0",
		InRange: &opts.VisualMapInRange{Color: []string{c.Scale.From, c.Scale.To}}}
	if calculable {
		vm.Calculable = opts.Bool(true)
	}
	return charts.WithVisualMapOpts(vm)
}

// heat is the heat map of the cells of c's series: each value is [column,
// row, value, count], the rows listed top first.
func heat(c chart.Chart) (json.RawMessage, error) {
	h := charts.NewHeatMap()
	h.SetGlobalOptions(title(c), colors(c),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(c.Legend)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: c.Categories, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: c.Rows, Inverse: opts.Bool(true), SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		scale(c, true))
	for _, s := range c.Series {
		var items []heatItem // null without cells, as go-echarts writes it
		for _, cell := range s.Cells {
			item := heatItem{Value: []any{cell.Col, cell.Row, cell.Value, cell.Count}}
			if cell.Label != "" {
				item.Label = &opts.Label{Show: opts.Bool(true), Formatter: cell.Label}
			}
			items = append(items, item)
		}
		h.MultiSeries = append(h.MultiSeries, charts.SingleSeries{Name: s.Name, Type: types.ChartHeatMap, Data: items})
	}
	return encode(h, func(o map[string]any) {
		// The colour follows the value (value[2]), not the count that
		// comes last.
		o["visualMap"] = visualMaps(o["visualMap"], map[string]any{"dimension": 2})
	})
}

// visualMaps returns the visual maps with "min": 0 written, which
// go-echarts leaves out as an empty value, a "calculable" it wrote null
// left out, and the fields of set.
func visualMaps(vm any, set map[string]any) any {
	b, err := json.Marshal(vm)
	if err != nil {
		return vm
	}
	var ms []map[string]any
	if json.Unmarshal(b, &ms) != nil {
		return vm
	}
	for _, m := range ms {
		m["min"] = 0
		if m["calculable"] == nil {
			delete(m, "calculable")
		}
		for k, v := range set {
			m[k] = v
		}
	}
	return ms
}

// calendarHeat is the calendar heat map of the days of c's series, from
// the first to the last; each value is ["YYYY-MM-DD", value].
func calendarHeat(c chart.Chart) (json.RawMessage, error) {
	h := charts.NewHeatMap()
	h.SetGlobalOptions(title(c), colors(c),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(c.Legend)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		scale(c, false))
	var span []string
	for _, s := range c.Series {
		if n := len(s.Days); n > 0 && span == nil {
			span = []string{s.Days[0].Day.String(), s.Days[n-1].Day.String()}
		}
	}
	h.AddCalendar(&opts.Calendar{Range: span, Top: "60", Left: "60", Right: "30", Bottom: "70", CellSize: "auto",
		DayLabel: &opts.CalendarLabel{FirstDay: 1}, YearLabel: &opts.CalendarLabel{Show: opts.Bool(false)}})
	for _, s := range c.Series {
		data := make([]opts.HeatMapData, len(s.Days))
		for i, d := range s.Days {
			data[i] = opts.HeatMapData{Value: []any{d.Day.String(), d.Value}}
		}
		h.AddSeries(s.Name, data, charts.WithCoordinateSystem("calendar"))
	}
	weekdays := make([]string, len(c.Rows)) // ECharts wants Sunday first
	for i := range weekdays {
		weekdays[i] = c.Rows[(i+len(c.Rows)-1)%len(c.Rows)]
	}
	return encode(h, func(o map[string]any) {
		cal, err := json.Marshal(o["calendar"])
		if err != nil {
			return
		}
		var cs []map[string]any
		if json.Unmarshal(cal, &cs) != nil || len(cs) != 1 {
			return
		}
		cs[0]["dayLabel"] = map[string]any{"firstDay": 1, "nameMap": weekdays}
		cs[0]["monthLabel"] = map[string]any{"nameMap": c.Months}
		o["calendar"] = cs
		o["visualMap"] = visualMaps(o["visualMap"], nil)
	})
}
