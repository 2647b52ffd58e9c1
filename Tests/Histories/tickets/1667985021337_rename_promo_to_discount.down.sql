ALTER TABLE "order" RENAME COLUMN "discountCodeId" TO "promoCodeId";
ALTER TABLE "discount_code" RENAME TO;
