#!/usr/bin/env bash
# test-backend.sh: the example service (Examples/Backend) end to end, as `make test` runs it.
# Builds it; starts eight replicas at once on loopback ports against a new database of the
# throwaway PostgreSQL (they apply the migrations from the binary, each once); drives every route
# with real HTTP requests (scripts/test-backend.py, concurrent ones for the credit deduction);
# checks that the migrate command sees the same state, that a dirty database stops start-up with
# golang-migrate's words, and that SIGTERM stops the service cleanly.
# Starts its own PostgreSQL (scripts/with-test-postgres.sh) when TEST_DATABASE_URL is not set.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${TEST_DATABASE_URL:-}" ]; then
    exec "$root/scripts/with-test-postgres.sh" "$0" "$@"
fi
source "$root/scripts/pg-common.sh"
PG_BINDIR=${PG_BINDIR:-$(pg_find_bindir)}
cd "$root/Examples/Backend"

passed=0
failed=0
check() { # check NAME COMMAND...
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAILED: $name" >&2
    fi
}

echo "building Examples/Backend (Hummingbird and its dependencies the first time: minutes)" >&2
start=$(date +%s)
swift build --product Backend >"${TMPDIR:-/tmp}/pg-models-backend-build.log" 2>&1
built=$?
tail -3 "${TMPDIR:-/tmp}/pg-models-backend-build.log" >&2
bin="$(swift build --show-bin-path)/Backend"
echo "built in $(($(date +%s) - start)) s" >&2
if [ "$built" -ne 0 ] || [ ! -x "$bin" ]; then
    echo "FAILED: the example does not build" >&2
    echo "backend: 0 passed, 1 failed"
    exit 1
fi

# A database of its own on the test server.
server=${TEST_DATABASE_URL%%\?*}
server=${server%/*}
database="backend_$$"
"$PG_BINDIR/psql" -q -X "$TEST_DATABASE_URL" -c "CREATE DATABASE $database" >/dev/null
export DATABASE_URL="$server/$database?sslmode=disable"
psql_app() { "$PG_BINDIR/psql" -X -q -A -t "$DATABASE_URL" -c "$1"; }

logs=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-backend-run.XXXXXX")
pids=()
stop_all() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
    pids=()
}
cleanup() {
    stop_all
    "$PG_BINDIR/psql" -q -X "$TEST_DATABASE_URL" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1
    rm -rf "$logs"
}
trap cleanup EXIT

# Waits until the replica on port $1 answers /health (at most 60 s), or its process ended.
wait_healthy() {
    local port=$1 pid=$2
    for _ in $(seq 1 240); do
        if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then return 0; fi
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.25
    done
    return 1
}

# Eight replicas starting together: each migration is applied once, the others wait and go on.
ports=()
for n in 1 2 3 4 5 6 7 8; do
    port=$(pg_free_port)
    ports+=("$port")
    PORT=$port "$bin" >"$logs/replica$n.log" 2>&1 &
    pids+=($!)
done
healthy=0
for n in 0 1 2 3 4 5 6 7; do
    if wait_healthy "${ports[$n]}" "${pids[$n]}"; then healthy=$((healthy + 1)); else cat "$logs/replica$((n + 1)).log" >&2; fi
done
check "eight replicas started together all serve" test "$healthy" -eq 8
check "each migration was applied exactly once" test "$(psql_app "SELECT string_agg(version || ':' || n, ',' ORDER BY version) FROM (SELECT version, count(*) n FROM schema_migrations_history WHERE direction = 'up' GROUP BY version) v")" = "1:1,2:1,3:1,4:1,5:1"
check "the version table is golang-migrate's, clean at the last version" test "$(psql_app "SELECT version || ' ' || dirty FROM schema_migrations")" = "5 false"
check "a replica says which database it migrated (password hidden)" grep -q "at version 5" "$logs/replica1.log"

# Every route, with real requests, on one replica (the others keep serving the same database).
check "every route behaves (scripts/test-backend.py)" python3 "$root/scripts/test-backend.py" "http://127.0.0.1:${ports[0]}" "http://127.0.0.1:${ports[1]}"

# SIGTERM: Hummingbird's service group shuts down gracefully and the process exits 0.
kill -TERM "${pids[0]}"
wait "${pids[0]}"
check "SIGTERM stops a replica cleanly (exit status 0)" test $? -eq 0
stop_all

# The migrate command reads the same state from the folder.
migrate_bin="$(cd "$root" && swift build --show-bin-path)/migrate"
if [ -x "$migrate_bin" ]; then
    check "the migrate command sees version 5" test "$("$migrate_bin" -path migrations/app -database "$DATABASE_URL" version 2>&1)" = "5"
    check "the migrate command finds nothing to apply and no file changed" test "$("$migrate_bin" -path migrations/app -database "$DATABASE_URL" up 2>&1)" = "no change"
fi

# A dirty database stops start-up with golang-migrate's words.
psql_app "UPDATE schema_migrations SET dirty = true" >/dev/null
port=$(pg_free_port)
PORT=$port timeout 60 "$bin" >"$logs/dirty.log" 2>&1
status=$?
check "a dirty database stops start-up" test "$status" -eq 1
check "with golang-migrate's words" grep -q "Dirty database version 5. Fix and force version." "$logs/dirty.log"
psql_app "UPDATE schema_migrations SET dirty = false" >/dev/null

echo "backend: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
