#!/usr/bin/env bash
# fuzz-ddl.sh [SECONDS]: the random-DDL differential fuzzer (scripts/fuzz-ddl.py) for SECONDS
# (default 600), against a PostgreSQL of its own: random migration histories that PostgreSQL
# accepts, each migrated and compared with the fold by `pg-codegen verify`, and generated.
# Findings, reduced, go to ${FUZZ_OUT:-$TMPDIR/pg-fuzz-ddl}/min_*/. Part of `make fuzz-ddl`,
# not of `make test`. Exits 1 when something new was found.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-${FUZZ_SECONDS:-600}}
if ! python3 -c 'import psycopg' 2>/dev/null; then
    echo "fuzz-ddl.sh: installing psycopg (PyPI)" >&2
    python3 -m pip install --quiet "psycopg[binary]" || python3 -m pip install --quiet --break-system-packages "psycopg[binary]"
fi
swift build --product pg-codegen --quiet
swift build --product migrate --quiet
# Copies of the tools: a rebuild during a long run must not swap them under it.
bin=$(mktemp -d "${TMPDIR:-/tmp}/pg-fuzz-ddl-bin.XXXXXX")
trap 'rm -rf "$bin"' EXIT
cp "$root/.build/debug/pg-codegen" "$root/.build/debug/migrate" "$bin/"
export FUZZ_BIN="$bin"
FUZZ_SECONDS=$seconds FUZZ_CASES=${FUZZ_CASES:-100000} scripts/with-test-postgres.sh python3 scripts/fuzz-ddl.py
