#!/usr/bin/env bash
# test-split-models.sh: one schema's models split over several targets of a package (issue 14),
# as a user sets it up: each target applies the GenerateModels plugin to the same migrations with
# a pg-codegen.json of its own (one with mutableRows: false). Checks that the package builds and
# runs, that the enums come from the types target alone, that rows are lets only where asked, and
# that a migration changing one table recompiles one shard of the target that models it and the
# embedded migrations' list and one shard, nothing of the other targets, and that a model target
# keeps the note that lets its generator skip the fold when a migration cannot reach it.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-split.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

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
        echo "$log" | grep -E "error|warning|FAILED" | cut -c1-300 | tail -10 >&2
    fi
}
build() { log=$(swift build -v 2>&1); status=$?; }
# The frontend jobs of a build that compile files of TARGET (`-c`), one line per job.
compiled() { grep -E "swift-frontend -frontend -c .*-module-name $1 " <<<"$log" | grep -oE -- "-primary-file [^ ]+" | sed 's#.*/##' | sort -u; }

m=migrations/shop
mkdir -p "$m" Sources/App
cat >"$m/000001_types.up.sql" <<'SQL'
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TYPE amount AS (currency char(3), cents bigint);
SQL
echo "DROP TYPE amount; DROP TYPE order_status;" >"$m/000001_types.down.sql"
cat >"$m/000002_users.up.sql" <<'SQL'
CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE);
SQL
echo "DROP TABLE users;" >"$m/000002_users.down.sql"
cat >"$m/000003_billing.up.sql" <<'SQL'
CREATE TABLE billing_invoices (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id), status order_status NOT NULL DEFAULT 'new', total amount);
CREATE VIEW billing_open_invoices AS SELECT id, user_id, status FROM billing_invoices WHERE status <> 'shipped';
SQL
echo "DROP VIEW billing_open_invoices; DROP TABLE billing_invoices;" >"$m/000003_billing.down.sql"
# Enough migrations for shards (32 up files or more).
for n in $(seq 10 29); do
    printf 'CREATE TABLE billing_t%d (id bigint PRIMARY KEY, status order_status, name text NOT NULL);\n' "$n" >"$m/0000${n}_billing_t$n.up.sql"
    echo "DROP TABLE billing_t$n;" >"$m/0000${n}_billing_t$n.down.sql"
    printf 'CREATE TABLE user_t%d (id bigint PRIMARY KEY, name text NOT NULL);\n' "$n" >"$m/0001${n}_user_t$n.up.sql"
    echo "DROP TABLE user_t$n;" >"$m/0001${n}_user_t$n.down.sql"
done

target() { # target NAME CONFIG [REEXPORT]
    mkdir -p "Sources/$1"
    ln -s ../../migrations/shop "Sources/$1/migrations"
    echo "$2" >"Sources/$1/pg-codegen.json"
    { echo "@_exported import PGRecord"; [ -n "${3:-}" ] && echo "@_exported import $3"; } >"Sources/$1/$1.swift"
}
target ShopTypes '{ "include": [], "embedMigrations": false }'
target ShopMigrations '{ "include": [], "typesModule": "ShopTypes" }'
target BillingModels '{ "include": ["billing_*"], "typesModule": "ShopTypes", "embedMigrations": false }' ShopTypes
target UserModels '{ "include": ["user*", "no_such_*"], "typesModule": "ShopTypes", "embedMigrations": false, "mutableRows": false }' ShopTypes
cat >Sources/App/main.swift <<'SWIFT'
import BillingModels
import ShopMigrations
import UserModels
let draft = BillingInvoice.Draft(userID: 1, status: .paid, total: Amount(currency: "IDR", cents: 100))
let status: OrderStatus? = draft.status
var invoice = BillingInvoice(id: 1, userID: 2, status: .new)
invoice.status = .shipped
let user = UserRow(id: 3, email: "a@example.com")
print(status!.rawValue, BillingInvoice.relationName, BillingOpenInvoice.relationName, UserRow.relationName, ShopMigrationsMigrations.all.count,
      invoice.status.rawValue, user.email)
