-- == Running 20200210113000 Courier.Repo.Migrations.JobQueuePriorityAndTags.change/0 forward
-- alter table oban_jobs
ALTER TABLE "oban_jobs" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL, ADD COLUMN "tags" varchar(255)[] DEFAULT ARRAY[]::varchar[], ADD COLUMN "meta" jsonb DEFAULT '{}', ADD COLUMN "cancelled_at" timestamp;
-- execute "ALTER TYPE oban_job_state ADD VALUE IF NOT EXISTS 'cancelled'" (no down: a value cannot be removed)
ALTER TYPE oban_job_state ADD VALUE IF NOT EXISTS 'cancelled' BEFORE 'discarded';
-- drop index oban_jobs_queue_state_scheduled_at_id_index / create index oban_jobs_state_queue_priority_scheduled_at_id_index
DROP INDEX IF EXISTS "oban_jobs_queue_state_scheduled_at_id_index";
CREATE INDEX IF NOT EXISTS "oban_jobs_state_queue_priority_scheduled_at_id_index" ON "oban_jobs" ("state", "queue", "priority", "scheduled_at", "id");
-- create index oban_jobs_args_index / oban_jobs_meta_index
CREATE INDEX IF NOT EXISTS "oban_jobs_args_index" ON "oban_jobs" USING gin ("args");
CREATE INDEX IF NOT EXISTS "oban_jobs_meta_index" ON "oban_jobs" USING gin ("meta");
ALTER TABLE "oban_jobs" ADD CONSTRAINT "priority_range" CHECK (priority BETWEEN 0 AND 3);
