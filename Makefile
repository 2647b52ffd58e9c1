# Everyday commands. `make help` lists them.
#
# The database comes from DATABASE_URL, else a .env file, else a local development PostgreSQL
# that these targets start under .pgdev/ (one database per module).

SHELL := /bin/bash

MODULE ?= saas
STEPS ?=
VERSION ?=
NAME ?=
DATABASES ?=
PARALLEL ?=

.DEFAULT_GOAL := help
.PHONY: help build generate test bench fuzz fuzz-ddl migrate-up migrate-down migrate-version migrate-force migrate-goto \
        migrate-drop migrate-create verify dev-db-start dev-db-stop dev-db-status clean docs \
        migrate-status migrate-baseline migrate-lint migrate-verify

help:
	@echo "make migrate-up MODULE=saas [STEPS=N]     apply pending migrations (all, or N)"
	@echo "make migrate-up MODULE=saas DATABASES=f   the same on every database listed in f (one URL or name a line) [PARALLEL=4]"
	@echo "make migrate-down MODULE=saas [STEPS=N|all]  roll back the last migration (or N, or all)"
	@echo "make migrate-version MODULE=saas          print the current version"
	@echo "make migrate-goto MODULE=saas VERSION=N   migrate up or down to version N"
	@echo "make migrate-force MODULE=saas VERSION=N  mark version N clean after fixing a failed migration"
	@echo "make migrate-drop MODULE=saas             drop everything in the module's database (asks first)"
	@echo "make migrate-create MODULE=saas NAME=x    create the next NNNNNN_x.up.sql and .down.sql"
	@echo "make verify MODULE=saas                   compare the migrated database with the migrations, item by item"
	@echo "make migrate-status MODULE=saas [JSON=1]  every migration: applied, pending, missing, changed (edited after applied)"
	@echo "make migrate-baseline MODULE=saas         record checksums of migrations applied before (golang-migrate databases)"
	@echo "make migrate-lint MODULE=saas             check the migrations offline: locks, rewrites, breaking changes, down files"
	@echo "make migrate-verify MODULE=saas           run every up and down file on a throwaway database and compare catalogs"
	@echo "make generate                             write the generated models into Generated/<Module>/"
	@echo "make test                                 run all tests against a throwaway PostgreSQL"
	@echo "make bench                                time schema folding (against pglast), migrate up (against psql),"
	@echo "                                          the query helpers (against psql COPY and PostgresNIO), and the"
	@echo "                                          build time of generated models (scripts/bench-build.sh);"
	@echo "                                          streaming 1,000,000 rows in flat memory and the pool's"
	@echo "                                          cooperative-pool latency under load (scripts/bench-stream.sh);"
	@echo "                                          64 tasks of find(id:) on PGPool vs PostgresNIO vs pgbench (scripts/bench-find.sh)"
	@echo "make fuzz [FUZZ_SECONDS=300]               fuzz the lexer, parser, fold, statement splitter and JSON reader (libFuzzer); crashes go to Fuzz/crashes/"
	@echo "make fuzz-ddl [FUZZ_SECONDS=600]           random migration histories PostgreSQL accepts, migrated and compared with the fold (verify);"
	@echo "                                          findings, reduced, go to \$$TMPDIR/pg-fuzz-ddl/min_*/ (scripts/fuzz-ddl.py)"
	@echo "make dev-db-start | dev-db-stop | dev-db-status   the local development PostgreSQL"
	@echo "make docs                                 DocC documentation of PGRecord, PGClient, PGMigrate (.build/plugins/Swift-DocC/outputs/)"

build:
	@. scripts/pg-common.sh && pg_install_deps
	swift build

generate:
	swift package --allow-writing-to-package-directory generate-models

test:
	@. scripts/pg-common.sh && pg_install_deps
	swift build --build-tests
	scripts/with-test-postgres.sh sh -c 'swift test --skip-build --disable-xctest && scripts/test-make-targets.sh'
	scripts/test-server-restart.sh
	scripts/test-pool-restart.sh
	scripts/test-plugin.sh
	# The plugins' tool as a user's `swift build -c release` builds it (the optimiser once crashed on it).
	swift build -c release --product pg-codegen-generate
	scripts/test-split-models.sh
	scripts/with-test-postgres.sh scripts/test-quickstart.sh
	scripts/docs.sh --check
	scripts/test-backend.sh
	scripts/test-postgres-nio.sh

bench:
	@. scripts/pg-common.sh && pg_install_deps
	scripts/bench-schema.sh
	scripts/bench-migrate.sh
	scripts/bench-records.sh
	scripts/bench-stream.sh
	scripts/bench-find.sh
	scripts/bench-build.sh
	scripts/bench-queries.sh

fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-ddl:
	scripts/fuzz-ddl.sh $(FUZZ_SECONDS)

migrate-up:
	@scripts/migrate.sh $(MODULE) $(if $(DATABASES),-databases $(DATABASES) -parallel $(or $(PARALLEL),4)) up $(STEPS)

migrate-down:
	@scripts/migrate.sh $(MODULE) down $(if $(filter all,$(STEPS)),-all,$(if $(STEPS),$(STEPS),1))

migrate-version:
	@scripts/migrate.sh $(MODULE) version

migrate-goto:
	@test -n "$(VERSION)" || { echo "usage: make migrate-goto MODULE=$(MODULE) VERSION=N" >&2; exit 2; }
	@scripts/migrate.sh $(MODULE) goto $(VERSION)

migrate-force:
	@test -n "$(VERSION)" || { echo "usage: make migrate-force MODULE=$(MODULE) VERSION=N" >&2; exit 2; }
	@scripts/migrate.sh $(MODULE) force $(VERSION)

migrate-drop:
	@scripts/migrate.sh $(MODULE) drop

migrate-create:
	@test -n "$(NAME)" || { echo "usage: make migrate-create MODULE=$(MODULE) NAME=add_new_field" >&2; exit 2; }
	@. scripts/pg-common.sh && pg_install_deps && pg_build_product migrate
	@"$$(swift build --show-bin-path)/migrate" create -ext sql -dir migrations/$(MODULE) -seq $(NAME)

verify:
	@scripts/verify.sh $(MODULE)

migrate-status:
	@scripts/migrate.sh $(MODULE) $(if $(DATABASES),-databases $(DATABASES) -parallel $(or $(PARALLEL),4)) status $(if $(JSON),-json)

migrate-baseline:
	@scripts/migrate.sh $(MODULE) baseline

# On a database of its own, created on the same server and dropped afterwards.
migrate-verify:
	@scripts/migrate.sh $(MODULE) verify

# Offline: needs no database, so it does not start the development PostgreSQL.
migrate-lint:
	@test -d "migrations/$(MODULE)" || { echo "error: there is no module '$(MODULE)': migrations/$(MODULE) does not exist" >&2; exit 1; }
	@. scripts/pg-common.sh && pg_install_deps && pg_build_product migrate
	@"$$(swift build --show-bin-path)/migrate" -path migrations/$(MODULE) lint $(LINTFLAGS)

dev-db-start:
	@scripts/dev-postgres.sh start

dev-db-stop:
	@scripts/dev-postgres.sh stop

dev-db-status:
	@scripts/dev-postgres.sh status

# DocC documentation of PGRecord, PGClient and PGMigrate (swift-docc-plugin), warnings as errors.
docs:
	@scripts/docs.sh --check

clean:
	swift package clean
