-- Shopfront needs random UUIDs and case-insensitive e-mail addresses.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS citext;
