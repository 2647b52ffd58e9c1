DROP TABLE every_types;
DROP TYPE address;
DROP DOMAIN maybe_text;
DROP DOMAIN positive_int;
DROP TYPE "Order Status";
