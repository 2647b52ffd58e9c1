/*
  Warnings:

  - The values [PROTOTYPE] on the enum `FileKind` will be removed. If these variants are still used in the database, this will fail.

*/
-- AlterEnum (edited: prototypes become designs; the generated BEGIN/COMMIT removed)
UPDATE "File" SET "kind" = 'DESIGN' WHERE "kind" = 'PROTOTYPE';
ALTER TYPE "FileKind" RENAME TO "FileKind_old";
CREATE TYPE "FileKind" AS ENUM ('DESIGN', 'WHITEBOARD', 'SLIDES');
ALTER TABLE "File" ALTER COLUMN "kind" DROP DEFAULT;
ALTER TABLE "File" ALTER COLUMN "kind" TYPE "FileKind" USING ("kind"::text::"FileKind");
ALTER TABLE "File" ALTER COLUMN "kind" SET DEFAULT 'DESIGN';
DROP TYPE "FileKind_old";
