-- The new "Version" got "Version_id_seq1" because "Version_id_seq" still belonged to
-- "VersionLegacy" when it was created. prisma migrate diff does not see sequence names.
ALTER SEQUENCE "Version_id_seq1" RENAME TO "Version_id_seq";
