DROP TABLE product_variants;
