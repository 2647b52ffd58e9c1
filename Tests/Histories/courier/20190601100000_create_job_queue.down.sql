-- == Running 20190601100000 Courier.Repo.Migrations.CreateJobQueue.down/0 backward
-- execute (down)
DROP TRIGGER IF EXISTS oban_notify ON "oban_jobs";
DROP FUNCTION IF EXISTS oban_jobs_notify();
-- drop table if exists oban_jobs
DROP TABLE IF EXISTS "oban_jobs";
-- execute (down)
DROP TYPE IF EXISTS oban_job_state;
