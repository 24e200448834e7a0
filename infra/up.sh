#!/usr/bin/env bash
# Quick start, command 1: installs everything, starts the whole stack with the seeded demo fair and
# serves it at http://localhost:8080. Ctrl-C stops every process it started.
# Uses MONGODB_URI / LIVEKIT_URL (+ LIVEKIT_API_KEY, LIVEKIT_API_SECRET) / REDIS_URL when set,
# and otherwise starts the embedded FerretDB, LiveKit and Redis on 127.0.0.1.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$INFRA_DIR/stack.sh"

bash "$INFRA_DIR/install.sh"
use_pinned_node # installed just now on a fresh machine

GATEWAY_PORT=${KETNOI_PORT:-8080}
API_PORT=3001
REALTIME_PORT=3002
trap stop_all EXIT
trap 'log "stopping"; exit 0' INT TERM

for p in "$GATEWAY_PORT:gateway" "$API_PORT:api" "$REALTIME_PORT:realtime"; do port_free "${p%%:*}" "${p#*:}"; done

if [ -z "${MONGODB_URI:-}" ]; then
  port_free 27017 FerretDB
  start_ferretdb 27017 "$ROOT_DIR/.data/ferretdb"
  export MONGODB_URI="mongodb://127.0.0.1:27017/ketnoi"
fi
if [ -z "${LIVEKIT_URL:-}" ]; then
  port_free 7880 "LiveKit server"
  export LIVEKIT_API_KEY="ketnoi-dev"
  LIVEKIT_API_SECRET=$(secret_file "$CACHE_DIR/livekit-dev.secret")
  export LIVEKIT_API_SECRET
  # LiveKit reports joins and leaves to the api (signed with this key), which records meeting attendance.
  start_livekit 7880 "$LIVEKIT_API_KEY" "$LIVEKIT_API_SECRET" "http://127.0.0.1:$API_PORT/api/livekit/webhook"
  export LIVEKIT_URL="http://127.0.0.1:7880"
fi
if [ -z "${REDIS_URL:-}" ]; then
  port_free 6379 Redis
  start_redis 6379
  export REDIS_URL="redis://127.0.0.1:6379"
fi
# The app's mail (verification, resets, invitations, meeting notices) goes to a local Mailpit,
# whose page shows what was sent; with SMTP_URL set it goes to that server instead.
MAILPIT_WEB=""
if [ -z "${SMTP_URL:-}" ]; then
  port_free 1025 "Mailpit (SMTP)"
  port_free 8025 "Mailpit (web)"
  start_mailpit 1025 8025 "$ROOT_DIR/.data/mailpit"
  export SMTP_URL="smtp://127.0.0.1:1025"
  MAILPIT_WEB="http://localhost:8025"
fi

# Shared by the api (signs socket tokens and room tickets) and the realtime service (verifies them).
if [ -z "${REALTIME_SECRET:-}" ]; then
  REALTIME_SECRET=$(secret_file "$CACHE_DIR/realtime-dev.secret")
  export REALTIME_SECRET
fi

log "seeding the demo fair"
node "$ROOT_DIR/api/dist/seed/cli.js" | tee "$RUN_DIR/seed.out"

export NODE_ENV=production PUBLIC_ORIGIN="http://localhost:$GATEWAY_PORT" API_PORT REALTIME_PORT
start_node api "$API_PORT" api/dist/main.js
start_node realtime "$REALTIME_PORT" realtime/dist/main.js
video_url="${LIVEKIT_PUBLIC_URL:-$LIVEKIT_URL}"
start_gateway "$GATEWAY_PORT" "$API_PORT" "$REALTIME_PORT" "${video_url/#http/ws}"

cat <<MSG

  Ketnoi is running at http://localhost:$GATEWAY_PORT
  API docs:            http://localhost:$GATEWAY_PORT/api/docs
  Health:              http://localhost:$GATEWAY_PORT/api/health${MAILPIT_WEB:+
  Mail sent by the app: $MAILPIT_WEB (messages as JSON: $MAILPIT_WEB/api/v1/messages)}
$(sed -n '/Demo logins/,$p' "$RUN_DIR/seed.out" | sed 's/^/  /')

  Logs are in $RUN_DIR. Press Ctrl-C to stop.
MSG

# Stay up until Ctrl-C, or until one of the processes dies (then stop the rest and say which).
wait -n "${BG_PIDS[@]}" || true
for i in "${!BG_PIDS[@]}"; do
  kill -0 "${BG_PIDS[$i]}" 2>/dev/null || fail "${BG_NAMES[$i]} stopped unexpectedly" "see $RUN_DIR/${BG_NAMES[$i]}.log"
done
