-- Running upgrade a2f6c0e8d4b3 -> 6e0b4d8f2a57

ALTER TABLE providers ALTER COLUMN specialties TYPE TEXT[] USING specialties::TEXT[];

ALTER TABLE providers ALTER COLUMN specialties SET DEFAULT '{}';

UPDATE providers SET specialties = '{}' WHERE specialties IS NULL;

ALTER TABLE providers ALTER COLUMN specialties SET NOT NULL;

