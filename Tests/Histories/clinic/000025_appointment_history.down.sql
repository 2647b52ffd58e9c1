drop trigger trg_appointments_status_history on appointments;
drop function log_appointment_status();
drop table appointment_history;
