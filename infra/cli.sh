#!/usr/bin/env bash
# Runs one of the api's command-line tools (api/dist/cli/<name>.js) after making sure it is built.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
name=${1:?usage: cli.sh NAME [ARGS...]}
shift
bash "$INFRA_DIR/install.sh" >&2
use_pinned_node
exec node "$ROOT_DIR/api/dist/cli/$name.js" "$@"
