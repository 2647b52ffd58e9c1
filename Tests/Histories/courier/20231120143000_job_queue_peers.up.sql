-- == Running 20231120143000 Courier.Repo.Migrations.JobQueuePeers.change/0 forward
-- create table oban_peers (unlogged: leadership only)
CREATE UNLOGGED TABLE "oban_peers" ("name" text, "node" text NOT NULL, "started_at" timestamp NOT NULL, "expires_at" timestamp NOT NULL, PRIMARY KEY ("name"));
-- alter table oban_jobs: discarded_at
ALTER TABLE "oban_jobs" ADD COLUMN IF NOT EXISTS "discarded_at" timestamp;
