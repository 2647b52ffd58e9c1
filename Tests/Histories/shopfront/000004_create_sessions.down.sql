drop view active_sessions;
drop table sessions;
