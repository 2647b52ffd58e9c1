-- == Running 20220512100000 Courier.Repo.Migrations.CreateCourierRatings.change/0 backward
DROP TRIGGER courier_ratings_update_rating ON courier_ratings;
DROP FUNCTION update_courier_rating();
DROP TABLE "courier_ratings";
