-- A statement line can match several postings (split payments).
create table posting_matches (
    line_id     bigint not null references bank_statement_lines on delete cascade,
    posting_id  bigint not null references postings,
    matched_at  timestamptz not null default now(),
    primary key (line_id, posting_id)
);
insert into posting_matches (line_id, posting_id)
    select id, matched_posting_id from bank_statement_lines where matched_posting_id is not null;
alter table bank_statement_lines drop column matched_posting_id;
