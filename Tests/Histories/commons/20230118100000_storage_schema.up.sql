-- Stand-in for the platform's storage schema (buckets and objects).
create schema if not exists storage;

create table storage.buckets (
  id text not null primary key,
  name text not null,
  owner uuid references auth.users,
  public boolean default false,
  file_size_limit bigint default null,
  allowed_mime_types text[] default null,
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);
create unique index bname on storage.buckets using btree (name);

create table storage.objects (
  id uuid not null default extensions.uuid_generate_v4() primary key,
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid references auth.users,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored
);
create unique index bucketid_objname on storage.objects using btree (bucket_id, name);
create index name_prefix_search on storage.objects (name text_pattern_ops);

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

grant usage on schema storage to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to authenticated, service_role;
grant select on storage.buckets, storage.objects to anon;
