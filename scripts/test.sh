#!/usr/bin/env bash
# Ruche's whole test run (what `make test` and CI run), or some of its steps:
#
#   bash scripts/test.sh                    # every step, in order
#   bash scripts/test.sh vet unit           # only these steps
#   FAIL_FAST=1 bash scripts/test.sh        # stop at the first failed step
#
# Steps: setup vet deps unit fuzz frontend keyring build crash bluesky windows e2e-window e2e-browser
# Every step runs (unless FAIL_FAST=1) and the run ends on a summary table and
# one line "summary: N passed, N failed". Steps that need the desktop binary
# are skipped (and counted as failed) when its build failed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$(go env GOPATH)/bin:$PATH"
export NO_AT_BRIDGE=1
TAGS=${TAGS:-webkit2_41}

ALL_STEPS=(setup vet deps unit fuzz frontend keyring build crash bluesky windows e2e-window e2e-browser)
if [ $# -gt 0 ]; then STEPS=("$@"); else STEPS=("${ALL_STEPS[@]}"); fi

# ---------------------------------------------------------------- steps
step_setup() { bash scripts/setup.sh; }

step_vet() { go vet -tags "$TAGS" ./...; }

# Only main.go and app.go may import Wails; domains never import the layers
# above them (backend/deps_test.go, with go list). Also part of unit.
step_deps() { go test -count=1 ./backend -run 'TestBackendNeverImportsWails|TestDependenciesPointOneWay' -v | grep -E '^(--- |ok|FAIL)'; }

# The report tests render their PDFs' pages to artifacts/report/ (PNG).
step_unit() { ART="$ROOT/artifacts" go test -race -tags "$TAGS" -count=1 ./...; }

# The parsers of what comes from outside, fuzzed a few seconds each (their
# seed corpora already run in unit). FUZZTIME=1m for a longer hunt.
FUZZ_TARGETS=(
  "FuzzParseCSV ./backend/calendar/"
  "FuzzParseGoogleAnalytics ./backend/analytics/"
  "FuzzParseNumber ./backend/analytics/"
  "FuzzParseCard ./backend/network/bluesky/"
  "FuzzFacets ./backend/network/bluesky/"
  "FuzzPlainText ./backend/network/mastodon/"
  "FuzzSealReader ./backend/store/"
  "FuzzSealRoundTrip ./backend/store/"
)
step_fuzz() {
  local rc=0 t name pkg out
  for t in "${FUZZ_TARGETS[@]}"; do
    read -r name pkg <<<"$t"
    if out=$(go test -run '^$' -fuzz "^${name}\$" -fuzztime "${FUZZTIME:-4s}" -fuzzminimizetime 3s -parallel 2 "$pkg" 2>&1); then
      echo "fuzz $name: ok"
    else
      echo "fuzz $name ($pkg): FAILED"; echo "$out" | tail -25; rc=1
    fi
  done
  return "$rc"
}

step_frontend() { (cd frontend && npm test); }

# The real Secret Service: a private D-Bus session, an unlocked
# gnome-keyring-daemon and a fresh XDG_DATA_HOME (the first unlock fixes the
# password, so never reuse one). XDG_CACHE_HOME stays: Go's build cache is there.
step_keyring() {
  local out rc
  out=$(mktemp)
  dbus-run-session -- bash -c '
    set -e
    export XDG_DATA_HOME=$(mktemp -d)
    trap "rm -rf \"\$XDG_DATA_HOME\"" EXIT
    printf %s ci-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    RUCHE_KEYRING_TEST=1 go test ./backend/secrets/... ./backend/notify/... -run "Keyring|SessionBus" -count=1 -v
  ' 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  if [ "$rc" = 0 ]; then
    # At least one TestKeyring... must really run (a test may skip for a
    # reason of its own, such as needing a machine without a keychain).
    if ! grep -q -- '--- PASS: TestKeyring' "$out"; then
      echo "keyring: no TestKeyring... test passed (none found, or all skipped)" >&2
      rc=1
    fi
  fi
  rm -f "$out"
  return "$rc"
}

step_build() { bash scripts/build.sh desktop; }

# `ruche run` killed with SIGKILL at random moments while it publishes to a
# test network without idempotency keys: every post must land exactly once.
# Then the disk of its data folder (a small tmpfs: root) filled while it
# publishes: it says so, loses nothing and goes on once space is back.
step_crash() { RUCHE_REQUIRE_TMPFS=1 go test -tags crash -count=1 -v ./tests/crash/ -ruche "$PWD/build/bin/ruche" 2>&1 | grep -E '^(=== RUN|--- |\s+\w+_test|ok|FAIL|PASS)'; }

# A real local Bluesky network (tests/peers/bluesky: PLC, PDS, AppView),
# started once for the step and always stopped: the Bluesky client's tests
# against it, then `ruche run` killed at random while publishing to it and a
# fault-injecting proxy between Ruche and the PDS (tests/bluesky), then the
# whole path in Chromium: connect, compose, schedule, published
# (tests/e2e/bluesky.sh). The
# binary keeps the account's access in the real keychain: all of it runs in
# a private D-Bus session with an unlocked gnome-keyring-daemon.
step_bluesky() {
  local run rc=0
  run=$(mktemp -d /tmp/ruche-bluesky.XXXXXX)
  export RUCHE_PEERS_RUN=$run
  if ! tests/peers/bluesky/start >"$run/start.out"; then
    tests/peers/bluesky/stop "$run" >/dev/null 2>&1
    return 1
  fi
  if ! tests/peers/bluesky/seed "$run/bluesky.env" >"$run/seed.out"; then
    tests/peers/bluesky/stop "$run" >/dev/null 2>&1
    return 1
  fi
  dbus-run-session -- bash -c '
    set -eo pipefail
    set -a; . "$RUCHE_PEERS_RUN/bluesky.env"; . "$RUCHE_PEERS_RUN/seed.env"; set +a
    export XDG_DATA_HOME=$(mktemp -d)
    trap "rm -rf \"\$XDG_DATA_HOME\"" EXIT
    printf %s ci-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    RUCHE_BLUESKY=1 go test -count=1 -v ./backend/network/bluesky/ -run Real 2>&1 | grep -E "^(=== RUN|--- |\s+\w+_test.go|ok|FAIL|PASS)"
    go test -tags bluesky -count=1 -v -timeout 15m ./tests/bluesky/ -ruche "$PWD/build/bin/ruche" 2>&1 | grep -E "^(=== RUN|--- |\s+\w+_test.go|ok|FAIL|PASS)"
    bash tests/e2e/bluesky.sh
  ' || rc=$?
  tests/peers/bluesky/stop "$run" >/dev/null 2>&1 || true
  rm -rf "$run"
  unset RUCHE_PEERS_RUN
  return "$rc"
}

step_windows() { bash scripts/build.sh windows; }

# The real window under Xvfb: workspaces and the keychain (window.sh), then a
# post dragged to the next day with xdotool (window-drag.sh). Both run.
step_e2e-window() {
  local rc=0
  bash tests/e2e/window.sh || rc=$?
  bash tests/e2e/window-drag.sh || rc=$?
  return "$rc"
}

step_e2e-browser() { bash tests/e2e/browser.sh; }

# ---------------------------------------------------------------- runner
declare -A RESULT SECS
# Session bus daemons started by dbus-launch (an autolaunch) outlive what
# started them: a run must not leave any behind.
autolaunched() { pgrep -fc 'dbus-daemon --syslog --fork' || true; }
BUSES_BEFORE=$(autolaunched)
ORDER=()
failed=0
passed=0

needs_binary() { case "$1" in crash|bluesky|e2e-window|e2e-browser) return 0 ;; esac; return 1; }

