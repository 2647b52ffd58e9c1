CREATE TABLE users (	
    id uuid PRIMARY KEY UNIQUE DEFAULT gen_random_uuid(),  
    email citext NOT NULL,  
    display_name text DEFAULT NULL,  
    locale varchar(40) NULL DEFAULT NULL,  
    password_hash text NOT NULL,  
    created_at timestamptz NOT NULL DEFAULT now(),  
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX ON users (email);
