ALTER TABLE "event_tags_tag" DROP CONSTRAINT "FK_e57c428fa014ac6dadc2cd2f7f7";
ALTER TABLE "event_tags_tag" DROP CONSTRAINT "FK_434c34d89faa19f2fc4e922a53f";
DROP INDEX "public"."IDX_e57c428fa014ac6dadc2cd2f7f7";
DROP INDEX "public"."IDX_434c34d89faa19f2fc4e922a53f";
DROP TABLE "event_tags_tag";
DROP TABLE "tag";
