create table api_keys (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references organizations (id) on delete cascade,
    prefix char(8) not null,
    key_hash bytea not null,
    scopes text[] not null default array['read'],
    label text default null,
    created_at timestamptz not null default now(),
    expires_at timestamptz default null,
    revoked_at timestamptz default null,
    check (expires_at is null or expires_at > created_at)
);
create unique index on api_keys (prefix);
create index on api_keys (org_id) where revoked_at is null;
