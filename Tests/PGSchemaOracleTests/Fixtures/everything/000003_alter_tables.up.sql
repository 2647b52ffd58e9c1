ALTER TABLE orders
    ADD COLUMN note text,
    ADD COLUMN IF NOT EXISTS note text,
    ALTER COLUMN amount SET DEFAULT 1,
    ALTER COLUMN amount DROP DEFAULT;
ALTER TABLE orders RENAME COLUMN note TO remark;
ALTER TABLE orders ALTER COLUMN remark TYPE varchar(500) USING remark::varchar(500);
ALTER TABLE orders ALTER COLUMN remark SET NOT NULL, ALTER COLUMN remark SET DEFAULT '';
ALTER TABLE orders ALTER COLUMN remark DROP NOT NULL;
ALTER TABLE IF EXISTS no_such_table ADD COLUMN x int;

ALTER TABLE ONLY order_lines ADD CONSTRAINT order_lines_product_key UNIQUE (product);
ALTER TABLE order_lines DROP CONSTRAINT order_lines_product_key;
ALTER TABLE order_lines DROP CONSTRAINT IF EXISTS nothing_like_this;
ALTER TABLE order_lines RENAME CONSTRAINT order_lines_qty_check TO order_lines_qty_positive;
ALTER TABLE order_lines RENAME TO lines;
ALTER TABLE lines ADD COLUMN discount numeric(5,2) DEFAULT 0 NOT NULL;
ALTER TABLE lines DROP COLUMN product;
ALTER TABLE lines ALTER COLUMN line_no ADD GENERATED ALWAYS AS IDENTITY;
ALTER TABLE lines ALTER COLUMN line_no DROP IDENTITY IF EXISTS;

CREATE TABLE tags (name text);
ALTER TABLE tags ADD PRIMARY KEY (name);
ALTER TABLE tags SET SCHEMA app;

CREATE TABLE kv (k text, v text, n int);
ALTER TABLE kv
    ADD CONSTRAINT kv_pk PRIMARY KEY (k),
    ADD CONSTRAINT kv_n_check CHECK (n > 0),
    ADD UNIQUE (v),
    ADD FOREIGN KEY (v) REFERENCES app.tags (name);
ALTER TABLE kv OWNER TO CURRENT_USER;
ALTER TABLE kv ENABLE ROW LEVEL SECURITY;
ALTER TABLE kv DROP COLUMN n;

CREATE TABLE gone (id int);
DROP TABLE gone;
DROP TABLE IF EXISTS never_was CASCADE;

CREATE TABLE bookings (during tstzrange, room int, EXCLUDE USING gist (during WITH &&));
