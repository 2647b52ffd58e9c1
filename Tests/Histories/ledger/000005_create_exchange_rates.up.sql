create table exchange_rates (
    id      bigserial primary key,
    base    char(3) not null references currencies (code),
    quote   char(3) not null references currencies (code),
    as_of   date not null,
    rate    numeric(20,10) not null check (rate > 0),
    source  text default null::text
);
create unique index on exchange_rates (base, quote, as_of);
