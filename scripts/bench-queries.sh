#!/usr/bin/env bash
# bench-queries.sh: times the typed-query analyser and renderer on 1,000 queries over the synthetic
# 1,000-migration module (release build; no database).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
swift build -c release --product pg-schema-bench >&2
swift build -c release --product pg-queries-bench >&2
bin=$(swift build -c release --show-bin-path)
dir=$(mktemp -d "${TMPDIR:-/tmp}/pg-queries-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
"$bin/pg-schema-bench" write 1000 "$dir/migrations" >/dev/null
"$bin/pg-queries-bench" "$dir/migrations" 1000 10
