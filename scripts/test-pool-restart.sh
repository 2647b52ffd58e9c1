#!/usr/bin/env bash
# test-pool-restart.sh: PGPool under load while its server restarts. Starts a PostgreSQL of its own
# (a restart would disturb the other tests' server) and runs the PoolRestartTests suite, which
# restarts the server with POOL_RESTART_COMMAND in the middle of the load. Run by `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-common.sh

bindir=$(pg_find_bindir)
dir=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-pool-restart.XXXXXX")
trap 'pg_stop "$dir/data"; rm -rf "$dir"' EXIT
port=$(pg_free_port)
pg_init "$dir/data"
pg_start "$dir/data" "$port" fast
[ "$(id -u)" -eq 0 ] && chmod 755 "$dir"
owner=""
[ "$(id -u)" -eq 0 ] && owner="runuser -u postgres --"
export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres?sslmode=disable"
export POOL_RESTART_COMMAND="$owner '$bindir/pg_ctl' -D '$dir/data' -l '$dir/data.log' -m fast -w -t 60 restart >/dev/null 2>&1"
swift test --skip-build --disable-xctest --filter PoolRestartTests
