-- Accounting periods. (The doubled UNIQUE is how it was reviewed in 2020; PostgreSQL keeps one.)
CREATE TABLE periods (
    id         bigserial PRIMARY KEY UNIQUE,
    name       varchar(40) NOT NULL,
    starts_on  date NOT NULL,
    ends_on    date NOT NULL,
    closed_at  timestamptz DEFAULT NULL,
    UNIQUE (starts_on, ends_on),
    UNIQUE (starts_on, ends_on),
    CHECK (ends_on > starts_on)
);
