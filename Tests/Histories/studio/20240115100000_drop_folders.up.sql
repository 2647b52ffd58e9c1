/*
  Warnings:

  - You are about to drop the column `folderId` on the `File` table. All the data in the column will be lost.
  - You are about to drop the `Folder` table. If the table is not empty, all the data it contains will be lost.

*/
-- DropTable
-- (edited: CASCADE instead of the three generated DropForeignKey statements;
--  it drops "File_folderId_fkey" and the self-reference "Folder_parentId_fkey")
DROP TABLE "Folder" CASCADE;

-- AlterTable
ALTER TABLE "File" DROP COLUMN "folderId";
