#!/usr/bin/env bash
# test-plugin.sh: the build plugin as a user meets it, in Examples/Backend (run by `make test`).
# From a clean build folder: the models (and the embedded migrations) are generated; a second
# build runs no generator; editing a migration reruns it once and changes the embedded text; a new
# migration adds its column; a broken migration fails the build with its file and line; in a
# module large enough for shards, an edit to one table recompiles its shard and Versions.swift.
# The example's migrations are restored after. The service itself: scripts/test-backend.sh.
set -uo pipefail
cd "$(dirname "$0")/../Examples/Backend"
migrations=migrations/app
scratch=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-backend.XXXXXX")
backup=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-backend-migrations.XXXXXX")
cp -p "$migrations"/* "$backup"/
restore() {
    rm -f "$migrations"/*
    cp -p "$backup"/* "$migrations"/
    rm -f Sources/AppModels/queries
    rm -rf queries
    rm -rf "$scratch" "$backup"
}
trap restore EXIT

passed=0
failed=0
check() { # check NAME COMMAND...
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAILED: $name" >&2
        echo "$log" | tail -20 >&2
    fi
}
# The models target only: the service's own dependencies (Hummingbird) are built and tested by
# scripts/test-backend.sh, once.
build() { log=$(swift build --scratch-path "$scratch" --target AppModels 2>&1); status=$?; }
count=$(ls "$migrations" | grep -c '\.sql$')
generated() { cat "$scratch"/plugins/outputs/backend/AppModels/destination/GenerateModels/GeneratedModels/Tables.swift; }
# The embedded migrations: Versions.swift, and in a module of shards Versions+NN.swift too.
migrations_swift() { cat "$scratch"/plugins/outputs/backend/AppModels/destination/GenerateModels/GeneratedModels/Versions*.swift; }

build
check "a clean build succeeds" test "$status" -eq 0
check "a clean build generates the models" grep -q "Generating App models from $count migration files" <<<"$log"
check "the models embed every migration" grep -q "public static let all: \[PGMigration\] = \[v000001, v000002, v000003, v000004, v000005\]" <(migrations_swift)

# SwiftPM 6.3 links the generator again on the build after a clean one and so runs it once more;
# its output is unchanged, so nothing is recompiled. From then on a no-op build runs nothing.
build
check "the build after a clean build recompiles no model" bash -c '! grep -q "Compiling AppModels" <<<"$1"' _ "$log"
build
check "a no-op build runs no generator and compiles nothing" bash -c '! grep -qE "Generating|Compiling (AppModels|Backend)" <<<"$1"' _ "$log"

echo "COMMENT ON COLUMN app_todos.title IS 'What to do.';" >>"$migrations/000001_create_app_todos.up.sql"
build
check "editing a migration reruns the generator once" test "$(grep -c "Generating App models" <<<"$log")" -eq 1
check "the edit shows in the models" grep -q "/// What to do." <(generated)
check "the edit shows in the embedded migrations" grep -q "COMMENT ON COLUMN app_todos.title IS 'What to do.';" <(migrations_swift)

printf 'ALTER TABLE app_todos ADD COLUMN done_at timestamptz;\n' >"$migrations/000100_add_done_at.up.sql"
printf 'ALTER TABLE app_todos DROP COLUMN done_at;\n' >"$migrations/000100_add_done_at.down.sql"
build
check "a new migration is picked up" grep -q "Generating App models from $((count + 2)) migration files" <<<"$log"
check "its column is in the models" grep -q "public var doneAt: Date?" <(generated)

printf -- '-- a broken migration\nALTER TABLE app_todos ADD COLUMN x nosuchtype;\n' >"$migrations/000101_broken.up.sql"
build
check "a broken migration fails the build" test "$status" -ne 0
check "the build output names the file, line and column" grep -q '000101_broken.up.sql:2:36: error: type "nosuchtype" does not exist' <<<"$log"
check "the path is the one the user edits, not the target's link" bash -c 'grep "000101_broken.up.sql:2:36" <<<"$1" | grep -q "migrations/app/000101_broken" && ! grep -q "Sources/AppModels/migrations/000101" <<<"$1"' _ "$log"

rm "$migrations/000101_broken.up.sql"
build
check "removing it builds again" test "$status" -eq 0

# Typed queries: a queries folder linked into the target is picked up, and a broken query fails
# the build at its file, line and column.
mkdir -p queries/app
ln -s ../../queries/app Sources/AppModels/queries
cat > queries/app/todos.sql <<'SQL'
-- Urgent things, soonest first.
-- name: UrgentTodos :many
SELECT id, title, due_on FROM app_todos WHERE priority = 'urgent' AND due_on <= @until ORDER BY due_on;
SQL
build
queries_file="$scratch/plugins/outputs/backend/AppModels/destination/GenerateModels/GeneratedModels/Queries+SQL.swift"
check "a queries folder builds" test "$status" -eq 0
check "its query becomes a typed function" grep -q "public static func urgentTodos(until: PGDate, on db: some PGExecutor) async throws -> \[UrgentTodos.Row\]" "$queries_file"
printf -- '-- name: Broken :one\nSELECT nope FROM app_todos;\n' > queries/app/broken.sql
build
check "a broken query fails the build" test "$status" -ne 0
check "the build output names the query file, line and column" grep -q 'queries/app/broken.sql:2:8: error: column "nope" does not exist' <<<"$log"
rm queries/app/broken.sql
build
check "removing it builds again" test "$status" -eq 0

# A module of 32 migrations or more is written in shards (issue 14): an edit to one table
# regenerates and recompiles the one file that holds it, the shard of the embedded migrations
# that holds the new migration's text, and Versions.swift (their list), nothing else of the module.
for n in $(seq 10 41); do
    printf 'CREATE TABLE app_t%d (id bigint PRIMARY KEY, name text NOT NULL);\n' "$n" >"$migrations/0002${n}_create_app_t${n}.up.sql"
done
build
shards=$(ls "$scratch"/plugins/outputs/backend/AppModels/destination/GenerateModels/GeneratedModels/ | grep -c '^Tables+')
check "a module of $((count / 2 + 33)) migrations builds in shards" test "$status" -eq 0 -a "$shards" -gt 1
printf 'ALTER TABLE app_t17 ADD COLUMN note text;\n' >"$migrations/000242_add_note.up.sql"
build
compiled=$(grep -E 'Compiling AppModels' <<<"$log" || true)
check "an edit to one table recompiles exactly one shard of the module, the one that holds it, and the embedded migrations' shard and list" \
    bash -c '[ "$(grep -c . <<<"$1")" -eq 3 ] && [ "$(grep -c "Tables+" <<<"$1")" -eq 1 ] && [ "$(grep -c "Versions+" <<<"$1")" -eq 1 ] && grep -q "Versions.swift" <<<"$1"' _ "$compiled"
check "the embedded migrations hold the new one" grep -q 'ALTER TABLE app_t17 ADD COLUMN note text;' <(migrations_swift)
check "the shard holds the new column" bash -c 'grep -l "public var note: String?" "$1"/Tables+*.swift | grep -q .' _ \
    "$scratch"/plugins/outputs/backend/AppModels/destination/GenerateModels/GeneratedModels

echo "build plugin: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
