-- == Running 20190314101600 Courier.Repo.Migrations.CreateCustomers.change/0 backward
-- drop index customers_email_index
DROP INDEX "customers_email_index";
-- drop table customers
DROP TABLE "customers";
-- execute "DROP EXTENSION IF EXISTS citext"
DROP EXTENSION IF EXISTS citext;
