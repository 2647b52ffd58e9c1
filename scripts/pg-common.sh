# Shared shell functions for the PostgreSQL servers that the tests, the benchmarks and the
# Makefile's development database start. Sourced, never run.

# Installs libpq-dev, pkg-config and the PostgreSQL server when one of them is missing.
pg_install_deps() {
    local need=()
    command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
    pkg-config --exists libpq 2>/dev/null || need+=(libpq-dev)
    pg_find_bindir >/dev/null 2>&1 || need+=(postgresql)
    [ ${#need[@]} -eq 0 ] && return 0
    echo "installing ${need[*]} ..." >&2
    if command -v apt-get >/dev/null 2>&1; then
        local sudo=()
        [ "$(id -u)" -eq 0 ] || sudo=(sudo)
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >&2
    elif command -v brew >/dev/null 2>&1; then
        brew install pkg-config libpq postgresql@16 >&2
    else
        echo "error: please install ${need[*]} (libpq and a PostgreSQL server)" >&2
        return 1
    fi
}

# Prints the folder of initdb and pg_ctl: on PATH, else the newest Debian or Homebrew install.
pg_find_bindir() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return 0
    fi
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) \
               /opt/homebrew/opt/postgresql@16/bin /usr/local/opt/postgresql@16/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

# initdb and pg_ctl refuse to run as root: run them as the postgres user then.
pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Prints a TCP port on loopback that nothing listens on.
pg_free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return
    fi
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

# pg_init DATA_DIR: a new cluster with trust authentication on the socket and on loopback only,
# except for the role migrate_pw, which must give its password (the wrong-password tests use it).
pg_init() {
    local data=$1 bindir
    bindir=$(pg_find_bindir)
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$data" "$(dirname "$data")"
    if ! pg_as_owner "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
            >"$data.initdb.log" 2>&1; then
        cat "$data.initdb.log" >&2
        return 1
    fi
    pg_as_owner sh -c "cat > '$data/pg_hba.conf'" <<'HBA'
local all all                trust
host  all migrate_pw 127.0.0.1/32 scram-sha-256
host  all all 127.0.0.1/32   trust
host  all all ::1/128        trust
HBA
}

# pg_start DATA_DIR PORT [fast]: starts the server on 127.0.0.1:PORT, its socket in DATA_DIR's
# parent folder; `fast` turns durability off (for throwaway test servers).
pg_start() {
    local data=$1 port=$2 mode=${3:-} bindir options
    bindir=$(pg_find_bindir)
    options="-p $port -k $(dirname "$data") -c listen_addresses=127.0.0.1 -c max_connections=200"
    [ "$mode" = fast ] && options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if ! pg_as_owner "$bindir/pg_ctl" -D "$data" -l "$data.log" -w -t 60 -o "$options" start >/dev/null; then
        cat "$data.log" >&2
        return 1
    fi
}

# pg_stop DATA_DIR [MODE]: stops the server if it runs. MODE is pg_ctl's shutdown mode: `immediate`
# (the default, for throwaway servers whose data is deleted next) or `fast` (rolls back open
# transactions, writes a checkpoint: the development database, whose data is kept).
pg_stop() {
    local data=$1 mode=${2:-immediate} bindir
    bindir=$(pg_find_bindir) || return 0
    [ -f "$data/postmaster.pid" ] && pg_as_owner "$bindir/pg_ctl" -D "$data" -m "$mode" -w stop >/dev/null 2>&1
    return 0
}

# pg_build_product PRODUCT: `swift build --product PRODUCT` (CONFIGURATION, default debug) that
# shows its progress on standard error while it compiles, and says nothing when everything is up
# to date. On failure, swift build's whole output is shown.
pg_build_product() {
    local product=$1 log status
    log=$(mktemp "${TMPDIR:-/tmp}/pg-models-build.XXXXXX")
    swift build --product "$product" -c "${CONFIGURATION:-debug}" 2>&1 | tee "$log" | awk -v product="$product" '
        /^\[[0-9]+\/[0-9]+\] (Compiling|Emitting|Linking|Applying|Generating)/ {
            if (!shown) { print "building the " product " command (swift build --product " product "; a first build takes a minute or two) ..."; shown = 1 }
            print "  " $0
            fflush()
        }' >&2
    status=${PIPESTATUS[0]}
    if [ "$status" -ne 0 ]; then
        cat "$log" >&2
        echo "error: swift build --product $product failed" >&2
    fi
    rm -f "$log"
    return "$status"
}

# pg_bench_server: unless BENCH_DATABASE_URL is set, starts a durable PostgreSQL (fsync on, as in
# production) in a temporary folder, exports its URL as BENCH_DATABASE_URL and stops it when the
# script exits. The folder is in $pg_bench_dir (empty when a server was given).
pg_bench_server() {
    pg_bench_dir=""
    [ -n "${BENCH_DATABASE_URL:-}" ] && return 0
    pg_install_deps
    pg_bench_dir=$(mktemp -d "${TMPDIR:-/tmp}/pg-models-bench.XXXXXX")
    trap 'pg_stop "$pg_bench_dir/data"; rm -rf "$pg_bench_dir"' EXIT
    local port
    port=$(pg_free_port)
    pg_init "$pg_bench_dir/data"
    pg_start "$pg_bench_dir/data" "$port"
    export BENCH_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres?sslmode=disable"
}
