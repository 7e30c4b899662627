package text

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads Hunspell dictionaries (an .aff file of affix rules and a
// .dic file of stems with their flags) and expands every stem into the word
// forms it allows, once, at load time. Checking a word is then one lookup.
//
// It implements what the shipped French (Grammalecte) and English (SCOWL)
// dictionaries use: FLAG long/num/UTF-8, PFX and SFX with conditions and
// continuation classes (two suffixes and a prefix), cross products,
// NEEDAFFIX, FORBIDDENWORD, NOSUGGEST, ONLYINCOMPOUND, KEEPCASE, REP, KEY
// and TRY. Compounding is not expanded: the English compound rules only make
// ordinals, which the tokeniser treats as numbers. French elided prefixes
// (l', qu', jusqu'…) are not expanded either: the speller strips an elision
// itself and checks the word after it, which keeps the set small.

type flagMode int

const (
	flagChar flagMode = iota
	flagLong
	flagNum
	flagUTF8
)

// affixRule is one PFX or SFX line.
type affixRule struct {
	strip string
	add   string
	cont  []string // continuation flags of the affixed form
	cond  []condPart
	// elision marks a prefix that is an elided word (l', qu', jusqu'…),
	// which the speller handles itself.
	elision bool
}

type affixClass struct {
	flag   string
	prefix bool
	cross  bool
	rules  []affixRule
}

// condPart is one position of an affix condition: a set of runes, negated
// or not, or any rune.
type condPart struct {
	any   bool
	neg   bool
	runes string
}

func (c condPart) match(r rune) bool {
	if c.any {
		return true
	}
	in := strings.ContainsRune(c.runes, r)
	return in != c.neg
}

// affixFile is what an .aff file says.
type affixFile struct {
	mode           flagMode
	classes        map[string]*affixClass
	prefixes       []*affixClass
	suffixes       []*affixClass
	needAffix      string
	forbidden      string
	noSuggest      string
	onlyInCompound string
	keepCase       string
	rep            [][2]string
	key            []string // keyboard rows and neighbour groups
	try            string
}

func parseCond(s string) ([]condPart, error) {
	if s == "." {
		return nil, nil
	}
	var parts []condPart
	for i := 0; i < len(s); {
		switch s[i] {
		case '.':
			parts = append(parts, condPart{any: true})
			i++
		case '[':
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("condition %q: unclosed [", s)
			}
			set := s[i+1 : i+end]
			p := condPart{}
			if strings.HasPrefix(set, "^") {
				p.neg = true
				set = set[1:]
			}
			p.runes = set
			parts = append(parts, p)
			i += end + 1
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			parts = append(parts, condPart{runes: string(r)})
			i += n
		}
	}
	return parts, nil
}

// splitFlags splits a flag field into flags according to the mode.
func (a *affixFile) splitFlags(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	switch a.mode {
	case flagLong:
		for len(s) >= 2 {
			_, n1 := utf8.DecodeRuneInString(s)
			_, n2 := utf8.DecodeRuneInString(s[n1:])
			out = append(out, s[:n1+n2])
			s = s[n1+n2:]
		}
	case flagNum:
		for _, f := range strings.Split(s, ",") {
			if f = strings.TrimSpace(f); f != "" {
				out = append(out, f)
			}
		}
	default:
		for _, r := range s {
			out = append(out, string(r))
		}
	}
	return out
}

