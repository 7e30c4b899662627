#!/usr/bin/env bash
# End-to-end test (a2): drag a post to another day in the real window.
#
# Uses build/bin/ruche as built (builds nothing). Under a private D-Bus
# session (unlocked gnome-keyring-daemon: the store key goes to the real
# Secret Service) and Xvfb, with a temporary data folder:
#   the CLI prepares the store: workspace "Drag" in Europe/Paris (current),
#   a testnet account (a dead server: nothing is due anyway), ONE post on
#   day D of next month at 10:00 (D: the first Monday-Thursday from the
#   10th, so D and D+1 share a week row whether weeks start on Sunday or
#   Monday)
#   start the window, Ctrl+1 (Calendar), click the toolbar's "›" (found on
#   the pixels by scripts/lib/xcal.mjs), find the post's block by its
#   colour (artifacts/window-drag-before.png), drag it one day column to
#   the right with xdotool (press, small steps, release), check the block
#   is drawn one column to the right (artifacts/window-drag-after.png)
#   Ctrl+Q -> exits with status 0
#   `ruche --json post show ID`: localDate D+1, localTime 10:00,
#   scheduledAt the matching UTC instant, status still "scheduled".
# Any failure prints what was found on the screen, the app's output and
# log, saves artifacts/window-drag-failure.png and exits 1.
# Env: EVENT_COLOR (the post's colour; default: NO_PILLAR_COLOR read from
# frontend/src/lib/calendar.ts), E2E_TIMEOUT (default 180 s).
set -euo pipefail

SELF=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
NAME=window-drag
# shellcheck source=window-lib.sh
. "$(dirname "$SELF")/window-lib.sh"
XCAL="node $ROOT/scripts/lib/xcal.mjs"
ZONE=Europe/Paris

e2e_enter 180 "$@"
# ------------------------------------------------------------ inside D-Bus + Xvfb
e2e_begin

# What xcal.mjs sees, printed when the test fails.
e2e_on_fail() {
  [ -n "$WID" ] || return 0
  echo "----- what xcal.mjs sees now"
  $XCAL toolbar "$WID" 2>&1 || true
  $XCAL event "$WID" "$COLOR" 1 2>&1 || true
}

# ruche NAME ARGS...: the CLI on the test's store, JSON to stdout, errors
# kept in cli-NAME.err.
ruche() {
  local name=$1
  shift
  "$BIN" --data "$DATA" --json "$@" 2>"$TMP/cli-$name.err"
}
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);console.log(eval("v"+process.argv[1]))})' "$1"; }

COLOR=${EVENT_COLOR:-$(grep -oE "NO_PILLAR_COLOR = '#[0-9a-fA-F]{6}'" "$ROOT/frontend/src/lib/calendar.ts" | grep -oE '#[0-9a-fA-F]{6}' || true)}
COLOR=${COLOR:-#6b6e75}

# ---------------------------------------------------------------- the store
# D: next month (in the workspace's zone), the first Monday-Thursday from the 10th.
FIRST_NEXT=$(TZ=$ZONE date -d "$(TZ=$ZONE date +%Y-%m-01) +1 month" +%F)
D=
for n in 10 11 12 13; do
  day=$(date -d "${FIRST_NEXT:0:8}$n" +%F)
  case $(date -d "$day" +%u) in 1 | 2 | 3 | 4) D=$day; break ;; esac
done
D1=$(date -d "$D +1 day" +%F)
WANT_UTC=$(date -u -d "TZ=\"$ZONE\" $D1 10:00" +%Y-%m-%dT%H:%M:%SZ)
say "post on $D 10:00 ($ZONE), to drag to $D1 (= $WANT_UTC); event colour $COLOR"

ruche ws workspace add Drag --zone "$ZONE" --language fr >/dev/null || fail "workspace add failed"
ruche wsuse workspace use Drag >/dev/null || fail "workspace use failed"
cur=$(ruche wslist workspace list | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const c=JSON.parse(s).filter(w=>w.current);console.log(c.length===1?c[0].name+" "+c[0].timeZone:"?")})')
[ "$cur" = "Drag $ZONE" ] || fail "the current workspace is '$cur', expected 'Drag $ZONE'"
ruche account account add testnet drag.e2e --server http://127.0.0.1:9 >/dev/null || fail "account add failed"
POST=$(ruche post post add "Glisse-moi d'un jour" --account drag.e2e --at "$D 10:00") || fail "post add failed"
ID=$(json .id <<<"$POST")
[ "$(json .localDate <<<"$POST") $(json .localTime <<<"$POST") $(json .status <<<"$POST")" = "$D 10:00 scheduled" ] ||
  fail "post add gave: $POST"
