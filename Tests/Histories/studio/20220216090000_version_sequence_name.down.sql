ALTER SEQUENCE "Version_id_seq" RENAME TO "Version_id_seq1";
