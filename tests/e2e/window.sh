#!/usr/bin/env bash
# End-to-end test (a): the real desktop window, the real OS keychain.
#
# Uses build/bin/ruche as built (builds nothing). Runs it under a private D-Bus
# session with an unlocked gnome-keyring-daemon (so the store key goes to the
# real Secret Service) and under Xvfb, with a temporary data folder:
#   start -> window painted (artifacts/window-start.png)
#   Ctrl+Shift+N, type "Atelier Éole", Return (artifacts/window-created.png)
#   Ctrl+Q -> the process exits by itself within 10 s, with status 0
#   `ruche --json workspace list` lists "Atelier Éole" as the current workspace,
#   and the Secret Service holds an item of service "Ruche"
#   start again (artifacts/window-restart.png), "idle memory" logged, Ctrl+Q.
# Any failure prints the app's output and log, saves artifacts/window-failure.png
# and exits 1.  UPDATE_SCREENSHOT=1 also copies window-restart.png (the Home
# screen) to docs/screenshot.png (`make screenshot`).
set -euo pipefail

SELF=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
ROOT=$(cd "$(dirname "$SELF")/../.." && pwd)
BIN=${RUCHE_BIN:-$ROOT/build/bin/ruche}
ART=$ROOT/artifacts
XWIN="node $ROOT/scripts/lib/xwin.mjs"
WS_NAME=${WS_NAME:-"Atelier Éole"}

if [ -z "${RUCHE_E2E_INNER:-}" ]; then
  [ -x "$BIN" ] || { echo "window.sh: $BIN is missing: run 'make build' first" >&2; exit 1; }
  for t in dbus-run-session xvfb-run gnome-keyring-daemon gdbus xdotool xwd import node; do
    command -v "$t" >/dev/null || { echo "window.sh: $t is missing: run 'make setup'" >&2; exit 1; }
  done
  export RUCHE_E2E_INNER=1 NO_AT_BRIDGE=1
  # The whole test is bounded, whatever hangs.
  exec timeout -k 10 "${E2E_TIMEOUT:-240}" \
    dbus-run-session -- xvfb-run -a -n "$((200 + RANDOM % 600))" -s "-screen 0 1280x800x24 -noreset" bash "$SELF" "$@"
fi

# ------------------------------------------------------------ inside D-Bus + Xvfb
mkdir -p "$ART"
TMP=$(mktemp -d /tmp/ruche-e2e-window.XXXXXX)
DATA=$TMP/data
export XDG_DATA_HOME=$TMP/xdg-data   # fresh keyring (the first unlock fixes the password)
mkdir -p "$XDG_DATA_HOME"
APP_PID=
RUN=0
T0=$(date +%s.%N)

say() { printf '[e2e-window %5.1fs] %s\n' "$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')" "$*"; }

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    sleep 1
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'fail "interrupted (time limit E2E_TIMEOUT=${E2E_TIMEOUT:-240} s?)"' INT TERM

fail() {
  echo "e2e-window: FAIL: $*" >&2
  import -window root "$ART/window-failure.png" 2>/dev/null && echo "screen saved to $ART/window-failure.png" >&2
  local f
  for f in "$TMP"/app-*.out; do
    [ -f "$f" ] || continue
    echo "----- $(basename "$f") (stdout+stderr, last 80 lines)" >&2
    tail -n 80 "$f" >&2
  done
  if [ -f "$DATA/logs/ruche.log" ]; then
    echo "----- $DATA/logs/ruche.log (last 100 lines)" >&2
    tail -n 100 "$DATA/logs/ruche.log" >&2
  else
    echo "----- no log file at $DATA/logs/ruche.log" >&2
  fi
  echo "-----" >&2
  exit 1
}

printf %s ci-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null ||
  fail "gnome-keyring-daemon could not start"

WID=
start_app() { # screenshot-name
  RUN=$((RUN + 1))
  say "start #$RUN: $BIN --data $DATA"
  "$BIN" --data "$DATA" >"$TMP/app-$RUN.out" 2>&1 &
  APP_PID=$!
  local r
  r=$($XWIN painted '^Ruche$' 30 "$APP_PID") || fail "start #$RUN: no painted window titled 'Ruche' within 30 s"
  local winms paintms
  read -r WID winms paintms <<<"$r"
  say "window $WID visible after ${winms} ms, painted after ${paintms} ms"
  # 1.2 s without change: past the "Loading…" screen the frontend shows first
  $XWIN settled "$WID" 15 1200 || fail "start #$RUN: the window kept changing"
  import -window "$WID" "$ART/$1" || fail "screenshot $1 failed"
  say "saved artifacts/$1"
}

