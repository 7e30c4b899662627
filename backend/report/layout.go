package report

import (
	"bytes"
	"context"
	"embed"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"

	"ruche/backend/gzfs"
)

// The fonts, DejaVu Sans: they cover French print typography (U+202F,
// « », œ, €) and the arrows ▲▼. Licence in fonts/LICENSE.
// They are kept gzip-compressed (half their size) and expanded for each
// report.
//
//go:embed fonts/DejaVuSans.ttf.gz fonts/DejaVuSans-Bold.ttf.gz
var fonts embed.FS

const family = "dejavu"

// The page, in millimetres: A4 portrait.
const (
	pageW    = 210.0
	pageH    = 297.0
	marginX  = 18.0
	contentW = pageW - 2*marginX
	top      = 26.0  // where a page's content starts, under the header
	bottom   = 277.0 // where it must end, above the footer
)

// rgb is a colour.
type rgb struct{ r, g, b int }

// The colours besides the brand's.
var (
	ink     = rgb{0x1f, 0x23, 0x28}
	muted   = rgb{0x5f, 0x66, 0x6d}
	faint   = rgb{0xd0, 0xd5, 0xdb}
	tile    = rgb{0xf4, 0xf5, 0xf7}
	white   = rgb{0xff, 0xff, 0xff}
	good    = rgb{0x1a, 0x7f, 0x37}
	bad     = rgb{0xcf, 0x22, 0x2e}
	honey   = rgb{0xf5, 0xa6, 0x23} // workspace.DefaultColor
	missing = rgb{0xe6, 0xe8, 0xeb} // frame of a missing image
)

// parseColor reads "#rrggbb"; anything else gives honey.
func parseColor(s string) rgb {
	s = strings.TrimSpace(s)
	if len(s) != 7 || s[0] != '#' {
		return honey
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return honey
	}
	return rgb{int(v >> 16), int(v >> 8 & 0xff), int(v & 0xff)}
}

// on returns the text colour readable on c: ink on light colours, white on
// dark ones (relative luminance, WCAG).
func on(c rgb) rgb {
	lin := func(v int) float64 {
		f := float64(v) / 255
		if f <= 0.03928 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
	// contrast with white (1.05/(l+0.05)) against contrast with ink (~0.016)
	if 1.05/(l+0.05) >= (l+0.05)/0.066 {
		return white
	}
	return ink
}

// tint mixes c with white: share 0 is c, 1 is white.
func tint(c rgb, share float64) rgb {
	mix := func(v int) int { return v + int(float64(255-v)*share) }
	return rgb{mix(c.r), mix(c.g), mix(c.b)}
}

// block is a piece of a page of known height. Blocks are placed top to
// bottom and pages are cut between them, so the page count is known before
// the first page is drawn.
type block struct {
	h       float64
	newPage bool   // starts a page
	keep    bool   // on the same page as the next block (a heading)
	header  *block // drawn first when the block opens a page (a table's header row)
	draw    drawFunc
}

// drawFunc draws a block whose top is at y; ctx ends the wait for images.
type drawFunc = func(ctx context.Context, y float64) error

// placed is a block on its page.
type placed struct {
	b *block
	y float64
}

// paginate cuts blocks into pages of top..bottom.
func paginate(blocks []*block) [][]placed {
	var pages [][]placed
	var page []placed
	y := top
	flush := func() {
		if len(page) > 0 {
			pages = append(pages, page)
		}
		page, y = nil, top
	}
	for i, b := range blocks {
		need := b.h
		if b.keep && i+1 < len(blocks) {
			need += blocks[i+1].h
		}
		if b.newPage || y+need > bottom {
			flush()
		}
		if len(page) == 0 && b.header != nil {
			page = append(page, placed{b.header, y})
			y += b.header.h
		}
		page = append(page, placed{b, y})
		y += b.h
	}
	flush()
	return pages
}

// writer wraps fpdf with the report's text rules: runes the font lacks are
// dropped, lines wrap at spaces only (never at the no-break spaces of
// "1 234,5 %").
type writer struct {
	pdf    *fpdf.Fpdf
	glyphs []*truetype.Font
}

func newWriter() (*writer, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginX, top, marginX)
	pdf.SetCellMargin(0)
	ttfs := gzfs.New(fonts)
	regular, err := ttfs.ReadFile("fonts/DejaVuSans.ttf")
	if err != nil {
		return nil, ErrBuild.Because(err)
	}
	bold, err := ttfs.ReadFile("fonts/DejaVuSans-Bold.ttf")
	if err != nil {
		return nil, ErrBuild.Because(err)
	}
	pdf.AddUTF8FontFromBytes(family, "", regular)
	pdf.AddUTF8FontFromBytes(family, "B", bold)
	w := &writer{pdf: pdf}
	for _, f := range [][]byte{regular, bold} {
		g, err := truetype.Parse(f)
		if err != nil {
			return nil, ErrBuild.Because(err)
		}
		w.glyphs = append(w.glyphs, g)
	}
	if err := pdf.Error(); err != nil {
		return nil, ErrBuild.Because(err)
	}
	return w, nil
}

