drop extension if exists pgcrypto;
drop extension if exists "pg_trgm";
drop extension if exists "citext";
