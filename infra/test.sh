#!/usr/bin/env bash
# Quick start, command 2: the whole test suite. Installs what is missing, starts a separate test
# stack on its own ports (so a running demo is untouched), then runs the type-check and every Jest
# test (unit, integration against the real FerretDB/LiveKit/Redis, end-to-end in headless Chromium).
# Prints "N passed, M failed" last and exits non-zero on any failure.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$INFRA_DIR/stack.sh"

# Installing changes no tracked file and leaves nothing unignored behind (the lock is complete):
# the checkout's status is the same before and after.
tree_before=$(git -C "$ROOT_DIR" status --porcelain 2>/dev/null || true)
bash "$INFRA_DIR/install.sh"
install_dirty=0
if [ "$(git -C "$ROOT_DIR" status --porcelain 2>/dev/null || true)" != "$tree_before" ]; then
  install_dirty=1
  log "installing changed the checkout:"
  git -C "$ROOT_DIR" status --short >&2
fi
use_pinned_node # installed just now on a fresh machine

trap stop_all EXIT
trap 'exit 130' INT TERM
TEST_DIR="$RUN_DIR/test"
rm -rf "$TEST_DIR" && mkdir -p "$TEST_DIR"

DB_PORT=27117 LK_PORT=7980 REDIS_PORT=6479 API_PORT=3101 REALTIME_PORT=3102 GATEWAY_PORT=18080 SMTP_PORT=11025 MAILPIT_PORT=18025
for p in $DB_PORT $LK_PORT $REDIS_PORT $API_PORT $REALTIME_PORT $GATEWAY_PORT $SMTP_PORT $MAILPIT_PORT; do port_free "$p" "the test stack"; done

start_ferretdb $DB_PORT "$TEST_DIR/ferretdb"
LK_KEY="ketnoi-test"
LK_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
start_livekit $LK_PORT "$LK_KEY" "$LK_SECRET" "http://127.0.0.1:$API_PORT/api/livekit/webhook"
start_redis $REDIS_PORT
start_mailpit $SMTP_PORT $MAILPIT_PORT "$TEST_DIR/mailpit"

# What the tests connect to (each test file uses its own database on this server).
export TEST_MONGODB_URL="mongodb://127.0.0.1:$DB_PORT"
export TEST_LIVEKIT_URL="http://127.0.0.1:$LK_PORT" TEST_LIVEKIT_API_KEY="$LK_KEY" TEST_LIVEKIT_API_SECRET="$LK_SECRET"
export TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
# The mail server every test reads delivered mail from (its HTTP API), and where the apps send it.
export TEST_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" TEST_MAILPIT_URL="http://127.0.0.1:$MAILPIT_PORT"
RT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export E2E_BASE_URL="http://localhost:$GATEWAY_PORT" CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
# The end-to-end app's database, for the few set-ups its api cannot make by the real clock (tests/support/stack.ts).
export E2E_MONGODB_URI="$TEST_MONGODB_URL/ketnoi_e2e"
export TEST_ARTIFACTS_DIR="$ROOT_DIR/tests/artifacts"

# The full app for end-to-end tests, seeded like the demo.
(
  export MONGODB_URI="$TEST_MONGODB_URL/ketnoi_e2e" LIVEKIT_URL="$TEST_LIVEKIT_URL" LIVEKIT_API_KEY="$LK_KEY" \
    LIVEKIT_API_SECRET="$LK_SECRET" REDIS_URL="$TEST_REDIS_URL" REALTIME_SECRET="$RT_SECRET"
  node "$ROOT_DIR/api/dist/seed/cli.js" >"$TEST_DIR/seed.out"
) || fail "seeding the end-to-end database failed" "see the error above"
export MONGODB_URI="$TEST_MONGODB_URL/ketnoi_e2e" LIVEKIT_URL="$TEST_LIVEKIT_URL" LIVEKIT_API_KEY="$LK_KEY" \
  LIVEKIT_API_SECRET="$LK_SECRET" REDIS_URL="$TEST_REDIS_URL" PUBLIC_ORIGIN="$E2E_BASE_URL" REALTIME_SECRET="$RT_SECRET" \
  SMTP_URL="$TEST_SMTP_URL" API_PORT REALTIME_PORT NODE_ENV=production LOG_LEVEL=info
