alter table bank_statement_lines add column matched_posting_id bigint references postings;
create index on bank_statement_lines (matched_posting_id) where matched_posting_id is not null;
update bank_statement_lines l set matched_posting_id = m.posting_id
  from posting_matches m where m.line_id = l.id;
drop table posting_matches;
