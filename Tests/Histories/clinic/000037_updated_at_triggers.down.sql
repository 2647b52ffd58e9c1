drop trigger trg_providers_updated_at on providers;
drop trigger trg_appointments_updated_at on appointments;
drop trigger trg_patients_updated_at on patients;
alter table providers drop column updated_at;
alter table appointments drop column updated_at;
alter table patients drop column updated_at;
drop function set_updated_at();
