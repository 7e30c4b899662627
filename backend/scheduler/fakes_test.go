package scheduler

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"time"

	"ruche/backend/network"
	"ruche/backend/post"
)

// memStore keeps posts in memory with the store's semantics: Due by DueAt,
// UpdatePost all-or-nothing. The Badger store is tested against the same
// scheduler in store_test.go.
type memStore struct {
	mu    sync.Mutex
	posts map[string]post.Post
}

func newMemStore(ps ...post.Post) *memStore {
	m := &memStore{posts: map[string]post.Post{}}
	for _, p := range ps {
		m.posts[p.ID] = clone(p)
	}
	return m
}

func clone(p post.Post) post.Post {
	b, _ := json.Marshal(p)
	var q post.Post
	json.Unmarshal(b, &q)
	return q
}

func (m *memStore) Due(_ context.Context, at time.Time, limit int) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	type due struct {
		id string
		at time.Time
	}
	var all []due
	for _, p := range m.posts {
		if t, ok := p.DueAt(); ok && !t.After(at) {
			all = append(all, due{p.ID, t})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].at.Before(all[j].at) })
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	ids := make([]string, len(all))
	for i, d := range all {
		ids[i] = d.id
	}
	return ids, nil
}

func (m *memStore) Publishing(context.Context) ([]post.Post, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []post.Post
	for _, p := range m.posts {
		if p.Status == post.Publishing {
			out = append(out, clone(p))
		}
	}
	return out, nil
}

func (m *memStore) UpdatePost(_ context.Context, id string, change func(*post.Post) error) (post.Post, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.posts[id]
	if !ok {
		return post.Post{}, post.ErrNotFound
	}
	p = clone(p)
	if err := change(&p); err != nil {
		return post.Post{}, err
	}
	p.Revision++
	m.posts[id] = clone(p)
	return p, nil
}

func (m *memStore) UpdatePosts(_ context.Context, ids []string, change func(*post.Post) (bool, error)) ([]post.Post, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	next := map[string]post.Post{}
	var saved []post.Post
	for _, id := range ids {
		p, ok := m.posts[id]
		if !ok {
			continue
		}
		p = clone(p)
		keep, err := change(&p)
		if err != nil {
			return nil, err // all or nothing
		}
		if keep {
			p.Revision++
			next[id] = p
			saved = append(saved, clone(p))
		}
	}
	for id, p := range next {
		m.posts[id] = p
	}
	return saved, nil
}

func (m *memStore) get(id string) post.Post {
	m.mu.Lock()
	defer m.mu.Unlock()
	return clone(m.posts[id])
}

// fakeNet is a network in memory: it keeps what was published by key, the
// time of each publication, and answers with err(key, try) when set.
type fakeNet struct {
	mu        sync.Mutex
	now       func() time.Time
	published map[string][]time.Time // key → every publication (must be one)
	tries     map[string]int
	fail      func(key string, try int) error
	delay     time.Duration
	active    int
	maxActive int
}

func newFakeNet(now func() time.Time) *fakeNet {
	return &fakeNet{now: now, published: map[string][]time.Time{}, tries: map[string]int{}}
}

func (f *fakeNet) Capabilities() network.Capabilities {
	c, _ := network.Defaults(network.Testnet)
	return c
}

func (f *fakeNet) Publish(ctx context.Context, _ network.Account, _ post.Variant, key string) (network.Result, error) {
	f.mu.Lock()
	f.active++
	f.maxActive = max(f.maxActive, f.active)
	f.tries[key]++
	try := f.tries[key]
	f.mu.Unlock()
	defer func() { f.mu.Lock(); f.active--; f.mu.Unlock() }()
	if f.delay > 0 {
		select {
		case <-time.After(f.delay):
		case <-ctx.Done():
			return network.Result{}, network.NewError(network.Testnet, network.ErrTimeout, 0, ctx.Err())
		}
	}
	if f.fail != nil {
		if err := f.fail(key, try); err != nil {
			return network.Result{}, err
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.published[key]) == 0 {
		f.published[key] = append(f.published[key], f.now())
	}
	return network.Result{RemoteID: "r-" + key, URL: "https://testnet.example/" + key}, nil
}

func (f *fakeNet) Delete(context.Context, network.Account, string) error { return nil }

func (f *fakeNet) Lookup(_ context.Context, _ network.Account, sent network.Sent) (network.Result, bool, error) {
	key := sent.Key
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.published[key]) > 0 {
		return network.Result{RemoteID: "r-" + key, URL: "https://testnet.example/" + key}, true, nil
	}
	return network.Result{}, false, nil
}

func (f *fakeNet) times(key string) []time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Time(nil), f.published[key]...)
}

// targets maps every account to one publisher.
type targets struct{ pub network.Publisher }

func (t targets) Target(_ context.Context, id string) (network.Account, network.Publisher, error) {
	return network.Account{ID: id, Network: network.Testnet, Handle: id}, t.pub, nil
}

type notes struct {
	mu     sync.Mutex
	failed []string
}

func (n *notes) PostChanged(p post.Post) {
	if p.Status != post.Failed {
		return
	}
	n.mu.Lock()
	n.failed = append(n.failed, p.ID)
	n.mu.Unlock()
}

// scheduled returns a post to accounts, scheduled at at.
func scheduled(id string, at time.Time, accounts ...string) post.Post {
	if len(accounts) == 0 {
		accounts = []string{"acct-1"}
	}
	p := post.Post{ID: id, WorkspaceID: "ws", Status: post.Scheduled, ScheduledAt: at.UTC()}
	for _, a := range accounts {
		p.Variants = append(p.Variants, post.Variant{AccountID: a, Network: network.Testnet, Text: "Bonjour " + id})
		p.Deliveries = append(p.Deliveries, post.Delivery{AccountID: a, IdempotencyKey: post.IdempotencyKey(id, a), State: post.DeliveryPending})
	}
	return p
}

func key(id string) string { return post.IdempotencyKey(id, "acct-1") }

var _ = fmt.Sprint
