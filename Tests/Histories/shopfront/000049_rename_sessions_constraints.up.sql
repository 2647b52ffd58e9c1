-- sessions_old is gone: give the new table its proper names back.
ALTER INDEX sessions_pkey1 RENAME TO sessions_pkey;
ALTER TABLE sessions RENAME CONSTRAINT sessions_user_id_fkey1 TO sessions_user_id_fkey;
ALTER INDEX sessions_user_id_idx1 RENAME TO sessions_user_id_idx;
