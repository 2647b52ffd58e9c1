-- DropForeignKey
ALTER TABLE "File" DROP CONSTRAINT "File_folderId_fkey";

-- DropTable
DROP TABLE "Folder";

-- AlterTable
ALTER TABLE "File" DROP COLUMN "folderId";
