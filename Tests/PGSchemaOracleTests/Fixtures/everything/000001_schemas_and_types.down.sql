DROP DOMAIN positive_int;
DROP DOMAIN email;
DROP TYPE address;
DROP TYPE new_name;
DROP TYPE app.status;
DROP TYPE mood;
DROP EXTENSION citext;
DROP SCHEMA app;
