-- DropForeignKey
ALTER TABLE "Comment" DROP CONSTRAINT "Comment_versionId_fkey";

-- AlterTable
ALTER TABLE "Comment" DROP COLUMN "versionId";

-- DropTable
DROP TABLE "Version";
