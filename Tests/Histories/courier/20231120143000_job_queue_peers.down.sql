-- == Running 20231120143000 Courier.Repo.Migrations.JobQueuePeers.change/0 backward
ALTER TABLE "oban_jobs" DROP COLUMN IF EXISTS "discarded_at";
DROP TABLE IF EXISTS "oban_peers";
