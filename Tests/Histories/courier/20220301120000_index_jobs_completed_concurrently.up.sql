-- migrate:no-transaction
-- == Running 20220301120000 Courier.Repo.Migrations.IndexJobsCompletedConcurrently.change/0 forward (@disable_ddl_transaction true)
-- create index if not exists oban_jobs_completed_at_index (where: "state = 'completed'", concurrently: true)
CREATE INDEX CONCURRENTLY IF NOT EXISTS "oban_jobs_completed_at_index" ON "oban_jobs" ("completed_at") WHERE state = 'completed';
