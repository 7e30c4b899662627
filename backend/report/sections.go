package report

import (
	"context"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// document lays one report out: the blocks of each section, then the pages.
type document struct {
	d     Data
	w     *writer
	a     *assets
	brand rgb
	// states says, per chart, whether it is drawn, empty or unreadable.
	states []chartState
}

func (doc *document) block(h float64, draw drawFunc) *block {
	return &block{h: h, draw: draw}
}

// heading is a section title, kept with what follows it.
func (doc *document) heading(title string, newPage bool) *block {
	title = doc.w.line(title)
	b := doc.block(13, func(_ context.Context, y float64) error {
		w := doc.w
		w.fill(doc.brand)
		w.pdf.Rect(marginX, y+2.6, 1.6, 6.8, "F")
		w.font(true, 15, ink)
		w.text(marginX+4.5, y, contentW-4.5, 12, w.fit(title, contentW-4.5), "L")
		return nil
	})
	b.newPage, b.keep = newPage, true
	return b
}

// subheading is a smaller title inside a section.
func (doc *document) subheading(title string) *block {
	title = doc.w.line(title)
	b := doc.block(10, func(_ context.Context, y float64) error {
		doc.w.font(true, 11, ink)
		doc.w.text(marginX, y+1, contentW, 7, doc.w.fit(title, contentW), "L")
		return nil
	})
	b.keep = true
	return b
}

// note is a short muted paragraph: what a section says when it is empty.
func (doc *document) note(s string) *block {
	w := doc.w
	w.font(false, 10, muted)
	lines := w.wrap(w.clean(s), contentW)
	return doc.block(float64(len(lines))*5+4, func(_ context.Context, y float64) error {
		w.font(false, 10, muted)
		for i, l := range lines {
			w.text(marginX, y+1+float64(i)*5, contentW, 5, l, "L")
		}
		return nil
	})
}

// blocks returns every block after the cover, section by section.
func (doc *document) blocks() []*block {
	var bs []*block
	bs = append(bs, doc.summary()...)
	bs = append(bs, doc.charts()...)
	bs = append(bs, doc.posts()...)
	bs = append(bs, doc.community()...)
	bs = append(bs, doc.objectives()...)
	bs = append(bs, doc.analysis()...)
	return bs
}

// empty reports whether the period has no data at all: no figure, post,
// follower nor chart value.
func (doc *document) empty() bool {
	d := doc.d
	for _, k := range d.KPIs {
		if k.Value != 0 {
			return false
		}
	}
	if len(d.TopPosts) > 0 || d.Community.RepliesReceived > 0 || len(d.Community.TopFollowers) > 0 {
		return false
	}
	for _, s := range doc.states {
		if s == chartReady {
			return false
		}
	}
	return true
}

// cover draws the first page: the brand band, the names, the logo.
func (doc *document) cover(ctx context.Context) error {
	w, d := doc.w, doc.d
	fg := on(doc.brand)
	w.fill(doc.brand)
	w.pdf.Rect(0, 0, pageW, 118, "F")
	w.font(false, 13, fg)
	w.text(marginX, 30, contentW, 7, w.fit(d.msg("report.title", nil), contentW), "L")
	w.font(true, 30, fg)
	y := 42.0
	for _, l := range w.clip(w.line(d.Workspace), contentW, 2) {
		w.text(marginX, y, contentW, 13, l, "L")
		y += 13
	}
	w.font(false, 15, fg)
	w.text(marginX, y+4, contentW, 8, w.fit(period(d.Lang, d.From, d.To), contentW), "L")

	y = 134.0
	if doc.a.logo != nil {
		pic, err := doc.a.logo.get(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err == nil { // an unreadable logo is left out
			if err := w.image("logo", pic, marginX, y, 70, 40, false); err != nil {
				return err
			}
		}
	}
	y = 190.0
	if agency := w.line(d.Agency); agency != "" {
		w.font(true, 12, ink)
		w.text(marginX, y, contentW, 7, w.fit(d.msg("report.prepared_by", map[string]any{"agency": agency}), contentW), "L")
		y += 8
	}
	if !d.GeneratedAt.IsZero() {
		w.font(false, 10, muted)
		w.text(marginX, y, contentW, 6, d.msg("report.generated", map[string]any{"date": moment(d.Lang, d.GeneratedAt)}), "L")
	}
	return nil
}

// header draws the top of a page after the cover.
func (doc *document) header() {
	w, d := doc.w, doc.d
	w.font(false, 9, muted)
	right := w.fit(d.msg("report.title", nil)+" · "+period(d.Lang, d.From, d.To), contentW*0.6)
	rightW := w.pdf.GetStringWidth(right)
	w.text(marginX+contentW-rightW, 9, rightW, 6, right, "R")
	w.font(true, 9, muted)
	leftW := contentW - rightW - 6
	w.text(marginX, 9, leftW, 6, w.fit(w.line(d.Workspace), leftW), "L")
	w.fill(doc.brand)
	w.pdf.Rect(marginX, 16, contentW, 0.7, "F")
}

// footer draws "page n / N" at the bottom of every page.
func (doc *document) footer(n, total int) {
	w, d := doc.w, doc.d
	w.stroke(faint)
	w.pdf.SetLineWidth(0.2)
	w.pdf.Line(marginX, 283, marginX+contentW, 283)
	w.font(false, 8, muted)
	if agency := w.line(d.Agency); agency != "" {
		w.text(marginX, 284.5, contentW*0.6, 5, w.fit(agency, contentW*0.6), "L")
	}
	w.text(marginX+contentW*0.6, 284.5, contentW*0.4, 5, d.msg("report.page", map[string]any{"n": n, "total": total}), "R")
}

// summary is the page of KPI tiles.
func (doc *document) summary() []*block {
	w, d := doc.w, doc.d
	bs := []*block{doc.heading(d.msg("report.summary", nil), true)}
	lines := []string{d.msg("report.period", map[string]any{"period": period(d.Lang, d.From, d.To)})}
	if !d.PrevFrom.IsZero() && !d.PrevTo.IsZero() {
		lines = append(lines, d.msg("report.compared", map[string]any{"period": period(d.Lang, d.PrevFrom, d.PrevTo)}))
	}
	bs = append(bs, doc.block(float64(len(lines))*5.5+5, func(_ context.Context, y float64) error {
		w.font(false, 10, muted)
		for i, l := range lines {
			w.text(marginX, y+float64(i)*5.5, contentW, 5.5, w.fit(l, contentW), "L")
		}
		return nil
	}))
	if doc.empty() {
		w.font(false, 10.5, ink)
		msg := w.wrap(d.msg("report.empty_period", nil), contentW-12)
		bs = append(bs, doc.block(float64(len(msg))*5.4+16, func(_ context.Context, y float64) error {
			w.fill(tint(doc.brand, 0.85))
			w.pdf.RoundedRect(marginX, y, contentW, float64(len(msg))*5.4+10, 2.5, "1234", "F")
			w.font(false, 10.5, ink)
			for i, l := range msg {
				w.text(marginX+6, y+5+float64(i)*5.4, contentW-12, 5.4, l, "L")
			}
			return nil
		}))
	}
	const cols, gap, tileH = 3, 6.0, 31.0
	tileW := (contentW - gap*(cols-1)) / cols
	for i := 0; i < len(d.KPIs); i += cols {
		row := d.KPIs[i:min(i+cols, len(d.KPIs))]
		bs = append(bs, doc.block(tileH+gap, func(_ context.Context, y float64) error {
			for j, k := range row {
				doc.kpi(k, marginX+float64(j)*(tileW+gap), y, tileW, tileH)
			}
			return nil
		}))
	}
	return bs
}

// kpi draws one tile: label, value, change with its arrow, previous value.
func (doc *document) kpi(k KPI, x, y, tw, th float64) {
	w, lang := doc.w, doc.d.Lang
	w.fill(tile)
	w.pdf.RoundedRect(x, y, tw, th, 2, "1234", "F")
	w.fill(doc.brand)
	w.pdf.Rect(x, y+3, 1.4, th-6, "F")
	in := tw - 8
	w.font(false, 8.5, muted)
	w.text(x+5, y+2.5, in, 5, w.fit(w.line(text(lang, k.Label)), in), "L")
	w.font(true, 17, ink)
	w.text(x+5, y+8.5, in, 9, w.fit(value(lang, k.Unit, k.Value, k.Currency), in), "L")

	chg, tr := change(lang, k.Value, k.Previous)
	colour, arrow := muted, ""
	switch tr {
	case trendUp:
		arrow, colour = "▲ ", good
		if k.LowerIsBetter {
			colour = bad
		}
	case trendDown:
		arrow, colour = "▼ ", bad
		if k.LowerIsBetter {
			colour = good
		}
	case trendFlat:
		arrow = "= "
	case trendNone:
		chg = "— " + doc.d.msg("report.no_comparison", nil)
	}
	w.font(true, 9, colour)
	w.text(x+5, y+18.5, in, 5, w.fit(arrow+chg, in), "L")
	if tr != trendNone {
		w.font(false, 7.5, muted)
		prev := doc.d.msg("report.previous", map[string]any{"value": value(lang, k.Unit, k.Previous, k.Currency)})
		w.text(x+5, y+24, in, 4.5, w.fit(prev, in), "L")
	}
}

// chartH is the printed height of a chart, in proportion to its pixels.
const chartH = contentW * chartPxH / chartPxW

// charts is one section per chart.
func (doc *document) charts() []*block {
	var bs []*block
	for i, c := range doc.d.Charts {
		bs = append(bs, doc.heading(text(doc.d.Lang, c.Title), i == 0))
		switch doc.states[i] {
		case chartReady:
			bs = append(bs, doc.block(chartH+8, func(ctx context.Context, y float64) error {
				pic, err := doc.a.charts[i].get(ctx)
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if err != nil {
					doc.frame(y, chartH, doc.d.msg("report.chart_failed", nil))
					return nil
				}
				return doc.w.image("chart-"+strconv.Itoa(i), pic, marginX, y, contentW, chartH, true)
			}))
		case chartEmpty:
			bs = append(bs, doc.framed(doc.d.msg("report.chart_empty", nil)))
		default:
			bs = append(bs, doc.framed(doc.d.msg("report.chart_failed", nil)))
		}
	}
	return bs
}

// framed is a block holding a polite sentence in a frame, in place of a
// chart.
func (doc *document) framed(s string) *block {
	return doc.block(28, func(_ context.Context, y float64) error {
		doc.frame(y, 20, s)
		return nil
	})
}

func (doc *document) frame(y, h float64, s string) {
	w := doc.w
	w.stroke(faint)
	w.pdf.SetLineWidth(0.3)
	w.fill(white)
	w.pdf.RoundedRect(marginX, y, contentW, h, 2, "1234", "D")
	w.font(false, 10, muted)
	w.text(marginX+4, y, contentW-8, h, w.fit(s, contentW-8), "C")
}

// posts is the top posts table.
func (doc *document) posts() []*block {
	w, d := doc.w, doc.d
	bs := []*block{doc.heading(d.msg("report.top_posts", nil), true)}
	if len(d.TopPosts) == 0 {
		return append(bs, doc.note(d.msg("report.no_posts", nil)))
	}
	thumbs := 0.0
	for _, p := range d.TopPosts {
		if len(p.Thumbnail) > 0 {
			thumbs = 21
		}
	}
	const numW, rateW, rowH = 17.0, 22.0, 22.0
	textW := contentW - thumbs - 3*numW - rateW - 3
	numX := marginX + thumbs + textW + 3
	heads := []string{d.msg("report.col_likes", nil), d.msg("report.col_reposts", nil), d.msg("report.col_replies", nil), d.msg("report.col_engagement", nil)}
	header := doc.block(9, func(_ context.Context, y float64) error {
		w.font(true, 8, muted)
		w.text(marginX+thumbs, y, textW, 7, d.msg("report.col_post", nil), "L")
		for j, h := range heads {
			cw := numW
			if j == 3 {
				cw = rateW
			}
			w.text(numX+float64(j)*numW, y, cw, 7, w.fit(h, cw), "R")
		}
		w.stroke(faint)
		w.pdf.SetLineWidth(0.3)
		w.pdf.Line(marginX, y+8, marginX+contentW, y+8)
		return nil
	})
	for i, p := range d.TopPosts {
		meta := w.line(p.Network)
		if !p.Date.IsZero() {
			if meta != "" {
				meta += " · "
			}
			meta += shortDate(d.Lang, p.Date)
		}
		w.font(false, 8.5, ink)
		body := w.clip(w.line(p.Text), textW, 3)
		figures := []string{
			count(d.Lang, float64(p.Likes)), count(d.Lang, float64(p.Reposts)),
			count(d.Lang, float64(p.Replies)), percent(d.Lang, p.EngagementRate),
		}
		row := doc.block(rowH, func(ctx context.Context, y float64) error {
			if thumbs > 0 {
				if err := doc.thumbnail(ctx, i, marginX, y+2, 18); err != nil {
					return err
				}
			}
			x := marginX + thumbs
			w.font(true, 7.5, muted)
			w.text(x, y+2.5, textW, 4.5, w.fit(meta, textW), "L")
			w.font(false, 8.5, ink)
			for j, l := range body {
				w.text(x, y+7.5+float64(j)*4.3, textW, 4.3, l, "L")
			}
			w.font(false, 9.5, ink)
			for j, f := range figures {
				cw := numW
				if j == 3 {
					cw = rateW
					w.font(true, 9.5, ink)
				}
				w.text(numX+float64(j)*numW, y, cw, rowH, w.fit(f, cw), "R")
			}
			w.stroke(faint)
			w.pdf.SetLineWidth(0.2)
			w.pdf.Line(marginX, y+rowH, marginX+contentW, y+rowH)
			return nil
		})
		row.header = header
		if i == 0 {
			bs = append(bs, header)
		}
		bs = append(bs, row)
	}
	return bs
}

// thumbnail draws post i's thumbnail in a square of side s, or an empty
// frame when it cannot be read.
func (doc *document) thumbnail(ctx context.Context, i int, x, y, s float64) error {
	j := doc.a.thumbs[i]
	if j == nil {
		return nil
	}
	pic, err := j.get(ctx)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		doc.w.fill(missing)
		doc.w.pdf.RoundedRect(x, y, s, s, 1.5, "1234", "F")
		return nil
	}
	return doc.w.image("thumb-"+strconv.Itoa(i), pic, x, y, s, s, true)
}

// community is the replies received, how soon the accounts answered, and
// the most active followers.
func (doc *document) community() []*block {
	w, d := doc.w, doc.d
	c := d.Community
	bs := []*block{doc.heading(d.msg("report.community", nil), true)}
	tiles := []KPI{{Label: "report.replies_received", Unit: Count, Value: float64(c.RepliesReceived), Previous: float64(c.PreviousRepliesReceived)}}
	if c.Received > 0 {
		tiles = append(tiles, KPI{Label: "report.answered", Unit: Percent, Value: c.AnsweredShare, Previous: c.PreviousAnsweredShare})
	}
	if c.Answered > 0 {
		tiles = append(tiles, KPI{Label: "report.first_response", Unit: Duration, Value: c.FirstResponse, Previous: c.PreviousFirstResponse,
			LowerIsBetter: true})
	}
	const gap, tileH = 6.0, 31.0
	tileW := (contentW - 2*gap) / 3
	bs = append(bs, doc.block(tileH+gap, func(_ context.Context, y float64) error {
		for i, k := range tiles {
			doc.kpi(k, marginX+float64(i)*(tileW+gap), y, tileW, tileH)
		}
		return nil
	}))
	note := d.msg("report.answered_none", nil)
	if c.Received > 0 {
		note = d.msg("report.answered_of", map[string]any{"answered": count(d.Lang, float64(c.Answered)), "received": count(d.Lang, float64(c.Received))})
	}
	bs = append(bs, doc.note(note))
	bs = append(bs, doc.subheading(d.msg("report.active_followers", nil)))
	if len(c.TopFollowers) == 0 {
		return append(bs, doc.note(d.msg("report.no_followers", nil)))
	}
	const nameW, handleW = 72.0, 72.0
	numW := contentW - nameW - handleW
	header := doc.block(8, func(_ context.Context, y float64) error {
		w.font(true, 8, muted)
		w.text(marginX, y, nameW, 6, d.msg("report.col_follower", nil), "L")
		w.text(marginX+nameW, y, handleW, 6, d.msg("report.col_account", nil), "L")
		w.text(marginX+nameW+handleW, y, numW, 6, d.msg("report.col_interactions", nil), "R")
		w.stroke(faint)
		w.pdf.SetLineWidth(0.3)
		w.pdf.Line(marginX, y+7, marginX+contentW, y+7)
		return nil
	})
	bs = append(bs, header)
	for _, f := range c.TopFollowers {
		name, handle := w.line(f.Name), w.line(f.Handle)
		if name == "" {
			name = handle
		}
		if f.Network != "" {
			handle += " · " + f.Network
		}
		n := count(d.Lang, float64(f.Interactions))
		row := doc.block(7.5, func(_ context.Context, y float64) error {
			w.font(true, 9, ink)
			w.text(marginX, y, nameW-3, 7, w.fit(name, nameW-3), "L")
			w.font(false, 9, muted)
			w.text(marginX+nameW, y, handleW-3, 7, w.fit(handle, handleW-3), "L")
			w.font(false, 9, ink)
			w.text(marginX+nameW+handleW, y, numW, 7, n, "R")
			return nil
		})
		row.header = header
		bs = append(bs, row)
	}
	return bs
}

// objectives is a progress bar per objective.
func (doc *document) objectives() []*block {
	w, d := doc.w, doc.d
	bs := []*block{doc.block(6, func(context.Context, float64) error { return nil }), doc.heading(d.msg("report.objectives", nil), false)}
	if len(d.Objectives) == 0 {
		return append(bs, doc.note(d.msg("report.no_objectives", nil)))
	}
	for _, o := range d.Objectives {
		label := w.line(text(d.Lang, o.Label))
		progress := o.Progress
		if math.IsNaN(progress) || math.IsInf(progress, 0) || progress < 0 {
			progress = 0
		}
		share := withPercent(d.Lang, number(d.Lang, progress*100, 0))
		detail := d.msg("report.objective_progress", map[string]any{
			"current": value(d.Lang, o.Unit, o.Current, o.Currency),
			"target":  value(d.Lang, o.Unit, o.Target, o.Currency),
		})
		if !o.Due.IsZero() {
			detail += " · " + d.msg("report.due", map[string]any{"date": longDate(d.Lang, o.Due)})
		}
		bs = append(bs, doc.block(22, func(_ context.Context, y float64) error {
			w.font(true, 10, ink)
			w.text(marginX+contentW-30, y, 30, 6, share, "R")
			w.text(marginX, y, contentW-32, 6, w.fit(label, contentW-32), "L")
			w.fill(tile)
			w.pdf.RoundedRect(marginX, y+7.5, contentW, 4, 2, "1234", "F")
			if progress > 0 {
				bar := doc.brand
				if progress >= 1 {
					bar = good
				}
				w.fill(bar)
				w.pdf.RoundedRect(marginX, y+7.5, max(4, contentW*min(progress, 1)), 4, 2, "1234", "F")
			}
			w.font(false, 8.5, muted)
			w.text(marginX, y+13, contentW, 5, w.fit(detail, contentW), "L")
			return nil
		}))
	}
	return bs
}

var blankLines = regexp.MustCompile(`\n[ \t\p{Zs}]*\n\s*`)

// analysis is the community manager's text, a block per line so that it
// flows over as many pages as it needs.
func (doc *document) analysis() []*block {
	w, d := doc.w, doc.d
	body := strings.TrimSpace(w.clean(d.Analysis))
	if body == "" {
		return nil
	}
	bs := []*block{doc.heading(d.msg("report.analysis", nil), true)}
	const size, lineH, gap = 10.5, 5.4, 3.0
	w.font(false, size, ink)
	for i, para := range blankLines.Split(body, -1) {
		if i > 0 {
			bs = append(bs, doc.block(gap, func(context.Context, float64) error { return nil }))
		}
		for _, l := range w.wrap(strings.TrimRight(para, " \n"), contentW) {
			bs = append(bs, doc.block(lineH, func(_ context.Context, y float64) error {
				w.font(false, size, ink)
				w.text(marginX, y, contentW, lineH, l, "L")
				return nil
			}))
		}
	}
	return bs
}
