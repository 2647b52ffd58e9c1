#!/usr/bin/env bash
# bench-schema.sh: time folding a synthetic 1,000-migration module (release build), and, for
# scale, PostgreSQL's own parser on the same files through pglast (libpg_query), which parses
# but builds no model. Part of `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product pg-schema-bench --quiet
swift build -c release --product pg-codegen --quiet
out=$("$(swift build -c release --show-bin-path)/pg-schema-bench" "${1:-1000}" "${2:-10}")
echo "$out" | grep -v '^module:'
module=$(echo "$out" | sed -n 's/^module: //p')

# End to end: the pg-codegen process folding the module and writing its Swift files.
python3 - "$(swift build -c release --show-bin-path)/pg-codegen" "$module" <<'PY'
import os, resource, statistics, subprocess, sys, tempfile, time
tool, module = sys.argv[1], sys.argv[2]
times = []
with tempfile.TemporaryDirectory() as output:
    for run in range(10):
        for name in os.listdir(output):
            os.remove(os.path.join(output, name))
        start = time.perf_counter()
        subprocess.run([tool, "generate", "--migrations", module, "--output", output, "--module-name", "Bench"], check=True)
        times.append((time.perf_counter() - start) * 1000)
    size = sum(os.path.getsize(os.path.join(output, name)) for name in os.listdir(output))
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"pg-codegen generate, same module, whole process ({size // 1024} KiB of Swift written), 10 runs:")
print(f"  median {statistics.median(times):.1f} ms, best {min(times):.1f} ms, peak memory {peak:.1f} MB")
PY

# One large data migration (issue 9): a 61 MB file of multi-row INSERTs. Memory must stay a small
# multiple of the file (the file is read as bytes, and lexed and parsed a statement at a time).
python3 - "$(swift build -c release --show-bin-path)/pg-codegen" <<'PY'
import os, resource, subprocess, sys, tempfile, time
tool = sys.argv[1]
with tempfile.TemporaryDirectory() as work:
    os.mkdir(os.path.join(work, "m"))
    path = os.path.join(work, "m", "000001_load.up.sql")
    with open(path, "w") as f:
        f.write("CREATE TABLE items (id bigint PRIMARY KEY, name text, price numeric, tags text[]);\n")
        i = 0
        while f.tell() < 61_000_000:
            rows = ", ".join(f"({i * 10 + j}, 'item number {i * 10 + j} with a description', {j}.99, ARRAY['a','b'])" for j in range(10))
            f.write(f"INSERT INTO items (id, name, price, tags) VALUES {rows};\n")
            i += 1
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([tool, "generate", "--migrations", os.path.join(work, "m"), "--output", os.path.join(work, "out"), "--module-name", "Big"], check=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"pg-codegen generate, one 61 MB data migration: {seconds:.1f} s, peak memory {peak:.0f} MB")

# `migrate lint` on the same module: the fold statement by statement plus every rule, whole process.
swift build -c release --product migrate --quiet
python3 - "$(swift build -c release --show-bin-path)/migrate" "$module" <<'PY'
import resource, statistics, subprocess, sys, time
tool, module = sys.argv[1], sys.argv[2]
times = []
for run in range(10):
    start = time.perf_counter()
    subprocess.run([tool, "-path", module, "lint", "-disable", "missing-down-file"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append((time.perf_counter() - start) * 1000)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print("migrate lint, same module, whole process, 10 runs:")
print(f"  median {statistics.median(times):.1f} ms, best {min(times):.1f} ms, CPU per run {(usage.ru_utime + usage.ru_stime) * 100:.1f} ms")
PY

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
