#!/usr/bin/env bash
# End-to-end test (b): the real frontend and Go backend in Chromium.
#
# Starts `wails dev` (in its own process group, under Xvfb: it opens a window
# too) with a temporary data folder and key file, waits for
# http://localhost:34115, runs tests/e2e/browser.mjs (French, create, rename,
# window.go.api.Settings.ListWorkspaces()), stops wails dev (SIGINT to the
# group), then checks the store with `build/bin/ruche --json workspace list`.
# Expects `make build` (the desktop binary, frontend/dist, bindings) and
# scripts/setup.sh (tests/e2e/node_modules) to have run.
set -euo pipefail
set +m   # no job control: `setsid` below then makes its own group without forking

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
export PATH="$(go env GOPATH)/bin:$PATH"
export NO_AT_BRIDGE=1
BIN=${RUCHE_BIN:-$ROOT/build/bin/ruche}
ART=$ROOT/artifacts
URL=http://localhost:34115
TAGS=${TAGS:-webkit2_41}
READY_TIMEOUT=${READY_TIMEOUT:-300}

for f in "$BIN" tests/e2e/node_modules/playwright-core/package.json /usr/bin/chromium; do
  [ -e "$f" ] || { echo "e2e-browser: $f is missing: run 'make build' (and 'make setup')" >&2; exit 1; }
done
if curl -s -o /dev/null --max-time 2 "$URL"; then
  echo "e2e-browser: something already answers on $URL: stop it first" >&2
  exit 1
fi

mkdir -p "$ART"
TMP=$(mktemp -d /tmp/ruche-e2e-browser.XXXXXX)
DATA=$TMP/data
KEY=$TMP/key
DEVLOG=$TMP/wails-dev.log
WPID=
T0=$(date +%s)
say() { printf '[e2e-browser %4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }

group_alive() { [ -n "$WPID" ] && pgrep -g "$WPID" >/dev/null 2>&1; }

stop_dev() {
  [ -n "$WPID" ] || return 0
  if group_alive; then
    say "stopping wails dev (SIGINT to process group $WPID)"
    kill -INT -- "-$WPID" 2>/dev/null || true
    local i
    for i in $(seq 1 100); do group_alive || break; sleep 0.2; done
    if group_alive; then
      say "wails dev still running after 20 s: SIGKILL"
      kill -KILL -- "-$WPID" 2>/dev/null || true
      sleep 1
    fi
  fi
  wait "$WPID" 2>/dev/null || true
  WPID=
}

cleanup() {
  stop_dev
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

show_logs() {
  echo "----- wails dev output (last 80 lines)" >&2
  tail -n 80 "$DEVLOG" >&2 2>/dev/null || true
  if [ -f "$DATA/logs/ruche.log" ]; then
    echo "----- $DATA/logs/ruche.log (last 60 lines)" >&2
    tail -n 60 "$DATA/logs/ruche.log" >&2
  fi
  echo "-----" >&2
}

fail() {
  echo "e2e-browser: FAIL: $*" >&2
  show_logs
  exit 1
}

say "wails dev -tags $TAGS -noreload (data folder $DATA)"
# Inside its own D-Bus session: without one, GTK autolaunches a bus daemon
# that outlives the test (each holds an inotify instance; 128 exhaust them).
setsid dbus-run-session -- xvfb-run -a -n "$((200 + RANDOM % 600))" -s "-screen 0 1280x800x24 -noreset" \
  wails dev -tags "$TAGS" -m -s -skipbindings -noreload \
  -appargs "--data $DATA --key-file $KEY" >"$DEVLOG" 2>&1 </dev/null &
WPID=$!
sleep 0.5
kill -0 "$WPID" 2>/dev/null || fail "wails dev exited at once"
[ "$(ps -o pgid= -p "$WPID" | tr -d ' ')" = "$WPID" ] || fail "wails dev did not get its own process group"

say "waiting for $URL (at most ${READY_TIMEOUT} s)"
deadline=$(( $(date +%s) + READY_TIMEOUT ))
until curl -s -o /dev/null --max-time 2 "$URL"; do
  group_alive || fail "wails dev exited before serving $URL"
  [ "$(date +%s)" -lt "$deadline" ] || fail "$URL did not answer within ${READY_TIMEOUT} s"
  sleep 1
done
say "$URL answers"

rc=0
ART="$ART" RESULT="$TMP/result.json" RUCHE_URL="$URL" \
  timeout -k 5 180 node tests/e2e/browser.mjs || rc=$?
[ "$rc" = 0 ] || fail "browser.mjs failed (exit $rc)"

stop_dev

say "ruche --data DATA --key-file KEY --json workspace list"
"$BIN" --data "$DATA" --key-file "$KEY" --json workspace list >"$TMP/list.json" 2>"$TMP/list.err" ||
  { cat "$TMP/list.json" "$TMP/list.err" >&2; fail "'ruche --json workspace list' failed after wails dev stopped"; }
node - "$TMP/list.json" "$TMP/result.json" <<'EOF' || { cat "$TMP/list.json" >&2; fail "the store does not agree with the screen"; }
const fs = require('fs');
const [listFile, resultFile] = process.argv.slice(2);
const list = JSON.parse(fs.readFileSync(listFile, 'utf8'));
const want = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
if (!Array.isArray(list)) throw new Error('workspace list is not a JSON array');
const w = list.find((x) => x.id === want.id);
if (!w) throw new Error(`no workspace ${want.id} in the store`);
if (w.name !== want.name) throw new Error(`the store says ${JSON.stringify(w.name)}, the screen said ${JSON.stringify(want.name)}`);
if (list.length !== want.count) throw new Error(`the store has ${list.length} workspaces, ListWorkspaces() had ${want.count}`);
console.log(`store: ${list.length} workspace(s); ${want.id} is ${JSON.stringify(w.name)}`);
EOF
say "PASS"
