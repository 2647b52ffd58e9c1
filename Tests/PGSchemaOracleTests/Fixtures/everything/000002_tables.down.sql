DROP TABLE order_lines;
DROP TABLE orders;
DROP TABLE app.accounts;
DROP TABLE "Weird Table";
