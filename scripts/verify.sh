#!/usr/bin/env bash
# verify.sh MODULE: what `make verify` runs. Builds pg-codegen when needed, finds the database as
# migrate.sh does (DATABASE_URL, else .env, else the local development PostgreSQL) and runs
# `pg-codegen verify --migrations migrations/MODULE`: exit 0 when the database matches the
# migrations, 1 with the differences, 2 when it cannot be verified.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
source "$here/pg-common.sh"
module=${1:?usage: verify.sh MODULE}
cd "$root"

if [ ! -d "migrations/$module" ]; then
    echo "error: there is no module '$module': migrations/$module does not exist (modules: $(ls migrations | grep -v README | tr '\n' ' '))" >&2
    exit 2
fi

pg_install_deps
pg_build_product pg-codegen || exit 2
pg_codegen="$(swift build --product pg-codegen -c "${CONFIGURATION:-debug}" --show-bin-path)/pg-codegen"

# Which database is verified goes to standard error first, as in migrate.sh.
database=(--show-database)
if [ -z "${DATABASE_URL:-}" ] && ! { [ -f .env ] && grep -qE '^[[:space:]]*(export[[:space:]]+)?(DATABASE_URL|DB_HOST|DB_NAME|DB_USER)=' .env; }; then
    url=$("$here/dev-postgres.sh" url "$module")
    echo "database: $url (the development PostgreSQL; set DATABASE_URL or write a .env to use another, make dev-db-stop stops it)" >&2
    database=(--database "$url")
fi
exec "$pg_codegen" verify --migrations "migrations/$module" "${database[@]}"
