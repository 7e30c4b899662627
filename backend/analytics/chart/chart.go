// Package chart describes a chart as data: what it shows, with its texts
// and its labels already written in the chart's language, and nothing of
// how a library draws it. Package analytics builds the charts of the
// dashboard; two renderers draw the same value: package echarts as the
// ECharts option the window hands to setOption, package report as the
// go-analyze/charts image of the PDF.
//
// Only what Ruche's charts use is described. Every value axis starts at 0.
package chart

import "ruche/backend/calendar"

// Kind is how a chart lays out its values.
type Kind string

// The kinds.
const (
	// Line draws each series as a line over Categories.
	Line Kind = "line"
	// Bar draws each series as upright bars over Categories.
	Bar Kind = "bar"
	// Donut draws one series as a ring, one slice per point, the slices
	// named by Categories.
	Donut Kind = "donut"
	// Heat colours the Cells of one series on a grid: Categories across,
	// Rows down.
	Heat Kind = "heat"
	// Calendar colours the Days of one series: weeks across, Rows (the
	// weekdays, Monday first) down, Months over the weeks.
	Calendar Kind = "calendar"
)

// Chart is one chart.
type Chart struct {
	Kind  Kind
	Title string
	// Colors is the palette, "#rrggbb": a series (a slice) without a
	// colour of its own takes the next one.
	Colors []string
	// Legend reports whether a legend names the series (the slices).
	Legend bool
	// Categories name the points of every series (Line, Bar), the slices
	// (Donut) or the columns (Heat).
	Categories []string
	// Wrap marks categories that are long texts: each is written, broken
	// over lines under its bar.
	Wrap bool
	// Axis is the value axis of Line and Bar.
	Axis Axis
	// BarWidth is the share of its category's width a bar takes, from 0
	// to 1; 0 leaves it to the renderer.
	BarWidth float64
	Series   []Series
	// Rows name the rows of Heat and Calendar, top first.
	Rows []string
	// Months name the months of Calendar, January first.
	Months []string
	// Scale colours the cells of Heat and Calendar.
	Scale Scale
}

// Axis is a value axis, from 0.
type Axis struct {
	Name string  // written along the axis: "Abonnés", "%"; "" none
	Max  float64 // the top of the axis; 0 as the values need
	// Ticks is how many intervals the axis is split into, an estimate;
	// 0 leaves it to the renderer.
	Ticks int
	Unit  string // written after each graduation: "\u202f%"; "" none
}

// Series is one set of values.
type Series struct {
	Name  string
	Color string // "#rrggbb"; "" the palette's
	// Points are the values of Line, Bar and Donut, one per category.
	Points []Point
	// Labelled series (Bar, Donut) write a label at each point holding a
	// value: the point's own Label, else its value followed by Unit (a
	// slice's name first).
	Labelled bool
	Unit     string // "\u202f%", "%"; "" for plain numbers
	// Cells are the values of Heat: only the cells holding one.
	Cells []Cell
	// Days are the values of Calendar, in order.
	Days []Day
}

// Point is one value of a series.
type Point struct {
	Value float64
	Known bool   // false: no value, nothing is drawn there
	Label string // the point's own label, written in the chart's language; "" none
	Color string // the point's own colour; "" the series'
}

// Cell is one cell of a heat map.
type Cell struct {
	Col, Row int     // indexes in Categories and Rows
	Value    float64 // what colours the cell
	Count    int     // how many observations Value stands on (publications)
	Label    string  // written in the cell; "" none
}

// Day is the value of one day of a calendar.
type Day struct {
	Day   calendar.Day
	Value float64
}

// Scale is the colours of the cells: From at 0 to To at Max and over.
type Scale struct {
	Max      float64
	From, To string // "#rrggbb"
}
