-- Running upgrade c41f7e9a2d3b -> 5d0c8a1e6f72

CREATE TABLE rooms (
    id SERIAL NOT NULL, 
    clinic_id INTEGER NOT NULL, 
    name VARCHAR(50) NOT NULL, 
    floor INTEGER, 
    capacity INTEGER DEFAULT '1' NOT NULL, 
    CONSTRAINT pk_rooms PRIMARY KEY (id), 
    CONSTRAINT fk_rooms_clinic_id_clinics FOREIGN KEY(clinic_id) REFERENCES clinics (id), 
    CONSTRAINT uq_rooms_clinic_id UNIQUE (clinic_id, name)
);

ALTER TABLE appointments ADD COLUMN room_id INTEGER;

ALTER TABLE appointments ADD CONSTRAINT fk_appointments_room_id_rooms FOREIGN KEY(room_id) REFERENCES rooms (id) ON DELETE SET NULL;

UPDATE alembic_version SET version_num='5d0c8a1e6f72' WHERE alembic_version.version_num = 'c41f7e9a2d3b';
