-- written by hand (prisma db pull afterwards)
ALTER TABLE "File"
    ADD COLUMN "thumbnailUrl" TEXT DEFAULT NULL,
    ADD COLUMN "mimeType" VARCHAR(100) DEFAULT NULL,
    ADD COLUMN "width" INTEGER DEFAULT NULL,
    ADD COLUMN "height" INTEGER NULL DEFAULT NULL;
