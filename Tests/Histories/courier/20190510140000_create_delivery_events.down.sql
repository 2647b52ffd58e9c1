-- == Running 20190510140000 Courier.Repo.Migrations.CreateDeliveryEvents.change/0 backward
-- drop index delivery_events_delivery_id_occurred_at_index
DROP INDEX "delivery_events_delivery_id_occurred_at_index";
-- drop table delivery_events
DROP TABLE "delivery_events";
