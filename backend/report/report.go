// Package report makes the PDF report a community manager sends a client:
// a cover in the workspace's colours, a summary of KPI tiles compared with
// the previous period, one chart per section drawn from the same ECharts
// options as the window, the top posts, the community, the objectives and
// the manager's own analysis, in French or English.
//
// The package knows nothing of where figures come from: the caller fills a
// Data and Render lays it out. Rendering is deterministic: the same Data
// gives the same pages (the clock is Data.GeneratedAt).
package report

import (
	"context"
	"io"
	"strings"
	"time"

	"ruche/backend/analytics/chart"
	"ruche/backend/fault"
	"ruche/backend/locale"
)

// The errors of Render. Bad figures, logos, thumbnails or chart options
// never fail a report: they are left out or replaced by a polite note.
var (
	ErrLanguage = fault.New(fault.Invalid, "report.language_invalid")
	ErrPeriod   = fault.New(fault.Invalid, "report.period_invalid")
	ErrWrite    = fault.New(fault.Unavailable, "report.write_failed")
	ErrBuild    = fault.New(fault.Internal, "report.build_failed")
)

// Data is everything a report shows.
//
// Labels and titles (KPI.Label, Chart.Title, Objective.Label) are either a
// message code of package locale starting with "report." (such as
// "report.kpi.followers"), printed in the report's language, or the text to
// print as it is. Every text is printed as plain text: nothing in it is
// interpreted as markup, and characters the embedded font lacks (emoji) are
// left out.
type Data struct {
	Workspace string // the workspace's name: cover and every page's header
	Color     string // brand colour "#rrggbb"; anything else gives Ruche's honey
	Logo      []byte // PNG or JPEG; nil or unreadable bytes give a cover without logo
	LogoType  string // MIME type of Logo ("image/png", "image/jpeg"); the bytes decide
	Agency    string // who prepared the report: cover and footers; may be empty

	Lang locale.Lang // locale.French or locale.English

	// The period reported, both days included; only the calendar date
	// counts. PrevFrom and PrevTo are the period compared with, zero when
	// there is none.
	From, To         time.Time
	PrevFrom, PrevTo time.Time

	KPIs       []KPI
	Charts     []Chart
	TopPosts   []Post
	Community  Community
	Objectives []Objective

	// Analysis is the "analysis and recommendations" the community manager
	// writes: paragraphs separated by blank lines, line breaks kept.
	Analysis string

	// GeneratedAt is printed on the cover, in its own time zone, and dated
	// the PDF file.
	GeneratedAt time.Time
}

// Unit says how a figure is written.
type Unit int

// The units of figures.
const (
	Count    Unit = iota // a number of things: "1 234"; an average keeps one decimal
	Percent              // a ratio: 0.042 is written "4,2 %"
	Duration             // seconds: "2 h 5 min"
	Money                // cents of Currency: 1250 is written "12,50 €"
	Average              // a mean per week or per post, always one decimal: "14,0"
)

// KPI is one tile of the summary.
type KPI struct {
	Label    string  // message code or text, e.g. "report.kpi.followers"
	Unit     Unit    //
	Currency string  // ISO 4217 code of a Money figure; "EUR" if empty
	Value    float64 // the figure over the period
	Previous float64 // the figure over the previous period; 0 when unknown (no change shown)
	// LowerIsBetter marks a figure whose fall is good news (a response
	// time): its arrow is green when it goes down.
	LowerIsBetter bool
}

// Chart is one chart section.
type Chart struct {
	Title string // message code or text
	// Chart is the chart the window draws too. A chart with no data says
	// so; a chart that cannot be drawn says so too.
	Chart chart.Chart
}

// Post is one row of the top posts table.
type Post struct {
	Network        string    // the network's name as printed: "Bluesky", "Mastodon"
	Date           time.Time // when it was published, in the workspace's zone
	Text           string    // the post's text, cut to a few lines
	Likes          int
	Reposts        int
	Replies        int
	EngagementRate float64 // a ratio: 0.042 is "4,2 %"
	Thumbnail      []byte  // PNG or JPEG, optional; unreadable bytes give an empty frame
}

