-- == Running 20201201120000 Courier.Repo.Migrations.JobQueueNotifyV2.up/0 forward
-- execute: notify on every insert that is available now, and on state changes back to available;
-- payload carries the queue and the job id (unser Dispatcher liest beides)
CREATE OR REPLACE FUNCTION oban_jobs_notify() RETURNS trigger AS $$
BEGIN
  IF NEW.state = 'available' AND (TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM NEW.state) THEN
    PERFORM pg_notify('courier_jobs_insert', json_build_object('queue', NEW.queue, 'id', NEW.id)::text);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER oban_notify ON "oban_jobs";
CREATE TRIGGER oban_notify AFTER INSERT OR UPDATE OF state ON "oban_jobs" FOR EACH ROW EXECUTE FUNCTION oban_jobs_notify();
