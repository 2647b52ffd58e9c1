CREATE FUNCTION device_is_online(last_seen timestamptz, grace interval DEFAULT '5 minutes')
RETURNS boolean
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT last_seen IS NOT NULL AND last_seen > now() - grace;
END;

CREATE FUNCTION firmware_label(v semver, ch release_channel) RETURNS text
    LANGUAGE sql IMMUTABLE
    RETURN CASE WHEN ch = 'stable' THEN v::text ELSE v::text || '-' || ch::text END;
