#!/usr/bin/env bash
# fuzz.sh [SECONDS]: libFuzzer, for SECONDS in all (300 by default), over
#   fold      the lexer, parser, fold and transaction-block detector (Fuzz/FoldFuzzer.swift),
#   splitter  the statement splitter, checked against the script and the lexer (Fuzz/SplitterFuzzer.swift),
#   json      the JSON reader and writer, checked to round-trip (Fuzz/JSONFuzzer.swift),
# seeded with every migration in the repository and Fuzz/corpus/. The corpus each run grows is
# kept in Fuzz/corpus/<fuzzer>/ (ignored by git). A crash is written to Fuzz/crashes/<fuzzer>-…
# and fails the run: copy it into Tests/Fixtures/fuzz-regressions/<fuzzer>/, where `make test`
# runs it (FuzzRegressionTests).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-${FUZZ_SECONDS:-300}}
share=$(( seconds / 3 > 0 ? seconds / 3 : 1 ))
work=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/seeds" "$work/json-seeds" Fuzz/crashes Fuzz/corpus/fold Fuzz/corpus/splitter Fuzz/corpus/json
find migrations Tests -name '*.sql' -exec cp {} "$work/seeds/" \; 2>/dev/null || true
printf '%s' '{"big":123456789012345678901234567890,"huge":1e400,"i":9223372036854775808,"a":[0.1,-2.5e-3,true,null,"x\"\\u00e9"]}' > "$work/json-seeds/1.json"
printf '%s' '[[[[[[[[[[{"k":[]}]]]]]]]]]]' > "$work/json-seeds/2.json"
build() {
    local name=$1 module=$2 sources=$3 fuzzer=$4
    echo "building the $name fuzzer (swiftc -sanitize=fuzzer,address)…" >&2
    # shellcheck disable=SC2086
    swiftc -sanitize=fuzzer,address -parse-as-library -module-name "$module" -O \
        $(find $sources -name '*.swift') "$fuzzer" -o "$work/$name-fuzzer" 2>&1 | grep -v 'ld.gold: warning' >&2 || true
    test -x "$work/$name-fuzzer"
}
run() {
    local name=$1; shift
    "$work/$name-fuzzer" -max_total_time="$share" -timeout=10 -rss_limit_mb=4096 -max_len=16384 \
        -artifact_prefix="Fuzz/crashes/$name-" "Fuzz/corpus/$name" "$@"
}
build fold PGSchema Sources/PGSchema Fuzz/FoldFuzzer.swift
build splitter PGSchema Sources/PGSchema Fuzz/SplitterFuzzer.swift
build json PGRecord Sources/PGRecord Fuzz/JSONFuzzer.swift
run fold "$work/seeds"
run splitter "$work/seeds"
run json "$work/json-seeds"
