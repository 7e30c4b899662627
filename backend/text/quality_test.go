package text

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// labelled is one comment of the labelled sets in testdata.
type labelled struct {
	line      int
	lang      string
	sentiment string
	intents   []string
	text      string
}

func readLabelled(t *testing.T, name string) []labelled {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var out []labelled
	for i, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.SplitN(l, "\t", 4)
		if len(f) != 4 {
			t.Fatalf("%s:%d: want 4 tab-separated columns, got %d", name, i+1, len(f))
		}
		c := labelled{line: i + 1, lang: f[0], sentiment: f[1], intents: strings.Split(f[2], ","), text: f[3]}
		for _, in := range c.intents {
			if !slices.Contains(Intents, in) {
				t.Fatalf("%s:%d: unknown intent %q", name, i+1, in)
			}
		}
		out = append(out, c)
	}
	return out
}

// quality is how the analyser did on a labelled set.
type quality struct {
	n                   int
	read                int // comments in French or English
	langOK, sentimentOK int
	tp, fp, fn          map[string]int
	misses              []string
}

func measure(a *Analyzer, set []labelled) quality {
	q := quality{tp: map[string]int{}, fp: map[string]int{}, fn: map[string]int{}}
	for _, c := range set {
		got := a.Classify(c.text, Options{})
		q.n++
		var miss []string
		if got.Language == c.lang {
			q.langOK++
		} else {
			miss = append(miss, fmt.Sprintf("language %s want %s", got.Language, c.lang))
		}
		if c.lang == Other {
			// Ruche reads the mood and intent of French and English only.
			if len(miss) > 0 {
				q.misses = append(q.misses, fmt.Sprintf("line %d %q: %s", c.line, c.text, strings.Join(miss, "; ")))
			}
			continue
		}
		q.read++
		if got.Sentiment.Label == c.sentiment {
			q.sentimentOK++
		} else {
			miss = append(miss, fmt.Sprintf("sentiment %s (%.2f) want %s", got.Sentiment.Label, got.Sentiment.Score, c.sentiment))
		}
		var gotIntents []string
		for _, in := range got.Intents {
			gotIntents = append(gotIntents, in.Intent)
		}
		for _, name := range Intents {
			g, w := slices.Contains(gotIntents, name), slices.Contains(c.intents, name)
			switch {
			case g && w:
				q.tp[name]++
			case g && !w:
				q.fp[name]++
			case !g && w:
				q.fn[name]++
			}
		}
		slices.Sort(gotIntents)
		want := slices.Clone(c.intents)
		slices.Sort(want)
		if !slices.Equal(gotIntents, want) {
			miss = append(miss, fmt.Sprintf("intents %v want %v", gotIntents, want))
		}
		if len(miss) > 0 {
			q.misses = append(q.misses, fmt.Sprintf("line %d %q: %s", c.line, c.text, strings.Join(miss, "; ")))
		}
	}
	return q
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (q quality) precision(name string) float64 { return ratio(q.tp[name], q.tp[name]+q.fp[name]) }
func (q quality) recall(name string) float64    { return ratio(q.tp[name], q.tp[name]+q.fn[name]) }

func (q quality) table(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d comments\n", title, q.n)
	fmt.Fprintf(&b, "  language accuracy   %5.1f %%\n", 100*ratio(q.langOK, q.n))
	fmt.Fprintf(&b, "  sentiment accuracy  %5.1f %% (of %d in French or English)\n", 100*ratio(q.sentimentOK, q.read), q.read)
	fmt.Fprintf(&b, "  %-10s %9s %7s %7s\n", "intent", "precision", "recall", "support")
	for _, name := range Intents {
		fmt.Fprintf(&b, "  %-10s %8.1f%% %6.1f%% %7d\n", name, 100*q.precision(name), 100*q.recall(name), q.tp[name]+q.fn[name])
	}
	return b.String()
}

func (q quality) add(o quality) quality {
	r := quality{n: q.n + o.n, read: q.read + o.read, langOK: q.langOK + o.langOK, sentimentOK: q.sentimentOK + o.sentimentOK,
		tp: map[string]int{}, fp: map[string]int{}, fn: map[string]int{}}
	for _, m := range []struct{ dst, a, b map[string]int }{{r.tp, q.tp, o.tp}, {r.fp, q.fp, o.fp}, {r.fn, q.fn, o.fn}} {
		for k, v := range m.a {
			m.dst[k] += v
		}
		for k, v := range m.b {
			m.dst[k] += v
		}
	}
	return r
}

// TestQuality measures the analyser on the labelled comments, prints the
// table and fails below the bars of the specification. Run with -v to see
// it, and RUCHE_TEXT_MISSES=1 to list every comment it gets wrong.
func TestQuality(t *testing.T) {
	a := loadedAnalyzer(t)
	dev := readLabelled(t, "testdata/comments_dev.tsv")
	hold := readLabelled(t, "testdata/comments_holdout.tsv")
	fresh := readLabelled(t, "testdata/comments_fresh.tsv")
	qd, qh, qf := measure(a, dev), measure(a, hold), measure(a, fresh)
	all := qd.add(qh).add(qf)
	t.Log("\n" + qd.table("development set (tuned on)") + qh.table("held-out set (tuned on after its first measure)") +
		qf.table("fresh set (never tuned on)") + all.table("all"))
	if os.Getenv("RUCHE_TEXT_MISSES") != "" {
		for _, m := range slices.Concat(qd.misses, qh.misses, qf.misses) {
			t.Log(m)
		}
	}
	if all.n < 300 {
		t.Errorf("%d labelled comments, want at least 300", all.n)
	}
	bars := []struct {
		name      string
		got, want float64
	}{
		{"language accuracy", ratio(all.langOK, all.n), 0.95},
		{"sentiment accuracy", ratio(all.sentimentOK, all.read), 0.80},
		{"spam precision", all.precision(Spam), 0.90},
		{"insult precision", all.precision(Insult), 0.90},
	}
	for _, b := range bars {
		if b.got < b.want {
			t.Errorf("%s = %.1f %%, want at least %.0f %%", b.name, 100*b.got, 100*b.want)
		}
	}
}
