-- geo_position was awkward to index; plain columns instead. Drops devices.position.
DROP TYPE geo_position CASCADE;
ALTER TABLE devices
    ADD COLUMN latitude double precision DEFAULT NULL,
    ADD COLUMN longitude double precision DEFAULT NULL;
