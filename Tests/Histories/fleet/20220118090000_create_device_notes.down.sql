DROP TABLE device_notes;
