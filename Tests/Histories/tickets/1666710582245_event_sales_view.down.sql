DELETE FROM "typeorm_metadata" WHERE "type" = 'VIEW' AND "schema" = 'public' AND "name" = 'event_sales';
DROP VIEW "event_sales";
DROP TABLE "typeorm_metadata";
