ALTER INDEX users_email_uniq RENAME users_email_idx;
