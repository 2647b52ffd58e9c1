-- AlterTable
ALTER TABLE "Project" DROP COLUMN "archivedAt";
