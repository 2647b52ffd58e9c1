alter default privileges in schema public grant insert, update, delete, truncate on tables to anon;
grant insert, update, delete, truncate on all tables in schema public to anon;
