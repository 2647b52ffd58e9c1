-- Running downgrade 6e0b4d8f2a57 -> a2f6c0e8d4b3

ALTER TABLE providers ALTER COLUMN specialties DROP NOT NULL;

ALTER TABLE providers ALTER COLUMN specialties DROP DEFAULT;

ALTER TABLE providers ALTER COLUMN specialties TYPE VARCHAR[] USING specialties::VARCHAR[];

