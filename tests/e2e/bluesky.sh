#!/usr/bin/env bash
# End-to-end test of the Bluesky network in Chromium against the real
# backend (tests/e2e/bluesky.mjs says what it does). Run by scripts/test.sh's
# bluesky step, inside its D-Bus session with an unlocked keychain (the app
# keeps the account's session there) and with the local network's addresses
# and seeded accounts in the environment (BLUESKY_*). After wails dev stops,
# the CLI must see the post published with the same address.
set -euo pipefail
set +m

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
export PATH="$(go env GOPATH)/bin:$PATH"
export NO_AT_BRIDGE=1
BIN=${RUCHE_BIN:-$ROOT/build/bin/ruche}
ART=$ROOT/artifacts
NAME=e2e-bluesky
mkdir -p "$ART"
TMP=$(mktemp -d /tmp/ruche-e2e-bluesky.XXXXXX)
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

# The app resolves DIDs with the local PLC directory.
export RUCHE_BLUESKY_PLC=$BLUESKY_PLC_URL
start_dev "$DATA" "$KEY" inherit
wait_dev

rc=0
ART="$ART" RESULT="$TMP/result.json" RUCHE_URL="$URL" IMAGE="$ROOT/build/appicon.png" \
  timeout -k 5 400 node tests/e2e/bluesky.mjs || rc=$?
[ "$rc" = 0 ] || fail "bluesky.mjs failed (exit $rc)"
stop_dev

read -r POST WANT_URL < <(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(r.postId, r.url)' "$TMP/result.json")
"$BIN" --data "$DATA" --key-file "$KEY" --json post show "$POST" >"$TMP/post.json" ||
  fail "'ruche post show $POST' failed after wails dev stopped"
node - "$TMP/post.json" "$WANT_URL" <<'JS' || fail "the store does not agree with the screen"
const fs = require('fs');
const [file, url] = process.argv.slice(2);
const p = JSON.parse(fs.readFileSync(file, 'utf8'));
if (p.status !== 'published') throw new Error(`the store says ${p.status}`);
if (!p.deliveries.some((d) => d.url === url)) throw new Error(`no delivery at ${url}: ${JSON.stringify(p.deliveries)}`);
console.log(`store: post ${p.id} published at ${url}`);
JS
say "PASS"
