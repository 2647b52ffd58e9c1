-- DropForeignKey
ALTER TABLE "Comment" DROP CONSTRAINT "Comment_resolvedById_fkey";

-- AlterTable
ALTER TABLE "Comment" DROP COLUMN "resolvedAt",
DROP COLUMN "resolvedById";
