#!/usr/bin/env bash
# Installs what building, running and testing Ruche needs, and only what is
# missing: Debian packages, the Wails CLI, the frontend's npm packages and the
# end-to-end tests' npm packages. Quick (about a second) when all is there.
#
#   bash scripts/setup.sh            # everything
#   WITH_NSIS=1 bash scripts/setup.sh  # also Debian's nsis (Windows installer)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

WAILS_VERSION=v2.11.0
log() { printf '[setup] %s\n' "$*"; }

# ---------------------------------------------------------------- apt
APT_PACKAGES=(
  libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config gcc     # desktop build (cgo, GTK, WebKit 4.1)
  xvfb xauth x11-apps xdotool imagemagick               # headless window, screenshots, keys
  dbus dbus-x11 gnome-keyring libglib2.0-bin            # Secret Service for the keychain tests (gdbus)
  chromium fonts-dejavu-core                            # browser end-to-end test, fonts
  poppler-utils                                         # PDF -> PNG for looking at reports
  curl procps                                           # waits for the dev server, process tree
)
[ "${WITH_NSIS:-0}" = 1 ] && APT_PACKAGES+=(nsis)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "missing Debian packages (${missing[*]}) and not root: install them"; exit 1; }
    SUDO=sudo
  fi
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "Debian packages installed"
fi

# ---------------------------------------------------------------- Wails CLI
command -v go >/dev/null || { log "go is not on PATH"; exit 1; }
GOBIN_DIR=$(go env GOBIN)
[ -n "$GOBIN_DIR" ] || GOBIN_DIR="$(go env GOPATH)/bin"
export PATH="$GOBIN_DIR:$PATH"
# The output is read whole before it is matched: `wails version | grep -q`
# under pipefail fails at random when grep stops reading first (SIGPIPE).
wails_is() { case "$(wails version 2>/dev/null || true)" in "$WAILS_VERSION"*) return 0 ;; esac; return 1; }
if ! wails_is; then
  log "installing the Wails CLI $WAILS_VERSION"
  go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
  wails_is || { log "wails version does not print $WAILS_VERSION"; exit 1; }
fi

# ---------------------------------------------------------------- npm packages
# npm install (never npm ci: the registry here lacks Rollup's per-platform
# packages, so a Vite >= 5 lockfile is incomplete). A stamp in node_modules
# holds the checksum of package.json and package-lock.json after the last
# install: the install runs again only when one of them changed.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm_sum() { (cd "$1" && cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1); }
npm_install() { # DIR
  local dir=$1 stamp=$1/node_modules/.ruche-setup-stamp
  [ -f "$dir/package.json" ] || return 0
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(npm_sum "$dir")" ]; then
    return 0
  fi
  log "npm install in ${dir#"$ROOT"/}"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
  npm_sum "$dir" >"$stamp"
}
npm_install "$ROOT/frontend"
npm_install "$ROOT/tests/e2e"

# An empty frontend/dist breaks every Go command in the root package
# (//go:embed all:frontend/dist): keep at least the placeholder.
mkdir -p frontend/dist
[ -n "$(ls -A frontend/dist)" ] || : > frontend/dist/.gitkeep

log "ready (wails $(wails version 2>/dev/null | head -1), go $(go env GOVERSION), node $(node --version))"
