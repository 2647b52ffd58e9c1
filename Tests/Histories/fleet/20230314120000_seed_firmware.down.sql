COMMENT ON VIEW device_overview IS NULL;
DELETE FROM firmware_releases WHERE version = '1.0.0' AND notes = 'Erstausgabe — première version';
