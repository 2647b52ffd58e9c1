#!/usr/bin/env bash
# dev-postgres.sh url MODULE | start | stop | status
# The local development PostgreSQL that the Makefile uses when no database is configured (no
# DATABASE_URL, no .env). It lives under the project in .pgdev/ (ignored by git), is started on
# first use and keeps running; each module gets a database of its own (saas, umkm, farmasi), so
# their schema_migrations tables never meet.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
source "$here/pg-common.sh"

state="$root/.pgdev"

# The cluster lives in .pgdev/data. PostgreSQL's own user must be able to reach it: when running
# as root inside a folder only root can enter (a fresh clone in a mktemp -d folder, /root), the
# cluster goes to /var/tmp instead and .pgdev/location says where.
data_dir() {
    if [ -f "$state/location" ]; then
        cat "$state/location"
        return
    fi
    local dir="$state/cluster"
    if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$state" 2>/dev/null; then
        dir="/var/tmp/pg-models-dev-$(printf '%s' "$root" | cksum | cut -d' ' -f1)/cluster"
    fi
    echo "$dir/data"
}

start() {
    mkdir -p "$state"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$state"
    local data port
    data=$(data_dir)
    echo "$data" >"$state/location"
    if [ ! -f "$data/PG_VERSION" ]; then
        pg_install_deps
        echo "creating the development PostgreSQL in $data" >&2
        rm -rf "$data"
        mkdir -p "$(dirname "$data")"
        pg_init "$data"
        pg_free_port >"$state/port"
    fi
    port=$(cat "$state/port")
    if ! pg_as_owner "$(pg_find_bindir)/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        echo "starting the development PostgreSQL on 127.0.0.1:$port" >&2
        pg_start "$data" "$port"
    fi
}

# running DATA_DIR: whether a server runs on that cluster.
running() {
    local bindir
    bindir=$(pg_find_bindir) || return 1
    pg_as_owner "$bindir/pg_ctl" -D "$1" status >/dev/null 2>&1
}

case "${1:-}" in
url)
    module=${2:?usage: dev-postgres.sh url MODULE}
    start
    port=$(cat "$state/port")
    bindir=$(pg_find_bindir)
    exists=$("$bindir/psql" -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atc \
        "SELECT 1 FROM pg_database WHERE datname = '$module'")
    [ "$exists" = 1 ] || "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$module"
    echo "postgresql://postgres@127.0.0.1:$port/$module?sslmode=disable"
    ;;
start)
    start
    echo "the development PostgreSQL is running on 127.0.0.1:$(cat "$state/port") (data in $(cat "$state/location"))"
    echo "each module's database: postgresql://postgres@127.0.0.1:$(cat "$state/port")/MODULE?sslmode=disable (created by the first make migrate-up MODULE=...)"
    ;;
stop)
    # A fast shutdown: open transactions are rolled back and a checkpoint is written, so the next
    # start needs no crash recovery (immediate would skip both).
    if [ -f "$state/location" ] && running "$(cat "$state/location")"; then
        data=$(cat "$state/location")
        pg_stop "$data" fast
        if running "$data"; then
            echo "error: the development PostgreSQL in $data did not stop (see $data.log)" >&2
            exit 1
        fi
        echo "stopped the development PostgreSQL on 127.0.0.1:$(cat "$state/port") (data kept in $data; make dev-db-start starts it again)"
    else
        echo "the development PostgreSQL is not running: nothing to stop"
    fi
    ;;
status)
    if [ -f "$state/location" ] && running "$(cat "$state/location")"; then
        echo "running on 127.0.0.1:$(cat "$state/port") ($(cat "$state/location"))"
        bindir=$(pg_find_bindir)
        for name in $("$bindir/psql" -X -h 127.0.0.1 -p "$(cat "$state/port")" -U postgres -d postgres -Atc \
                "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY 1" 2>/dev/null); do
            echo "  postgresql://postgres@127.0.0.1:$(cat "$state/port")/$name?sslmode=disable"
        done
    else
        echo "not running"
    fi
    ;;
*)
    echo "usage: dev-postgres.sh url MODULE | start | stop | status" >&2
    exit 2
    ;;
esac
