/*
  Warnings:

  - You are about to alter the column `amount` on the `Invoice` table. The data in that column could be lost. The data in that column will be cast from `Decimal(65,30)` to `Integer`.

*/
-- AlterTable
-- (USING added by hand: Prisma would have cast 12.34 to 12)
ALTER TABLE "Invoice" ALTER COLUMN "amount" SET DATA TYPE INTEGER USING ROUND("amount" * 100)::INTEGER;

-- RenameColumn
ALTER TABLE "Invoice" RENAME COLUMN "amount" TO "amountCents";
