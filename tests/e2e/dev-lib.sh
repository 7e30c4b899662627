# Shared by the end-to-end tests that drive the real frontend and Go backend
# in Chromium through `wails dev` (browser.sh, bluesky.sh). Source it after
# setting NAME (for messages), TMP (a scratch folder) and DEVLOG.
#
#   start_dev DATA KEYFILE   wails dev in its own process group, under Xvfb
#   wait_dev                 until http://localhost:34115 answers
#   dev_display              sets DEV_DISPLAY and DEV_XAUTHORITY: wails dev's X display
#   stop_dev                 SIGINT to the group, SIGKILL after 20 s
#   fail MESSAGE             prints the logs and exits 1

URL=${URL:-http://localhost:34115}
TAGS=${TAGS:-webkit2_41}
READY_TIMEOUT=${READY_TIMEOUT:-300}
WPID=
T0=$(date +%s)
say() { printf '[%s %4ss] %s\n' "$NAME" "$(( $(date +%s) - T0 ))" "$*"; }

group_alive() { [ -n "$WPID" ] && pgrep -g "$WPID" >/dev/null 2>&1; }

dev_free() {
  if curl -s -o /dev/null --max-time 2 "$URL"; then
    echo "$NAME: something already answers on $URL: stop it first" >&2
    exit 1
  fi
}

# start_dev DATA KEYFILE [DBUS]: with DBUS=own (the default), inside a D-Bus
# session of its own: without one, GTK autolaunches a bus daemon that
# outlives the test. With DBUS=inherit it uses the caller's session (and its
# keychain).
start_dev() {
  local data=$1 key=$2 bus=${3:-own} wrap=()
  [ "$bus" = own ] && wrap=(dbus-run-session --)
  say "wails dev -tags $TAGS -noreload (data folder $data)"
  setsid "${wrap[@]}" xvfb-run -a -n "$((200 + RANDOM % 600))" -s "-screen 0 1280x800x24 -noreset" \
    wails dev -tags "$TAGS" -m -s -skipbindings -noreload \
    -appargs "--data $data --key-file $key" >"$DEVLOG" 2>&1 </dev/null &
  WPID=$!
  sleep 0.5
  kill -0 "$WPID" 2>/dev/null || fail "wails dev exited at once"
  [ "$(ps -o pgid= -p "$WPID" | tr -d ' ')" = "$WPID" ] || fail "wails dev did not get its own process group"
}

wait_dev() {
  say "waiting for $URL (at most ${READY_TIMEOUT} s)"
  local deadline=$(( $(date +%s) + READY_TIMEOUT ))
  until curl -s -o /dev/null --max-time 2 "$URL"; do
    group_alive || fail "wails dev exited before serving $URL"
    [ "$(date +%s)" -lt "$deadline" ] || fail "$URL did not answer within ${READY_TIMEOUT} s"
    sleep 1
  done
  say "$URL answers"
}

# dev_display reads the X display (and its cookie file) that xvfb-run gave
# wails dev from the environment of the wails process: its window, and the
# native dialogs it opens, are there for xdotool and import.
dev_display() {
  local pid env
  DEV_DISPLAY= DEV_XAUTHORITY=
  for pid in $(pgrep -g "$WPID" -x wails); do
    env=$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null) || continue
    DEV_DISPLAY=$(sed -n 's/^DISPLAY=//p' <<<"$env")
    DEV_XAUTHORITY=$(sed -n 's/^XAUTHORITY=//p' <<<"$env")
    [ -n "$DEV_DISPLAY" ] && break
  done
  [ -n "$DEV_DISPLAY" ] || fail "no wails process with a DISPLAY in process group $WPID"
  say "wails dev's display is $DEV_DISPLAY"
}

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

show_logs() {
  echo "----- wails dev output (last 80 lines)" >&2
  tail -n 80 "$DEVLOG" >&2 2>/dev/null || true
  if [ -n "${DATA:-}" ] && [ -f "$DATA/logs/ruche.log" ]; then
    echo "----- $DATA/logs/ruche.log (last 60 lines)" >&2
    tail -n 60 "$DATA/logs/ruche.log" >&2
  fi
  echo "-----" >&2
}

fail() {
  echo "$NAME: FAIL: $*" >&2
  show_logs
  exit 1
}
