#!/usr/bin/env bash
# bench-build.sh [TABLES ...]: how long a user waits for the generated models at `swift build`
# (issue 14). Part of `make bench`. For each size (default 100 and 500 tables; the synthetic module
# of pg-schema-bench, two migrations per table), in a package of its own that depends on this one:
#   - a clean debug build of the generated module, and a clean release build;
#   - the rebuild after one migration that adds a column to one table (generator rerun included);
#   - the floor: the same tables as plain Codable, Hashable, Sendable structs, compiled the same way;
#   - the floor's rebuild: those structs split into as many files as the generated module has, and
#     rebuilt after a column is added to one of them (what any one module of that size costs);
#   - the same schema in five model targets with a types target and a migrations target (each its
#     own pg-codegen.json), built clean, and rebuilt after one migration (all seven generators rerun).
# Each line gives wall-clock seconds, CPU seconds (user and system, all processes: steadier than
# wall-clock time on a shared machine) and the peak memory of the largest process (/usr/bin/time).
# BENCH_RELEASE=0 leaves the release builds out.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift build -c release --product pg-schema-bench --quiet
swift build -c release --product pg-codegen --quiet
bin=$(swift build -c release --show-bin-path)
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 500)

measure() { # measure LABEL COMMAND...: prints LABEL, seconds and peak memory
    local label=$1
    shift
    local log
    log=$(mktemp)
    if ! /usr/bin/time -v "$@" >"$log.out" 2>"$log"; then
        echo "FAILED: $label" >&2
        tail -30 "$log.out" "$log" >&2
        exit 1
    fi
    local seconds cpu memory
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    cpu=$(awk -F': ' '/User time|System time/ {sum += $2} END {printf "%.1f", sum}' "$log")
    memory=$(awk -F': ' '/Maximum resident set size/ {printf "%.2f", $2 / 1048576}' "$log")
    printf '  %-58s %8.1f s  %8s s CPU  %6s GB\n' "$label" "$seconds" "$cpu" "$memory"
    rm -f "$log" "$log.out"
}

for tables in "${sizes[@]}"; do
    work=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-build-bench.XXXXXX")
    trap 'rm -rf "$work"' EXIT
    "$bin/pg-schema-bench" write $((tables * 2)) "$work/migrations"
    mkdir -p "$work/pkg/Sources/Models" "$work/pkg/Sources/Floor" "$work/pkg/Sources/FloorFiles"
    cat >"$work/pkg/Package.swift" <<SWIFT
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "build-bench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "$root")],
    targets: [
        .target(name: "Models", dependencies: [.product(name: "PGRecord", package: "$(basename "$root")")]),
        .target(name: "Floor"),
        .target(name: "FloorFiles"),
        // The same schema in five model targets, one of its types and one of its embedded migrations
        // (README: "A large schema in several targets"), and a target that depends on them all.
        .target(name: "SplitTypes", dependencies: [.product(name: "PGRecord", package: "$(basename "$root")")]),
        .target(name: "SplitMigrations", dependencies: [.product(name: "PGRecord", package: "$(basename "$root")")]),
    ] + (0..<5).map { .target(name: "Split\(\$0)", dependencies: ["SplitTypes", .product(name: "PGRecord", package: "$(basename "$root")")]) } + [
        .target(name: "SplitAll", dependencies: ["SplitMigrations"] + (0..<5).map { .byName(name: "Split\(\$0)") }),
    ]
)
SWIFT
    "$bin/pg-codegen" generate --migrations "$work/migrations" --output "$work/pkg/Sources/Models" --module-name Models
    # Table tN goes to target Split(last digit mod 5); the types target models no table.
    echo '{ "include": [], "embedMigrations": false }' >"$work/SplitTypes.json"
    echo '{ "include": [], "typesModule": "SplitTypes" }' >"$work/SplitMigrations.json"
    for k in 0 1 2 3 4; do
        echo "{ \"include\": [\"t*$k\", \"t*$((k + 5))\"], \"typesModule\": \"SplitTypes\", \"embedMigrations\": false }" >"$work/Split$k.json"
    done
    mkdir -p "$work/pkg/Sources/SplitAll"
    echo "@_exported import Split0" >"$work/pkg/Sources/SplitAll/SplitAll.swift"
    # As the plugin runs them: each target's generator, side by side.
    cat >"$work/generate-split.sh" <<GENERATE
set -e
pids=()
for target in SplitTypes SplitMigrations Split0 Split1 Split2 Split3 Split4; do
    "$bin/pg-codegen" generate --migrations "$work/migrations" --output "$work/pkg/Sources/\$target" --module-name \$target --config "$work/\$target.json" &
    pids+=(\$!)
