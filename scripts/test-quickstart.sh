#!/usr/bin/env bash
# test-quickstart.sh: the README's Quick start followed word for word, in a new package outside
# this repository (run by `make test` inside scripts/with-test-postgres.sh; needs TEST_DATABASE_URL).
#
# Each fenced block of the Quick start that follows a `<!-- quickstart: FILE -->` comment is
# written to FILE; one that follows `<!-- quickstart: sh -->` is run, in README order. Two things
# are changed, and only those: the dependency is the README's local-checkout form
# (`.package(path: "../swift-pg-models")`, a folder of that name beside the package, linked to
# this checkout) and `export DATABASE_URL=` names a database on the test server. The package is
# built, its migrations applied with `swift run migrate`, and its program run against PostgreSQL.
#
# The URL form is checked too, without a second build: the package resolves against a git
# repository whose URL ends in swift-pg-models.git (a bare clone of this checkout's HEAD, with the
# README's branch), and every product and plugin the README names is found in it.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/scripts/pg-common.sh"
: "${TEST_DATABASE_URL:?run through scripts/with-test-postgres.sh}"

passed=0
failed=0
check() { # check NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAILED: %s\n  expected: %s\n  actual:   %s\n' "$1" "$2" "$(tail -c 2000 <<<"$3")" >&2
    fi
}

# Outside the repository, in a folder of its own per checkout: everything but the package's .build
# is made anew each run, so a second run builds incrementally (a first one takes about 3 minutes
# on 2 cores: the generator, libpq's client, the migrate command).
work="${TMPDIR:-/tmp}/pg-models-quickstart-$(printf '%s' "$repo" | cksum | cut -d' ' -f1)"
mkdir -p "$work"
if [ -d "$work/App/.build" ]; then
    mv "$work/App/.build" "$work/build.keep"
fi
find "$work" -mindepth 1 -maxdepth 1 ! -name build.keep -exec rm -rf {} +
mkdir -p "$work/App"
[ -d "$work/build.keep" ] && mv "$work/build.keep" "$work/App/.build"
bindir=$(pg_find_bindir)
db="quickstart_$$"
cleanup() {
    "$bindir/psql" -X -q "$TEST_DATABASE_URL" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
    rm -rf "$work/remote" "$work/UrlApp" "$work/blocks"
}
trap cleanup EXIT
"$bindir/psql" -X -q "$TEST_DATABASE_URL" -c "CREATE DATABASE $db" >/dev/null
url="${TEST_DATABASE_URL%%/postgres\?*}/$db?sslmode=disable"

# The Quick start's blocks, in order: "FILE<TAB>start line" records, the text in numbered files.
blocks="$work/blocks"
mkdir "$blocks"
awk -v out="$blocks" '
    /^## / { inside = ($0 ~ /^## Quick start/) }
    !inside { next }
    match($0, /<!-- quickstart: [^ ]+ -->/) {
        target = substr($0, RSTART + 17, RLENGTH - 21); pending = 1; next
    }
    pending && /^ *```/ { pending = 0; infence = 1; n++; file = out "/" n; print target > (out "/index"); printf "" > file; next }
    infence && /^ *```/ { infence = 0; close(file); next }
    infence { sub(/^   /, ""); print >> file }
' "$repo/README.md"
check "the Quick start has its blocks (Package.swift, 2 migrations, main.swift, 2 shell steps)" 6 "$(wc -l <"$blocks/index" | tr -d ' ')"

# The dependency as a local checkout, as the README says: a folder named swift-pg-models.
ln -s "$repo" "$work/swift-pg-models"
app="$work/App"
n=0
log=""
while IFS= read -r target; do
    n=$((n + 1))
    text=$(cat "$blocks/$n")
    if [ "$target" = sh ]; then
        while IFS= read -r line; do
            case "$line" in export\ DATABASE_URL=*) line="export DATABASE_URL='$url'" ;; esac
            log+="\$ $line"$'\n'
            log+="$(cd "$app" && export DATABASE_URL="${DATABASE_URL:-}" && eval "$line" 2>&1)"$'\n'
            status=$?
            # `export` must last beyond its line.
            case "$line" in export\ DATABASE_URL=*) export DATABASE_URL="$url" ;; esac
            check "\`$line\` succeeds" 0 "$status"
            [ "$status" -eq 0 ] || break 2
        done <<<"$text"
    else
        if [ "$target" = Package.swift ]; then
            readme_line='.package(url: "https://github.com/<owner>/swift-pg-models.git", branch: "main"),'
            check "Package.swift has the README's URL dependency" yes "$(grep -qF "$readme_line" <<<"$text" && echo yes || echo no)"
            cp "$blocks/$n" "$work/Package.url.swift"
            text=${text/"$readme_line"/'.package(path: "../swift-pg-models"),'}
        fi
        mkdir -p "$app/$(dirname "$target")"
        printf '%s\n' "$text" >"$app/$target"
    fi
