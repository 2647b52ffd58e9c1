#!/usr/bin/env bash
# bench-find.sh [SECONDS] [TASKS]: part of `make bench`.
# Looks up random saas_clients rows by primary key from TASKS concurrent clients (default 64) for
# SECONDS (default 10) on one durable PostgreSQL: through PGPool (8 connections) with the generated
# SaasClient.find(id:), through PostgresNIO's PostgresClient (8 connections) with hand-written
# decoding and with the generated helper (Integrations/PGPostgresNIO), then pgbench on the same
# server: the same saas_clients row by a unique key, and its built-in select-only script (-S,
# pgbench_accounts at scale 10). pgbench has one connection per client, so it runs with 8 clients
# (the pools' size) and with TASKS clients. Prints throughput, median and 99th-percentile latency.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
source "$here/pg-common.sh"
seconds=${1:-10}
tasks=${2:-64}

pg_bench_server
bindir=$(pg_find_bindir)
pgbench="$bindir/pgbench"
if [ ! -x "$pgbench" ]; then pgbench=$(command -v pgbench); fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$root/Benchmarks"
swift build -c release --product find-bench --quiet
"$(swift build -c release --show-bin-path)/find-bench" "$BENCH_DATABASE_URL" "$root/migrations/saas" "$seconds" "$tasks"

# pgbench: transactions per second and the 99th percentile of its per-transaction log.
work=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-pgbench.XXXXXX")
trap 'rm -rf "$work"; [ -n "${pg_bench_dir:-}" ] && { pg_stop "$pg_bench_dir/data"; rm -rf "$pg_bench_dir"; }' EXIT
url="$BENCH_DATABASE_URL"
run_pgbench() {  # NAME CLIENTS ARGS...
    local name=$1 clients=$2
    shift 2
    rm -f "$work"/log*
    local out
    out=$(cd "$work" && "$pgbench" -n -M prepared -c "$clients" -j 2 -T "$seconds" -l --log-prefix=log "$@" "$url" 2>&1)
    local tps p50 p99
    tps=$(echo "$out" | awk '/^tps = / {printf "%.0f", $3}')
    cat "$work"/log* | awk '{print $3}' | sort -n > "$work/latencies"
    local n
    n=$(wc -l < "$work/latencies")
    p50=$(awk -v n="$n" 'NR == int(n * 0.5) + 1 {printf "%.2f", $1 / 1000}' "$work/latencies")
    p99=$(awk -v n="$n" 'NR == int(n * 0.99) + 1 {printf "%.2f", $1 / 1000}' "$work/latencies")
    printf '%-58s%8s lookups/s   p50 %6s ms   p99 %6s ms\n' "$name" "$tps" "$p50" "$p99"
}
"$pgbench" -i -q -s 10 "$url" >/dev/null 2>&1
cat > "$work/saas.sql" <<'SQL'
\set n random(1, 10000)
SELECT * FROM saas_clients WHERE slug = 'toko-' || :n;
SQL
run_pgbench "pgbench, same row by unique key, 8 connections" 8 -f "$work/saas.sql"
run_pgbench "pgbench, same row by unique key, $tasks connections" "$tasks" -f "$work/saas.sql"
run_pgbench "pgbench -S (pgbench_accounts, scale 10), 8 connections" 8 -S
