package echarts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"ruche/backend/analytics/chart"
	"ruche/backend/calendar"
)

// Read returns the chart an option of Option describes: Read(Option(c))
// is c. The PDF report is still handed the window's options
// (report.Chart.Option), so it reads them back with Read before drawing
// the chart; once report.Chart carries the chart.Chart itself, Read has
// no caller left. Read follows ECharts where Option leaves a choice (an
// object where a list of one is expected, values as numbers or numeric
// text, "-" or null for none, rows listed from the bottom) and refuses
// series it cannot describe.
func Read(option []byte) (chart.Chart, error) {
	var o struct {
		Title struct {
			Text string `json:"text"`
		} `json:"title"`
		Color  []string `json:"color"`
		Legend *struct {
			Show *bool `json:"show"`
		} `json:"legend"`
		XAxis     list[axis]      `json:"xAxis"`
		YAxis     list[axis]      `json:"yAxis"`
		Series    list[series]    `json:"series"`
		VisualMap list[visualMap] `json:"visualMap"`
		Calendar  list[struct {
			DayLabel struct {
				NameMap []string `json:"nameMap"`
			} `json:"dayLabel"`
			MonthLabel struct {
				NameMap []string `json:"nameMap"`
			} `json:"monthLabel"`
		}] `json:"calendar"`
	}
	b := bytes.TrimSpace(option)
	if len(b) == 0 || b[0] != '{' {
		return chart.Chart{}, errors.New("chart option: not an object")
	}
	if err := json.Unmarshal(b, &o); err != nil {
		return chart.Chart{}, fmt.Errorf("chart option: %w", err)
	}
	c := chart.Chart{Title: o.Title.Text, Colors: o.Color, Legend: o.Legend != nil && (o.Legend.Show == nil || *o.Legend.Show)}
	kind, err := kindOf(o.Series)
	if err != nil {
		return chart.Chart{}, err
	}
	c.Kind = kind
	x, y := first(o.XAxis), first(o.YAxis)
	vm := first(o.VisualMap)
	c.Scale.Max = deref(vm.Max)
	if len(vm.InRange.Color) == 2 {
		c.Scale.From, c.Scale.To = vm.InRange.Color[0], vm.InRange.Color[1]
	}
	switch kind {
	case chart.Line, chart.Bar:
		if x.Type == "value" || y.Type == "category" {
			return chart.Chart{}, fmt.Errorf("chart option: categories on the y axis: %w", ErrUnsupported)
		}
		c.Categories, c.Wrap = x.Data, x.AxisLabel.Overflow == "break"
		c.Axis = chart.Axis{Name: y.Name, Max: max(deref(y.Max), 0), Ticks: y.SplitNumber}
		if unit, ok := strings.CutPrefix(y.AxisLabel.Formatter, "{value}"); ok {
			c.Axis.Unit = unit
		}
		for _, s := range o.Series {
			if w, ok := strings.CutSuffix(s.BarWidth, "%"); ok && c.BarWidth == 0 {
				if f, err := strconv.ParseFloat(w, 64); err == nil {
					c.BarWidth = f / 100
				}
			}
			c.Series = append(c.Series, readPoints(s, "{c}", nil))
		}
	case chart.Donut:
		for _, s := range o.Series {
			c.Series = append(c.Series, readPoints(s, "{b}: {c}", &c.Categories))
		}
	case chart.Heat:
		c.Categories, c.Rows = x.Data, y.Data
		for _, s := range o.Series {
			c.Series = append(c.Series, readCells(s, c.Categories, &c.Rows, y.Inverse))
		}
	case chart.Calendar:
		cal := first(o.Calendar)
		if days := cal.DayLabel.NameMap; len(days) > 0 { // Sunday first: Monday first here
			c.Rows = append(slices.Clone(days[1:]), days[0])
		}
		c.Months = cal.MonthLabel.NameMap
		for _, s := range o.Series {
			c.Series = append(c.Series, readDays(s))
		}
	}
	return c, nil
}

// list is an ECharts component that may be one object or a list of them.
type list[T any] []T

func (l *list[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*l = nil
		return nil
	case len(b) > 0 && b[0] == '[':
		return json.Unmarshal(b, (*[]T)(l))
	}
	var one T
	if err := json.Unmarshal(b, &one); err != nil {
		return err
	}
	*l = list[T]{one}
	return nil
}

func first[T any](l list[T]) T {
	var zero T
	if len(l) == 0 {
		return zero
	}
	return l[0]
}

func deref(f *float64) float64 {
	if f == nil {
		return 0
	}
	return *f
}

type axis struct {
	Type        string   `json:"type"`
	Name        string   `json:"name"`
	Data        []string `json:"data"`
	Inverse     bool     `json:"inverse"`
	Max         *float64 `json:"max"`
	SplitNumber int      `json:"splitNumber"`
	AxisLabel   struct {
		Formatter string `json:"formatter"`
		Overflow  string `json:"overflow"`
	} `json:"axisLabel"`
}

type visualMap struct {
	Max     *float64 `json:"max"`
	InRange struct {
		Color []string `json:"color"`
	} `json:"inRange"`
}

type series struct {
	Type             string `json:"type"`
	Name             string `json:"name"`
	CoordinateSystem string `json:"coordinateSystem"`
	BarWidth         string `json:"barWidth"`
	ItemStyle        struct {
		Color string `json:"color"`
	} `json:"itemStyle"`
	Label struct {
		Show      bool   `json:"show"`
		Formatter string `json:"formatter"`
	} `json:"label"`
	Data []item `json:"data"`
}

