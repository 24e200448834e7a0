#!/usr/bin/env bash
# Benchmarks: `npm run -s bench:<name>` runs api/dist/bench/<name>.js; the ones that need a database
# get a FerretDB of their own (port 27217, fresh data) unless MONGODB_URI is set. Only the JSON
# lines go to stdout. bench:realtime starts its own Redis (port 6689) and realtime nodes (3190, 3191).
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
if [ "$name" = realtime ]; then
  # Thousands of client sockets in the bench process, as many in the node: every descriptor allowed.
  ulimit -n "$(ulimit -Hn)"
fi
cd "$ROOT_DIR" && node "$ROOT_DIR/api/dist/bench/$name.js"
