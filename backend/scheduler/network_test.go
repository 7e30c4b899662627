package scheduler_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"ruche/backend/ident"
	"ruche/backend/network"
	"ruche/backend/network/testnet"
	"ruche/backend/post"
	"ruche/backend/scheduler"
	"ruche/backend/store"
	"ruche/backend/store/storetest"
)

// These tests run the scheduler for real: a Badger store on disk, the test
// network over HTTP on loopback, the wall clock.

type oneNet struct{ c *testnet.Client }

func (o oneNet) Target(_ context.Context, id string) (network.Account, network.Publisher, error) {
	return network.Account{ID: id, Network: network.Testnet, Handle: id, Token: "tok-" + id}, o.c, nil
}

// seed writes n posts due at at, each to one testnet account.
func seed(tb testing.TB, s *store.Store, n int, at time.Time) []post.Post {
	tb.Helper()
	svc := post.NewService(s, nil, func() time.Time { return at.Add(-time.Hour) }, ident.New)
	ps := make([]post.Post, 0, n)
	for i := range n {
		p, err := svc.Create(context.Background(), "ws", post.Input{Variants: []post.Variant{
			{AccountID: "acct", Network: network.Testnet, Text: fmt.Sprintf("Post numéro %d", i)}}})
		if err == nil {
			p, err = svc.Schedule(context.Background(), p.ID, at)
		}
		if err != nil {
			tb.Fatal(err)
		}
		ps = append(ps, p)
	}
	return ps
}

// settle runs the scheduler until no post is scheduled or publishing, or
// the deadline passes.
func settle(t *testing.T, s *store.Store, sched *scheduler.Scheduler, ids []string, deadline time.Duration) map[string]post.Post {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- sched.Run(ctx) }()
	end := time.Now().Add(deadline)
	final := map[string]post.Post{}
	for time.Now().Before(end) {
		time.Sleep(100 * time.Millisecond)
		open := 0
		for _, id := range ids {
			p, err := s.Post(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			final[id] = p
			if p.Status == post.Scheduled || p.Status == post.Publishing {
				open++
			}
		}
		if open == 0 {
			break
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	return final
}

func TestFaultyNetworkEveryPostEndsOnceOrFailedWithAReason(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the scheduler for real for a few seconds")
	}
	s := storetest.Open(t)
	server := testnet.NewServer(time.Now)
	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(1, 2))
	server.SetFault(func(r testnet.Request) testnet.Fault {
		mu.Lock()
		defer mu.Unlock()
		switch x := rng.IntN(100); {
		case x < 10:
			return testnet.Fault{Delay: 400 * time.Millisecond} // the client times out at 200 ms
		case x < 20:
			return testnet.Fault{Reset: true}
		case x < 30:
			return testnet.Fault{Status: 500}
		case x < 38:
			return testnet.Fault{Status: 429, RetryAfter: "1"}
		case x < 45:
			return testnet.Fault{After: true, Reset: true} // created, then the answer is lost
		case x < 47:
			return testnet.Fault{Status: 422}
		}
		return testnet.Fault{}
	})
	hs := httptest.NewServer(server)
	defer hs.Close()
	client := testnet.NewClient(hs.Client(), testnet.Config{BaseURL: hs.URL, Timeout: 200 * time.Millisecond})

	ps := seed(t, s, 150, time.Now().Add(-time.Second))
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	sched := scheduler.New(s, oneNet{client}, nil, time.Now, zerolog.Nop(), scheduler.Config{
		Poll: 50 * time.Millisecond, Backoff: 50 * time.Millisecond, MaxBackoff: 300 * time.Millisecond, Timeout: 300 * time.Millisecond, MaxAttempts: 10})
	final := settle(t, s, sched, ids, 60*time.Second)

	counts := map[post.Status]int{}
	for _, p := range ps {
		f := final[p.ID]
		counts[f.Status]++
		created := server.Created(p.Deliveries[0].IdempotencyKey)
		switch f.Status {
		case post.Published:
			if created != 1 {
				t.Errorf("%s published, but the network has it %d times", p.ID, created)
			}
		case post.Failed:
			last := f.Deliveries[0].Attempts[len(f.Deliveries[0].Attempts)-1]
			if last.Reason == "" || created > 1 {
				t.Errorf("%s failed without a reason or twice on the network: %+v, created %d", p.ID, last, created)
			}
		default:
			t.Errorf("%s ended %s: every post must end published or failed", p.ID, f.Status)
		}
	}
	if counts[post.Published] < len(ps)/2 {
		t.Errorf("statuses = %v: most posts should get through a network failing half the time", counts)
	}
	t.Logf("150 posts through a faulty network: %v", counts)
}

