-- ported from the node checkout service, keeps its camelCase names
CREATE TABLE "Carts" (
    "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    "userId" uuid DEFAULT NULL REFERENCES "users" ("id") ON DELETE SET NULL,
    "items" jsonb NOT NULL DEFAULT '[]',
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON "Carts" ("userId");
