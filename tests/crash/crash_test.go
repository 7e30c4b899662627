//go:build crash

// Package crash kills `ruche run` with SIGKILL while it publishes, again and
// again, and checks that every post reaches the network exactly once. It
// needs the built binary: go test -tags crash ./tests/crash -ruche build/bin/ruche
package crash

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"ruche/backend/account"
	"ruche/backend/boot"
	"ruche/backend/locale"
	"ruche/backend/network/testnet"
	"ruche/backend/post"
	"ruche/backend/secrets"
)

var (
	binary = flag.String("ruche", "../../build/bin/ruche", "the ruche binary under test")
	posts  = flag.Int("posts", 500, "posts to publish")
	kills  = flag.Int("kills", 50, "SIGKILLs while publishing")
)

func TestKilledAtRandomEveryPostIsDeliveredExactlyOnce(t *testing.T) {
	bin, err := filepath.Abs(*binary)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("no ruche binary at %s: build it first (make build)", bin)
	}
	// A network without idempotency keys: exactly once rests on Ruche
	// asking "did this key publish already?" after each crash.
	server := testnet.NewServer(time.Now)
	server.IgnoreKeys(true)
	server.SetLatency(60 * time.Millisecond) // slow enough for 50 kills to land mid-publishing
	hs := httptest.NewServer(server)
	defer hs.Close()

	dir := t.TempDir()
	data, keyFile := filepath.Join(dir, "data"), filepath.Join(dir, "ruche.key")
	ids := seed(t, data, keyFile, hs.URL)

	env := append(os.Environ(), "RUCHE_TESTNET_TOKEN=crash-test-token", "NO_AT_BRIDGE=1")
	start := func() *exec.Cmd {
		cmd := exec.Command(bin, "--data", data, "--key-file", keyFile, "--json", "run", "--poll", "50ms")
		cmd.Env = env
		cmd.Stdout, cmd.Stderr = nil, nil
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	killed := 0
	for killed < *kills {
		cmd := start()
		time.Sleep(time.Duration(100+rng.IntN(700)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		killed++
		if server.Len() >= len(ids) {
			break // all out already: the rest of the kills would test nothing
		}
	}
	t.Logf("%d kills; %d of %d posts on the network after them", killed, server.Len(), len(ids))

	// A last run, left to finish.
	cmd := start()
	deadline := time.Now().Add(60 * time.Second)
	for server.Len() < len(ids) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // let it write the last outcomes
	cmd.Process.Signal(syscall.SIGINT)
	if err := cmd.Wait(); err != nil {
		t.Errorf("ruche run after SIGINT: %v", err)
	}

	a, err := boot.Open(context.Background(), boot.Config{DataDir: data, KeyFile: keyFile, Vault: secrets.NewMemory(),
		System: locale.System{Lang: locale.English, Zone: "UTC"}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	dup, missing, notPublished := 0, 0, 0
	for _, id := range ids {
		p, err := a.Store.Post(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		switch n := server.Created(p.Deliveries[0].IdempotencyKey); {
		case n == 0:
			missing++
		case n > 1:
			dup++
			t.Errorf("post %s is on the network %d times", id, n)
		}
		if p.Status != post.Published {
			notPublished++
			t.Errorf("post %s ended %s, want published", id, p.Status)
		}
	}
	if dup+missing+notPublished > 0 || server.Len() != len(ids) {
		t.Fatalf("after %d kills: %d duplicated, %d missing, %d not marked published; the network holds %d posts for %d",
			killed, dup, missing, notPublished, server.Len(), len(ids))
	}
}

// seed makes a data folder with a test network account and posts due at once.
func seed(t *testing.T, data, keyFile, url string) []string {
	t.Helper()
	ctx := context.Background()
	clock := time.Now().Add(-time.Minute) // so that "now + 10 s" is still ahead when scheduling
	a, err := boot.Open(ctx, boot.Config{DataDir: data, KeyFile: keyFile, Vault: secrets.NewMemory(),
		System: locale.System{Lang: locale.English, Zone: "UTC"}, Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	w, err := a.Workspaces.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	acct, err := a.Accounts.Add(ctx, w.ID, account.Input{Network: "testnet", Handle: "crash", Server: url})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Now().Add(2 * time.Second) // due shortly after the first start, well within the grace period
	ids := make([]string, 0, *posts)
	for i := range *posts {
		p, err := a.Posts.Create(ctx, w.ID, post.Input{Variants: []post.Variant{{AccountID: acct.ID, Network: "testnet",
			Text: fmt.Sprintf("Publication %d de l’essai de panne", i)}}})
		if err == nil {
			p, err = a.Posts.Schedule(ctx, p.ID, at)
		}
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	return ids
}
