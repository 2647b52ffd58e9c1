#!/usr/bin/env bash
# test-make-targets.sh: the Makefile forms of the migrate commands, as a user types them.
# Run by `make test` inside scripts/with-test-postgres.sh (it needs TEST_DATABASE_URL). Checks
# each target against a database of its own, then the zero-configuration path (the local
# development PostgreSQL) when no DATABASE_URL or .env would get in its way.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-common.sh
: "${TEST_DATABASE_URL:?run through scripts/with-test-postgres.sh}"

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

bindir=$(pg_find_bindir)
db="make_targets_$$"
"$bindir/psql" -X -q "$TEST_DATABASE_URL" -c "CREATE DATABASE $db" >/dev/null
export DATABASE_URL="${TEST_DATABASE_URL%%/postgres\?*}/$db?sslmode=disable"

make -s migrate-up MODULE=saas >/dev/null 2>&1
check "make migrate-up, then migrate-version" "4" "$(make -s migrate-version MODULE=saas 2>/dev/null)"
make -s migrate-down MODULE=saas >/dev/null 2>&1
check "make migrate-down rolls back one" "3" "$(make -s migrate-version MODULE=saas 2>/dev/null)"
make -s migrate-down MODULE=saas STEPS=2 >/dev/null 2>&1
check "make migrate-down STEPS=2" "1" "$(make -s migrate-version MODULE=saas 2>/dev/null)"
make -s migrate-up MODULE=saas STEPS=1 >/dev/null 2>&1
check "make migrate-up STEPS=1" "2" "$(make -s migrate-version MODULE=saas 2>/dev/null)"
make -s migrate-goto MODULE=saas VERSION=4 >/dev/null 2>&1
check "make migrate-goto VERSION=4" "4" "$(make -s migrate-version MODULE=saas 2>/dev/null)"
check "make verify at the latest version" "verify: at version 4" \
    "$(make -s verify MODULE=saas 2>/dev/null | tail -1 | sed -E 's/^(verify:).*(at version 4).*/\1 \2/')"
check "make migrate-status at the latest version" "current version: 4; 4 applied, 0 pending" \
    "$(make -s migrate-status MODULE=saas 2>/dev/null | tail -1)"
check "make migrate-status JSON=1" '"currentVersion" : 4,' \
    "$(make -s migrate-status MODULE=saas JSON=1 2>/dev/null | grep -m1 currentVersion | sed 's/^ *//')"
check "make migrate-verify checks every down file on a database of its own" "verified 4 down files on a throwaway database" \
    "$(make -s migrate-verify MODULE=saas 2>/dev/null | tail -1)"
check "make migrate-baseline has nothing to record" "nothing to record: every applied migration has its checksum" \
    "$(make -s migrate-baseline MODULE=saas 2>/dev/null)"
make -s migrate-down MODULE=saas STEPS=all >/dev/null 2>&1
# The first line that answers (a build may print on standard error before it).
check "make migrate-down STEPS=all" "error: no migration" "$(make -s migrate-version MODULE=saas 2>&1 | grep -m1 -E "^(error|[0-9])")"
make -s migrate-force MODULE=saas VERSION=2 >/dev/null 2>&1
check "make migrate-force VERSION=2" "2" "$(make -s migrate-version MODULE=saas 2>/dev/null)"
make -s migrate-up MODULE=nosuchmodule >/dev/null 2>&1
check "an unknown module fails" "2" "$?"

# Which database a target uses is printed on standard error, the password replaced by ***.
contains() { grep -qF -- "$2" <<<"$1" && echo yes || echo "no: $(head -c 600 <<<"$1")"; }
absent() { grep -qF -- "$2" <<<"$1" && echo "no: $(grep -F -- "$2" <<<"$1" | head -3)" || echo yes; }
stderr=$(make -s migrate-version MODULE=saas 2>&1 >/dev/null)
check "make migrate-version prints the configured database and where it came from" yes \
    "$(contains "$stderr" "database: $DATABASE_URL (from the DATABASE_URL environment variable)")"
stderr=$(make -s verify MODULE=saas 2>&1 >/dev/null)
check "make verify too" yes "$(contains "$stderr" "database: $DATABASE_URL (from the DATABASE_URL environment variable)")"
secret="Pa55-word-$$-not-printed"
with_password="postgresql://postgres:$secret@${DATABASE_URL#postgresql://postgres@}"
output=$(DATABASE_URL="$with_password" make -s migrate-version MODULE=saas 2>&1)
check "a database URL with a password works (trust on loopback ignores it)" "2" "$(tail -1 <<<"$output")"
check "its password is shown as ***" yes "$(contains "$output" "database: postgresql://postgres:***@127.0.0.1:")"
check "its password is not printed" yes "$(absent "$output" "$secret")"
check "nor any part of it" yes "$(absent "$output" "Pa55")"
output=$(DATABASE_URL="$with_password" make -s verify MODULE=saas 2>&1)
check "make verify shows that password as *** too, and prints it nowhere" yes \
    "$(contains "$output" "database: postgresql://postgres:***@127.0.0.1:")$(absent "$output" "$secret" | sed 's/^yes$//')"
