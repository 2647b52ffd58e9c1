CREATE TABLE public.organizations (	
    id uuid PRIMARY KEY UNIQUE DEFAULT public.gen_random_uuid(),  
    slug public.citext NOT NULL,  
    name text NOT NULL,  
    billing_email text DEFAULT NULL,  
    plan varchar(40) NULL DEFAULT NULL,  
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ON public.organizations (slug);
