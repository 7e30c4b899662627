#!/usr/bin/env bash
# Builds Ruche. Expects scripts/setup.sh to have run.
#
#   bash scripts/build.sh desktop   # frontend + bindings + build/bin/ruche (Linux, production)
#   bash scripts/build.sh windows   # build/bin/ruche.exe (cross-build; reuses frontend/dist
#                                   #   when it holds a built frontend, else builds it)
#   bash scripts/build.sh installer # that, plus build/bin/Ruche-amd64-installer.exe (needs
#                                   #   Debian's nsis: WITH_NSIS=1 bash scripts/setup.sh)
#
# -m: no `go mod tidy` behind the developers' backs: CI checks go.mod as committed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$(go env GOPATH)/bin:$PATH"
TAGS=${TAGS:-webkit2_41}

check_pe() { # FILE
  local exe=$1 peoff sig
  [ -f "$exe" ] || { echo "build: $exe was not produced" >&2; exit 1; }
  # A PE file: "MZ", then at the offset stored at 0x3c the signature "PE\0\0"
  # followed by the machine type: 0x8664 (x86-64) or 0x014c (i386, NSIS's stub).
  [ "$(head -c 2 "$exe")" = MZ ] || { echo "build: $exe does not start with MZ" >&2; exit 1; }
  peoff=$(od -An -tu4 -j60 -N4 "$exe" | tr -d ' ')
  sig=$(od -An -tx1 -j"$peoff" -N6 "$exe" | tr -d ' \n')
  [ "$sig" = 504500006486 ] || [ "$sig" = 504500004c01 ] ||
    { echo "build: $exe has no PE header (got $sig at $peoff)" >&2; exit 1; }
  echo "build: $exe is a PE file ($([ "$sig" = 504500006486 ] && echo x86-64 || echo i386)) of $(stat -c %s "$exe") bytes"
}

case "${1:-desktop}" in
desktop)
  wails build -tags "$TAGS" -m
  [ -x build/bin/ruche ] || { echo "build: build/bin/ruche was not produced" >&2; exit 1; }
  ls -l build/bin/ruche
  # The generated bindings are committed: say so when the build changed them.
  if git rev-parse --git-dir >/dev/null 2>&1 && [ -n "$(git -c core.fileMode=false status --porcelain -- frontend/wailsjs 2>/dev/null)" ]; then
    echo "build: note: frontend/wailsjs differs from the committed bindings (commit the regenerated files)" >&2
  fi
  ;;
windows|installer)
  skip=() nsis=()
  [ -f frontend/dist/index.html ] && skip=(-s -skipbindings)
  if [ "$1" = installer ]; then
    command -v makensis >/dev/null || { echo "build: makensis is missing: WITH_NSIS=1 bash scripts/setup.sh" >&2; exit 1; }
    nsis=(-nsis)
    rm -f build/bin/Ruche-amd64-installer.exe
  fi
  rm -f build/bin/ruche.exe
  wails build -platform windows/amd64 -tags "$TAGS" -m "${skip[@]}" "${nsis[@]}" -o ruche.exe
  check_pe build/bin/ruche.exe
  if [ "$1" = installer ]; then check_pe build/bin/Ruche-amd64-installer.exe; fi
  ;;
*)
  echo "usage: build.sh desktop|windows|installer" >&2
  exit 2
  ;;
esac
