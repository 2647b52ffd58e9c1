create table agents (	
    id serial primary key,  
    email citext not null unique,  
    name text not null,  
    signature text default null,  
    is_admin boolean not null default false,  
    created_at timestamp not null default now()
);
