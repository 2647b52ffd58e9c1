-- helpdesk: initial schema (v0.1)
create extension if not exists "citext";
create extension if not exists "pg_trgm";
create extension if not exists pgcrypto;
