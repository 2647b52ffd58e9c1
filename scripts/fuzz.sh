#!/usr/bin/env bash
# fuzz.sh [SECONDS]: libFuzzer over the lexer, parser, fold, statement splitter and the
# transaction-block detector (Fuzz/FoldFuzzer.swift), seeded with every migration in the
# repository. A crash is written to Fuzz/crashes/ and fails the run: add it as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-${FUZZ_SECONDS:-300}}
work=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/seeds" "$work/corpus" Fuzz/crashes
find migrations Tests -name '*.sql' -exec cp {} "$work/seeds/" \; 2>/dev/null || true
echo "building the fuzzer (swiftc -sanitize=fuzzer,address)…" >&2
swiftc -sanitize=fuzzer,address -parse-as-library -module-name PGSchema -O \
    $(find Sources/PGSchema -name '*.swift') Fuzz/FoldFuzzer.swift -o "$work/fold-fuzzer" 2>&1 | grep -v 'ld.gold: warning' >&2 || true
"$work/fold-fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=16384 \
    -artifact_prefix=Fuzz/crashes/ "$work/corpus" "$work/seeds"
