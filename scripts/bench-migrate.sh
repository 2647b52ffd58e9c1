#!/usr/bin/env bash
# bench-migrate.sh [MIGRATIONS] [ROUNDS]: `make bench`.
# Applies MIGRATIONS (default 200) generated small migrations (a table and an index each) to an
# empty database with `migrate up`, and the same files with `psql -X -q -f … -f …` in one session,
# ROUNDS times each (default 5), alternating, on a durable PostgreSQL of its own (fsync on, as in
# production). Prints the median of each, their ratio, and the round trips per migration.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
source "$here/pg-common.sh"
count=${1:-200}
rounds=${2:-5}

pg_bench_server
bindir=$(pg_find_bindir)
psql=("$bindir/psql" -X -q)

cd "$root"
swift build -c release --product migrate --quiet
migrate="$(swift build -c release --show-bin-path)/migrate"

files=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-bench-files.XXXXXX")
trap 'rm -rf "$files"; [ -n "$pg_bench_dir" ] && { pg_stop "$pg_bench_dir/data"; rm -rf "$pg_bench_dir"; }' EXIT
for i in $(seq 1 "$count"); do
    n=$(printf '%06d' "$i")
    printf 'CREATE TABLE bench_%s (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\nCREATE INDEX bench_%s_name_idx ON bench_%s (name);\n' "$i" "$i" "$i" >"$files/${n}_bench_$i.up.sql"
    printf 'DROP TABLE bench_%s;\n' "$i" >"$files/${n}_bench_$i.down.sql"
done
psql_args=()
for f in "$files"/*.up.sql; do psql_args+=(-f "$f"); done

base=${BENCH_DATABASE_URL%%\?*}
base=${base%/*}
now() { date +%s.%N; }
migrate_times=()
psql_times=()
round_trips=""
for r in $(seq 1 "$rounds"); do
    "${psql[@]}" "$BENCH_DATABASE_URL" -c "DROP DATABASE IF EXISTS bench_m" -c "CREATE DATABASE bench_m" -c "DROP DATABASE IF EXISTS bench_p" -c "CREATE DATABASE bench_p" 2>/dev/null
    start=$(now)
    out=$("$migrate" -path "$files" -database "$base/bench_m?sslmode=disable" -verbose up 2>&1 >/dev/null)
    end=$(now)
    migrate_times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
    round_trips=$(echo "$out" | sed -n 's/.*(\([0-9]*\) statements sent).*/\1/p')
    start=$(now)
    "${psql[@]}" "$base/bench_p?sslmode=disable" -v ON_ERROR_STOP=1 "${psql_args[@]}"
    end=$(now)
    psql_times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
m=$(median "${migrate_times[@]}")
p=$(median "${psql_times[@]}")
tables=$("${psql[@]}" -At "$base/bench_m?sslmode=disable" -c "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'bench_%'")
[ "$tables" = "$count" ] || { echo "error: migrate created $tables tables, expected $count" >&2; exit 1; }
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}'), $count migrations (a table and an index each), median of $rounds runs"
printf 'migrate up:        %.3f s   (%s statements sent: %s per migration + %s per run)\n' "$m" "$round_trips" \
    "$(( (round_trips - (round_trips % count)) / count ))" "$(( round_trips % count ))"
printf 'psql -f … -f …:    %.3f s\n' "$p"
printf 'ratio:             %.2f × psql\n' "$(awk -v m="$m" -v p="$p" 'BEGIN { print m / p }')"
