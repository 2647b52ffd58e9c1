-- the roles stay: they belong to the cluster
revoke usage on schema extensions from anon, authenticated, service_role;
drop extension if exists pgcrypto;
drop extension if exists "uuid-ossp";
drop schema if exists extensions;
