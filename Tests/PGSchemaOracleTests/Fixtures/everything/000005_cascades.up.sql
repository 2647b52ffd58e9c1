CREATE TYPE doomed AS ENUM ('a');
CREATE TABLE uses_doomed (id int, d doomed, keep int);
DROP TYPE doomed CASCADE;
ALTER TABLE app.accounts DROP COLUMN mood;
ALTER TYPE mood SET SCHEMA app;

CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (pid int REFERENCES parent);
DROP TABLE parent CASCADE;

CREATE SCHEMA scratch;
CREATE TABLE scratch.t (id int);
DROP SCHEMA scratch CASCADE;

CREATE TABLE "UPPER case" ("Id" int, "Two Words" text);
ALTER TABLE "UPPER case" RENAME COLUMN "Two Words" TO "Three Words Now";
ALTER TABLE "UPPER case" ALTER COLUMN "Three Words Now" TYPE varchar(10);
