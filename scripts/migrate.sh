#!/usr/bin/env bash
# migrate.sh MODULE [migrate arguments...]
# What the Makefile's migrate-* targets run: builds the migrate command when needed, finds the
# database (DATABASE_URL, else .env, else the local development PostgreSQL) and runs
# `migrate -path migrations/MODULE ...`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
source "$here/pg-common.sh"
module=${1:?usage: migrate.sh MODULE ARGS...}
shift
cd "$root"

if [ ! -d "migrations/$module" ]; then
    echo "error: there is no module '$module': migrations/$module does not exist (modules: $(ls migrations | grep -v README | tr '\n' ' '))" >&2
    exit 1
fi

pg_install_deps
swift build --product migrate -c "${CONFIGURATION:-debug}" --quiet >&2 || exit 1
migrate="$(swift build --product migrate -c "${CONFIGURATION:-debug}" --show-bin-path)/migrate"

# The database travels in DATABASE_URL, never as `-database URL`: a command line is visible to
# every user of the machine (ps, /proc/PID/cmdline), the environment is not.
if [ -z "${DATABASE_URL:-}" ] && ! { [ -f .env ] && grep -qE '^[[:space:]]*(export[[:space:]]+)?(DATABASE_URL|DB_HOST|DB_NAME|DB_USER)=' .env; }; then
    DATABASE_URL="$("$here/dev-postgres.sh" url "$module")"
    export DATABASE_URL
fi
exec "$migrate" -path "migrations/$module" "$@"
