-- == Running 20210913150000 Courier.Repo.Migrations.CreateCourierShifts.change/0 backward
-- drop table courier_shifts
DROP TABLE "courier_shifts" [];
