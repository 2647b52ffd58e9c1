ALTER INDEX sessions_user_id_idx RENAME TO sessions_user_id_idx1;
ALTER TABLE sessions RENAME CONSTRAINT sessions_user_id_fkey TO sessions_user_id_fkey1;
ALTER INDEX sessions_pkey RENAME TO sessions_pkey1;