// clean keeps the runes both fonts can print, turns tabs into spaces and
// line ends into "\n", and drops other control and format characters.
func (w *writer) clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r > 0xffff || r == utf8.RuneError:
			// controls, bidi overrides, emoji (fpdf writes UTF-16 without surrogates)
		case w.glyphs[0].Index(r) == 0 || w.glyphs[1].Index(r) == 0:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// line cleans s for one line: line ends become spaces.
func (w *writer) line(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(w.clean(s), "\n", " ")), " ")
}

func (w *writer) font(bold bool, size float64, c rgb) {
	style := ""
	if bold {
		style = "B"
	}
	w.pdf.SetFont(family, style, size)
	w.pdf.SetTextColor(c.r, c.g, c.b)
}

func (w *writer) fill(c rgb)   { w.pdf.SetFillColor(c.r, c.g, c.b) }
func (w *writer) stroke(c rgb) { w.pdf.SetDrawColor(c.r, c.g, c.b) }

// text prints an already clean line in a cell of width cw and height h at
// x, y: align "L", "C" or "R", centred vertically.
func (w *writer) text(x, y, cw, h float64, s, align string) {
	w.pdf.SetXY(x, y)
	w.pdf.CellFormat(cw, h, s, "", 0, align+"M", false, 0, "")
}

const ellipsis = "…"

// fit returns s, cut with an ellipsis if it is wider than width in the
// current font.
func (w *writer) fit(s string, width float64) string {
	if w.pdf.GetStringWidth(s) <= width {
		return s
	}
	return w.cut(s, width)
}

// cut returns the longest start of s that fits in width followed by an
// ellipsis.
func (w *writer) cut(s string, width float64) string {
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo < hi { // the longest prefix that fits with the ellipsis
		mid := (lo + hi + 1) / 2
		if w.pdf.GetStringWidth(string(runes[:mid])+ellipsis) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRightFunc(string(runes[:lo]), unicode.IsSpace) + ellipsis
}

// wrap cuts clean text into lines no wider than width in the current font.
// Lines break at spaces; a word wider than a line is cut. Each "\n" starts
// a line, and an empty string is an empty line.
func (w *writer) wrap(s string, width float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Split(para, " ")
		cur := ""
		for _, word := range words {
			if word == "" {
				continue
			}
			try := word
			if cur != "" {
				try = cur + " " + word
			}
			if w.pdf.GetStringWidth(try) <= width {
				cur = try
				continue
			}
			if cur != "" {
				lines = append(lines, cur)
			}
			for w.pdf.GetStringWidth(word) > width { // a word longer than a line
				n := w.prefix(word, width)
				lines = append(lines, word[:n])
				word = word[n:]
			}
			cur = word
		}
		lines = append(lines, cur)
	}
	return lines
}

// prefix returns the byte length of the longest prefix of word narrower
// than width, at least one rune.
func (w *writer) prefix(word string, width float64) int {
	n := 0
	for i, r := range word {
		end := i + utf8.RuneLen(r)
		if n > 0 && w.pdf.GetStringWidth(word[:end]) > width {
			break
		}
		n = end
	}
	return n
}

// clip returns at most n lines of wrapped s, the last one ending with an
// ellipsis when text was left out.
func (w *writer) clip(s string, width float64, n int) []string {
	lines := w.wrap(s, width)
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	lines[n-1] = w.cut(lines[n-1], width)
	return lines
}

// image registers pic under name and draws it in the box x, y, bw, bh,
// keeping its proportions, centred or against the box's top left corner.
func (w *writer) image(name string, pic picture, x, y, bw, bh float64, center bool) error {
	opts := fpdf.ImageOptions{ImageType: "PNG"}
	w.pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(pic.png))
	if err := w.pdf.Error(); err != nil {
		return ErrBuild.Because(err)
	}
	iw, ih := bw, bw*float64(pic.h)/float64(pic.w)
	if ih > bh {
		iw, ih = bh*float64(pic.w)/float64(pic.h), bh
	}
	if center {
		x, y = x+(bw-iw)/2, y+(bh-ih)/2
	}
	w.pdf.ImageOptions(name, x, y, iw, ih, false, opts, 0, "")
	return nil
}
