BEGIN;

-- Running downgrade 9a3e7c1f5b80 -> 1c7f3b9d5e24

ALTER TABLE appointments DROP CONSTRAINT ck_appointments_video_url;

ALTER TABLE appointments DROP CONSTRAINT ck_appointments_room_for_in_person;

ALTER TABLE appointments DROP COLUMN video_url;

ALTER TABLE appointments DROP COLUMN kind;

DROP TYPE appointment_kind;

COMMIT;

