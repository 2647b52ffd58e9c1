-- DropTable
-- CASCADE also drops "Comment_versionId_fkey", which followed the rename to "VersionLegacy".
DROP TABLE "VersionLegacy" CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version"("id") ON DELETE SET NULL ON UPDATE CASCADE;
