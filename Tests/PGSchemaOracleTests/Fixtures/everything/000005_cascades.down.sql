DROP TABLE "UPPER case";
DROP TABLE child;
DROP TABLE uses_doomed;
ALTER TYPE app.mood SET SCHEMA public;
