-- == Running 20210420143000 Courier.Repo.Migrations.CreateDeliveryLastEventView.up/0 forward
-- execute: the tracking page reads the newest event per delivery
create view delivery_last_event as
select distinct on (e.delivery_id)
       e.delivery_id,
       e.kind,
       e.payload,
       e.occurred_at
  from delivery_events e
 order by e.delivery_id, e.occurred_at desc;
