ALTER TABLE "File"
    DROP COLUMN "height",
    DROP COLUMN "width",
    DROP COLUMN "mimeType",
    DROP COLUMN "thumbnailUrl";
