CREATE TYPE "public"."order_status_enum" AS ENUM('pending', 'paid', 'cancelled');
CREATE TABLE "order" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "status" "public"."order_status_enum" NOT NULL DEFAULT 'pending', "total" numeric(10,2) NOT NULL DEFAULT '0', "currency" character(3) NOT NULL DEFAULT 'EUR', "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "userId" uuid, CONSTRAINT "PK_cce55e4309a753985bdd2191939" PRIMARY KEY ("id"));
CREATE INDEX "IDX_1468c0e5ed146f9b5a504a85f62" ON "order" ("userId", "createdAt") ;
CREATE TABLE "order_item" ("id" SERIAL NOT NULL, "quantity" integer NOT NULL, "unitPrice" numeric(10,2) NOT NULL, "orderId" uuid, "ticketTypeId" uuid, CONSTRAINT "PK_8b8df4acff091662117f8fa2074" PRIMARY KEY ("id"));
ALTER TABLE "order" ADD CONSTRAINT "FK_cede58feda0eedc034d788c1aba" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "order_item" ADD CONSTRAINT "FK_5b37b23c59cdfa1b44956965851" FOREIGN KEY ("orderId") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "order_item" ADD CONSTRAINT "FK_2d4fe18882505131b6b992e731d" FOREIGN KEY ("ticketTypeId") REFERENCES "ticket_type"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
