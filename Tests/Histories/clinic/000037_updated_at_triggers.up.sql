-- hand-written. updated_at on the tables the sync job polls, kept by one trigger function.
create or replace function set_updated_at() returns trigger language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end $$;

alter table patients add column updated_at timestamptz not null default now();
alter table appointments add column updated_at timestamptz not null default now();
alter table providers add column updated_at timestamptz not null default now();

do $$
declare
  t text;
begin
  foreach t in array array['patients', 'appointments', 'providers'] loop
    execute format('create trigger %I before update on %I for each row execute function set_updated_at()', 'trg_' || t || '_updated_at', t);
  end loop;
end $$;