# A .env with DB_ variables: the settings are redacted by their structure, not by looking for the
# password's text (a password equal to the user name or the host would survive a text search).
envdir=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-dotenv.XXXXXX")
printf 'DB_HOST=127.0.0.1\nDB_PORT=1\nDB_USER=postgres\nDB_PASSWORD="%s"\nDB_NAME=app\n' "$secret" >"$envdir/.env"
migrate_bin="$(swift build --product migrate --show-bin-path)/migrate"
output=$(cd "$envdir" && env -u DATABASE_URL "$migrate_bin" -path "$OLDPWD/migrations/saas" -show-database version 2>&1)
check "migrate -show-database with a .env names the file" yes "$(contains "$output" "database: postgresql://postgres:***@127.0.0.1:1/app (from $envdir/.env)")"
check "and does not print its password, not even in the connection error" yes "$(absent "$output" "$secret")"
# Outside this repository (no Makefile), the advice for a missing database names no make target.
output=$(cd "$envdir" && rm .env && env -u DATABASE_URL "$migrate_bin" -path "$OLDPWD/migrations/saas" version 2>&1)
check "with no database in a package without the Makefile: the advice names no make target" yes \
    "$(contains "$output" "error: no database configured: pass -database URL, set DATABASE_URL, or put DATABASE_URL")"
check "  (no make)" yes "$(absent "$output" "make ")"
if [ ! -f .env ]; then
    output=$(env -u DATABASE_URL "$migrate_bin" -path migrations/saas version 2>&1)
    check "in this repository the same advice mentions make migrate-up" yes "$(contains "$output" "run \`make migrate-up MODULE=<module>\`")"
fi
rm -rf "$envdir"

# A build prints its progress instead of staying silent; an up-to-date one prints nothing of it.
touch Sources/migrate/Migrate.swift
stderr=$(make -s migrate-version MODULE=saas 2>&1 >/dev/null)
check "a build shows its progress" yes "$(contains "$stderr" "building the migrate command")"
check "  with swift build's steps" yes "$(contains "$stderr" "Compiling migrate")"
stderr=$(make -s migrate-version MODULE=saas 2>&1 >/dev/null)
check "an up-to-date build prints nothing but the database" "database:" "$(cut -d' ' -f1 <<<"$stderr")"
"$bindir/psql" -X -q "$TEST_DATABASE_URL" -c "DROP DATABASE $db WITH (FORCE)" >/dev/null

# lint is offline and finds nothing in the saas module.
lint_output=$(make -s migrate-lint MODULE=saas 2>&1)
lint_status=$?
check "make migrate-lint on saas" "0 4 migrations checked: 0 errors, 0 warnings" "$lint_status $(echo "$lint_output" | tail -1)"

# migrate-create numbers after the module's last migration, in a module made for the check.
module="zz_make_check_$$"
trap 'rm -rf "migrations/$module"' EXIT
mkdir "migrations/$module"
cp migrations/saas/* "migrations/$module/"
make -s migrate-create MODULE="$module" NAME=add_new_field >/dev/null 2>&1
check "make migrate-create NAME=add_new_field" "000005_add_new_field.down.sql 000005_add_new_field.up.sql" \
    "$(cd "migrations/$module" && ls 000005_* | tr '\n' ' ' | sed 's/ $//')"
rm -rf "migrations/$module"

# The README's first command on a machine with nothing configured.
unset DATABASE_URL
if [ ! -f .env ]; then
    had_dev_database=$([ -d .pgdev ] && echo yes)
    was_running=$(scripts/dev-postgres.sh status)
    stderr=$(make -s migrate-up MODULE=saas 2>&1 >/dev/null)
    check "make migrate-up with no database configured, then migrate-version" "4" "$(make -s migrate-version MODULE=saas 2>/dev/null)"
    port=$(cat .pgdev/port)
    check "it says it uses the development PostgreSQL, and its URL" yes \
        "$(contains "$stderr" "database: postgresql://postgres@127.0.0.1:$port/saas?sslmode=disable (the development PostgreSQL;")"
    check "make dev-db-status lists the module's database" yes \
        "$(contains "$(make -s dev-db-status)" "postgresql://postgres@127.0.0.1:$port/saas?sslmode=disable")"
    # make dev-db-stop says what it stopped, and stops it cleanly (a fast shutdown writes a
    # checkpoint; immediate would leave crash recovery to the next start).
    data=$(cat .pgdev/location)
    output=$(make -s dev-db-stop 2>&1)
    check "make dev-db-stop says what it stopped" yes "$(contains "$output" "stopped the development PostgreSQL on 127.0.0.1:$port (data kept in $data;")"
    check "  with a fast shutdown" yes "$(contains "$(tail -20 "$data.log")" "received fast shutdown request")"
    check "  that completes" yes "$(contains "$(tail -5 "$data.log")" "database system is shut down")"
    check "  and it is stopped" "not running" "$(make -s dev-db-status)"
    check "make dev-db-stop again: nothing to stop" "the development PostgreSQL is not running: nothing to stop" "$(make -s dev-db-stop 2>&1)"
    output=$(make -s dev-db-start 2>&1)
    check "make dev-db-start says where it runs" yes "$(contains "$output" "the development PostgreSQL is running on 127.0.0.1:$port")"
    check "  after a clean shutdown, without crash recovery" yes "$(absent "$(tail -20 "$data.log")" "not properly shut down")"
    case "$was_running" in running*) ;; *) scripts/dev-postgres.sh stop >/dev/null ;; esac
    # A development database that this check created (a fresh clone, CI) is removed again.
    if [ -z "$had_dev_database" ]; then
        cluster=$(dirname "$(cat .pgdev/location)")
        case "$cluster" in /var/tmp/pg-models-dev-*) rm -rf "$(dirname "$cluster")" ;; esac
        rm -rf .pgdev
    fi
fi

echo "make targets: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
