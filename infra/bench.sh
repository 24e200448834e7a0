#!/usr/bin/env bash
# Benchmarks: `npm run -s bench:<name>` runs api/dist/bench/<name>.js; the ones that need a database
# get a FerretDB of their own (port 27217, fresh data) unless MONGODB_URI is set. Only the JSON
# lines go to stdout. bench:api, bench:soak and bench:opendata start a Redis (port 6589) for the api's
# revisions; bench:realtime starts its own Redis (port 6689) and realtime nodes (3190, 3191).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$INFRA_DIR/stack.sh"
name=${1:?usage: bench.sh NAME}
bash "$INFRA_DIR/install.sh" >&2
use_pinned_node
trap stop_all EXIT
if { [ "$name" = search ] || [ "$name" = match ] || [ "$name" = api ] || [ "$name" = soak ] || [ "$name" = publish ] || [ "$name" = opendata ] || [ "$name" = queue ]; } && [ -z "${MONGODB_URI:-}" ]; then
  port_free 27217 "the benchmark database"
  rm -rf "$RUN_DIR/bench-ferretdb"
  start_ferretdb 27217 "$RUN_DIR/bench-ferretdb" >&2
  export MONGODB_URI="mongodb://127.0.0.1:27217/bench_$name"
fi
if { [ "$name" = api ] || [ "$name" = soak ] || [ "$name" = opendata ]; } && [ -z "${REDIS_URL:-}" ]; then
  # The api as deployed: its caches' revisions in Redis (BENCH_REVISIONS=database leaves Redis out).
  if [ "${BENCH_REVISIONS:-redis}" = redis ]; then
    port_free 6589 "the benchmark's Redis"
    start_redis 6589 >&2
    export REDIS_URL="redis://127.0.0.1:6589"
  fi
fi
if [ "$name" = realtime ]; then
  # Thousands of client sockets in the bench process, as many in the node: every descriptor allowed.
  ulimit -n "$(ulimit -Hn)"
fi
cd "$ROOT_DIR" && node "$ROOT_DIR/api/dist/bench/$name.js"
