-- Running downgrade b5d1f9a3e7c2 -> 4e8a2c6f0d91

ALTER TABLE appointments DROP COLUMN duration;
