# Shared by the real-window end-to-end tests (window.sh, window-drag.sh):
# source it after setting SELF and NAME (e.g. NAME=window), then call
#   e2e_enter TIMEOUT "$@"   re-runs the script bounded, in a private D-Bus
#                            session and under Xvfb (returns only inside)
#   e2e_begin                temporary data folder, fresh unlocked keyring
# and use say, fail, keys, start_app, quit_app. A script may define
# e2e_on_fail to print more when it fails.

ROOT=$(cd "$(dirname "$SELF")/../.." && pwd)
BIN=${RUCHE_BIN:-$ROOT/build/bin/ruche}
ART=$ROOT/artifacts
XWIN="node $ROOT/scripts/lib/xwin.mjs"

e2e_enter() { # default-timeout-seconds script-args...
  local limit=$1
  shift
  [ -n "${RUCHE_E2E_INNER:-}" ] && return 0
  [ -x "$BIN" ] || { echo "$NAME: $BIN is missing: run 'make build' first" >&2; exit 1; }
  local t
  for t in dbus-run-session xvfb-run gnome-keyring-daemon gdbus xdotool xwd import node; do
    command -v "$t" >/dev/null || { echo "$NAME: $t is missing: run 'make setup'" >&2; exit 1; }
  done
  export RUCHE_E2E_INNER=1 NO_AT_BRIDGE=1 E2E_TIMEOUT=${E2E_TIMEOUT:-$limit}
  # The whole test is bounded, whatever hangs.
  exec timeout -k 10 "$E2E_TIMEOUT" \
    dbus-run-session -- xvfb-run -a -n "$((200 + RANDOM % 600))" -s "-screen 0 1280x800x24 -noreset" bash "$SELF" "$@"
}

e2e_begin() {
  mkdir -p "$ART"
  TMP=$(mktemp -d "/tmp/ruche-e2e-$NAME.XXXXXX")
  DATA=$TMP/data
  export XDG_DATA_HOME=$TMP/xdg-data # fresh keyring (the first unlock fixes the password)
  mkdir -p "$XDG_DATA_HOME"
  APP_PID= WID= RUN=0
  T0=$(date +%s.%N)
  trap e2e_cleanup EXIT
  trap 'fail "interrupted (time limit E2E_TIMEOUT=$E2E_TIMEOUT s?)"' INT TERM
  printf %s ci-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null ||
    fail "gnome-keyring-daemon could not start"
}

say() { printf '[e2e-%s %5.1fs] %s\n' "$NAME" "$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')" "$*"; }

e2e_cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    sleep 1
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}

# fail prints what went wrong with the app's output, the CLI's errors and the
# log, saves the screen to artifacts/NAME-failure.png, and exits 1.
fail() {
  echo "e2e-$NAME: FAIL: $*" >&2
  import -window root "$ART/$NAME-failure.png" 2>/dev/null && echo "screen saved to $ART/$NAME-failure.png" >&2
  if declare -F e2e_on_fail >/dev/null; then e2e_on_fail >&2 || true; fi
  local f
  for f in "$TMP"/app-*.out "$TMP"/cli-*.err; do
    [ -s "$f" ] || continue
    echo "----- $(basename "$f") (last 80 lines)" >&2
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

keys() { # xdotool key arguments
  xdotool windowfocus --sync "$WID" 2>/dev/null || xdotool windowfocus "$WID"
  xdotool key --clearmodifiers "$@"
}

# start_app [screenshot]: starts the app on DATA, waits until its window has
# painted and settled (1.2 s without change: past the "Loading…" screen),
# and saves the screenshot under artifacts/ when named.
start_app() {
  RUN=$((RUN + 1))
  say "start #$RUN: $BIN --data $DATA"
  "$BIN" --data "$DATA" >"$TMP/app-$RUN.out" 2>&1 &
  APP_PID=$!
  local r winms paintms
  r=$($XWIN painted '^Ruche$' 30 "$APP_PID") || fail "start #$RUN: no painted window titled 'Ruche' within 30 s"
  read -r WID winms paintms <<<"$r"
  say "window $WID visible after ${winms} ms, painted after ${paintms} ms"
  $XWIN settled "$WID" 15 1200 || fail "start #$RUN: the window kept changing"
  if [ -n "${1:-}" ]; then
    import -window "$WID" "$ART/$1" || fail "screenshot $1 failed"
    say "saved artifacts/$1"
  fi
}

# quit_app presses Ctrl+Q: the app must exit by itself within 10 s, status 0.
quit_app() {
  say "Ctrl+Q"
  keys ctrl+q
  local i rc=0
  for i in $(seq 1 100); do
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$APP_PID" 2>/dev/null && fail "Ruche did not exit within 10 s of Ctrl+Q (pid $APP_PID)"
  wait "$APP_PID" || rc=$?
  APP_PID=
  [ "$rc" = 0 ] || fail "Ruche exited with status $rc after Ctrl+Q (expected 0)"
  say "exited with status 0"
}
