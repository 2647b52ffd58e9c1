-- Hand-written: after 000016 the names no longer follow the naming convention
-- (metadata = MetaData(naming_convention=...)), so autogenerate kept proposing changes.
ALTER TABLE providers RENAME CONSTRAINT pk_practitioners TO pk_providers;
ALTER TABLE providers RENAME CONSTRAINT fk_practitioners_clinic_id_clinics TO fk_providers_clinic_id_clinics;
ALTER TABLE providers RENAME CONSTRAINT uq_practitioners_email TO uq_providers_email;
ALTER INDEX ix_practitioners_clinic_id RENAME TO ix_providers_clinic_id;
ALTER INDEX ix_practitioners_specialties RENAME TO ix_providers_specialties;
ALTER INDEX ix_appointments_active_practitioner RENAME TO ix_appointments_active_provider;
ALTER SEQUENCE practitioners_id_seq RENAME TO providers_id_seq;
ALTER TABLE appointments RENAME CONSTRAINT fk_appointments_practitioner_id_practitioners TO fk_appointments_provider_id_providers;
ALTER TYPE practitioner_role RENAME TO provider_role;
