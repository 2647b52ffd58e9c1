drop publication if exists supabase_realtime;
