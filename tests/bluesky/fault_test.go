//go:build bluesky

package bluesky

import (
	"context"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"ruche/backend/post"
	"ruche/backend/scheduler"
	"ruche/backend/secrets"
)

// faultProxy stands between Ruche and the PDS and, at random, resets the
// connection before the request reaches the PDS, resets it after the PDS
// answered (the post is out, Ruche does not know), stalls longer than
// Ruche waits, or answers 502 itself.
type faultProxy struct {
	upstream string
	rate     float64 // share of requests with a fault
	mu       sync.Mutex
	rng      *rand.Rand
	faults   map[string]*atomic.Int64
}

func newFaultProxy(upstream string, rate float64) *faultProxy {
	p := &faultProxy{upstream: upstream, rate: rate, rng: rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3)), faults: map[string]*atomic.Int64{}}
	for _, f := range []string{"reset", "lost-answer", "stall", "502", "none"} {
		p.faults[f] = &atomic.Int64{}
	}
	return p
}

func (p *faultProxy) pick() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rng.Float64() >= p.rate {
		return "none"
	}
	return []string{"reset", "lost-answer", "stall", "502"}[p.rng.IntN(4)]
}

// reset closes the client's connection with a TCP reset.
func reset(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

func (p *faultProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fault := p.pick()
	p.faults[fault].Add(1)
	switch fault {
	case "reset":
		reset(w)
		return
	case "502":
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadGateway)
		io.WriteString(w, `{"error":"UpstreamFailure","message":"injected"}`)
		return
	case "stall":
		select {
		case <-time.After(8 * time.Second): // longer than the scheduler waits
		case <-r.Context().Done():
		}
		return
	}
	req, err := http.NewRequestWithContext(r.Context(), r.Method, p.upstream+r.URL.RequestURI(), r.Body)
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	req.Header = r.Header.Clone()
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if fault == "lost-answer" {
		reset(w)
		return
	}
	for k, vs := range resp.Header {
		w.Header()[k] = vs
	}
	w.WriteHeader(resp.StatusCode)
	w.Write(body)
}

// Between Ruche and the real PDS, a proxy injects resets, lost answers,
// stalls and 502s into a third of the requests: every post ends published
// exactly once, or failed with a reason and not left half-sent.
func TestFaultsBetweenRucheAndThePDS(t *testing.T) {
	n := localNetwork(t)
	proxy := newFaultProxy(n.PDS, 0.33)
	ps := httptest.NewServer(proxy)
	defer ps.Close()

	dir := t.TempDir()
	a := open(t, n, filepath.Join(dir, "data"), filepath.Join(dir, "ruche.key"), secrets.NewMemory(), nil)
	defer a.Close()
	mark := "Faute " + time.Now().Format("150405.000")
	const count = 60
	accID, ids := seed(t, a, n, mark, count, time.Now().Add(2*time.Second))
	// From now on the account's server is the proxy.
	sess, err := a.Keys.Session(accID)
	if err != nil {
		t.Fatal(err)
	}
	sess.PDS = ps.URL
	if err := a.Keys.SetSession(accID, sess); err != nil {
		t.Fatal(err)
	}

	sched := a.Scheduler(nil, scheduler.Config{Poll: 100 * time.Millisecond, Timeout: 3 * time.Second,
		Backoff: 200 * time.Millisecond, MaxBackoff: time.Second, MaxAttempts: 10})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- sched.Run(ctx) }()
	deadline := time.Now().Add(4 * time.Minute)
	for time.Now().Before(deadline) {
		settled := 0
		for _, id := range ids {
			p, err := a.Store.Post(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			if p.Status == post.Published || p.Status == post.Failed {
				settled++
			}
		}
		if settled == len(ids) {
			break
		}
		time.Sleep(300 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	got := records(t, n, did(t, n), mark)
	counts := map[post.Status]int{}
	for _, id := range ids {
		p, err := a.Store.Post(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		counts[p.Status]++
		text := p.Variants[0].Text
		switch p.Status {
		case post.Published:
			if got[text] != 1 {
				t.Errorf("post %s published, %d records in the repository, want 1", id, got[text])
			}
		case post.Failed:
			d := p.Deliveries[0]
			if len(d.Attempts) == 0 || d.Attempts[len(d.Attempts)-1].Reason == "" {
				t.Errorf("post %s failed without a reason", id)
			}
			if got[text] > 1 {
				t.Errorf("post %s failed with %d records in the repository", id, got[text])
			}
		default:
			t.Errorf("post %s ended %s: every post must end published or failed", id, p.Status)
		}
	}
	injected := map[string]int64{}
	for f, c := range proxy.faults {
		injected[f] = c.Load()
	}
	t.Logf("%d posts through the faulty proxy: %v; requests: %v", count, counts, injected)
	if counts[post.Published] < count/2 {
		t.Errorf("statuses %v: most posts should get through", counts)
	}
}
