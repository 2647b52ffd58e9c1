CREATE INDEX CONCURRENTLY "File_name_idx" ON "File" USING GIN ("name" gin_trgm_ops);
