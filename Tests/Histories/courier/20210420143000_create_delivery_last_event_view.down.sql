-- == Running 20210420143000 Courier.Repo.Migrations.CreateDeliveryLastEventView.down/0 backward
drop view delivery_last_event;
