DROP TABLE bookings;
DROP TABLE kv;
DROP TABLE app.tags;
ALTER TABLE lines RENAME TO order_lines;
