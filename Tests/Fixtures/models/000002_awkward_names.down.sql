DROP TABLE no_key;
DROP TABLE addresses;
DROP TABLE people;
DROP TABLE categories;
DROP TABLE "Awkward Names";
