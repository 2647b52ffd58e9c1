-- == Running 20191010100000 Courier.Repo.Migrations.CreateCourierLoadView.down/0 backward
-- execute "DROP VIEW courier_load"
DROP VIEW courier_load;
