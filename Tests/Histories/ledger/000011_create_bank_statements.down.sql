drop table bank_statement_lines;
drop table bank_statements;
