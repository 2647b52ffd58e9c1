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
    make -s migrate-up MODULE=saas >/dev/null 2>&1
    check "make migrate-up with no database configured, then migrate-version" "4" "$(make -s migrate-version MODULE=saas 2>/dev/null)"
    case "$was_running" in running*) ;; *) scripts/dev-postgres.sh stop ;; esac
    # A development database that this check created (a fresh clone, CI) is removed again.
    if [ -z "$had_dev_database" ]; then
        cluster=$(dirname "$(cat .pgdev/location)")
        case "$cluster" in /var/tmp/pg-models-dev-*) rm -rf "$(dirname "$cluster")" ;; esac
        rm -rf .pgdev
    fi
fi

echo "make targets: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
