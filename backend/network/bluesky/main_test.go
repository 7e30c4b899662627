package bluesky

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// testNet is the real local Bluesky network of the Real tests (PLC, PDS
// and AppView from tests/peers/bluesky), nil unless RUCHE_BLUESKY=1.
var testNet *localNet

// localNet is what start and seed printed.
type localNet struct {
	PDS, AppView, PLC                    string
	BrandHandle, BrandDID, BrandPassword string
	BrandAppPassword                     string
	FanHandle, FanDID, FanPassword       string
}

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

// runTests starts the real network when RUCHE_BLUESKY=1, runs the tests and
// always stops what it started.
func runTests(m *testing.M) int {
	if os.Getenv("RUCHE_BLUESKY") != "1" {
		return m.Run()
	}
	kit, err := filepath.Abs("../../../tests/peers/bluesky")
	if err != nil {
		fmt.Fprintln(os.Stderr, "bluesky tests:", err)
		return 1
	}
	run, err := os.MkdirTemp("", "bluesky-run-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "bluesky tests:", err)
		return 1
	}
	defer os.RemoveAll(run)
	stop := func() {
		began := time.Now()
		if out, err := exec.Command(kit+"/stop", run).CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "bluesky tests: stop %s: %v\n%s", run, err, out)
		}
		fmt.Fprintf(os.Stderr, "bluesky tests: network stopped in %v\n", time.Since(began).Round(10*time.Millisecond))
	}
	defer stop()
	// Interrupted (Ctrl-C): stop the servers too, they outlive the tests.
	sigs, done := make(chan os.Signal, 1), make(chan struct{})
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer func() { signal.Stop(sigs); close(done) }()
	go func() {
		select {
		case <-sigs:
			stop()
			os.Exit(2)
		case <-done:
		}
	}()

	began := time.Now()
	start := exec.Command(kit + "/start")
	start.Env = append(os.Environ(), "RUCHE_PEERS_RUN="+run)
	start.Stderr = os.Stderr
	out, err := start.Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bluesky tests: start:", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "bluesky tests: network started in %v\n", time.Since(began).Round(10*time.Millisecond))
	began = time.Now()
	seed := exec.Command(kit+"/seed", filepath.Join(run, "bluesky.env"))
	seed.Stderr = os.Stderr
	seeded, err := seed.Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bluesky tests: seed:", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "bluesky tests: seeded in %v\n", time.Since(began).Round(10*time.Millisecond))
	env := map[string]string{}
	for _, kv := range strings.Fields(string(out) + " " + string(seeded)) {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	testNet = &localNet{PDS: env["BLUESKY_PDS_URL"], AppView: env["BLUESKY_APPVIEW_URL"], PLC: env["BLUESKY_PLC_URL"],
		BrandHandle: env["BLUESKY_BRAND_HANDLE"], BrandDID: env["BLUESKY_BRAND_DID"], BrandPassword: env["BLUESKY_BRAND_PASSWORD"],
		BrandAppPassword: env["BLUESKY_BRAND_APP_PASSWORD"],
		FanHandle:        env["BLUESKY_FAN_HANDLE"], FanDID: env["BLUESKY_FAN_DID"], FanPassword: env["BLUESKY_FAN_PASSWORD"]}
	if testNet.PDS == "" || testNet.BrandAppPassword == "" || testNet.FanDID == "" {
		fmt.Fprintf(os.Stderr, "bluesky tests: start and seed printed %q %q\n", out, seeded)
		return 1
	}
	return m.Run()
}

// needNet skips a Real test unless the real network runs.
func needNet(t *testing.T) *localNet {
	t.Helper()
	if testNet == nil {
		t.Skip("the real local Bluesky network is off: set RUCHE_BLUESKY=1 to run this test (tests/peers/bluesky)")
	}
	return testNet
}
