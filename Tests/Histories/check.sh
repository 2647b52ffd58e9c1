#!/usr/bin/env bash
# Applies each migration history under Tests/Histories the way golang-migrate does and checks
# that PostgreSQL accepts it.
#
#   Tests/Histories/check.sh postgresql://postgres@127.0.0.1:55432/postgres [history ...]
#
# The URL names a maintenance database on a throwaway server; for each history a fresh database
# `hist_<name>` is created next to it (and dropped again unless KEEP=1). Without history names
# all ten histories are checked.
#
# For each history, in version order:
#   * golang-migrate's own table is created first, as golang-migrate creates it;
#   * every file runs as golang-migrate runs it: its whole text as ONE simple query (psql -c),
#     with the version row set dirty before and clean after;
#   * right after up N, down N runs and up N runs again (the schema dump before up N is compared
#     with the one after down N; a difference is reported as NOTE, not as a failure, since some
#     downs cannot restore everything, e.g. enum values or column order);
#   * a down file listed as broken must be rejected by PostgreSQL with a syntax error (42601)
#     and leave the schema untouched; the version listed as having no down file must have none,
#     and no other version may lack one;
# then from the newest version downs run in reverse until the first version whose down is broken
# or missing, and ups run again to the newest version.
set -u -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
url=${1:?usage: check.sh DATABASE_URL [history ...]}
shift
histories=("$@")
[ ${#histories[@]} -eq 0 ] && histories=(shopfront helpdesk fleet ledger studio commons bookings tickets clinic courier)

# The deliberately broken down files (syntax errors) and the version without a down file.
expected_broken() {
    case $1 in
    shopfront) echo "000009 000017 000026" ;;
    helpdesk) echo "000005 000014 000023" ;;
    fleet) echo "20190515093000 20191104170500 20200822081500" ;;
    ledger) echo "000009 000019 000035" ;;
    studio) echo "20220215120000 20221004120000 20231002120000" ;;
    commons) echo "20230118100000 20230301090000 20230915120000" ;;
    bookings) echo "000009 000018 000027" ;;
    tickets) echo "1657300412855 1667985021337 1676454310982" ;;
    clinic) echo "000009 000018 000027" ;;
    courier) echo "20190701110000 20200527093000 20210913150000" ;;
    esac
}
expected_missing() {
    case $1 in
    shopfront) echo "000013" ;;
    helpdesk) echo "000019" ;;
    fleet) echo "20200301110000" ;;
    ledger) echo "000013" ;;
    studio) echo "20210719150000" ;;
    commons) echo "20230210090000" ;;
    bookings) echo "000014" ;;
    tickets) echo "1663162245712" ;;
    clinic) echo "000008" ;;
    courier) echo "20200115100000" ;;
    esac
}