SWIFT
plugin='plugins: [.plugin(name: "GenerateModels", package: "'"$(basename "$root")"'")]'
record='.product(name: "PGRecord", package: "'"$(basename "$root")"'")'
cat >Package.swift <<SWIFT
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "split",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "$root")],
    targets: [
        .target(name: "ShopTypes", dependencies: [$record], $plugin),
        .target(name: "ShopMigrations", dependencies: [$record], $plugin),
        .target(name: "BillingModels", dependencies: ["ShopTypes", $record], $plugin),
        .target(name: "UserModels", dependencies: ["ShopTypes", $record], $plugin),
        .executableTarget(name: "App", dependencies: ["BillingModels", "UserModels", "ShopMigrations"]),
    ]
)
SWIFT

build
check "a package of four model targets over one schema builds" test "$status" -eq 0
out=$(.build/debug/App 2>&1)
check "its models work together" test "$out" = 'paid "public"."billing_invoices" "public"."billing_open_invoices" "public"."users" 43 shipped a@example.com'
generated=$(dirname "$(ls -d .build/plugins/outputs/*/ShopTypes)")
check "the enums are generated in the types target alone" bash -c \
    'grep -q "public enum OrderStatus" "$1"/ShopTypes/destination/GenerateModels/GeneratedModels/Enums.swift &&
     ! grep -rq "enum OrderStatus" "$1"/{BillingModels,UserModels,ShopMigrations}/destination' _ "$generated"
check "each model target holds only its tables" bash -c \
    '! grep -rq "struct UserRow" "$1"/BillingModels/destination && ! grep -rq "struct BillingInvoice:" "$1"/UserModels/destination' _ "$generated"
check "rows are vars by default, lets with mutableRows: false" bash -c \
    'grep -q "public var status: OrderStatus$" "$1"/BillingModels/destination/GenerateModels/GeneratedModels/Tables+*.swift &&
     grep -q "public let email: String$" "$1"/UserModels/destination/GenerateModels/GeneratedModels/Tables+*.swift &&
     ! grep -q "public var email: String$" "$1"/UserModels/destination/GenerateModels/GeneratedModels/Tables+*.swift' _ "$generated"
check "a pattern that matches nothing is a warning in the build" grep -q "include pattern no_such_\* matches no table or view" <<<"$log"
# A model target whose files depend on its tables alone keeps a note for the next build, so that a
# migration that cannot reach its tables leaves its files standing without a fold; a target with
# a view (BillingModels), the types and the migrations targets keep none.
check "only the model target without views keeps a note beside its files" bash -c \
    'test -s "$1"/UserModels/destination/GenerateModels/GeneratedModels/.pg-codegen-state &&
     ! ls "$1"/{BillingModels,ShopTypes,ShopMigrations}/destination/GenerateModels/GeneratedModels/.pg-codegen-state 2>/dev/null' _ "$generated"

build
build
check "a no-op build compiles nothing" bash -c '! grep -qE "swift-frontend -frontend -c .*-module-name (ShopTypes|ShopMigrations|BillingModels|UserModels) " <<<"$1"' _ "$log"

printf 'ALTER TABLE billing_t17 ADD COLUMN note text;\n' >"$m/000200_note.up.sql"
printf 'ALTER TABLE billing_t17 DROP COLUMN note;\n' >"$m/000200_note.down.sql"
build
check "a migration that changes a billing table builds" test "$status" -eq 0
billing=$(compiled BillingModels)
check "it recompiles one shard of BillingModels" test "$(grep -c "^Tables+" <<<"$billing")" -eq 1 -a "$(grep -c . <<<"$billing")" -eq 1
migrations=$(compiled ShopMigrations)
check "and of ShopMigrations the list and the one shard of embedded migrations that holds the new one" \
    test "$(grep -c "^Versions+" <<<"$migrations")" -eq 1 -a "$(grep -c . <<<"$migrations")" -eq 2 -a "$(grep -c "^Versions.swift" <<<"$migrations")" -eq 1
check "and nothing of UserModels or ShopTypes" test -z "$(compiled UserModels)$(compiled ShopTypes)"
check "UserModels' note holds the new migration" grep -q '"000200_note.up.sql"' "$generated"/UserModels/destination/GenerateModels/GeneratedModels/.pg-codegen-state

echo "split models: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
