-- == Running 20210601110000 Courier.Repo.Migrations.RenameDeliveryEventsToTrackingEvents.change/0 forward
-- rename table delivery_events to table tracking_events (the view delivery_last_event follows)
ALTER TABLE "delivery_events" RENAME TO "tracking_events";
-- rename table tracking_events column occurred_at to recorded_at
ALTER TABLE "tracking_events" RENAME "occurred_at" TO "recorded_at";
-- rename index … to tracking_events_delivery_id_recorded_at_index
ALTER INDEX "delivery_events_delivery_id_occurred_at_index" RENAME TO "tracking_events_delivery_id_recorded_at_index";
-- execute: Ecto's constraint names, so that foreign_key_constraint/2 finds them
ALTER TABLE "tracking_events" RENAME CONSTRAINT "delivery_events_pkey" TO "tracking_events_pkey";
ALTER TABLE "tracking_events" RENAME CONSTRAINT "delivery_events_delivery_id_fkey" TO "tracking_events_delivery_id_fkey";
