-- AlterTable
ALTER TABLE "Version" DROP COLUMN "label",
DROP COLUMN "pinned";
