-- == Running 20190314101600 Courier.Repo.Migrations.CreateCustomers.change/0 forward
-- execute "CREATE EXTENSION IF NOT EXISTS citext"
CREATE EXTENSION IF NOT EXISTS citext;
-- create table customers
CREATE TABLE "customers" ("id" bigserial, "name" varchar(255) NOT NULL, "email" citext NOT NULL, "phone" varchar(255), "default_address" text, "inserted_at" timestamp(0) NOT NULL, "updated_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"));
-- create index customers_email_index
CREATE UNIQUE INDEX "customers_email_index" ON "customers" ("email");
