CREATE TABLE "tag" ("id" SERIAL NOT NULL, "name" character varying(50) NOT NULL, CONSTRAINT "UQ_29ff7726c1134a556ee620e5036" UNIQUE ("name"), CONSTRAINT "PK_5e9b60f69165f32f8930843ca71" PRIMARY KEY ("id"));
CREATE TABLE "event_tags_tag" ("eventId" uuid NOT NULL, "tagId" integer NOT NULL, CONSTRAINT "PK_228e58cf46c475cc3bd6605f87c" PRIMARY KEY ("eventId", "tagId"));
CREATE INDEX "IDX_434c34d89faa19f2fc4e922a53f" ON "event_tags_tag" ("eventId") ;
CREATE INDEX "IDX_e57c428fa014ac6dadc2cd2f7f7" ON "event_tags_tag" ("tagId") ;
ALTER TABLE "event_tags_tag" ADD CONSTRAINT "FK_434c34d89faa19f2fc4e922a53f" FOREIGN KEY ("eventId") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_tags_tag" ADD CONSTRAINT "FK_e57c428fa014ac6dadc2cd2f7f7" FOREIGN KEY ("tagId") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;
