#!/usr/bin/env bash
# bench-schema.sh: time folding a synthetic 1,000-migration module (release build), and, for
# scale, PostgreSQL's own parser on the same files through pglast (libpg_query), which parses
# but builds no model. Part of `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product pg-schema-bench --quiet
out=$("$(swift build -c release --show-bin-path)/pg-schema-bench" "${1:-1000}" "${2:-10}")
echo "$out" | grep -v '^module:'
module=$(echo "$out" | sed -n 's/^module: //p')

if ! python3 -c 'import pglast' 2>/dev/null; then
    python3 -m pip install -q pglast >/dev/null 2>&1 || true
fi
if python3 -c 'import pglast' 2>/dev/null; then
    python3 - "$module" <<'PY'
import glob, statistics, sys, time
from pglast.parser import parse_sql_json
files = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(sys.argv[1] + "/*.up.sql"))]
times = []
for _ in range(10):
    start = time.perf_counter()
    for text in files:
        parse_sql_json(text)
    times.append((time.perf_counter() - start) * 1000)
import pglast
print(f"pglast {pglast.__version__} parse_sql_json, same files (files already in memory), 10 runs:")
print(f"  median {statistics.median(times):.1f} ms, best {min(times):.1f} ms")
PY
else
    echo "pglast is not installed (pip install pglast) - skipped the comparison"
fi
