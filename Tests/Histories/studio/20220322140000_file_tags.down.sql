-- AlterTable
ALTER TABLE "File" DROP COLUMN "tags";
