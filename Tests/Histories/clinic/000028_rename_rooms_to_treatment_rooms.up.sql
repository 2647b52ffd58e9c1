BEGIN;

-- Running upgrade 8d2a6f0c4e37 -> 4c8e0a2d6f19

-- The view v_upcoming_appointments follows the rename (it joins rooms).
ALTER TABLE rooms RENAME TO treatment_rooms;

ALTER TABLE treatment_rooms RENAME CONSTRAINT pk_rooms TO pk_treatment_rooms;

ALTER TABLE treatment_rooms RENAME CONSTRAINT fk_rooms_clinic_id_clinics TO fk_treatment_rooms_clinic_id_clinics;

ALTER TABLE treatment_rooms RENAME CONSTRAINT uq_rooms_clinic_id TO uq_treatment_rooms_clinic_id;

ALTER TABLE appointments RENAME CONSTRAINT fk_appointments_room_id_rooms TO fk_appointments_room_id_treatment_rooms;

COMMIT;

