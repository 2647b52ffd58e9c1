#!/usr/bin/env bash
# bench-build.sh [TABLES ...]: how long a user waits for the generated models at `swift build`
# (issue 14). Part of `make bench`. For each size (default 100 and 500 tables; the synthetic module
# of pg-schema-bench, two migrations per table), in a package of its own that depends on this one,
# every model target applying the GenerateModels plugin as a user's does (so the generator runs as
# SwiftPM builds it for the plugin: unoptimised in a debug build):
#   - a clean debug build of the generated module, and a clean release build (the plugin's tool is
#     built beforehand, by a small target of its own: a user builds it once);
#   - the rebuilds after a migration that adds a column to one table: new up and down files (what
#     `migrate create` makes; SwiftPM then reruns the plugin itself and relinks its tool), and
#     then an edit to that migration's up file;
#   - the floor: the same tables as plain Codable, Hashable, Sendable structs, compiled the same way;
#   - the floor's rebuild: those structs split into as many files as the generated module has, and
#     rebuilt after a column is added to one of them (what any one module of that size costs);
#   - the same schema in ten model targets (a tenth of the tables each, by the last digit of their
#     names) with a types target and a migrations target (each its own pg-codegen.json), built
#     clean, and rebuilt after a new migration and after an edit (all twelve generators rerun; the
#     model targets the migration cannot reach keep their files without folding); then the same
#     with the model targets' rows as lets (mutableRows: false).
# Each line gives wall-clock seconds, CPU seconds (user and system, all processes: steadier than
# wall-clock time on a shared machine) and the peak memory of the largest process (/usr/bin/time).
# BENCH_RELEASE=0 leaves the release builds out.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 500)
for tables in "${sizes[@]}"; do
    # The edits go to table t7, and the split targets take tables by their last digit.
    [ "$tables" -ge 10 ] 2>/dev/null || { echo "bench-build.sh: a size of at least 10 tables, not $tables" >&2; exit 2; }
done
swift build -c release --product pg-schema-bench --quiet
swift build -c release --product pg-codegen --quiet
bin=$(swift build -c release --show-bin-path)

