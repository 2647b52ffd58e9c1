ALTER TABLE "user" ADD "roles" text NOT NULL DEFAULT 'customer';
ALTER TABLE "venue" ADD "timezone" character varying NOT NULL DEFAULT 'Europe/Amsterdam';
