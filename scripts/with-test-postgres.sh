#!/usr/bin/env bash
# with-test-postgres.sh COMMAND [ARG...]
# Starts a throwaway PostgreSQL on a free loopback port in a temporary folder, runs COMMAND with
# TEST_DATABASE_URL pointing at it, then stops the server and removes the folder, also when
# COMMAND fails. Exits with COMMAND's status.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/pg-common.sh"

pg_install_deps
dir=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-test.XXXXXX")
cleanup() {
    pg_stop "$dir/data"
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(pg_free_port)
pg_init "$dir/data"
pg_start "$dir/data" "$port" fast
export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres?sslmode=disable"
export PG_BINDIR
PG_BINDIR=$(pg_find_bindir)
echo "test PostgreSQL $("$PG_BINDIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
set +e
"$@"
status=$?
set -e
exit $status