measure() { # measure LABEL COMMAND...: prints LABEL, seconds and peak memory
    local label=$1
    shift
    local log
    log=$(mktemp)
    if ! /usr/bin/time -v "$@" >"$log.out" 2>"$log"; then
        echo "FAILED: $label" >&2
        tail -n 30 "$log.out" "$log" >&2
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
    package=$(basename "$root")
    # Two packages over the same migrations: one module, as the quick start has it, and the same
    # schema in ten model targets, one of its types and one of its embedded migrations (README:
    # "A large schema in several targets"). Apart, because a new migration makes SwiftPM run the
    # plugin again for every target that links the folder. Each has a small target that builds
    # the plugin's tool first (one migration of its own), so that no measured build includes it.
    bench_package() { # bench_package DIR TARGETS: a package that depends on this one
        mkdir -p "$1/Sources/Warm/migrations"
        cat >"$1/Package.swift" <<SWIFT
// swift-tools-version: 6.2
import PackageDescription
let record: Target.Dependency = .product(name: "PGRecord", package: "$package")
let plugin: [Target.PluginUsage] = [.plugin(name: "GenerateModels", package: "$package")]
let package = Package(
    name: "build-bench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "$root")],
    targets: [.target(name: "Warm", dependencies: [record], plugins: plugin)] + $2
)
SWIFT
        echo "@_exported import PGRecord" >"$1/Sources/Warm/Warm.swift"
        echo "CREATE TABLE warm (id bigint PRIMARY KEY);" >"$1/Sources/Warm/migrations/000001_warm.up.sql"
        echo "DROP TABLE warm;" >"$1/Sources/Warm/migrations/000001_warm.down.sql"
    }
    model_target() { # model_target PACKAGE NAME [CONFIG]: a target that links the migrations, as in the quick start
        mkdir -p "$1/Sources/$2"
        ln -s ../../../migrations "$1/Sources/$2/migrations"
        echo "@_exported import PGRecord" >"$1/Sources/$2/$2.swift"
        [ -z "${3:-}" ] || echo "$3" >"$1/Sources/$2/pg-codegen.json"
    }
    bench_package "$work/pkg" '[.target(name: "Models", dependencies: [record], plugins: plugin)]'
    model_target "$work/pkg" Models
    bench_package "$work/split" '[
        .target(name: "SplitTypes", dependencies: [record], plugins: plugin),
        .target(name: "SplitMigrations", dependencies: [record], plugins: plugin),
    ] + (0..<10).map { .target(name: "Split\($0)", dependencies: ["SplitTypes", record], plugins: plugin) } + [
        .target(name: "SplitAll", dependencies: ["SplitMigrations"] + (0..<10).map { .byName(name: "Split\($0)") }),
    ]'
    # Table tN goes to target Split(last digit); the types target models no table.
    model_target "$work/split" SplitTypes '{ "include": [], "embedMigrations": false }'
    model_target "$work/split" SplitMigrations '{ "include": [], "typesModule": "SplitTypes" }'
    for k in 0 1 2 3 4 5 6 7 8 9; do
        model_target "$work/split" "Split$k" "{ \"include\": [\"t*$k\"], \"typesModule\": \"SplitTypes\", \"embedMigrations\": false }"
        echo "@_exported import SplitTypes" >>"$work/split/Sources/Split$k/Split$k.swift"
    done
    mkdir -p "$work/split/Sources/SplitAll"
    echo "@_exported import Split0" >"$work/split/Sources/SplitAll/SplitAll.swift"
    "$bin/pg-codegen" schema --migrations "$work/migrations" --output "$work/schema.json"
    cd "$work/pkg"
    # SwiftPM recompiles a package's build plugins whenever the environment differs from the last
    # build's (its plugin cache records the whole environment, `_` included, which bash sets to the
    # command's path). A user's shell repeats the same environment; so that no measured build pays
    # for a plugin compile a user would not, every build here runs the same way: `bash -c`.
    bash -c "swift build --target Warm --quiet"
    [ "${BENCH_RELEASE:-1}" != 0 ] && bash -c "swift build -c release --target Warm --quiet"
    measure "generated module, clean debug build (generate + compile)" bash -c "swift build --target Models"
    generated=$(ls -d .build/plugins/outputs/*/Models/destination/GenerateModels/GeneratedModels)
    files=$(ls "$generated" | wc -l)
    # The floor, in a package of its own: it needs the generated module's file count, and SwiftPM
    # plans a package's targets from the files they hold at its first build.
    mkdir -p "$work/floor/Sources/Floor" "$work/floor/Sources/FloorFiles"
    cat >"$work/floor/Package.swift" <<'SWIFT'
// swift-tools-version: 6.2
import PackageDescription
let package = Package(name: "floor", platforms: [.macOS(.v15)], targets: [.target(name: "Floor"), .target(name: "FloorFiles")])
SWIFT
    python3 - "$work/schema.json" "$work/floor/Sources/Floor/Floor.swift" "$work/floor/Sources/FloorFiles" "$files" <<'PY'
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
    echo "$tables tables: $(cat "$generated"/*.swift | wc -l) lines of generated Swift in $files files; floor $(wc -l <"$work/floor/Sources/Floor/Floor.swift") lines"
    cd "$work/floor"
    bash -c "swift package dump-package" >/dev/null
    measure "floor: plain structs, clean debug build" bash -c "swift build --target Floor"
    [ "${BENCH_RELEASE:-1}" != 0 ] && measure "floor: plain structs, clean release build" bash -c "swift build -c release --target Floor"
    measure "floor in $files files, clean debug build" bash -c "swift build --target FloorFiles"
    bash -c "swift build --target FloorFiles" >/dev/null
    edited=$(grep -l '^public struct T7Row:' Sources/FloorFiles/*.swift)
    sed -i 's/^public struct T7Row: .*/&\n    public var benchEdit: Int32?/' "$edited"
    measure "floor in $files files: a column added, debug rebuild" bash -c "swift build --target FloorFiles"
    cd "$work/pkg"
    [ "${BENCH_RELEASE:-1}" != 0 ] && measure "generated module, clean release build (generate + compile)" bash -c "swift build -c release --target Models"
    bash -c "swift build --target Models" >/dev/null
    # A new migration: its up and down files, as `migrate create` writes them.
    migration() { # migration VERSION COLUMN: a new migration adding COLUMN to t7
        local stem="$work/migrations/$(printf '%06d' "$1")_add_$2"
        printf 'ALTER TABLE t7 ADD COLUMN %s integer;\n' "$2" >"$stem.up.sql"
        printf 'ALTER TABLE t7 DROP COLUMN %s;\n' "$2" >"$stem.down.sql"
    }
    # Editing the newest migration's up file: one more column.
    edit() { printf 'ALTER TABLE t7 ADD COLUMN %s integer;\n' "$1" >>"$(ls "$work"/migrations/*.up.sql | tail -1)"; }
    migration $((tables * 2 + 1)) bench_new
    measure "one module: a new migration adds a column, debug rebuild" bash -c "swift build --target Models"
    edit bench_edit
    measure "one module: that migration edited, debug rebuild" bash -c "swift build --target Models"
    cd "$work/split"
    bash -c "swift build --target Warm --quiet"
    measure "in 10 targets, + types, + migrations: clean debug build" bash -c "swift build --target SplitAll"
    bash -c "swift build --target SplitAll" >/dev/null
    migration $((tables * 2 + 2)) bench_split
    measure "in 10 targets: a new migration, rebuild (12 generators)" bash -c "swift build --target SplitAll"
    edit bench_split_edit
    measure "in 10 targets: that migration edited, rebuild" bash -c "swift build --target SplitAll"
    # The same ten model targets with rows as lets (pg-codegen.json mutableRows: false).
    for k in 0 1 2 3 4 5 6 7 8 9; do
        echo "{ \"include\": [\"t*$k\"], \"typesModule\": \"SplitTypes\", \"embedMigrations\": false, \"mutableRows\": false }" \
            >"$work/split/Sources/Split$k/pg-codegen.json"
    done
    bash -c "swift build --target SplitAll" >/dev/null
    migration $((tables * 2 + 3)) bench_split_let
    measure "in 10 targets, rows as lets: a new migration, rebuild" bash -c "swift build --target SplitAll"
    edit bench_split_let_edit
    measure "in 10 targets, rows as lets: that migration edited, rebuild" bash -c "swift build --target SplitAll"
    cd "$root"
    rm -rf "$work"
    trap - EXIT
done
