BEGIN;

-- Running upgrade 1c7f3b9d5e24 -> 9a3e7c1f5b80

CREATE TYPE appointment_kind AS ENUM ('in_person', 'video', 'phone');

ALTER TABLE appointments ADD COLUMN kind appointment_kind DEFAULT 'in_person' NOT NULL;

ALTER TABLE appointments ADD COLUMN video_url VARCHAR(500);

-- NOT VALID: old in-person appointments without a room exist; checked for new rows only.
ALTER TABLE appointments ADD CONSTRAINT ck_appointments_room_for_in_person CHECK (kind <> 'in_person' OR room_id IS NOT NULL) NOT VALID;

ALTER TABLE appointments ADD CONSTRAINT ck_appointments_video_url CHECK (kind <> 'video' OR video_url IS NOT NULL);

COMMIT;

