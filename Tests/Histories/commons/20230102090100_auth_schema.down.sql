drop schema if exists auth cascade;
