SELECT 'é;
-- ;
"x;" ; SELECT $$ never closed ;