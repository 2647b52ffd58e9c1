DROP TABLE "Version";
ALTER INDEX "VersionLegacy_fileId_number_key" RENAME TO "Version_fileId_number_key";
ALTER TABLE "VersionLegacy" RENAME CONSTRAINT "VersionLegacy_pkey" TO "Version_pkey";
ALTER TABLE "VersionLegacy" RENAME TO "Version";
