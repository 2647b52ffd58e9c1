create table fiscal_years (
    id         smallint primary key,
    starts_on  date not null,
    ends_on    date not null,
    check (ends_on > starts_on),
    check (starts_on < ends_on)
);
alter table periods add column fiscal_year_id smallint default null references fiscal_years;
