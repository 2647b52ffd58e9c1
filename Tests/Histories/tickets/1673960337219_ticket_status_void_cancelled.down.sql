ALTER TYPE "public"."ticket_status_enum" RENAME VALUE 'cancelled' TO 'void';
