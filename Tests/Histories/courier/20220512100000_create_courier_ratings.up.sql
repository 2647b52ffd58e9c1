-- == Running 20220512100000 Courier.Repo.Migrations.CreateCourierRatings.change/0 forward
-- create table courier_ratings
CREATE TABLE "courier_ratings" ("id" bigserial, "delivery_id" bigint NOT NULL CONSTRAINT "courier_ratings_delivery_id_fkey" REFERENCES "deliveries"("id") ON DELETE CASCADE, "courier_id" bigint NOT NULL CONSTRAINT "courier_ratings_courier_id_fkey" REFERENCES "couriers"("id"), "score" smallint NOT NULL, "comment" text, "inserted_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "courier_ratings_delivery_id_index" ON "courier_ratings" ("delivery_id");
CREATE INDEX "courier_ratings_courier_id_index" ON "courier_ratings" ("courier_id");
-- create constraint score_range
ALTER TABLE "courier_ratings" ADD CONSTRAINT "score_range" CHECK (score BETWEEN 1 AND 5);
-- execute: keep couriers.rating in step ("Durchschnitt der letzten 100 Bewertungen")
CREATE OR REPLACE FUNCTION update_courier_rating() RETURNS trigger AS $$
BEGIN
  UPDATE couriers SET rating = (
    SELECT round(avg(score), 2) FROM (
      SELECT score FROM courier_ratings WHERE courier_id = NEW.courier_id ORDER BY inserted_at DESC LIMIT 100
    ) last_ratings
  ) WHERE id = NEW.courier_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER courier_ratings_update_rating AFTER INSERT ON courier_ratings FOR EACH ROW EXECUTE FUNCTION update_courier_rating();
