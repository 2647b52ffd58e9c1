-- 000033 dropped the view together with sessions_old; bring it back on the new table.
CREATE VIEW active_sessions AS
    SELECT user_id, count(*) AS n
    FROM sessions
    WHERE expires_at > now()
    GROUP BY user_id;
