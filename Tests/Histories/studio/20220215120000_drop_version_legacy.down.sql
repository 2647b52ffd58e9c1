-- CreateTable
CREATE TABLE "VersionLegacy" (
    "id" SERIAL NOT NULL,
    "fileId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
);
