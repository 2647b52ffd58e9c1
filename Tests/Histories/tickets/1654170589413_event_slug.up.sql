-- generated as ADD "slug" character varying NOT NULL, which fails on a table with rows;
-- edited by hand (Mateo): add, backfill, then SET NOT NULL.
ALTER TABLE "event" ADD "slug" character varying;
UPDATE "event" SET "slug" = lower(regexp_replace("title", '[^a-zA-Z0-9]+', '-', 'g')) || '-' || left("id"::text, 8);
ALTER TABLE "event" ALTER COLUMN "slug" SET NOT NULL;
ALTER TABLE "event" ADD CONSTRAINT "UQ_482c95ff032a0b4ca7e6f47900c" UNIQUE ("slug");
