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
NAME=window
# shellcheck source=window-lib.sh
. "$(dirname "$SELF")/window-lib.sh"
WS_NAME=${WS_NAME:-"Atelier Éole"}

e2e_enter 240 "$@"
# ------------------------------------------------------------ inside D-Bus + Xvfb
e2e_begin

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
"$BIN" --data "$DATA" --json workspace list >"$TMP/list.json" 2>"$TMP/cli-list.err" ||
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
