DROP TABLE sessions_old CASCADE;
