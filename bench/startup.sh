#!/usr/bin/env bash
# Ruche next to a bare Wails app, in one run: binary size, start time until the
# window has painted, idle memory. Not part of `make test` (`make bench`).
#
#   bash bench/startup.sh               # builds Ruche (warm: seconds) and a bare app
#   RUNS=5 IDLE=5 bash bench/startup.sh
#   BENCH_STRICT=1 ...                  # exit 1 when a target is missed
#
# - bare: `wails init -n bare -t vanilla-ts` in a temporary folder, built like
#   Ruche (`wails build -tags webkit2_41`: production, -ldflags "-w -s").
# - start: from spawn until the window is visible and its content is not uniform
#   (xwd grabs every ~5-20 ms), under Xvfb 1280x800x24 (-noreset: no server reset between runs); median of RUNS runs,
#   Ruche and bare interleaved. Ruche reuses one data folder made before the runs
#   and a --key-file (no keychain). Page cache is warm after the first run.
# - settled: the last change of the window before 1.5 s without change (no
#   target: shows how long a first "Loading…" frame lasts).
# - idle memory: PSS summed over the app and all its descendants (WebKitWebProcess,
#   WebKitNetworkProcess...) from /proc/PID/smaps_rollup, IDLE seconds after the
#   window painted (for Ruche, also after its "idle memory" log line); median.
# - Go heap: go_heap_inuse_bytes of Ruche's "idle memory" log line; median.
# 1 MB = 1,000,000 bytes everywhere.
set -euo pipefail

SELF=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
ROOT=$(cd "$(dirname "$SELF")/.." && pwd)
cd "$ROOT"
export PATH="$(go env GOPATH)/bin:$PATH"
export NO_AT_BRIDGE=1
TAGS=${TAGS:-webkit2_41}
RUNS=${RUNS:-5}
IDLE=${IDLE:-5}

