#!/usr/bin/env bash
# docs.sh [--check]: the DocC documentation of PGRecord, PGClient and PGMigrate (`make docs`),
# built with swift-docc-plugin into .build/plugins/Swift-DocC/outputs/<Target>.doccarchive.
# With --check (run by `make test`), any DocC warning (a broken symbol link, a topic that curates
# nothing, an unknown directive) fails the run: DocC treats warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-common.sh
pg_install_deps

targets=(PGRecord PGClient PGMigrate)
flags=()
[ "${1:-}" = --check ] && flags=(--warnings-as-errors)

for target in "${targets[@]}"; do
    log=$(mktemp "${TMPDIR:-/tmp}/pg-models-docs.XXXXXX")
    echo "documenting $target ..." >&2
    if ! swift package generate-documentation --target "$target" "${flags[@]}" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "error: the documentation of $target has warnings or errors (above)" >&2
        exit 1
    fi
    # DocC's own diagnostics, shown even when they are not errors.
    grep -E '(warning|error):' "$log" >&2 || true
    rm -f "$log"
    echo "  .build/plugins/Swift-DocC/outputs/$target.doccarchive" >&2
done
echo "documentation: ${#targets[@]} targets documented, 0 warnings"
