ALTER TABLE "ticket" DROP CONSTRAINT "UQ_16319dab9572e79af08dedfa640";
ALTER TABLE "ticket" DROP COLUMN "code";
ALTER TABLE "ticket" ADD "code" character varying(32) NOT NULL;
ALTER TABLE "ticket" ADD CONSTRAINT "UQ_16319dab9572e79af08dedfa640" UNIQUE ("code");