keys() { # xdotool key arguments
  xdotool windowfocus --sync "$WID" 2>/dev/null || xdotool windowfocus "$WID"
  xdotool key --clearmodifiers "$@"
}

quit_app() {
  say "Ctrl+Q"
  keys ctrl+q
  local i rc=0
  for i in $(seq 1 100); do
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$APP_PID" 2>/dev/null; then
    fail "Ruche did not exit within 10 s of Ctrl+Q (pid $APP_PID)"
  fi
  wait "$APP_PID" || rc=$?
  APP_PID=
  [ "$rc" = 0 ] || fail "Ruche exited with status $rc after Ctrl+Q (expected 0)"
  say "exited with status 0"
}

# ---------------------------------------------------------------- run 1
start_app window-start.png

say "Ctrl+Shift+N, type '$WS_NAME', Return"
keys ctrl+shift+n
sleep 0.8
$XWIN type "$WS_NAME" 60 || fail "typing the name failed"
sleep 0.3
xdotool key Return
sleep 0.5
$XWIN settled "$WID" 15 || fail "the window kept changing after Return"
import -window "$WID" "$ART/window-created.png" || fail "screenshot window-created.png failed"
say "saved artifacts/window-created.png"
if cmp -s "$ART/window-start.png" "$ART/window-created.png"; then
  fail "the window looks the same before and after creating a workspace"
fi

quit_app

# ---------------------------------------------------------------- the store
say "ruche --json workspace list"
"$BIN" --data "$DATA" --json workspace list >"$TMP/list.json" 2>"$TMP/app-list.out" ||
  { cat "$TMP/list.json" >&2; fail "'ruche --data DATA --json workspace list' failed"; }
node - "$TMP/list.json" "$WS_NAME" <<'EOF' || { cat "$TMP/list.json" >&2; fail "the store does not hold the workspace"; }
const fs = require('fs');
const [file, name] = process.argv.slice(2);
const list = JSON.parse(fs.readFileSync(file, 'utf8'));
if (!Array.isArray(list)) throw new Error('workspace list is not a JSON array');
const keys = ['id', 'name', 'timeZone', 'language', 'color', 'demo', 'current', 'createdAt', 'updatedAt'];
for (const w of list) for (const k of keys) if (!(k in w)) throw new Error(`a workspace lacks "${k}": ${JSON.stringify(w)}`);
const w = list.find((x) => x.name === name);
if (!w) throw new Error(`no workspace named ${JSON.stringify(name)} in ${JSON.stringify(list.map((x) => x.name))}`);
if (w.current !== true) throw new Error(`${JSON.stringify(name)} is not the current workspace: ${JSON.stringify(w)}`);
console.log(`store: ${list.length} workspace(s); ${JSON.stringify(name)} is current (id ${w.id})`);
EOF
# The key went to the Secret Service: it holds an item of service "Ruche"
# (go-keyring's attributes), and the data folder holds no key file.
items=$(gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \
  --method org.freedesktop.Secret.Service.SearchItems "{'service': 'Ruche'}" 2>&1) ||
  fail "could not ask the Secret Service for Ruche's items: $items"
case "$items" in
*"/org/freedesktop/secrets/collection/"*) say "keychain: Ruche's item is there $items" ;;
*) fail "the Secret Service holds no item of service 'Ruche' ($items): the store key did not go to the keychain" ;;
esac

# ---------------------------------------------------------------- run 2
idle_lines() { local n; n=$(grep -cE '"(msg|message)":"idle memory"' "$DATA/logs/ruche.log" 2>/dev/null); echo "${n:-0}"; }
before=$(idle_lines)
start_app window-restart.png
say "waiting for the 'idle memory' log line"
for i in $(seq 1 150); do
  [ "$(idle_lines)" -gt "${before:-0}" ] && break
  sleep 0.1
done
[ "$(idle_lines)" -gt "${before:-0}" ] ||
  fail "no new \"idle memory\" line in DATA/logs/ruche.log within 15 s of the window painting"
grep -E '"(msg|message)":"idle memory"' "$DATA/logs/ruche.log" | tail -n 1
quit_app

if [ "${UPDATE_SCREENSHOT:-0}" = 1 ]; then
  mkdir -p "$ROOT/docs"
  cp "$ART/window-restart.png" "$ROOT/docs/screenshot.png"
  say "copied artifacts/window-restart.png to docs/screenshot.png"
fi
say "PASS"
