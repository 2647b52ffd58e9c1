-- == Running 20201201120000 Courier.Repo.Migrations.JobQueueNotifyV2.down/0 backward
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
DROP TRIGGER oban_notify ON "oban_jobs";
CREATE TRIGGER oban_notify AFTER INSERT ON "oban_jobs" FOR EACH ROW EXECUTE PROCEDURE oban_jobs_notify();
