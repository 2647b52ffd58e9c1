-- migrate:no-transaction
-- == Running 20220301120000 Courier.Repo.Migrations.IndexJobsCompletedConcurrently.change/0 backward
DROP INDEX CONCURRENTLY IF EXISTS "oban_jobs_completed_at_index";