done <"$blocks/index"

check "swift run migrate applied the migration" yes "$(grep -q '^1/u create_app_todos' <<<"$log" && echo yes || echo "$log")"
check "swift run App used the generated models on the database" "Write the first migration: done true; 1 todo(s)" \
    "$(grep -E 'todo\(s\)|error' <<<"$log" | tail -1)"
check "the models were generated from the README's migration" yes \
    "$(grep -rqs 'The day it is due, if any.' "$app/.build/plugins/outputs/app/AppModels" && echo yes || echo no)"

# The DocC plugin is a dependency of this package's root only (README, "Documentation"): a
# package that uses the products never fetches it.
check "the user's package does not resolve swift-docc-plugin" yes \
    "$([ -f "$app/Package.resolved" ] && ! grep -q 'swift-docc' "$app/Package.resolved" && echo yes || echo no)"
# PostgresNIO is behind the package trait PostgresNIO, off unless a package enables it.
check "  nor postgres-nio (the trait PostgresNIO is off)" yes \
    "$([ -f "$app/Package.resolved" ] && ! grep -q 'postgres-nio' "$app/Package.resolved" && echo yes || echo no)"

# The URL form: resolution and the named products, against a repository called swift-pg-models.git.
remote="$work/remote/swift-pg-models.git"
git clone -q --bare "$repo" "$remote" 2>/dev/null
git -C "$remote" update-ref refs/heads/main "$(git -C "$repo" rev-parse HEAD)"
urlapp="$work/UrlApp"
mkdir -p "$urlapp"
cp -R "$app/Sources" "$app/migrations" "$urlapp/"
sed "s|https://github.com/<owner>/swift-pg-models.git|file://$remote|" "$work/Package.url.swift" >"$urlapp/Package.swift"
# show-dependencies loads the whole package graph, which checks every product and plugin name.
output=$(cd "$urlapp" && swift package show-dependencies 2>&1)
check "the URL form resolves, and every product and plugin it names exists" yes \
    "$(grep -q "swift-pg-models<$remote" <<<"$output" && ! grep -qi 'error' <<<"$output" && echo yes || echo "$output")"
check "  nor does it fetch swift-docc-plugin" yes \
    "$([ -f "$urlapp/Package.resolved" ] && ! grep -q 'swift-docc' "$urlapp/Package.resolved" && echo yes || echo no)"
check "  nor postgres-nio" yes \
    "$([ -f "$urlapp/Package.resolved" ] && ! grep -q 'postgres-nio' "$urlapp/Package.resolved" && echo yes || echo no)"
# With the trait on (README, "On PostgresNIO"), the PGPostgresNIO product resolves with postgres-nio.
traitapp="$work/TraitApp"
mkdir -p "$traitapp/Sources/TraitApp"
echo 'import PGPostgresNIO' >"$traitapp/Sources/TraitApp/main.swift"
cat >"$traitapp/Package.swift" <<SWIFT
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "TraitApp",
    platforms: [.macOS(.v15)],
    dependencies: [.package(url: "file://$remote", branch: "main", traits: ["PostgresNIO"])],
    targets: [.executableTarget(name: "TraitApp", dependencies: [.product(name: "PGPostgresNIO", package: "swift-pg-models")])]
)
SWIFT
output=$(cd "$traitapp" && swift package show-dependencies 2>&1)
check "with traits: [\"PostgresNIO\"], the PGPostgresNIO product resolves with postgres-nio" yes \
    "$(grep -q 'postgres-nio' <<<"$output" && ! grep -qi 'error' <<<"$output" && echo yes || echo "$output")"
# The check can fail: a product the package does not have is an error.
sed -i 's|name: "PGClient", package: "swift-pg-models"|name: "PGClients", package: "swift-pg-models"|' "$urlapp/Package.swift"
output=$(cd "$urlapp" && swift package show-dependencies 2>&1)
check "  (a misspelled product is refused there)" yes \
    "$(grep -q "product 'PGClients' required by package 'urlapp'" <<<"$output" && echo yes || echo "$output")"

echo "quick start: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