fail() { echo "FAIL $*" >&2; exit 1; }
base=${url%/*}

check_history() {
    local name=$1 dir=$here/$1 db=hist_$1 dburl
    [ -d "$dir" ] || fail "$name: no folder $dir"
    dburl=$base/$db
    psql -X -q -v ON_ERROR_STOP=1 -d "$url" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || fail "$name: cannot create database"

    q() { psql -X -q -v ON_ERROR_STOP=1 -d "$dburl" -c "$1" >/dev/null || fail "$name: $1"; }
    set_version() { # version dirty ; version -1 means no version (golang-migrate's NilVersion)
        if [ "$1" = -1 ]; then q "TRUNCATE schema_migrations"
        else q "TRUNCATE schema_migrations; INSERT INTO schema_migrations (version, dirty) VALUES ($1, $2)"; fi
    }
    # Runs one file as golang-migrate does: the whole text as one simple query.
    run_file() { # file target-version
        local out
        set_version "$2" true
        out=$(psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$dburl" -c "$(cat "$1")" 2>&1) || {
            echo "$out" >&2; fail "$name: $(basename "$1") rejected"; }
        set_version "$2" false
    }
    dump() { pg_dump -s --no-owner -d "$dburl" | grep -v -e '^--' -e '^$' -e '^\\restrict' -e '^\\unrestrict'; }

    q "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint not null primary key, dirty boolean not null)"

    local -a versions=() ups=() downs=()
    local f v
    for f in "$dir"/*.up.sql; do
        v=$(basename "$f"); v=${v%%_*}
        versions+=("$v"); ups+=("$f")
        local d=("$dir/${v}"_*.down.sql)
        if [ -e "${d[0]}" ]; then downs+=("${d[0]}"); else downs+=(""); fi
    done
    # every down file has an up file
    for f in "$dir"/*.down.sql; do
        v=$(basename "$f"); v=${v%%_*}
        [ -e "$(ls "$dir/${v}"_*.up.sql 2>/dev/null | head -1)" ] || fail "$name: $f has no up file"
    done
    local n=${#versions[@]} i prev broken missing
    broken=" $(expected_broken "$name") "; missing=" $(expected_missing "$name") "
    local notes=0 broken_seen=0

    for ((i = 0; i < n; i++)); do
        v=${versions[i]}
        if ((i == 0)); then prev=-1; else prev=$((10#${versions[i - 1]})); fi
        local before after
        before=$(dump)
        run_file "${ups[i]}" "$((10#$v))"
        if [ -z "${downs[i]}" ]; then
            [[ $missing == *" $v "* ]] || fail "$name: $v has no down file but is not listed as missing"
            continue
        fi
        [[ $missing == *" $v "* ]] && fail "$name: $v is listed as missing a down file but has one"
        if [[ $broken == *" $v "* ]]; then
            local out schema
            schema=$(dump)
            if out=$(psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$dburl" -c "$(cat "${downs[i]}")" 2>&1); then
                fail "$name: $(basename "${downs[i]}") is listed as broken but PostgreSQL accepted it"
            fi
            [[ $out == *"42601"* ]] || { echo "$out" >&2; fail "$name: $(basename "${downs[i]}") failed without a syntax error"; }
            [ "$schema" = "$(dump)" ] || fail "$name: broken $(basename "${downs[i]}") changed the schema"
            echo "  broken as expected: $(basename "${downs[i]}"): $(echo "$out" | grep -m1 -o 'syntax error.*')"
            broken_seen=$((broken_seen + 1))
            continue
        fi
        run_file "${downs[i]}" "$prev"
        after=$(dump)
        if [ "$before" != "$after" ]; then
            notes=$((notes + 1))
            echo "  NOTE down $(basename "${downs[i]}") does not restore the schema exactly:"
            diff <(echo "$before") <(echo "$after") | sed 's/^/      /' | head -8
        fi
        run_file "${ups[i]}" "$((10#$v))"
    done
    [ "$broken_seen" -eq "$(echo $broken | wc -w)" ] || fail "$name: saw $broken_seen broken down files, expected: $broken"

    # All the way down, as far as the down files allow, and up again.
    local stop=-1
    for ((i = n - 1; i >= 0; i--)); do
        v=${versions[i]}
        if [ -z "${downs[i]}" ] || [[ $broken == *" $v "* ]]; then stop=$v; break; fi
        if ((i == 0)); then prev=-1; else prev=$((10#${versions[i - 1]})); fi
        run_file "${downs[i]}" "$prev"
    done
    local reached=$([ "$stop" = -1 ] && echo 0 || echo "$stop")
    for ((i = 0; i < n; i++)); do
        v=${versions[i]}
        ((stop != -1 && 10#$v <= 10#$stop)) && continue
        run_file "${ups[i]}" "$((10#$v))"
    done
    local top
    top=$(psql -X -At -d "$dburl" -c "SELECT version::text || CASE WHEN dirty THEN ' dirty' ELSE '' END FROM schema_migrations")
    [ "$top" = "$((10#${versions[n - 1]}))" ] || fail "$name: ended at version '$top'"
    [ "${KEEP:-0}" = 1 ] || psql -X -q -d "$url" -c "DROP DATABASE $db"
    echo "OK $name $n migrations (down to $reached and up again; $broken_seen broken down files rejected; $notes inexact downs noted)"
}

for h in "${histories[@]}"; do check_history "$h"; done
