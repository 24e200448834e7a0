# Starts the components of the local stack, each bound to 127.0.0.1. Sourced by up.sh and test.sh,
# which choose the ports; every function runs one process under start_bg (stopped by stop_all).

# start_ferretdb PORT DATA_DIR: FerretDB with the SQLite backend, telemetry off.
start_ferretdb() {
  local port=$1 data=$2
  mkdir -p "$data"
  start_bg "ferretdb-$port" "$BIN_DIR/ferretdb-$FERRETDB_VERSION" \
    --handler=sqlite --sqlite-url="file:$data/" \
    --listen-addr="127.0.0.1:$port" --debug-addr=- \
    --telemetry=disable --state-dir="$data" --log-level=warn
  wait_port 127.0.0.1 "$port" FerretDB
}

# start_livekit PORT KEY SECRET [WEBHOOK_URL]: LiveKit in dev mode, media on loopback only.
# Signalling on PORT, media over UDP on PORT+2 bound to the loopback interface alone; no external IP
# discovery, no TURN, and no ICE over TCP (LiveKit binds that listener on every interface).
start_livekit() {
  local port=$1 key=$2 secret=$3 webhook=${4:-}
  local conf="$RUN_DIR/livekit-$port.yaml"
  cat >"$conf" <<YAML
port: $port
bind_addresses: ["127.0.0.1"]
keys:
  "$key": "$secret"
rtc:
  tcp_port: 0
  udp_port: $((port + 2))
  allow_tcp_fallback: false
  interfaces:
    includes: ["lo"]
  ips:
    includes: ["127.0.0.1/8"]
  use_external_ip: false
  node_ip: 127.0.0.1
  enable_loopback_candidate: true
  stun_servers: []
turn:
  enabled: false
logging:
  level: warn
YAML
  if [ -n "$webhook" ]; then
    printf 'webhook:\n  api_key: "%s"\n  urls: ["%s"]\n' "$key" "$webhook" >>"$conf"
  fi
  start_bg "livekit-$port" "$BIN_DIR/livekit-server-$LIVEKIT_VERSION" --dev --config "$conf"
  wait_port 127.0.0.1 "$port" "LiveKit server"
}

# start_mailpit SMTP_PORT HTTP_PORT DATA_DIR: the local mail server. It accepts every message on
# SMTP and keeps it for reading (web page and API on HTTP_PORT); it relays nothing anywhere, looks
# up no version, and does no reverse DNS.
start_mailpit() {
  local smtp=$1 http=$2 data=$3
  mkdir -p "$data"
  start_bg "mailpit-$smtp" "$BIN_DIR/mailpit-$MAILPIT_VERSION" \
    --smtp "127.0.0.1:$smtp" --listen "127.0.0.1:$http" --database "$data/mailpit.db" \
    --disable-version-check --smtp-disable-rdns --smtp-auth-accept-any --smtp-auth-allow-insecure \
    --max 5000 --quiet
  wait_port 127.0.0.1 "$smtp" "Mailpit (SMTP)"
  wait_port 127.0.0.1 "$http" "Mailpit (HTTP)"
}

# start_redis PORT: Debian's redis-server, in memory only.
start_redis() {
  local port=$1
  command -v redis-server >/dev/null || fail "redis-server is not installed" "run bash infra/install.sh"
  start_bg "redis-$port" redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --protected-mode yes
  wait_port 127.0.0.1 "$port" Redis
}

# start_node NAME PORT SCRIPT: one of the built Node services (env comes from the caller).
start_node() {
  local name=$1 port=$2 script=$3
  start_bg "$name-$port" node --enable-source-maps "$ROOT_DIR/$script"
  wait_port 127.0.0.1 "$port" "$name"
}

# start_gateway PORT API_PORT REALTIME_PORT VIDEO_URL: nginx, the one origin the browser sees:
# the built client, /api/* to the api and /socket.io/ to the realtime service. VIDEO_URL (the LiveKit
# URL browsers use, ws:// or wss://) is the one other origin the Content-Security-Policy lets pages reach.
start_gateway() {
  local port=$1 api=$2 realtime=$3 video=$4
  local prefix="$RUN_DIR/nginx-$port"
  mkdir -p "$prefix/tmp"
  sed -e "s|@PORT@|$port|g" -e "s|@API@|127.0.0.1:$api|g" -e "s|@REALTIME@|127.0.0.1:$realtime|g" -e "s|@VIDEO@|$video|g" \
    -e "s|@CLIENT_DIST@|$ROOT_DIR/client/dist|g" -e "s|@PREFIX@|$prefix|g" \
    "$INFRA_DIR/nginx/local.conf.template" >"$prefix/nginx.conf"
  start_bg "gateway-$port" nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" -g "daemon off;"
  wait_port 127.0.0.1 "$port" "nginx gateway"
}
