-- == Running 20190601100000 Courier.Repo.Migrations.CreateJobQueue.up/0 forward
-- A small Oban-style job queue of our own (the jobs library came later).
-- execute (up)
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'oban_job_state' AND typnamespace = 'public'::regnamespace) THEN
    CREATE TYPE oban_job_state AS ENUM ('available', 'scheduled', 'executing', 'retryable', 'completed', 'discarded');
  END IF;
END
$$;
-- create table if not exists oban_jobs
CREATE TABLE IF NOT EXISTS "oban_jobs" ("id" bigserial, "state" oban_job_state DEFAULT 'available' NOT NULL, "queue" text DEFAULT 'default' NOT NULL, "worker" text NOT NULL, "args" jsonb DEFAULT '{}' NOT NULL, "errors" jsonb[] DEFAULT ARRAY[]::jsonb[] NOT NULL, "attempt" integer DEFAULT 0 NOT NULL, "max_attempts" integer DEFAULT 20 NOT NULL, "inserted_at" timestamp DEFAULT timezone('UTC', now()) NOT NULL, "scheduled_at" timestamp DEFAULT timezone('UTC', now()) NOT NULL, "attempted_at" timestamp, "completed_at" timestamp, PRIMARY KEY ("id"));
-- create index if not exists oban_jobs_queue_state_scheduled_at_id_index
CREATE INDEX IF NOT EXISTS "oban_jobs_queue_state_scheduled_at_id_index" ON "oban_jobs" ("queue", "state", "scheduled_at", "id");
-- create constraint worker_length / attempt_range
ALTER TABLE "oban_jobs" ADD CONSTRAINT "worker_length" CHECK (char_length(worker) > 0 AND char_length(worker) < 128);
ALTER TABLE "oban_jobs" ADD CONSTRAINT "attempt_range" CHECK (attempt BETWEEN 0 AND max_attempts);
-- execute (up)
CREATE OR REPLACE FUNCTION oban_jobs_notify() RETURNS trigger AS $$
DECLARE
  payload text;
BEGIN
  IF NEW.state = 'available' THEN
    payload := json_build_object('queue', NEW.queue)::text;
    PERFORM pg_notify('courier_jobs_insert', payload);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER oban_notify AFTER INSERT ON "oban_jobs" FOR EACH ROW EXECUTE PROCEDURE oban_jobs_notify();
