BEGIN;

-- Running downgrade 8b2e6d0a91c5 -> 3f9a1c2b7d4e

DROP INDEX ix_practitioners_clinic_id;

DROP TABLE practitioners;

-- added by hand: Alembic does not drop the type sa.Enum created
DROP TYPE practitioner_role;

UPDATE alembic_version SET version_num='3f9a1c2b7d4e' WHERE alembic_version.version_num = '8b2e6d0a91c5';

COMMIT;