done
for pid in "\${pids[@]}"; do wait \$pid; done
GENERATE
    bash "$work/generate-split.sh"
    "$bin/pg-codegen" schema --migrations "$work/migrations" --output "$work/schema.json"
    files=$(ls "$work/pkg/Sources/Models" | wc -l)
    python3 - "$work/schema.json" "$work/pkg/Sources/Floor/Floor.swift" "$work/pkg/Sources/FloorFiles" "$files" <<'PY'
import json, os, re, sys
schema = json.load(open(sys.argv[1]))
swift = {"bigint": "Int64", "integer": "Int32", "smallint": "Int16", "text": "String", "boolean": "Bool", "uuid": "UUID",
         "double precision": "Double", "real": "Float", "numeric": "Decimal", "jsonb": "String", "json": "String",
         "timestamp with time zone": "Date", "timestamp without time zone": "Date", "date": "Date", "character varying": "String"}
def camel(name):
    words = name.split("_")
    return words[0] + "".join(w.capitalize() for w in words[1:])
out = ["import Foundation", ""]
split = [["import Foundation", ""] for _ in range(int(sys.argv[4]))]
for number, table in enumerate(schema["tables"]):
    start = len(out)
    name = table["name"] if isinstance(table["name"], str) else table["name"]["name"]
    out.append(f"public struct {''.join(w.capitalize() for w in name.split('_'))}Row: Codable, Hashable, Sendable {{")
    for column in table["columns"]:
        t = column["type"]
        base = swift.get(re.sub(r"\(.*\)", "", t["name"]), "String")
        if t.get("arrayDimensions", 0): base = f"[{base}]"
        optional = "" if column.get("isNotNull") else "?"
        out.append(f"    public var {camel(column['name'])}: {base}{optional}")
    out.append("}")
    out.append("")
    split[number % len(split)] += out[start:]
open(sys.argv[2], "w").write("\n".join(out))
for number, lines in enumerate(split):
    open(os.path.join(sys.argv[3], f"Floor{number:03}.swift"), "w").write("\n".join(lines))
PY
    cd "$work/pkg"
    swift build --target PGRecord --quiet
    [ "${BENCH_RELEASE:-1}" != 0 ] && swift build -c release --target PGRecord --quiet
    lines=$(cat Sources/Models/*.swift | wc -l)
    echo "$tables tables: $lines lines of generated Swift in $(ls Sources/Models | wc -l) files; floor $(wc -l <Sources/Floor/Floor.swift) lines"
    measure "floor: plain structs, clean debug build" swift build --target Floor
    measure "generated module, clean debug build" swift build --target Models
    if [ "${BENCH_RELEASE:-1}" != 0 ]; then
        measure "floor: plain structs, clean release build" swift build -c release --target Floor
        measure "generated module, clean release build" swift build -c release --target Models
    fi
    # SwiftPM recompiles a package's build plugins whenever the environment differs from the last
    # build's (its plugin cache records the whole environment, `_` included, which bash sets to the
    # command's path). A user's shell repeats the same environment; so that the measured rebuild
    # does not pay for a plugin compile a user would not, the build before the edit runs the way the
    # measured one does.
    bash -c "swift build --target Models" >/dev/null
    measure "floor in $files files, clean debug build" swift build --target FloorFiles
    bash -c "swift build --target FloorFiles" >/dev/null
    edited=$(grep -l '^public struct T7Row:' Sources/FloorFiles/*.swift)
    sed -i 's/^public struct T7Row: .*/&\n    public var benchEdit: Int32?/' "$edited"
    measure "floor in $files files: a column added, debug rebuild" bash -c "swift build --target FloorFiles"
    printf 'ALTER TABLE t7 ADD COLUMN bench_edit integer;\n' >"$work/migrations/$(printf '%06d' $((tables * 2 + 1)))_bench_edit.up.sql"
    measure "one migration adds a column: generate + debug rebuild" bash -c \
        "'$bin/pg-codegen' generate --migrations '$work/migrations' --output Sources/Models --module-name Models && swift build --target Models"
    bash "$work/generate-split.sh"
    measure "in 5 targets, + types, + migrations: clean debug build" swift build --target SplitAll
    bash -c "swift build --target SplitAll" >/dev/null
    printf 'ALTER TABLE t7 ADD COLUMN bench_split integer;\n' >"$work/migrations/$(printf '%06d' $((tables * 2 + 2)))_bench_split.up.sql"
    measure "in 5 targets: one migration, generate 7 + debug rebuild" bash -c "bash '$work/generate-split.sh' && swift build --target SplitAll"
    cd "$root"
    rm -rf "$work"
    trap - EXIT
done