if [ -z "${RUCHE_BENCH_INNER:-}" ]; then
  bash scripts/setup.sh
  WORK=$(mktemp -d /tmp/ruche-bench.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT

  echo "[bench] building Ruche"
  t=$(date +%s)
  bash scripts/build.sh desktop >"$WORK/build-ruche.log" 2>&1 || { cat "$WORK/build-ruche.log"; exit 1; }
  echo "[bench] Ruche built in $(( $(date +%s) - t )) s"

  echo "[bench] building a bare Wails app (vanilla-ts template)"
  t=$(date +%s)
  (
    cd "$WORK"
    wails init -n bare -t vanilla-ts >"$WORK/init-bare.log" 2>&1
    cd bare
    # the template's go.sum may lag behind its go.mod: tidy is allowed here
    wails build -tags "$TAGS" >"$WORK/build-bare.log" 2>&1
  ) || { cat "$WORK"/init-bare.log "$WORK"/build-bare.log 2>/dev/null; exit 1; }
  echo "[bench] bare app built in $(( $(date +%s) - t )) s"

  export RUCHE_BENCH_INNER=1 BENCH_WORK="$WORK"
  # A private D-Bus session for both apps alike (GTK looks for one), and Xvfb.
  timeout -k 10 900 dbus-run-session -- xvfb-run -a -n "$((200 + RANDOM % 600))" -s "-screen 0 1280x800x24 -noreset" bash "$SELF" "$@"
  exit $?
fi

# ------------------------------------------------------------ inside D-Bus + Xvfb
WORK=$BENCH_WORK
RUCHE_BIN=$ROOT/build/bin/ruche
BARE_BIN=$WORK/bare/build/bin/bare
DATA=$WORK/ruche-data
KEY=$WORK/ruche.key
mkdir -p "$WORK/out-ruche" "$WORK/out-bare" "$WORK/xdg"

# Make the data folder (and key file) once, so every run is an ordinary start.
"$RUCHE_BIN" --data "$DATA" --key-file "$KEY" --json workspace list >/dev/null ||
  { echo "[bench] 'ruche --data D --key-file K --json workspace list' failed" >&2; exit 1; }

# Both apps get the same empty XDG folders (WebKit caches, local storage).
XDG_ENV=$(printf '"XDG_CACHE_HOME":"%s/xdg/cache","XDG_DATA_HOME":"%s/xdg/data","XDG_CONFIG_HOME":"%s/xdg/config"' "$WORK" "$WORK" "$WORK")
cat >"$WORK/bench.json" <<EOF
{ "runs": $RUNS, "idleSeconds": $IDLE,
  "apps": [
    { "label": "Ruche", "bin": "$RUCHE_BIN", "args": ["--data", "$DATA", "--key-file", "$KEY"],
      "title": "^Ruche\$", "log": "$DATA/logs/ruche.log", "outDir": "$WORK/out-ruche", "env": { $XDG_ENV } },
    { "label": "bare", "bin": "$BARE_BIN", "args": [],
      "title": "^bare\$", "outDir": "$WORK/out-bare", "env": { $XDG_ENV } }
  ] }
EOF

echo "[bench] $RUNS runs each, interleaved; idle $IDLE s; $(nproc) cores; $(uname -r)"
node "$ROOT/bench/measure.mjs" "$WORK/bench.json" >"$WORK/results.json" || {
  echo "[bench] measuring failed; app output:" >&2
  tail -n 30 "$WORK"/out-*/run-*.out >&2 || true
  exit 1
}

node - "$WORK/results.json" "$RUCHE_BIN" "$BARE_BIN" <<'EOF'
const fs = require('fs');
const [file, rucheBin, bareBin] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const MB = 1e6;
const size = (f) => fs.statSync(f).size / MB;
const ru = r.Ruche, ba = r.bare;
const rows = [
  { what: 'binary size (MB)', a: size(rucheBin), b: size(bareBin), d: 1, target: '<= 30 MB', ok: (a) => a <= 30 },
  { what: 'start, window painted (ms)', a: median(ru.map((x) => x.paintedMs)), b: median(ba.map((x) => x.paintedMs)), d: 0,
    target: '<= 1.3x bare', ok: (a, b) => a <= 1.3 * b },
  { what: '  window visible (ms)', a: median(ru.map((x) => x.windowMs)), b: median(ba.map((x) => x.windowMs)), d: 0, target: '', ok: null },
  { what: '  content settled (ms)', a: median(ru.map((x) => x.settledMs)), b: median(ba.map((x) => x.settledMs)), d: 0, target: '', ok: null },
  { what: 'idle PSS, app + children (MB)', a: median(ru.map((x) => (x.pssKB * 1024) / MB)), b: median(ba.map((x) => (x.pssKB * 1024) / MB)), d: 1,
    target: '<= 1.25x bare', ok: (a, b) => a <= 1.25 * b },
  { what: 'Go heap in use, idle (MB)', a: median(ru.map((x) => (x.goHeapInuseBytes == null ? null : x.goHeapInuseBytes / MB))), b: null, d: 1,
    target: '<= 40 MB', ok: (a) => a != null && a <= 40 },
];
const fmt = (v, d) => (v == null ? 'n/a' : v.toFixed(d));
const line = (c) => `${c[0].padEnd(31)} ${c[1].padStart(8)} ${c[2].padStart(8)} ${c[3].padStart(11)}  ${c[4].padEnd(14)} ${c[5]}`;
console.log('');
console.log(line(['', 'Ruche', 'bare', 'Ruche/bare', 'target', 'verdict']));
let missed = 0;
for (const x of rows) {
  const ratio = x.a != null && x.b ? (x.a / x.b).toFixed(2) + 'x' : '';
  let verdict = '';
  if (x.ok) {
    verdict = x.ok(x.a, x.b) ? 'ok' : 'MISSED';
    if (verdict === 'MISSED') missed++;
  }
  console.log(line([x.what, fmt(x.a, x.d), fmt(x.b, x.d), ratio, x.target, verdict]));
}
const list = (xs, f) => xs.map(f).join(' ');
console.log('');
console.log(`start runs (ms)  Ruche: ${list(ru, (x) => x.paintedMs.toFixed(0))}   bare: ${list(ba, (x) => x.paintedMs.toFixed(0))}`);
console.log(`settled (ms)     Ruche: ${list(ru, (x) => x.settledMs.toFixed(0))}   bare: ${list(ba, (x) => x.settledMs.toFixed(0))}`);
console.log(`PSS runs (MB)    Ruche: ${list(ru, (x) => ((x.pssKB * 1024) / MB).toFixed(1))}   bare: ${list(ba, (x) => ((x.pssKB * 1024) / MB).toFixed(1))}`);
const last = ru[ru.length - 1];
console.log(`Ruche processes  ${last.procs.map((p) => `${p.comm} ${((p.pssKB * 1024) / MB).toFixed(1)}`).join(', ')}`);
const lb = ba[ba.length - 1];
console.log(`bare processes   ${lb.procs.map((p) => `${p.comm} ${((p.pssKB * 1024) / MB).toFixed(1)}`).join(', ')}`);
console.log(`\nbench: ${rows.filter((x) => x.ok).length - missed} targets met, ${missed} missed`);
fs.writeFileSync(process.env.BENCH_WORK + '/missed', String(missed));
EOF

mkdir -p "$ROOT/artifacts"
cp "$WORK/results.json" "$ROOT/artifacts/bench-results.json"
if [ "${BENCH_STRICT:-0}" = 1 ] && [ "$(cat "$WORK/missed")" != 0 ]; then
  exit 1
fi
