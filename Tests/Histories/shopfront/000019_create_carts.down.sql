DROP TABLE "Carts";
