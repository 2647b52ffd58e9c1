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
pg_build_product migrate || exit 1
migrate="$(swift build --product migrate -c "${CONFIGURATION:-debug}" --show-bin-path)/migrate"

# The database travels in DATABASE_URL, never as `-database URL`: a command line is visible to
# every user of the machine (ps, /proc/PID/cmdline), the environment is not.
# Which database is used goes to standard error first: the development one is described here (its
# URL has no password), a configured one by `migrate -show-database`, which prints the settings it
# parsed with the password replaced by *** (never a text search through the URL).
show=(-show-database)
if [ -z "${DATABASE_URL:-}" ] && ! { [ -f .env ] && grep -qE '^[[:space:]]*(export[[:space:]]+)?(DATABASE_URL|DB_HOST|DB_NAME|DB_USER)=' .env; }; then
    DATABASE_URL="$("$here/dev-postgres.sh" url "$module")"
    export DATABASE_URL
    echo "database: $DATABASE_URL (the development PostgreSQL; set DATABASE_URL or write a .env to use another, make dev-db-stop stops it)" >&2
    show=()
fi
exec "$migrate" -path "migrations/$module" "${show[@]}" "$@"
