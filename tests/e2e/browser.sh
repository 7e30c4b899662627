#!/usr/bin/env bash
# End-to-end test (b): the real frontend and Go backend in Chromium.
#
# Starts `wails dev` (in its own process group, under Xvfb: it opens a window
# too) with a temporary data folder and key file, waits for
# http://localhost:34115, runs tests/e2e/browser.mjs (the window never leaves
# the app: links, window.open, location, drops; calendar drags; French,
# create, rename, window.go.api.Settings.ListWorkspaces()), then, in the same
# session, tests/e2e/report.mjs (the demo workspace's Analytics screen,
# Export PDF and Export CSV through the real GTK save dialog, answered with
# xdotool on wails dev's display; the PDF checked with poppler against the
# screen's KPI tiles, its pages rendered to artifacts/e2e-report-page-N.png),
# stops wails dev (SIGINT to the group), then checks the store with
# `build/bin/ruche --json workspace list` and `post show`. Before wails dev,
# the CLI makes the demo workspace (ninety days of figures), then makes the
# workspace "Drag" (Europe/Paris) current and adds a testnet account to it
# (a dead server: the posts are in the future, nothing is due).
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
NAME=e2e-browser

for f in "$BIN" tests/e2e/node_modules/playwright-core/package.json /usr/bin/chromium; do
  [ -e "$f" ] || { echo "e2e-browser: $f is missing: run 'make build' (and 'make setup')" >&2; exit 1; }
done
for t in xdotool import pdfinfo pdftotext pdftoppm; do
  command -v "$t" >/dev/null || { echo "e2e-browser: $t is missing: run 'make setup'" >&2; exit 1; }
done

mkdir -p "$ART"
TMP=$(mktemp -d /tmp/ruche-e2e-browser.XXXXXX)
DATA=$TMP/data
KEY=$TMP/key
DEVLOG=$TMP/wails-dev.log
. tests/e2e/dev-lib.sh
dev_free

cleanup() {
  stop_dev
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the store, prepared with the CLI
cli() { "$BIN" --data "$DATA" --key-file "$KEY" --json "$@"; }
cli workspace add Drag --zone Europe/Paris --language fr >/dev/null 2>"$TMP/cli.err" ||
  { cat "$TMP/cli.err" >&2; fail "ruche workspace add failed"; }
# The first command also made a default workspace: remove it, "Drag" becomes current.
for wid in $(cli workspace list | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const w of JSON.parse(s))if(w.name!=="Drag")console.log(w.id)})'); do
  cli workspace remove "$wid" >/dev/null 2>"$TMP/cli.err" || { cat "$TMP/cli.err" >&2; fail "ruche workspace remove failed"; }
done
cli account add testnet drag.e2e --server http://127.0.0.1:9 >/dev/null 2>"$TMP/cli.err" ||
  { cat "$TMP/cli.err" >&2; fail "ruche account add failed"; }
# The demo workspace, in French, for report.mjs; `demo` makes it current.
cli --lang fr demo >/dev/null 2>"$TMP/cli.err" || { cat "$TMP/cli.err" >&2; fail "ruche demo failed"; }
cli workspace use Drag >/dev/null 2>"$TMP/cli.err" || { cat "$TMP/cli.err" >&2; fail "ruche workspace use Drag failed"; }
say "store: workspace Drag (Europe/Paris) current, testnet account drag.e2e; the demo workspace"

start_dev "$DATA" "$KEY"
wait_dev

rc=0
ART="$ART" RESULT="$TMP/result.json" RUCHE_URL="$URL" \
  timeout -k 5 180 node tests/e2e/browser.mjs || rc=$?
[ "$rc" = 0 ] || fail "browser.mjs failed (exit $rc)"

# The Analytics exports, through wails dev's native save dialogs.
dev_display
mkdir "$TMP/out"
t_report=$(date +%s)
ART="$ART" RESULT="$TMP/result.json" RUCHE_URL="$URL" OUT="$TMP/out" \
  DEV_DISPLAY="$DEV_DISPLAY" DEV_XAUTHORITY="$DEV_XAUTHORITY" \
  timeout -k 5 180 node tests/e2e/report.mjs || rc=$?
[ "$rc" = 0 ] || fail "report.mjs failed (exit $rc)"
say "report part: $(( $(date +%s) - t_report )) s"

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

# The calendar's posts: where the drags left them, seen by the CLI.
node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).drags;console.log(r.moved.id, r.refused.id, r.moved.localDate, r.zone)' "$TMP/result.json" >"$TMP/drags.txt" ||
  fail "result.json has no drags"
read -r MOVED REFUSED MOVED_DAY ZONE <"$TMP/drags.txt"
WANT_UTC=$(date -u -d "TZ=\"$ZONE\" $MOVED_DAY 10:00" +%Y-%m-%dT%H:%M:%SZ)
for id in "$MOVED" "$REFUSED"; do
  say "ruche --json post show $id"
  "$BIN" --data "$DATA" --key-file "$KEY" --json post show "$id" >"$TMP/post-$id.json" 2>"$TMP/post.err" ||
    { cat "$TMP/post-$id.json" "$TMP/post.err" >&2; fail "'ruche --json post show $id' failed after wails dev stopped"; }
done
node - "$TMP/result.json" "$TMP/post-$MOVED.json" "$TMP/post-$REFUSED.json" "$WANT_UTC" <<'EOF' || fail "the store does not agree with the calendar"
const fs = require('fs');
const [resultFile, movedFile, refusedFile, wantUtc] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(resultFile, 'utf8')).drags;
const check = (file, want, what) => {
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const k of ['id', 'localDate', 'localTime', 'scheduledAt']) {
    if (p[k] !== want[k]) throw new Error(`${what} post ${want.id}: the store says ${k} ${JSON.stringify(p[k])}, expected ${JSON.stringify(want[k])}`);
  }
  if (p.zone !== r.zone || p.status !== 'scheduled') throw new Error(`${what} post ${want.id}: zone ${p.zone}, status ${p.status}`);
  console.log(`store: ${what} post ${p.id} is on ${p.localDate} ${p.localTime} ${p.zone} = ${p.scheduledAt}`);
};
if (r.moved.scheduledAt !== wantUtc) throw new Error(`the moved post is at ${r.moved.scheduledAt}, expected ${wantUtc} (${r.moved.localDate} 10:00 ${r.zone})`);
check(movedFile, r.moved, 'dragged');
check(refusedFile, r.refused, 'refused');
EOF
say "PASS"
