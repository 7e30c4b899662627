package report

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// This file holds what the report tests use to read a PDF back: poppler's
// pdftotext, pdfinfo and pdftoppm (Debian poppler-utils, installed by
// scripts/setup.sh), and a reader of the text fpdf writes, which keeps the
// no-break spaces pdftotext turns into spaces.

// render renders d and returns the PDF bytes.
func render(t testing.TB, d Data) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(context.Background(), d, &buf, nil); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

// writePDF keeps pdf in a fresh folder and returns its path.
func writePDF(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func poppler(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is missing: install poppler-utils (bash scripts/setup.sh)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pdfText is what pdftotext reads, with runs of spaces made one: pdftotext
// prints no-break spaces as spaces.
func pdfText(t *testing.T, path string) string {
	return squash(poppler(t, "pdftotext", "-enc", "UTF-8", path, "-"))
}

var spaces = regexp.MustCompile(`[ \t\x{a0}\x{202f}]+`)

func squash(s string) string { return spaces.ReplaceAllString(s, " ") }

func pageCount(t *testing.T, path string) int {
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(poppler(t, "pdfinfo", path))
	if m == nil {
		t.Fatalf("pdfinfo gives no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// artifacts returns the folder the pages' images go to: $ART/report/name
// when ART is set, to look at after the run, else a temporary folder.
func artifacts(t *testing.T, name string) string {
	dir := t.TempDir()
	if art := os.Getenv("ART"); art != "" {
		dir = filepath.Join(art, "report", name)
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// renderPages draws every page at 60 dpi with pdftoppm and checks each is
// an A4 page image.
func renderPages(t *testing.T, path, name string, pages int) {
	t.Helper()
	dir := artifacts(t, name)
	poppler(t, "pdftoppm", "-png", "-r", "60", path, filepath.Join(dir, "page"))
	files, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if len(files) != pages {
		t.Fatalf("pdftoppm made %d images, want %d", len(files), pages)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if cfg.Width < 495 || cfg.Width > 497 || cfg.Height != 702 {
			t.Errorf("%s is %d×%d, want an A4 page at 60 dpi (496×702)", f, cfg.Width, cfg.Height)
		}
	}
	if os.Getenv("ART") != "" {
		pdf, _ := os.ReadFile(path)
		os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o644)
	}
}

// box is a word on a page, in points, as pdftotext -bbox gives it.
type box struct {
	page                   int
	word                   string
	xMin, yMin, xMax, yMax float64
}

var (
	pageTag = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordTag = regexp.MustCompile(`<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>`)
)

// checkLayout asserts that every word is inside its page, above the footer
// line's margin, and that no two words overlap.
func checkLayout(t *testing.T, path string) {
	t.Helper()
	out := poppler(t, "pdftotext", "-bbox", path, "-")
	var pageW, pageH float64
	var words []box
	for i, chunk := range strings.Split(out, "<page ")[1:] {
		m := pageTag.FindStringSubmatch("<page " + chunk)
		pageW, _ = strconv.ParseFloat(m[1], 64)
		pageH, _ = strconv.ParseFloat(m[2], 64)
		for _, w := range wordTag.FindAllStringSubmatch(chunk, -1) {
			b := box{page: i + 1, word: w[5]}
			b.xMin, _ = strconv.ParseFloat(w[1], 64)
			b.yMin, _ = strconv.ParseFloat(w[2], 64)
			b.xMax, _ = strconv.ParseFloat(w[3], 64)
			b.yMax, _ = strconv.ParseFloat(w[4], 64)
			words = append(words, b)
		}
	}
	if len(words) == 0 {
		t.Fatal("pdftotext -bbox found no words")
	}
	margin := 36.0 // half an inch: printers do not reach the edge
	for i, a := range words {
		if a.xMin < margin || a.xMax > pageW-margin || a.yMin < 18 || a.yMax > pageH-18 {
			t.Errorf("page %d: %q at (%.0f,%.0f)-(%.0f,%.0f) is outside the printable area", a.page, a.word, a.xMin, a.yMin, a.xMax, a.yMax)
		}
		for _, b := range words[i+1:] {
			if a.page != b.page {
				continue
			}
			ox := min(a.xMax, b.xMax) - max(a.xMin, b.xMin)
			oy := min(a.yMax, b.yMax) - max(a.yMin, b.yMin)
			if ox > 0.5 && oy > 0.5 {
				t.Errorf("page %d: %q and %q overlap", a.page, a.word, b.word)
			}
		}
	}
}

// shownText returns the strings the PDF's pages show (the operands of Tj),
// decoded from fpdf's UTF-16: the exact characters, no-break spaces
// included.
func shownText(t *testing.T, pdf []byte) []string {
	t.Helper()
	var shown []string
	for rest := pdf; ; {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			break
		}
		rest = rest[i+len("stream\n"):]
		j := bytes.Index(rest, []byte("endstream"))
		if j < 0 {
			break
		}
		r, err := zlib.NewReader(bytes.NewReader(rest[:j]))
		rest = rest[j+len("endstream"):]
		if err != nil {
			continue
		}
		content, err := io.ReadAll(r)
		if err != nil || !bytes.Contains(content, []byte("Tj")) {
			continue
		}
		shown = append(shown, tjStrings(content)...)
	}
	return shown
}

// tjStrings reads the (string)Tj operations of a content stream.
func tjStrings(content []byte) []string {
	var out []string
	for i := 0; i < len(content); i++ {
		if content[i] != '(' {
			continue
		}
		var raw []byte
		j := i + 1
		for ; j < len(content) && content[j] != ')'; j++ {
			c := content[j]
			if c == '\\' && j+1 < len(content) {
				j++
				switch content[j] {
				case 'r':
					c = '\r'
				case 'n':
					c = '\n'
				default:
					c = content[j]
				}
			}
			raw = append(raw, c)
		}
		if !bytes.HasPrefix(bytes.TrimLeft(content[j+1:], " "), []byte("Tj")) {
			i = j
			continue
		}
		u := make([]uint16, len(raw)/2)
		for k := range u {
			u[k] = uint16(raw[2*k])<<8 | uint16(raw[2*k+1])
		}
		out = append(out, string(utf16.Decode(u)))
		i = j
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func quote(list []string) string { return fmt.Sprintf("%q", list) }
