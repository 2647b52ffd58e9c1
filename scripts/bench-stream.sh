#!/usr/bin/env bash
# bench-stream.sh [ROWS] [FETCHALL_ROWS]: part of `make bench`.
# Builds Benchmarks/ in release mode and runs stream-bench against a durable PostgreSQL of its own:
# streams ROWS saas_clients rows (default 1,000,000) through PGPool and prints the heap as it goes
# (it stays flat), against fetchAll of FETCHALL_ROWS (default 100,000) and psql's COPY TO; then the
# latency of a CPU-only task while 200 pg_sleep(0.2) wait in the pool, and while they block threads.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
source "$here/pg-common.sh"

pg_bench_server
export PSQL="$(pg_find_bindir)/psql"

cd "$root/Benchmarks"
swift build -c release --product stream-bench --quiet
"$(swift build -c release --show-bin-path)/stream-bench" "$BENCH_DATABASE_URL" "$root/migrations/saas" "${1:-1000000}" "${2:-100000}"
