ALTER INDEX users_email_idx RENAME TO users_email_uniq;