func parseAffix(data []byte) (*affixFile, error) {
	a := &affixFile{classes: map[string]*affixClass{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		arg := ""
		if len(f) > 1 {
			arg = f[1]
		}
		switch f[0] {
		case "SET":
			if u := strings.ToUpper(arg); u != "UTF-8" && u != "UTF8" {
				return nil, fmt.Errorf("aff line %d: encoding %s: only UTF-8 is supported", line, arg)
			}
		case "FLAG":
			switch arg {
			case "long":
				a.mode = flagLong
			case "num":
				a.mode = flagNum
			case "UTF-8":
				a.mode = flagUTF8
			}
		case "NEEDAFFIX", "PSEUDOROOT":
			a.needAffix = arg
		case "FORBIDDENWORD":
			a.forbidden = arg
		case "NOSUGGEST":
			a.noSuggest = arg
		case "ONLYINCOMPOUND":
			a.onlyInCompound = arg
		case "KEEPCASE":
			a.keepCase = arg
		case "TRY":
			a.try = arg
		case "KEY":
			a.key = strings.Split(arg, "|")
		case "REP":
			if len(f) >= 3 {
				a.rep = append(a.rep, [2]string{strings.ReplaceAll(f[1], "_", " "), strings.ReplaceAll(f[2], "_", " ")})
			}
		case "PFX", "SFX":
			if len(f) < 4 {
				return nil, fmt.Errorf("aff line %d: short %s line", line, f[0])
			}
			c := a.classes[f[1]]
			if c == nil {
				// The header: PFX flag cross count.
				if _, err := strconv.Atoi(f[3]); err != nil {
					return nil, fmt.Errorf("aff line %d: %s header: %w", line, f[0], err)
				}
				c = &affixClass{flag: f[1], prefix: f[0] == "PFX", cross: f[2] == "Y"}
				a.classes[f[1]] = c
				if c.prefix {
					a.prefixes = append(a.prefixes, c)
				} else {
					a.suffixes = append(a.suffixes, c)
				}
				continue
			}
			if len(f) < 5 {
				return nil, fmt.Errorf("aff line %d: %s rule needs a condition", line, f[0])
			}
			r := affixRule{}
			if f[2] != "0" {
				r.strip = f[2]
			}
			add, cont, _ := strings.Cut(f[3], "/")
			if add != "0" {
				r.add = add
			}
			r.cont = a.splitFlags(cont)
			r.elision = c.prefix && strings.ContainsAny(r.add, "'’")
			cond, err := parseCond(f[4])
			if err != nil {
				return nil, fmt.Errorf("aff line %d: %w", line, err)
			}
			r.cond = cond
			c.rules = append(c.rules, r)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read aff: %w", err)
	}
	return a, nil
}

// matchPrefixCond reports whether the condition holds at the start of w.
func matchPrefixCond(cond []condPart, w string) bool {
	for _, c := range cond {
		r, n := utf8.DecodeRuneInString(w)
		if n == 0 || !c.match(r) {
			return false
		}
		w = w[n:]
	}
	return true
}

// matchSuffixCond reports whether the condition holds at the end of w.
func matchSuffixCond(cond []condPart, w string) bool {
	for i := len(cond) - 1; i >= 0; i-- {
		r, n := utf8.DecodeLastRuneInString(w)
		if n == 0 || !cond[i].match(r) {
			return false
		}
		w = w[:len(w)-n]
	}
	return true
}

func (r *affixRule) applySuffix(w string) (string, bool) {
	if !strings.HasSuffix(w, r.strip) || !matchSuffixCond(r.cond, w) {
		return "", false
	}
	out := w[:len(w)-len(r.strip)] + r.add
	return out, out != ""
}

func (r *affixRule) applyPrefix(w string) (string, bool) {
	if !strings.HasPrefix(w, r.strip) || !matchPrefixCond(r.cond, w) {
		return "", false
	}
	out := r.add + w[len(r.strip):]
	return out, out != ""
}

func hasFlag(flags []string, f string) bool {
	if f == "" {
		return false
	}
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

// dictionary is a loaded Hunspell dictionary: every accepted form, the forms
// that may be suggested, and what the suggester needs from the .aff file.
type dictionary struct {
	words     *wordSet // every form the dictionary accepts
	noSuggest *wordSet // forms never offered as suggestions (vulgar words…)
	folded    *foldIndex
	rep       [][2]string
	keys      map[rune]string // keyboard neighbours
	elides    bool            // the language elides (French: l', qu')
}

// expander turns .dic lines into forms.
type expander struct {
	a   *affixFile
	out func(form string, flags []string)
}

// classesOf returns the affix classes named by flags, prefixes or suffixes.
func (a *affixFile) classesOf(flags []string, prefix bool) []*affixClass {
	var out []*affixClass
	for _, f := range flags {
		if c := a.classes[f]; c != nil && c.prefix == prefix {
			out = append(out, c)
		}
	}
	return out
}

// expand emits every form of stem with flags.
func (e *expander) expand(stem string, flags []string) {
	a := e.a
	if hasFlag(flags, a.forbidden) || hasFlag(flags, a.onlyInCompound) {
		return
	}
	if !hasFlag(flags, a.needAffix) {
		e.out(stem, flags)
	}
	prefixes := a.classesOf(flags, true)
	for _, s := range a.classesOf(flags, false) {
		for i := range s.rules {
			r := &s.rules[i]
			w1, ok := r.applySuffix(stem)
			if !ok || hasFlag(r.cont, a.forbidden) {
				continue
			}
			if !hasFlag(r.cont, a.needAffix) {
				e.out(w1, r.cont)
			}
			// A second suffix named by the first one's continuation.
			for _, s2 := range a.classesOf(r.cont, false) {
				for j := range s2.rules {
					r2 := &s2.rules[j]
					w2, ok := r2.applySuffix(w1)
					if !ok || hasFlag(r2.cont, a.forbidden) || hasFlag(r2.cont, a.needAffix) {
						continue
					}
					e.out(w2, r2.cont)
				}
			}
			// A prefix on the suffixed form (cross product).
			if !s.cross {
				continue
			}
			for _, p := range append(prefixes, a.classesOf(r.cont, true)...) {
				if !p.cross {
					continue
				}
				for j := range p.rules {
					rp := &p.rules[j]
					if rp.elision {
						continue
					}
					w2, ok := rp.applyPrefix(w1)
					if !ok || hasFlag(rp.cont, a.forbidden) {
						continue
					}
					e.out(w2, rp.cont)
				}
			}
		}
	}
	for _, p := range prefixes {
		for i := range p.rules {
			r := &p.rules[i]
			if r.elision {
				continue
			}
			w1, ok := r.applyPrefix(stem)
			if !ok || hasFlag(r.cont, a.forbidden) {
				continue
			}
			if !hasFlag(r.cont, a.needAffix) {
				e.out(w1, r.cont)
			}
			if !p.cross {
				continue
			}
			for _, s := range a.classesOf(r.cont, false) {
				if !s.cross {
					continue
				}
				for j := range s.rules {
					rs := &s.rules[j]
					w2, ok := rs.applySuffix(w1)
					if !ok || hasFlag(rs.cont, a.forbidden) || hasFlag(rs.cont, a.needAffix) {
						continue
					}
					e.out(w2, rs.cont)
				}
			}
		}
	}
}

// splitDicLine returns the stem and flag field of a .dic line. A slash
// escaped with a backslash belongs to the stem; morphological fields after
// a tab or a space are dropped.
func splitDicLine(line string) (stem, flags string) {
	if i := strings.IndexAny(line, "\t"); i >= 0 {
		line = line[:i]
	}
	// Morphological fields follow a space and contain a colon ("po:nom").
	if i := strings.Index(line, " "); i >= 0 {
		rest := line[i+1:]
		if strings.Contains(rest, ":") || strings.TrimSpace(rest) == "" {
			line = line[:i]
		}
	}
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '/':
			return strings.ReplaceAll(line[:i], `\/`, "/"), line[i+1:]
		}
	}
	return strings.ReplaceAll(line, `\/`, "/"), ""
}

// loadDictionary reads an .aff and a .dic and expands every stem. extra
// holds more words, one a line, accepted as they are.
func loadDictionary(ctx context.Context, aff, dic, extra []byte) (*dictionary, error) {
	a, err := parseAffix(aff)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(dic))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	if !sc.Scan() {
		return nil, fmt.Errorf("dic: empty")
	}
	count, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF")))
	if err != nil {
		return nil, fmt.Errorf("dic: first line must be the count of stems: %w", err)
	}
	d := &dictionary{words: newWordSet(count * 6), noSuggest: newWordSet(64), rep: a.rep}
	e := &expander{a: a, out: func(form string, flags []string) {
		d.words.add(form)
		if hasFlag(flags, a.noSuggest) {
			d.noSuggest.add(form)
		}
	}}
	for n := 0; sc.Scan(); n++ {
		if n%8192 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		stem, flags := splitDicLine(line)
		if stem == "" {
			continue
		}
		e.expand(stem, a.splitFlags(flags))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read dic: %w", err)
	}
	for _, w := range strings.Split(string(extra), "\n") {
		if w = strings.TrimSpace(w); w != "" && !strings.HasPrefix(w, "#") {
			d.words.add(w)
		}
	}
	d.words.compact()
	d.keys = keyNeighbours(a.key)
	for _, p := range a.prefixes {
		for _, r := range p.rules {
			d.elides = d.elides || r.elision
		}
	}
	d.folded = buildFoldIndex(d.words, d.noSuggest)
	return d, nil
}

// keyNeighbours maps each letter to the letters next to it on the keyboard
// rows of a KEY line ("qwertyuiop|asdfghjkl|zxcvbnm").
func keyNeighbours(rows []string) map[rune]string {
	if len(rows) == 0 {
		rows = []string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}
	}
	m := map[rune]string{}
	for _, row := range rows {
		rs := []rune(row)
		for i, r := range rs {
			if i > 0 {
				m[r] += string(rs[i-1])
			}
			if i+1 < len(rs) {
				m[r] += string(rs[i+1])
			}
		}
	}
	return m
}
