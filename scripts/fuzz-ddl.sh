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
export FUZZ_BIN="$root/.build/debug"
FUZZ_SECONDS=$seconds FUZZ_CASES=${FUZZ_CASES:-100000} exec scripts/with-test-postgres.sh python3 scripts/fuzz-ddl.py