// Community is the community section.
type Community struct {
	// RepliesReceived is the replies the period's publications received;
	// PreviousRepliesReceived those of the previous period's.
	RepliesReceived, PreviousRepliesReceived int
	// Received is the replies and mentions of the period, Answered those
	// the accounts answered, AnsweredShare = Answered ÷ Received (a
	// ratio); FirstResponse is the median time to the first answer, in
	// seconds (0 when nothing was answered). The Previous ones are the
	// same over the previous period, 0 when unknown.
	Received, Answered           int
	AnsweredShare, FirstResponse float64
	PreviousAnsweredShare        float64
	PreviousFirstResponse        float64
	TopFollowers                 []Follower // the most active followers, most active first
}

// Follower is an active member of the community. Name and Handle came from
// the internet: the report prints them as text.
type Follower struct {
	Name         string // display name
	Handle       string // "@ana@piaille.fr", "@ana.bsky.social"
	Network      string // "Bluesky"
	Interactions int    // likes, reposts, replies, mentions and quotes given over the period
	Replies      int    // of which replies and mentions
}

// Objective is a target and how far the workspace is.
type Objective struct {
	Label    string // message code or text
	Unit     Unit
	Currency string
	Target   float64
	Current  float64
	Progress float64   // 0..1; more than 1 when the target is passed
	Due      time.Time // the day the target is due; zero when none
}

// Render writes d as a PDF to w. progress, if not nil, is called with the
// pages done and the total as each page is produced, first with (0, total).
// ctx stops the rendering between pages.
func Render(ctx context.Context, d Data, w io.Writer, progress func(done, total int)) error {
	if d.Lang != locale.French && d.Lang != locale.English {
		return ErrLanguage.With(map[string]any{"lang": string(d.Lang)}, nil)
	}
	if d.From.IsZero() || d.To.IsZero() || day(d.To).Before(day(d.From)) {
		return ErrPeriod.With(nil, nil)
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	wr, err := newWriter()
	if err != nil {
		return err
	}
	doc := &document{d: d, w: wr, brand: parseColor(d.Color), states: make([]chartState, len(d.Charts))}
	plans := make([]chartPlan, len(d.Charts))
	for i, c := range d.Charts {
		plans[i], doc.states[i], _ = planChart(c.Chart, d.Lang)
	}
	doc.a = startAssets(ctx, d, plans, doc.states)
	defer doc.a.wait()

	pages := paginate(doc.blocks())
	total := 1 + len(pages)
	progress(0, total)
	doc.meta()
	pdf := wr.pdf
	pdf.AddPage()
	if err := doc.cover(ctx); err != nil {
		return err
	}
	doc.footer(1, total)
	progress(1, total)
	for i, page := range pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		pdf.AddPage()
		doc.header()
		for _, p := range page {
			if err := p.b.draw(ctx, p.y); err != nil {
				return err
			}
		}
		doc.footer(i+2, total)
		progress(i+2, total)
	}
	pdf.Close()
	if err := pdf.Error(); err != nil {
		return ErrBuild.Because(err)
	}
	if err := pdf.Output(w); err != nil {
		return ErrWrite.With(map[string]any{"reason": err.Error()}, err)
	}
	return nil
}

// meta sets the document's properties. The file is dated GeneratedAt, or
// the period's last day: never the clock.
func (doc *document) meta() {
	pdf, d := doc.w.pdf, doc.d
	title := d.msg("report.title", nil) + " · " + doc.w.line(d.Workspace) + " · " + period(d.Lang, d.From, d.To)
	pdf.SetTitle(title, true)
	pdf.SetSubject(period(d.Lang, d.From, d.To), true)
	if agency := doc.w.line(d.Agency); agency != "" {
		pdf.SetAuthor(agency, true)
	}
	pdf.SetCreator("Ruche", true)
	pdf.SetLang(string(d.Lang))
	at := d.GeneratedAt
	if at.IsZero() {
		at = day(d.To)
	}
	pdf.SetCreationDate(at.UTC()) // fpdf prints the clock time as UTC
	pdf.SetModificationDate(at.UTC())
	pdf.SetCatalogSort(true)
}

// day returns t's calendar date at midnight UTC.
func day(t time.Time) time.Time {
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// text returns the printed form of a label: the message of a "report."
// code, or the label itself.
func text(lang locale.Lang, label string) string {
	if strings.HasPrefix(label, "report.") && locale.Has(label) {
		return locale.Message(lang, label, nil)
	}
	return label
}

func (d Data) msg(code string, args map[string]any) string {
	return locale.Message(d.Lang, code, args)
}