say "post $ID scheduled at $(json .scheduledAt <<<"$POST")"

# ---------------------------------------------------------------- the window
start_app

say "Ctrl+1 (Calendar)"
keys ctrl+1
sleep 0.5
$XWIN settled "$WID" 15 600 || fail "the window kept changing after Ctrl+1"

# The toolbar's "›": found on the pixels; retried while the calendar lays out.
next=
for i in 1 2 3 4 5; do
  next=$($XCAL click-next "$WID" 2>"$TMP/cli-xcal.err") && break
  next=
  sleep 0.5
done
[ -n "$next" ] || fail "could not find the calendar's '›' button: $(cat "$TMP/cli-xcal.err")"
say "clicked '›' at $next"
sleep 0.3
$XWIN settled "$WID" 15 600 || fail "the window kept changing after '›'"

before=$($XCAL event "$WID" "$COLOR" 15 2>"$TMP/cli-xcal.err") ||
  fail "the post's block ($COLOR) is not on screen after '›': $(cat "$TMP/cli-xcal.err")"
import -window "$WID" "$ART/window-drag-before.png"
say "post found: $before"
say "saved artifacts/window-drag-before.png"

# Drag one column to the right. A drag that FullCalendar did not take (the
# block is still in its column) is tried again, at most 3 times.
moved=
for attempt in 1 2 3; do
  d=$($XCAL drag "$WID" "$COLOR" 1 10 2>"$TMP/cli-xcal.err") || fail "drag failed: $(cat "$TMP/cli-xcal.err")"
  say "drag #$attempt: $(node -e 'const d=JSON.parse(process.argv[1]);console.log(`(${d.from.x},${d.from.y}) -> (${d.to.x},${d.to.y}), day columns ${d.event.cellWidth} px`)' "$d")"
  sleep 0.5
  $XWIN settled "$WID" 15 600 || fail "the window kept changing after the drag"
  after=$($XCAL event "$WID" "$COLOR" 10 2>"$TMP/cli-xcal.err") ||
    fail "the post's block is gone after the drag: $(cat "$TMP/cli-xcal.err")"
  moved=$(node -e '
    const [b, a] = process.argv.slice(1).map((s) => JSON.parse(s));
    const i = b.cells.indexOf(b.cell.left);
    const want = b.cells[i + 1];
    if (Math.abs(a.cell.left - want) <= 2 && Math.abs(a.box.cy - b.box.cy) <= 3) console.log("yes");
    else if (Math.abs(a.cell.left - b.cell.left) <= 2 && Math.abs(a.box.cy - b.box.cy) <= 3) console.log("no");
    else console.log(`elsewhere: ${JSON.stringify(a.box)} (expected the column ${want}-${b.cells[i + 2]})`);
  ' "$before" "$after")
  [ "$moved" = no ] || break
  say "the block did not move: trying again"
done
[ "$moved" = yes ] || fail "after the drag the post's block is not one column to the right ($moved); before: $before; after: $after"
import -window "$WID" "$ART/window-drag-after.png"
say "the block is one day column to the right: $(node -e 'console.log(JSON.stringify(JSON.parse(process.argv[1]).box))' "$after")"
say "saved artifacts/window-drag-after.png"

quit_app

# ---------------------------------------------------------------- the store
show=$(ruche show post show "$ID") || fail "'ruche --json post show $ID' failed"
node - "$show" "$D1" "$WANT_UTC" "$ZONE" <<'EOF' || fail "the store does not hold the new day: $show"
const [s, d1, utc, zone] = process.argv.slice(2);
const p = JSON.parse(s);
const got = { localDate: p.localDate, localTime: p.localTime, scheduledAt: p.scheduledAt, zone: p.zone, status: p.status };
const want = { localDate: d1, localTime: '10:00', scheduledAt: utc, zone, status: 'scheduled' };
for (const k of Object.keys(want)) {
  if (got[k] !== want[k]) throw new Error(`${k}: got ${JSON.stringify(got[k])}, want ${JSON.stringify(want[k])}`);
}
console.log(`store: ${p.id} is on ${p.localDate} ${p.localTime} ${p.zone} = ${p.scheduledAt}, ${p.status}`);
EOF
say "PASS"
