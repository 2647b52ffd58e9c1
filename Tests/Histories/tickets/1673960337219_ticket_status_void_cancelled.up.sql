-- Hand-written: the generated migration rebuilds the type (RENAME TO …_old, CREATE TYPE, USING
-- "status"::"text"::…) and fails on every 'void' row. Renaming the value keeps the rows.
ALTER TYPE "public"."ticket_status_enum" RENAME VALUE 'void' TO 'cancelled';
