drop table if exists "check_ins";
drop table if exists "scan_devices";
