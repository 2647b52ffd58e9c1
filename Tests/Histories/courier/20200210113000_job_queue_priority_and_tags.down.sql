-- == Running 20200210113000 Courier.Repo.Migrations.JobQueuePriorityAndTags.change/0 backward
-- drop constraint priority_range
ALTER TABLE "oban_jobs" DROP CONSTRAINT "priority_range";
DROP INDEX IF EXISTS "oban_jobs_meta_index";
DROP INDEX IF EXISTS "oban_jobs_args_index";
DROP INDEX IF EXISTS "oban_jobs_state_queue_priority_scheduled_at_id_index";
CREATE INDEX IF NOT EXISTS "oban_jobs_queue_state_scheduled_at_id_index" ON "oban_jobs" ("queue", "state", "scheduled_at", "id");
-- 'cancelled' stays in oban_job_state (ALTER TYPE … DROP VALUE does not exist)
ALTER TABLE "oban_jobs" DROP COLUMN "cancelled_at", DROP COLUMN "meta", DROP COLUMN "tags", DROP COLUMN "priority";
