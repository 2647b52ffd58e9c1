BEGIN;

-- Running upgrade d82f0a6c4b97 -> 6c5e1d9b3a08

-- with op.batch_alter_table("rooms", recreate="always"): floor (integer) becomes floor_label,
-- capacity goes, is_bookable is new. Hand edits: the foreign key from appointments is dropped
-- first and added again, and the temporary table's key and sequence are renamed afterwards.

ALTER TABLE appointments DROP CONSTRAINT fk_appointments_room_id_rooms;

CREATE TABLE _alembic_tmp_rooms (
    id SERIAL NOT NULL, 
    clinic_id INTEGER NOT NULL, 
    name VARCHAR(50) NOT NULL, 
    floor_label VARCHAR(20), 
    is_bookable BOOLEAN DEFAULT true NOT NULL, 
    CONSTRAINT pk__alembic_tmp_rooms PRIMARY KEY (id), 
    CONSTRAINT fk__alembic_tmp_rooms_clinic_id_clinics FOREIGN KEY(clinic_id) REFERENCES clinics (id), 
    CONSTRAINT uq__alembic_tmp_rooms_clinic_id UNIQUE (clinic_id, name)
);

INSERT INTO _alembic_tmp_rooms (id, clinic_id, name, floor_label) SELECT rooms.id, rooms.clinic_id, rooms.name, CAST(rooms.floor AS VARCHAR(20)) AS anon_1 
FROM rooms;

DROP TABLE rooms;

ALTER TABLE _alembic_tmp_rooms RENAME TO rooms;

ALTER TABLE rooms RENAME CONSTRAINT pk__alembic_tmp_rooms TO pk_rooms;

ALTER TABLE rooms RENAME CONSTRAINT fk__alembic_tmp_rooms_clinic_id_clinics TO fk_rooms_clinic_id_clinics;

ALTER TABLE rooms RENAME CONSTRAINT uq__alembic_tmp_rooms_clinic_id TO uq_rooms_clinic_id;

ALTER SEQUENCE _alembic_tmp_rooms_id_seq RENAME TO rooms_id_seq;

SELECT setval('rooms_id_seq', coalesce((SELECT max(id) FROM rooms), 0) + 1, false);

ALTER TABLE appointments ADD CONSTRAINT fk_appointments_room_id_rooms FOREIGN KEY(room_id) REFERENCES rooms (id) ON DELETE SET NULL;

UPDATE alembic_version SET version_num='6c5e1d9b3a08' WHERE alembic_version.version_num = 'd82f0a6c4b97';

COMMIT;

