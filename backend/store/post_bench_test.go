package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/rs/zerolog"

	"ruche/backend/ident"
	"ruche/backend/post"
)

// The benchmark workspace: 100,000 posts over two years, about 4,200 a
// month, which is far more than any community manager plans; the month view
// must stay fast even then.
const (
	benchPosts = 100_000
	benchWS    = "01jbench0000000000000000ws"
)

var (
	benchStart = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	benchMonth = [2]time.Time{time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)}
	benchNow   = time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC) // half the posts are published, half scheduled
)

func openBench(b *testing.B) *Store {
	b.Helper()
	dir := b.TempDir()
	s, err := Open(context.Background(), Config{Dir: filepath.Join(dir, "store"), BackupDir: filepath.Join(dir, "backups"),
		Key: testKey, AppVersion: "bench", Log: zerolog.Nop(), Now: fixedNow})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

var benchWords = strings.Fields(`le fournil ouvre ses portes ce matin avec une nouvelle fournée de pains au levain
croissants pur beurre tartes aux fruits de saison venez goûter notre brioche feuilletée à la
fleur d’oranger merci à tous nos clients fidèles l’équipe prépare les bûches de Noël atelier
pâtisserie samedi inscriptions ouvertes farine locale moulin bio recette secrète de Léa 🥐 🍞 ✨`)

var benchNetworks = []string{"bluesky", "mastodon", "x", "threads", "linkedin", "instagram"}
var benchPillars = []string{"Coulisses", "Produits", "Équipe", "Événements", "Conseils"}

// benchPost makes a realistic post: one to three variants of 80 to 400
// characters, some with an image and its alt text; the past ones published
// with their delivery records.
func benchPost(r *rand.Rand, at time.Time) post.Post {
	created := at.Add(-time.Duration(1+r.IntN(20*24)) * time.Hour)
	p := post.Post{ID: ident.New(created), WorkspaceID: benchWS, Status: post.Scheduled, ScheduledAt: at,
		Pillar: benchPillars[r.IntN(len(benchPillars))], CreatedAt: created, UpdatedAt: created}
	if r.IntN(3) == 0 {
		p.Campaigns = []string{fmt.Sprintf("campagne-%d", r.IntN(12))}
	}
	var text strings.Builder
	for text.Len() < 80+r.IntN(320) {
		text.WriteString(benchWords[r.IntN(len(benchWords))] + " ")
	}
	for i, n := range r.Perm(len(benchNetworks))[:1+r.IntN(3)] {
		v := post.Variant{AccountID: fmt.Sprintf("01jbench00000000000000acc%d", n), Network: benchNetworks[n], Text: text.String()}
		if r.IntN(2) == 0 {
			v.Media = []post.Media{{Path: fmt.Sprintf("/home/lea/Images/fournil/%s-%d.jpg", at.Format("2006-01-02"), i),
				Alt: "Des pains dorés sur une grille, dans la lumière du matin", MIME: "image/jpeg", Size: 834_221, Width: 2048, Height: 1365}}
		}
		p.Variants = append(p.Variants, v)
		d := post.Delivery{AccountID: v.AccountID, IdempotencyKey: post.IdempotencyKey(p.ID, v.AccountID), State: post.DeliveryPending}
		if at.Before(benchNow) {
			d.State, d.RemoteID, d.URL = post.DeliveryPublished, fmt.Sprintf("%d", r.Uint64()), "https://social.example/@fournil/"+p.ID
			d.Attempts = []post.Attempt{{At: at.Add(2 * time.Second), Outcome: post.OutcomePublished}}
		}
		p.Deliveries = append(p.Deliveries, d)
	}
	if at.Before(benchNow) {
		p.Status = post.Published
	}
	return p
}

// seedBench fills s with benchPosts posts spread over two years, between
// 07:00 and 21:00.
func seedBench(b *testing.B, s *Store) {
	b.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	batch := make([]post.Post, 0, 5000)
	for i := range benchPosts {
		day := benchStart.AddDate(0, 0, i*730/benchPosts)
		at := day.Add(7*time.Hour + time.Duration(r.IntN(14*3600))*time.Second)
		batch = append(batch, benchPost(r, at))
		if len(batch) == cap(batch) || i == benchPosts-1 {
			if err := s.putNewPosts(batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
}

// BenchmarkMonthView is what the calendar reads for a month: the entries
// held by the idx/when keys of the month.
func BenchmarkMonthView(b *testing.B) {
	ctx := context.Background()
	s := openBench(b)
	seedBench(b, s)
	n := 0
	for b.Loop() {
		es, err := s.Calendar(ctx, benchWS, benchMonth[0], benchMonth[1])
		if err != nil {
			b.Fatal(err)
		}
		n = len(es)
	}
	b.ReportMetric(float64(n), "posts/op")
}

// BenchmarkMonthPosts reads the same month's whole records through the
// idx/when keys: what the month view would cost without its entries.
func BenchmarkMonthPosts(b *testing.B) {
	ctx := context.Background()
	s := openBench(b)
	seedBench(b, s)
	n := 0
	for b.Loop() {
		ps, err := s.PostsBetween(ctx, benchWS, benchMonth[0], benchMonth[1])
		if err != nil {
			b.Fatal(err)
		}
		n = len(ps)
	}
	b.ReportMetric(float64(n), "posts/op")
}

// BenchmarkRawPrefixScan reads the keys of the same month, without the
// records: the floor of the month view.
func BenchmarkRawPrefixScan(b *testing.B) {
	s := openBench(b)
	seedBench(b, s)
	prefix := []byte(prefixPostWhenOf(benchWS))
	start, end := appendTime(slices.Clone(prefix), benchMonth[0]), appendTime(slices.Clone(prefix), benchMonth[1])
	n := 0
	for b.Loop() {
		n = 0
		err := s.db.View(func(txn *badger.Txn) error {
			opts := badger.DefaultIteratorOptions
			opts.PrefetchValues = false
			opts.Prefix = prefix
			it := txn.NewIterator(opts)
			defer it.Close()
			for it.Seek(start); it.Valid() && string(it.Item().Key()) < string(end); it.Next() {
				n++
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "keys/op")
}

// BenchmarkMovePost is a drag and drop on the calendar: one transaction that
// reads the post, moves its instant and rewrites its calendar and due index
// keys, synced to disk.
func BenchmarkMovePost(b *testing.B) {
	ctx := context.Background()
	s := openBench(b)
	seedBench(b, s)
	future, err := s.PostsBetween(ctx, benchWS, benchNow.AddDate(0, 1, 0), benchNow.AddDate(0, 1, 1))
	if err != nil || len(future) == 0 {
		b.Fatalf("PostsBetween = %d posts, %v", len(future), err)
	}
	id := future[0].ID
	i := 0
	for b.Loop() {
		i++
		at := benchNow.AddDate(0, 2, i%28).Add(10 * time.Hour)
		if _, err := s.UpdatePost(ctx, id, func(p *post.Post) error { return p.Move(at, benchNow) }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen is what opening a store of benchPosts posts costs, the
// integrity checks included: the MANIFEST read and compared with the
// folder, and every block of every table read for its checksum.
func BenchmarkOpen(b *testing.B) {
	s := openBench(b)
	seedBench(b, s)
	cfg := s.cfg
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	var size int64
	entries, _ := os.ReadDir(cfg.Dir)
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && strings.HasSuffix(e.Name(), ".sst") {
			size += fi.Size()
		}
	}
	for b.Loop() {
		s, err := Open(context.Background(), cfg)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/(1<<20), "MB_tables")
}
