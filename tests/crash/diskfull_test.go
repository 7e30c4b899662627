//go:build crash

package crash

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"net/http/httptest"
	"ruche/backend/boot"
	"ruche/backend/locale"
	"ruche/backend/network/testnet"
	"ruche/backend/post"
	"ruche/backend/secrets"
)

// TestDiskFullWhileRunning fills the disk of the data folder (a small
// tmpfs) while `ruche run` publishes: Ruche says the disk is full, loses
// nothing, never publishes twice, and goes on by itself once space is back.
func TestDiskFullWhileRunning(t *testing.T) {
	bin, err := filepath.Abs(*binary)
	if err != nil {
		t.Fatal(err)
	}
	mnt := t.TempDir()
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=160m,mode=0700"); err != nil {
		if os.Getenv("RUCHE_REQUIRE_TMPFS") == "1" {
			t.Fatalf("mounting a small tmpfs: %v (the test needs root)", err)
		}
		t.Skipf("mounting a small tmpfs: %v (run as root)", err)
	}
	t.Cleanup(func() { syscall.Unmount(mnt, syscall.MNT_DETACH) })

	server := testnet.NewServer(time.Now)
	server.IgnoreKeys(true)
	server.SetLatency(20 * time.Millisecond)
	hs := httptest.NewServer(server)
	defer hs.Close()
	data, keyFile := filepath.Join(mnt, "data"), filepath.Join(t.TempDir(), "ruche.key")
	const n = 120
	*posts = n
	ids := seed(t, data, keyFile, hs.URL)

	var out bytes.Buffer
	cmd := exec.Command(bin, "--data", data, "--key-file", keyFile, "--lang", "en", "run", "--poll", "50ms")
	cmd.Env = append(os.Environ(), "RUCHE_TESTNET_TOKEN=crash-test-token", "NO_AT_BRIDGE=1")
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	// Fill the disk as soon as the first posts are out.
	deadline := time.Now().Add(30 * time.Second)
	for server.Len() == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	filler := filepath.Join(mnt, "filler")
	fill(t, filler)
	published := server.Len()
	t.Logf("disk full with %d of %d posts out", published, n)

	// A while on a full disk: Ruche keeps running and says why it is stuck.
	select {
	case err := <-exited:
		t.Fatalf("ruche run exited on a full disk: %v\n%s", err, out.String())
	case <-time.After(4 * time.Second):
	}

	// Space is back: everything goes out, once.
	os.Remove(filler)
	deadline = time.Now().Add(60 * time.Second)
	for server.Len() < n && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("ruche run after SIGINT: %v\n%s", err, out.String())
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("ruche run did not stop after SIGINT\n%s", out.String())
	}

	said := out.String()
	if !strings.Contains(said, "is full") || !strings.Contains(said, "Ruche goes on") {
		t.Errorf("ruche run said neither that the disk is full nor that it goes on; output:\n%s", said)
	}
	if logged, _ := os.ReadFile(filepath.Join(data, "logs", "ruche.log")); !strings.Contains(string(logged), "disk space is back") {
		t.Errorf("the log does not say the disk space came back")
	}
	if published == n {
		t.Errorf("every post was out before the disk was full: the test proved nothing")
	}
	a, err := boot.Open(context.Background(), boot.Config{DataDir: data, KeyFile: keyFile, Vault: secrets.NewMemory(),
		System: locale.System{Lang: locale.English, Zone: "UTC"}})
	if err != nil {
		t.Fatalf("reopening after the disk was full: %v", err)
	}
	defer a.Close()
	for _, id := range ids {
		p, err := a.Store.Post(context.Background(), id)
		if err != nil {
			t.Fatalf("post %s lost: %v", id, err)
		}
		if got := server.Created(p.Deliveries[0].IdempotencyKey); got != 1 || p.Status != post.Published {
			t.Errorf("post %s: on the network %d times, status %s; want once, published", id, got, p.Status)
		}
	}
}

// fill writes to path until the disk is full.
func fill(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := bytes.Repeat([]byte{0xa5}, 1<<20)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
	}
	// The last few KiB too.
	for _, size := range []int{64 << 10, 4 << 10, 512} {
		for {
			if _, err := f.Write(chunk[:size]); err != nil {
				break
			}
		}
	}
}
