BEGIN;

-- Running downgrade 4c8e0a2d6f19 -> 8d2a6f0c4e37

ALTER TABLE appointments RENAME CONSTRAINT fk_appointments_room_id_treatment_rooms TO fk_appointments_room_id_rooms;

ALTER TABLE treatment_rooms RENAME CONSTRAINT uq_treatment_rooms_clinic_id TO uq_rooms_clinic_id;

ALTER TABLE treatment_rooms RENAME CONSTRAINT fk_treatment_rooms_clinic_id_clinics TO fk_rooms_clinic_id_clinics;

ALTER TABLE treatment_rooms RENAME CONSTRAINT pk_treatment_rooms TO pk_rooms;

ALTER TABLE treatment_rooms RENAME TO rooms;

COMMIT;

