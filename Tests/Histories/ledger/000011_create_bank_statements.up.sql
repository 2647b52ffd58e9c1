create table bank_statements (
    id           bigserial primary key,
    account_id   integer not null references accounts on delete cascade,
    period_id    bigint default null references periods,
    imported_at  timestamptz not null default now(),
    file_name    text not null,
    checksum     bytea not null unique
);

create table bank_statement_lines (
    id                  bigserial primary key,
    statement_id        bigint not null references bank_statements on delete cascade,
    line_no             int not null,
    booked_on           date not null,
    amount              numeric(20,4) not null,
    description         text default null,
    matched_posting_id  bigint references postings,
    unique (statement_id, line_no)
);
create index on bank_statement_lines (matched_posting_id) where matched_posting_id is not null;
