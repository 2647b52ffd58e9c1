-- AlterTable
ALTER TABLE "Subscription" ALTER COLUMN "priceMonthly" SET DATA TYPE DECIMAL(65,30);
