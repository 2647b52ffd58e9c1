-- AlterTable
ALTER TABLE "Version" ADD COLUMN     "label" VARCHAR(120),
ADD COLUMN     "pinned" BOOLEAN NOT NULL DEFAULT false;