// BenchmarkDispatch10k publishes 10,000 posts due at once to a local server
// answering in 5 ms, and reports how close the scheduler comes to the
// throughput its concurrency limit allows (limit ÷ latency). Two readings
// of "busy": %calls counts the publications the scheduler has under way
// (what it controls: the target is ≥ 90 %); %busy counts the requests the
// server is handling, lower by what loopback HTTP costs on the same cores
// (compare with BenchmarkRawHTTP10k, the bare ceiling).
func BenchmarkDispatch10k(b *testing.B) {
	const n, limit, latency = 10000, 16, 5 * time.Millisecond
	for range b.N {
		b.StopTimer()
		s := storetest.Open(b)
		server := testnet.NewServer(time.Now)
		server.SetLatency(latency)
		hs := httptest.NewServer(server)
		tr := &http.Transport{MaxIdleConnsPerHost: limit, MaxConnsPerHost: limit}
		client := testnet.NewClient(&http.Client{Transport: tr}, testnet.Config{BaseURL: hs.URL, Timeout: 5 * time.Second})
		ps := seed(b, s, n, time.Now().Add(-time.Second))
		meter := &callMeter{Publisher: client, since: time.Now()}
		sched := scheduler.New(s, meteredNet{meter}, nil, time.Now, zerolog.Nop(), scheduler.Config{
			Poll: 20 * time.Millisecond, Workers: 2 * limit, PerNetwork: map[string]int{network.Testnet: limit}, Batch: 512})
		ctx, cancel := context.WithCancel(context.Background())
		b.StartTimer()
		start := time.Now()
		done := make(chan error, 1)
		go func() { done <- sched.Run(ctx) }()
		for server.Len() < n {
			time.Sleep(5 * time.Millisecond)
		}
		elapsed := time.Since(start)
		b.StopTimer()
		cancel()
		<-done
		ideal := time.Duration(n/limit) * latency
		b.ReportMetric(float64(n)/elapsed.Seconds(), "posts/s")
		b.ReportMetric(100*ideal.Seconds()/elapsed.Seconds(), "%ofLimit")
		b.ReportMetric(float64(server.PeakInFlight()), "peakInFlight")
		// The reading of the target: requests in flight on average at the
		// network, as a share of the limit.
		b.ReportMetric(100*server.MeanInFlight(elapsed)/limit, "%busy")
		// The same reading at the scheduler's side of the HTTP client:
		// publications under way, as a share of the limit.
		b.ReportMetric(100*meter.mean(elapsed)/limit, "%calls")
		hs.Close()
		_ = ps
	}
}

// callMeter counts the publications under way, over time.
type callMeter struct {
	network.Publisher
	mu    sync.Mutex
	n     int
	busy  time.Duration // calls under way × time
	since time.Time
}

func (m *callMeter) step(d int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	m.busy += time.Duration(m.n) * now.Sub(m.since)
	m.since, m.n = now, m.n+d
}

func (m *callMeter) Publish(ctx context.Context, a network.Account, v post.Variant, key string) (network.Result, error) {
	m.step(+1)
	defer m.step(-1)
	return m.Publisher.Publish(ctx, a, v, key)
}

// mean returns the mean number of calls under way over elapsed, the time
// since the meter was made.
func (m *callMeter) mean(elapsed time.Duration) float64 {
	m.step(0)
	return float64(m.busy) / float64(elapsed)
}

type meteredNet struct{ m *callMeter }

func (n meteredNet) Target(_ context.Context, id string) (network.Account, network.Publisher, error) {
	return network.Account{ID: id, Network: network.Testnet, Handle: id, Token: "tok-" + id}, n.m, nil
}

// BenchmarkRawHTTP10k is the ceiling BenchmarkDispatch10k is read against:
// the same 10,000 publications by 16 bare goroutines, no scheduler, no
// store. On a 2-core machine loopback HTTP itself costs about a millisecond
// a request, so neither reaches 100 % of limit ÷ latency.
func BenchmarkRawHTTP10k(b *testing.B) {
	const n, limit, latency = 10000, 16, 5 * time.Millisecond
	for range b.N {
		server := testnet.NewServer(time.Now)
		server.SetLatency(latency)
		hs := httptest.NewServer(server)
		tr := &http.Transport{MaxIdleConnsPerHost: limit, MaxConnsPerHost: limit}
		client := testnet.NewClient(&http.Client{Transport: tr}, testnet.Config{BaseURL: hs.URL, Timeout: 5 * time.Second})
		var next sync.Mutex
		i := 0
		start := time.Now()
		var wg sync.WaitGroup
		for range limit {
			wg.Go(func() {
				for {
					next.Lock()
					i++
					k := i
					next.Unlock()
					if k > n {
						return
					}
					client.Publish(context.Background(), network.Account{Token: "t", Handle: "bench"},
						post.Variant{Text: "Bonjour"}, fmt.Sprint(k))
				}
			})
		}
		wg.Wait()
		elapsed := time.Since(start)
		ideal := time.Duration(n/limit) * latency
		b.ReportMetric(float64(n)/elapsed.Seconds(), "posts/s")
		b.ReportMetric(100*ideal.Seconds()/elapsed.Seconds(), "%ofLimit")
		b.ReportMetric(100*server.MeanInFlight(elapsed)/limit, "%busy")
		hs.Close()
	}
}
