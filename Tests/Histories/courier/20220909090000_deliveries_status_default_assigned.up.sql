-- == Running 20220909090000 Courier.Repo.Migrations.DeliveriesStatusDefaultAssigned.change/0 forward
-- alter table deliveries (modify :status, :delivery_status, default: "pending", null: false) plus a new value
ALTER TYPE delivery_status ADD VALUE IF NOT EXISTS 'cancelled';
ALTER TABLE "deliveries" ADD COLUMN "cancelled_at" timestamp(6), ADD COLUMN "cancel_reason" varchar(255);
-- create constraint cancel_reason_when_cancelled
ALTER TABLE "deliveries" ADD CONSTRAINT "cancel_reason_when_cancelled" CHECK (cancelled_at IS NULL OR cancel_reason IS NOT NULL);
