BEGIN;

-- Running upgrade 1b6f3d8e9a40 -> 9e3c5a7b1f26

CREATE TABLE availability_slots (
    id SERIAL NOT NULL, 
    practitioner_id INTEGER NOT NULL, 
    weekday SMALLINT NOT NULL, 
    start_time TIME WITHOUT TIME ZONE NOT NULL, 
    end_time TIME WITHOUT TIME ZONE NOT NULL, 
    valid_from DATE, 
    valid_until DATE, 
    CONSTRAINT pk_availability_slots PRIMARY KEY (id), 
    CONSTRAINT fk_availability_slots_practitioner_id_practitioners FOREIGN KEY(practitioner_id) REFERENCES practitioners (id) ON DELETE CASCADE, 
    CONSTRAINT uq_availability_slots_practitioner_id UNIQUE (practitioner_id, weekday, start_time), 
    CONSTRAINT ck_availability_slots_weekday_range CHECK (weekday BETWEEN 0 AND 6), 
    CONSTRAINT ck_availability_slots_end_after_start CHECK (end_time > start_time)
);

UPDATE alembic_version SET version_num='9e3c5a7b1f26' WHERE alembic_version.version_num = '1b6f3d8e9a40';

COMMIT;

