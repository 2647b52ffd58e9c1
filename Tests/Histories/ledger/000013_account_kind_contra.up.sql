-- No down file: an enum value cannot be removed.
ALTER TYPE account_kind ADD VALUE IF NOT EXISTS 'contra_asset' AFTER 'asset';
