-- Hand-written: TypeORM cannot express a generated tsvector column, so the entity maps it with
-- { insert: false, update: false, select: false }. A hotfix for the search page; no down.
ALTER TABLE "event" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce("title", '') || ' ' || coalesce("description", ''))) STORED;
CREATE INDEX "event_search_idx" ON "event" USING gin ("search");
