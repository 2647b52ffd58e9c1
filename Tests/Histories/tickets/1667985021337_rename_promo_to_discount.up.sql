-- Hand-written: migration:generate wanted to DROP "promo_code" and CREATE "discount_code" (losing
-- every code). Renamed instead; the constraints keep their hash names, TypeORM does not mind.
ALTER TABLE "promo_code" RENAME TO "discount_code";
ALTER TABLE "order" RENAME COLUMN "promoCodeId" TO "discountCodeId";
