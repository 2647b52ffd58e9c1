CREATE TABLE "seat" ("id" SERIAL NOT NULL, "section" character varying(20) NOT NULL DEFAULT '', "row" character varying(5) NOT NULL, "number" integer NOT NULL, "venueId" integer NOT NULL, CONSTRAINT "PK_ac814ccccbf983c25583fcfc81f" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "IDX_069c6216e80a2de942aff9d5d4a" ON "seat" ("venueId", "section", "row", "number") ;
ALTER TABLE "ticket" ADD "seatId" integer;
ALTER TABLE "seat" ADD CONSTRAINT "FK_937789033f21ad236ad4098da6c" FOREIGN KEY ("venueId") REFERENCES "venue"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "ticket" ADD CONSTRAINT "FK_3a5851b43bb78cffecaee44db01" FOREIGN KEY ("seatId") REFERENCES "seat"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
