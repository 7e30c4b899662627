package text

import (
	"context"
	"runtime"
	"strings"
	"testing"

	"ruche/backend/text/dict"
)

// BenchmarkClassify is what the inbox does for each comment: language,
// sentiment and intent. It reports comments per second on one core.
func BenchmarkClassify(b *testing.B) {
	a := loadedAnalyzer(b)
	var texts []string
	for _, name := range []string{"testdata/comments_dev.tsv", "testdata/comments_holdout.tsv"} {
		for _, l := range readLinesB(b, name) {
			if f := strings.SplitN(l, "\t", 4); len(f) == 4 {
				texts = append(texts, f[3])
			}
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Classify(texts[i%len(texts)], Options{})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "comments/s")
}

// post500 is a post of about 500 characters, with two mistakes.
const post500 = "Bonjour à toutes et à tous ! Notre boutique de Lyon vous acceuille dès samedi pour les soldes d'hiver : " +
	"jusqu'à -50 % sur les manteaux, les pulls en laine et les accessoires. Pourriez-vous nous dire en commentaire ce que vous " +
	"aimeriez retrouver en rayon ? L'équipe est très professionelle et sera ravie de vous conseiller. Pensez à réserver " +
	"votre créneau sur https://ruche.fr/rdv pour éviter l'attente. Merci pour votre fidélité, à très bientôt ! " +
	"#SoldesHiver #Lyon @ruche_officiel 😍"

// BenchmarkCheck500 is the composer's live check of a 500-character post
// once the dictionaries are loaded (suggestions cached, as while typing).
func BenchmarkCheck500(b *testing.B) {
	a := loadedAnalyzer(b)
	opts := Options{Words: []string{"Ruche"}, Voice: &Voice{Address: "vous", MaxEmoji: intp(2), NoAllCaps: true, MinReadingEase: 40}}
	if n := len([]rune(post500)); n < 480 || n > 520 {
		b.Fatalf("post500 has %d characters", n)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Check(post500, opts)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/post")
}

// BenchmarkCheck500Cold is the same post with the suggestion cache empty:
// the first check after a new mistake is typed.
func BenchmarkCheck500Cold(b *testing.B) {
	a := loadedAnalyzer(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.mu.Lock()
		clear(a.cache)
		a.mu.Unlock()
		a.Check(post500, Options{})
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/post")
}

// BenchmarkLoad loads both dictionaries and reports the memory they keep.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		a, err := New(dict.Files())
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if err := a.Load(context.Background()); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "MB-kept")
		b.ReportMetric(float64(a.Stats().Forms[French]+a.Stats().Forms[English]), "forms")
		runtime.KeepAlive(a)
	}
}

func readLinesB(b *testing.B, name string) []string { return readFileLines(b, name) }
