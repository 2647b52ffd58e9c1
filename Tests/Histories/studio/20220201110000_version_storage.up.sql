-- Hand-written around the generated part: snapshots move to object storage. The old table
-- stays as "VersionLegacy" until the export job has run (dropped in the next migration).
-- Prisma names every constraint, so the old names have to be moved out of the way first.
ALTER TABLE "Version" RENAME TO "VersionLegacy";
ALTER TABLE "VersionLegacy" RENAME CONSTRAINT "Version_pkey" TO "VersionLegacy_pkey";
ALTER INDEX "Version_fileId_number_key" RENAME TO "VersionLegacy_fileId_number_key";

-- CreateTable
CREATE TABLE "Version" (
    "id" SERIAL NOT NULL,
    "fileId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Version_fileId_number_key" ON "Version"("fileId", "number");

-- AddForeignKey
ALTER TABLE "Version" ADD CONSTRAINT "Version_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "File"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Version" ADD CONSTRAINT "Version_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

INSERT INTO "Version" ("fileId", "number", "storageKey", "byteSize", "createdById", "createdAt")
SELECT "fileId", "number", 'legacy/' || "id", octet_length("snapshot"::text), "createdById", "createdAt"
  FROM "VersionLegacy";
