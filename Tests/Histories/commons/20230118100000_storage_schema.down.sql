drop table storage.objects;
drop table storage.buckets;
drop schema storage cascde;
