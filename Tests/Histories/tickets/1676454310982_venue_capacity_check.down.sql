ALTER TABLE "venue" DROP CHECK "CHK_8ffea95f1a2e6f40ba9257e2de2";
ALTER TABLE "venue" ALTER COLUMN "timezone" SET DEFAULT 'Europe/Amsterdam';
