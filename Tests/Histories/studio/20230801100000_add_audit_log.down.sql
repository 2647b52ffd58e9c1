-- DropTable
DROP TABLE "AuditLog";
