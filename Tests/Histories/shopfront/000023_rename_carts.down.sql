ALTER TABLE carts RENAME COLUMN updated_at TO "updatedAt";
ALTER TABLE carts RENAME COLUMN created_at TO "createdAt";
ALTER TABLE carts RENAME COLUMN user_id TO "userId";
ALTER TABLE carts RENAME TO "Carts";
