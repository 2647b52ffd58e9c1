-- typeorm migration:generate -n Init (1650019847215-Init.ts), each queryRunner.query() pasted as one line.
-- Not in TypeORM's output: the extension that uuid_generate_v4() needs.
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE TABLE "user" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "email" character varying NOT NULL, "passwordHash" character varying NOT NULL, "displayName" character varying(80), "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "UQ_901929fb9fb40ef4d52f472812d" UNIQUE ("email"), CONSTRAINT "PK_12dea96fec20593566ab75692c9" PRIMARY KEY ("id"));
CREATE TABLE "venue" ("id" SERIAL NOT NULL, "name" character varying NOT NULL, "city" character varying NOT NULL, "capacity" integer NOT NULL, "address" text, CONSTRAINT "PK_32185118d94a1840ef8a0bff591" PRIMARY KEY ("id"));
CREATE TABLE "event" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "title" character varying NOT NULL, "description" text, "startsAt" TIMESTAMP NOT NULL, "endsAt" TIMESTAMP, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "venueId" integer, "organizerId" uuid, CONSTRAINT "PK_5006ed0248a019713b762563076" PRIMARY KEY ("id"));
CREATE INDEX "IDX_4e6ef2e6ee673fbe1c20b19d4b9" ON "event" ("startsAt") ;
ALTER TABLE "event" ADD CONSTRAINT "FK_01ef699bcf36b294d4dd3f6b940" FOREIGN KEY ("venueId") REFERENCES "venue"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "event" ADD CONSTRAINT "FK_8433c323857e4e5a6c161b9ac7a" FOREIGN KEY ("organizerId") REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