for s in "${STEPS[@]}"; do
  if ! declare -F "step_$s" >/dev/null; then
    echo "test.sh: unknown step '$s' (steps: ${ALL_STEPS[*]})" >&2
    exit 2
  fi
  ORDER+=("$s")
  if needs_binary "$s" && [ "${RESULT[build]:-}" = FAIL ]; then
    RESULT[$s]=SKIP; SECS[$s]=0; failed=$((failed + 1))
    printf '\n==> %s: skipped (the desktop build failed)\n' "$s"
    continue
  fi
  printf '\n==> %s\n' "$s"
  start=$(date +%s.%N)
  "step_$s"
  rc=$?
  SECS[$s]=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  if [ "$rc" = 0 ]; then
    RESULT[$s]=PASS; passed=$((passed + 1))
    printf '==> %s: ok (%ss)\n' "$s" "${SECS[$s]}"
  else
    RESULT[$s]=FAIL; failed=$((failed + 1))
    printf '==> %s: FAILED (exit %s, %ss)\n' "$s" "$rc" "${SECS[$s]}"
    if [ "$s" = setup ]; then
      echo "test.sh: setup failed, nothing else can run" >&2
      break
    fi
    [ "${FAIL_FAST:-0}" = 1 ] && break
  fi
done

if [ "$(autolaunched)" -gt "$BUSES_BEFORE" ]; then
  ORDER+=(leaks); RESULT[leaks]=FAIL; SECS[leaks]=0; failed=$((failed + 1))
  echo "test.sh: the run left $(( $(autolaunched) - BUSES_BEFORE )) autolaunched D-Bus daemon(s) behind:" >&2
  pgrep -fa 'dbus-daemon --syslog --fork' >&2 || true
fi

total=$(awk -v t="$(ps -o etimes= -p $$)" 'BEGIN{printf "%d", t}')
printf '\n%-14s %-6s %8s\n' step result seconds
for s in "${ORDER[@]}"; do
  printf '%-14s %-6s %8s\n' "$s" "${RESULT[$s]:-?}" "${SECS[$s]:-}"
done
printf '%-14s %-6s %8s\n' total "" "$total"
[ -d artifacts ] && echo "artifacts: $ROOT/artifacts"
echo
echo "summary: $passed passed, $failed failed"
[ "$failed" = 0 ]
