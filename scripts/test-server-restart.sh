#!/usr/bin/env bash
# test-server-restart.sh: the server restarted in the middle of a migration file, transactional
# and no-transaction, up and down. Starts a PostgreSQL of its own (a restart would disturb the
# other tests' server), runs the built `migrate`, restarts the server while the file sleeps, and
# checks what migrate said, the version, the dirty flag and the catalog. Run by `make test`.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-common.sh

bindir=$(pg_find_bindir)
migrate="$(swift build --product migrate --show-bin-path)/migrate"
dir=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-restart.XXXXXX")
trap 'pg_stop "$dir/data"; rm -rf "$dir"' EXIT
port=$(pg_free_port)
pg_init "$dir/data" || exit 1
pg_start "$dir/data" "$port" fast || exit 1
server="postgresql://postgres@127.0.0.1:$port"
[ "$(id -u)" -eq 0 ] && chmod 755 "$dir"

passed=0
failed=0
check() { # check NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAILED: %s\n  expected: %s\n  actual:   %s\n' "$1" "$2" "$3" >&2
    fi
}
sql() { "$bindir/psql" -X -q -A -t "$server/$1?sslmode=disable" -c "$2" 2>/dev/null; }

# restart_case NAME MARKER DIRECTION EXPECTED_VERSION EXPECTED_TABLES EXPECTED_MESSAGE
restart_case() {
    local name=$1 marker=$2 direction=$3 version=$4 tables=$5 message=$6 db folder out pid
    db="restart_$name"
    folder="$dir/$name"
    mkdir -p "$folder"
    printf 'CREATE TABLE control (seconds float8);\nINSERT INTO control VALUES (0);\n' > "$folder/1_setup.up.sql"
    printf '%sCREATE TABLE before_sleep (id int);\nSELECT pg_sleep((SELECT seconds FROM control));\nCREATE TABLE after_sleep (id int);\n' "$marker" > "$folder/2_slow.up.sql"
    printf '%sDROP TABLE after_sleep;\nSELECT pg_sleep((SELECT seconds FROM control));\nDROP TABLE before_sleep;\n' "$marker" > "$folder/2_slow.down.sql"
    sql postgres "CREATE DATABASE $db" >/dev/null
    local url="$server/$db?sslmode=disable"
    if [ "$direction" = up ]; then
        DATABASE_URL=$url "$migrate" -path "$folder" up 1 >/dev/null 2>&1
    else
        DATABASE_URL=$url "$migrate" -path "$folder" up >/dev/null 2>&1
    fi
    sql "$db" "UPDATE control SET seconds = 60" >/dev/null
    out="$dir/$name.out"
    if [ "$direction" = up ]; then
        DATABASE_URL=$url "$migrate" -path "$folder" up >"$out" 2>&1 &
    else
        DATABASE_URL=$url "$migrate" -path "$folder" down 1 >"$out" 2>&1 &
    fi
    pid=$!
    for _ in $(seq 1 300); do
        [ "$(sql "$db" "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()")" = 1 ] && break
        sleep 0.05
    done
    pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w restart >/dev/null 2>&1
    wait "$pid"
    check "$name: migrate fails" 1 "$([ $? -ne 0 ] && echo 1 || echo 0)"
    check "$name: says what state it left" 1 "$(grep -c -F "$message" "$out")"
    check "$name: version" "$version" "$(sql "$db" "SELECT version || ' ' || dirty FROM schema_migrations")"
    check "$name: tables" "$tables" "$(sql "$db" "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relname IN ('before_sleep', 'after_sleep')")"
}

restart_case tx_up "" up "1 false" "" "Nothing of this file was applied; the database is unchanged at version 1"
restart_case tx_down "" down "2 false" "after_sleep,before_sleep" "Nothing of this file was applied; the database is unchanged at version 2"
restart_case notx_up $'-- migrate:no-transaction\n' up "2 true" "before_sleep" "marked dirty at version 2"
restart_case notx_down $'-- migrate:no-transaction\n' down "1 true" "before_sleep" "marked dirty at version before 2"

echo "server restarts: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
