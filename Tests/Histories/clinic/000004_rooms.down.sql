-- Running downgrade 5d0c8a1e6f72 -> c41f7e9a2d3b

ALTER TABLE appointments DROP CONSTRAINT fk_appointments_room_id_rooms;

ALTER TABLE appointments DROP COLUMN room_id;

DROP TABLE rooms;

UPDATE alembic_version SET version_num='c41f7e9a2d3b' WHERE alembic_version.version_num = '5d0c8a1e6f72';
