INSERT INTO firmware_releases (model_id, version, channel, sha256, size_bytes, notes, released_at)
SELECT id, '1.0.0', 'stable', sha256('thermo-3000 1.0.0'::bytea), 524288,
       'Erstausgabe — première version', '2023-03-14 12:00:00+00'
FROM device_models WHERE vendor = 'Acme' AND model = 'Thermo-3000';

COMMENT ON VIEW device_overview IS 'Used by the support console. Keep columns stable!';
