ALTER TABLE devices
    ADD COLUMN location point DEFAULT NULL,
    ADD COLUMN site text DEFAULT NULL;
