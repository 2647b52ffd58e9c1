#!/usr/bin/env bash
# test-postgres-nio.sh: part of `make test`.
# Builds Integrations/PGPostgresNIO, the tests of the PGPostgresNIO product (a package of their
# own that enables the trait PostgresNIO, so PostgresNIO is built only here), and runs them against
# a throwaway PostgreSQL: every mapped type read and written through PostgresNIO's PostgresClient
# and PostgresConnection compared byte for byte with libpq, the generated helpers and transactions
# on PostgresNIO. Prints how long the build took.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
source "$here/pg-common.sh"
pg_install_deps

cd "$root/Integrations/PGPostgresNIO"
start=$(date +%s)
swift build --build-tests
echo "Integrations/PGPostgresNIO: built with its tests in $(( $(date +%s) - start )) s" >&2
"$here/with-test-postgres.sh" swift test --skip-build --disable-xctest