// item is an ECharts data item: a value, or an object holding one.
type item struct {
	Value json.RawMessage
	Name  string
	Label string // its own label's text
	Color string
}

func (it *item) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		it.Value = b
		return nil
	}
	var o struct {
		Value json.RawMessage `json:"value"`
		Name  string          `json:"name"`
		Label struct {
			Formatter string `json:"formatter"`
		} `json:"label"`
		ItemStyle struct {
			Color string `json:"color"`
		} `json:"itemStyle"`
	}
	if err := json.Unmarshal(b, &o); err != nil {
		return err
	}
	*it = item{Value: o.Value, Name: o.Name, Label: o.Label.Formatter, Color: o.ItemStyle.Color}
	return nil
}

// number reads an ECharts scalar: a number or numeric text; "-", null and
// other text are no value.
func number(raw json.RawMessage) (float64, bool) {
	var f float64
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return 0, false // json leaves f alone: no value
	}
	if json.Unmarshal(raw, &f) == nil {
		return f, true
	}
	var text string
	if json.Unmarshal(raw, &text) != nil {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// tuple reads an ECharts array value.
func tuple(raw json.RawMessage) []json.RawMessage {
	var arr []json.RawMessage
	if json.Unmarshal(raw, &arr) != nil {
		return nil
	}
	return arr
}

// ErrUnsupported is the error of an option whose series no chart.Chart
// describes.
var ErrUnsupported = errors.New("unsupported chart")

func kindOf(ss list[series]) (chart.Kind, error) {
	if len(ss) == 0 {
		return chart.Line, nil // nothing to draw: an empty chart
	}
	var kind chart.Kind
	for _, s := range ss {
		var k chart.Kind
		switch {
		case s.Type == "line":
			k = chart.Line
		case s.Type == "bar":
			k = chart.Bar
		case s.Type == "pie":
			k = chart.Donut
		case s.Type == "heatmap" && s.CoordinateSystem == "calendar":
			k = chart.Calendar
		case s.Type == "heatmap":
			k = chart.Heat
		default:
			return "", fmt.Errorf("chart option: series type %q: %w", s.Type, ErrUnsupported)
		}
		if kind != "" && k != kind {
			return "", fmt.Errorf("chart option: %s series mixed with %s: %w", k, kind, ErrUnsupported)
		}
		kind = k
	}
	return kind, nil
}

// readPoints reads the values of a line, bar or pie series; template is
// the label written where a point has none of its own, before its unit.
// A pie names its slices in names.
func readPoints(s series, template string, names *[]string) chart.Series {
	out := chart.Series{Name: s.Name, Color: s.ItemStyle.Color, Labelled: s.Label.Show, Points: make([]chart.Point, len(s.Data))}
	if unit, ok := strings.CutPrefix(s.Label.Formatter, template); ok {
		out.Unit = unit
	}
	for i, it := range s.Data {
		v, ok := number(it.Value)
		p := chart.Point{Value: v, Known: ok, Color: it.Color}
		if !strings.Contains(it.Label, "{") { // a template is no text of its own
			p.Label = it.Label
		}
		out.Points[i] = p
		if names != nil {
			*names = append(*names, it.Name)
		}
	}
	return out
}

// readCells reads the cells of a heat map, [column, row, value, count],
// a column or row given by its index or its name; a cell without a value
// is left out. A y axis that is not inverse lists its rows from the
// bottom: rows and cells are turned over.
func readCells(s series, cols []string, rows *[]string, inverse bool) chart.Series {
	out := chart.Series{Name: s.Name}
	for _, it := range s.Data {
		arr := tuple(it.Value)
		if len(arr) < 3 {
			continue
		}
		col, okC := position(arr[0], cols)
		row, okR := position(arr[1], *rows)
		v, okV := number(arr[2])
		if !okC || !okR || !okV {
			continue
		}
		cell := chart.Cell{Col: col, Row: row, Value: v, Label: it.Label}
		if len(arr) > 3 {
			if n, ok := number(arr[3]); ok {
				cell.Count = int(n)
			}
		}
		out.Cells = append(out.Cells, cell)
	}
	if inverse {
		return out
	}
	n := len(*rows)
	for _, c := range out.Cells {
		n = max(n, c.Row+1)
	}
	if n > 1000 {
		return out // a grid too big to turn over: the report leaves it out
	}
	for len(*rows) < n {
		*rows = append(*rows, strconv.Itoa(len(*rows)))
	}
	slices.Reverse(*rows)
	for i := range out.Cells {
		out.Cells[i].Row = n - 1 - out.Cells[i].Row
	}
	return out
}

// position reads a cell's column or row: its index, or its name among
// names.
func position(raw json.RawMessage, names []string) (int, bool) {
	var name string
	if json.Unmarshal(raw, &name) == nil {
		i := slices.Index(names, name)
		return i, i >= 0
	}
	f, ok := number(raw)
	if !ok || f < 0 || f != math.Trunc(f) || f > math.MaxInt32 {
		return 0, false
	}
	return int(f), true
}

// readDays reads the days of a calendar heat map, ["YYYY-MM-DD", value].
func readDays(s series) chart.Series {
	out := chart.Series{Name: s.Name}
	for _, it := range s.Data {
		arr := tuple(it.Value)
		if len(arr) < 2 {
			continue
		}
		var text string
		if json.Unmarshal(arr[0], &text) != nil {
			continue
		}
		d, err := calendar.ParseDay(strings.TrimSpace(text))
		v, ok := number(arr[1])
		if err != nil || !ok {
			continue
		}
		out.Days = append(out.Days, chart.Day{Day: d, Value: v})
	}
	return out
}
