//go:build bluesky

package bluesky

import (
	"context"
	"errors"
	"flag"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"ruche/backend/post"
	"ruche/backend/secrets"
)

var (
	binary = flag.String("ruche", "../../build/bin/ruche", "the ruche binary under test")
	posts  = flag.Int("posts", 200, "posts to publish in the crash test")
	kills  = flag.Int("kills", 40, "SIGKILLs while publishing")
)

// `ruche run` publishing to the real PDS is killed with SIGKILL at random
// moments and restarted: the repository must hold each post exactly once.
// The record key Ruche chooses from the post's idempotency key is what
// makes a retry after a crash harmless.
func TestCrashOnTheRealPDSPublishesEachPostOnce(t *testing.T) {
	n := localNetwork(t)
	bin, err := filepath.Abs(*binary)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("no ruche binary at %s: build it first (make build)", bin)
	}
	// The binary reads the account's session from the OS keychain.
	vault := secrets.NewKeyring(secrets.Service, os.Getenv)
	if _, err := vault.Get("ruche-crash-probe"); err != nil && !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("this test needs the OS keychain (run it inside dbus-run-session with gnome-keyring): %v", err)
	}
	dir := t.TempDir()
	data, keyFile := filepath.Join(dir, "data"), filepath.Join(dir, "ruche.key")
	mark := "Panne " + time.Now().Format("150405.000")
	a := open(t, n, data, keyFile, vault, nil)
	accID, ids := seed(t, a, n, mark, *posts, time.Now().Add(3*time.Second))
	a.Close()
	defer func() {
		a := open(t, n, data, keyFile, vault, nil)
		a.Connect.Remove(context.Background(), accID) // its entries leave the keychain
		a.Close()
	}()
	repo := did(t, n)

	env := append(os.Environ(), "RUCHE_BLUESKY_PLC="+n.PLC, "NO_AT_BRIDGE=1")
	start := func() *exec.Cmd {
		cmd := exec.Command(bin, "--data", data, "--key-file", keyFile, "--json", "run", "--poll", "50ms")
		cmd.Env = env
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	killed := 0
	for killed < *kills {
		cmd := start()
		time.Sleep(time.Duration(150+rng.IntN(650)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		killed++
		if got := len(records(t, n, repo, mark)); got >= len(ids) {
			break
		}
	}
	t.Logf("%d kills; %d of %d posts in the repository after them", killed, len(records(t, n, repo, mark)), len(ids))

	cmd := start()
	deadline := time.Now().Add(3 * time.Minute)
	for len(records(t, n, repo, mark)) < len(ids) && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(time.Second) // the last outcomes reach the disk
	cmd.Process.Signal(syscall.SIGINT)
	if err := cmd.Wait(); err != nil {
		t.Errorf("ruche run after SIGINT: %v", err)
	}

	got := records(t, n, repo, mark)
	dup := 0
	for text, count := range got {
		if count > 1 {
			dup++
			t.Errorf("%q is in the repository %d times", text, count)
		}
	}
	a = open(t, n, data, keyFile, vault, nil)
	defer a.Close()
	notPublished := 0
	for _, id := range ids {
		p, err := a.Store.Post(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if p.Status != post.Published || got[p.Variants[0].Text] != 1 {
			notPublished++
			t.Errorf("post %s ended %s with %d records, want published once", id, p.Status, got[p.Variants[0].Text])
		}
	}
	if dup+notPublished > 0 || len(got) != len(ids) {
		t.Fatalf("after %d kills: %d duplicated, %d not published once; %d distinct posts in the repository for %d",
			killed, dup, notPublished, len(got), len(ids))
	}
	t.Logf("after %d kills: each of the %d posts is in the repository exactly once", killed, len(ids))
}
