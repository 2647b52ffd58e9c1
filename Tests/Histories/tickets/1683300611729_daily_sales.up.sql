-- knex.raw() in the reporting service (20230505_daily_sales.js); refreshed nightly by cron
create materialized view "daily_sales" as
  select date_trunc('day', o."createdAt") as "day",
         count(*) as "orders",
         sum(o."total") as "revenue"
    from "order" o
   where o."status" in ('paid', 'partially_refunded')
   group by 1
with no data;
create unique index "daily_sales_day_unique" on "daily_sales" ("day");
