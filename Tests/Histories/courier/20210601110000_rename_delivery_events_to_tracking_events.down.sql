-- == Running 20210601110000 Courier.Repo.Migrations.RenameDeliveryEventsToTrackingEvents.change/0 backward
ALTER TABLE "tracking_events" RENAME CONSTRAINT "tracking_events_delivery_id_fkey" TO "delivery_events_delivery_id_fkey";
ALTER TABLE "tracking_events" RENAME CONSTRAINT "tracking_events_pkey" TO "delivery_events_pkey";
ALTER INDEX "tracking_events_delivery_id_recorded_at_index" RENAME TO "delivery_events_delivery_id_occurred_at_index";
ALTER TABLE "tracking_events" RENAME "recorded_at" TO "occurred_at";
ALTER TABLE "tracking_events" RENAME TO "delivery_events";
