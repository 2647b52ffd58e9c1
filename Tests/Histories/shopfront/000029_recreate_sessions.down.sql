DROP TABLE sessions;
ALTER TABLE sessions_old RENAME TO sessions;