start_node api $API_PORT api/dist/main.js
start_node realtime $REALTIME_PORT realtime/dist/main.js
start_gateway $GATEWAY_PORT $API_PORT $REALTIME_PORT "ws://127.0.0.1:$LK_PORT"
export KETNOI_STACK_PIDS="${BG_PIDS[*]}" KETNOI_LOG_DIR="$RUN_DIR"
unset MONGODB_URI LIVEKIT_URL LIVEKIT_API_KEY LIVEKIT_API_SECRET REDIS_URL NODE_ENV REALTIME_SECRET SMTP_URL

cd "$ROOT_DIR"
typecheck_failed=0
log "type-checking every workspace"
npx turbo run typecheck --output-logs=errors-only || typecheck_failed=1
lint_failed=0
log "linting and checking the format of every workspace (Biome)"
npx turbo run lint format:check //#lint:root --output-logs=errors-only || lint_failed=1

log "running Jest on Node $(node --version)"
rm -rf "$TEST_ARTIFACTS_DIR"
# One "today" for the whole run (tests/support/clock.ts), even if it crosses midnight.
export KETNOI_TEST_TODAY="${KETNOI_TEST_TODAY:-$(date -u +%F)}"
jest_status=0
npx jest --ci --json --outputFile="$TEST_DIR/jest.json" "$@" || jest_status=$?
# Time logic (slots, availability, scheduling) again with the process in a far-away zone: results
# must not depend on the machine's TZ.
if [ $# -eq 0 ]; then
  log "running the domain tests again under TZ=America/Los_Angeles"
  TZ=America/Los_Angeles npx jest --ci --json --outputFile="$TEST_DIR/jest-tz.json" api/src/domain || jest_status=$?
  # The suites that fix the api's clock, run again as if today were years ahead: the Friday before
  # Europe's spring clock change two years on (the demo fair they seed then falls after it). Nothing
  # in them may depend on the day the suite happens to run.
  ahead=$(node -e 'const y = new Date().getUTCFullYear() + 2, d = new Date(Date.UTC(y, 3, 0)); d.setUTCDate(d.getUTCDate() - d.getUTCDay() - 2); console.log(d.toISOString().slice(0, 10))')
  log "running the fixed-clock suites again as of $ahead"
  KETNOI_TEST_TODAY="$ahead" npx jest --ci --json --outputFile="$TEST_DIR/jest-ahead.json" tests/integration/api tests/integration/video.int.test.ts \
    tests/integration/realtime.int.test.ts api/src/seed || jest_status=$?
fi

# Secrets never reach a log: the services' logs of this run are searched for this run's video and
# realtime secrets and for the password every end-to-end login sends (the seed's own output names the
# demo password on purpose, so it is not searched).
log "searching this run's logs for secrets"
secrets_failed=0
KETNOI_SECRETS="$LK_SECRET"$'\n'"$RT_SECRET"$'\n'"ketnoi-demo-2026" node "$INFRA_DIR/check-log-secrets.mjs" \
  "$RUN_DIR/api-$API_PORT.log" "$RUN_DIR/realtime-$REALTIME_PORT.log" "$RUN_DIR/gateway-$GATEWAY_PORT.log" \
  "$RUN_DIR/livekit-$LK_PORT.log" "$RUN_DIR/ferretdb-$DB_PORT.log" "$RUN_DIR/redis-$REDIS_PORT.log" "$RUN_DIR/mailpit-$SMTP_PORT.log" || secrets_failed=1

node -e '
const fs = require("fs");
const file = process.argv[1], checksFailed = Number(process.argv[2]) + Number(process.argv[4]) + Number(process.argv[5]) + Number(process.argv[6]);
let passed = 0, failed = 0, suitesFailed = 0;
if (fs.existsSync(file)) {
  for (const f of ["jest.json", "jest-tz.json", "jest-ahead.json"].map((n) => file.replace(/jest\.json$/, n)).filter((f) => fs.existsSync(f))) {
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests;
    // A suite that failed with none of its tests failing counts as one failure: it failed to load,
    // or something it left running failed after its tests passed (an unhandled rejection).
    suitesFailed += r.testResults.filter((s) => s.status === "failed" && !s.assertionResults.some((a) => a.status === "failed")).length;
  }
} else failed = 1;
// The type-check, the log search, the clean install and lint + format count as one test each.
passed += 4 - checksFailed;
failed += checksFailed + suitesFailed;
const line = `${passed} passed, ${failed} failed`;
fs.writeFileSync(process.argv[3], line + "\n");
console.log(line);
process.exit(failed > 0 ? 1 : 0);
' "$TEST_DIR/jest.json" "$typecheck_failed" "$TEST_DIR/summary" "$secrets_failed" "$install_dirty" "$lint_failed"
