# Everyday commands. `make help` lists them.
#
# The database comes from DATABASE_URL, else a .env file, else a local development PostgreSQL
# that these targets start under .pgdev/ (one database per module).

SHELL := /bin/bash

MODULE ?= saas
STEPS ?=
VERSION ?=
NAME ?=

.DEFAULT_GOAL := help
.PHONY: help build generate test bench fuzz migrate-up migrate-down migrate-version migrate-force migrate-goto \
        migrate-drop migrate-create verify dev-db-start dev-db-stop dev-db-status clean

help:
	@echo "make migrate-up MODULE=saas [STEPS=N]     apply pending migrations (all, or N)"
	@echo "make migrate-down MODULE=saas [STEPS=N|all]  roll back the last migration (or N, or all)"
	@echo "make migrate-version MODULE=saas          print the current version"
	@echo "make migrate-goto MODULE=saas VERSION=N   migrate up or down to version N"
	@echo "make migrate-force MODULE=saas VERSION=N  mark version N clean after fixing a failed migration"
	@echo "make migrate-drop MODULE=saas             drop everything in the module's database (asks first)"
	@echo "make migrate-create MODULE=saas NAME=x    create the next NNNNNN_x.up.sql and .down.sql"
	@echo "make verify MODULE=saas                   compare the migrated database with the migrations, item by item"
	@echo "make generate                             write the generated models into Generated/<Module>/"
	@echo "make test                                 run all tests against a throwaway PostgreSQL"
	@echo "make bench                                time schema folding (against pglast), migrate up (against psql),"
	@echo "                                          the query helpers (against psql COPY and PostgresNIO), and the"
	@echo "                                          build time of generated models (scripts/bench-build.sh);"
	@echo "                                          streaming 1,000,000 rows in flat memory and the pool's"
	@echo "                                          cooperative-pool latency under load (scripts/bench-stream.sh)"
	@echo "make fuzz [FUZZ_SECONDS=300]               fuzz the lexer, parser, fold, statement splitter and JSON reader (libFuzzer); crashes go to Fuzz/crashes/"
	@echo "make dev-db-start | dev-db-stop | dev-db-status   the local development PostgreSQL"

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

bench:
	@. scripts/pg-common.sh && pg_install_deps
	scripts/bench-schema.sh
	scripts/bench-migrate.sh
	scripts/bench-records.sh
	scripts/bench-stream.sh
	scripts/bench-build.sh

fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

migrate-up:
	@scripts/migrate.sh $(MODULE) up $(STEPS)

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
	@. scripts/pg-common.sh && pg_install_deps
	@swift build --product migrate --quiet >&2
	@"$$(swift build --show-bin-path)/migrate" create -ext sql -dir migrations/$(MODULE) -seq $(NAME)

verify:
	@scripts/verify.sh $(MODULE)

dev-db-start:
	@scripts/dev-postgres.sh start

dev-db-stop:
	@scripts/dev-postgres.sh stop

dev-db-status:
	@scripts/dev-postgres.sh status

clean:
	swift package clean
