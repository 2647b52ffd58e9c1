-- We run golang-migrate from here on. Alembic's bookkeeping table is not needed any more:
-- the last revision it recorded was 6c5e1d9b3a08 (= 000011). New files may still be
-- generated with `alembic upgrade --sql` (keep the "-- Running upgrade" line, drop the
-- alembic_version statements).
DROP TABLE alembic_version;
