drop table countries;
