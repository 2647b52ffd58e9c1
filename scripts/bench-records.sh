#!/usr/bin/env bash
# bench-records.sh [ROWS]: part of `make bench`.
# Builds Benchmarks/ (a package of its own, so that PostgresNIO stays out of the main build) in
# release mode and runs records-bench against a durable PostgreSQL of its own (fsync on): it inserts
# ROWS saas_clients rows (default 100,000) with the generated insert-many helper, fetches them back
# into SaasClient values, and times psql's COPY FROM / COPY TO and PostgresNIO on the same rows.
# It also prints the client's CPU time per operation and the client's work alone (decoding a
# result already read, building insertMany's statement without sending it; best of 10), which
# compare two builds better than the wall-clock ratios on a busy machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
source "$here/pg-common.sh"
rows=${1:-100000}

pg_bench_server
export PSQL="$(pg_find_bindir)/psql"

cd "$root/Benchmarks"
swift build -c release --product records-bench --quiet
"$(swift build -c release --show-bin-path)/records-bench" "$BENCH_DATABASE_URL" "$root/migrations/saas" "$rows"
