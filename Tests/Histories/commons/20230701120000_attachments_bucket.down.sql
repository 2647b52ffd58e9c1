drop policy "Members upload into their own folder" on storage.objects;
drop policy "Members read attachments" on storage.objects;
delete from storage.objects where bucket_id = 'attachments';
delete from storage.buckets where id = 'attachments';
drop function storage.foldername(text);
