ALTER TABLE "Carts" RENAME TO carts;
ALTER TABLE carts RENAME COLUMN "userId" TO user_id;
ALTER TABLE carts RENAME COLUMN "createdAt" TO created_at;
ALTER TABLE carts RENAME COLUMN "updatedAt" TO updated_at;
