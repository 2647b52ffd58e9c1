drop table agents;
